"""Demand meets supply: an entrepreneur asks a question on the public form and sees matching
offers; an account manager refers one; the coordinator opens the gap report. axe-core checks
every page."""

import pytest
from playwright.sync_api import expect

from kennisnetwerk.accounts.models import Membership, RegionRole
from kennisnetwerk.needs.models import MatchFeedback, Need
from kennisnetwerk.needs.tests.factories import build_world, reindex

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


@pytest.fixture
def world(e2e_db):
    world = build_world()
    reindex()
    return world


def test_question_to_referral_to_gap_report(page, world, make_user, log_in, assert_accessible):
    region = world["nob"]
    page.goto("/vraag/")
    page.get_by_role("link", name="Noordoost-Brabant").click()
    expect(page.locator("h1")).to_contain_text("Noordoost-Brabant")
    assert_accessible(page)

    page.get_by_label("Wat is uw vraag of knelpunt?").fill(
        "Ik kan geen personeel vinden en wil mijn mensen laten bijscholen. <b>Snel</b> graag."
    )
    page.get_by_label("Gemeente of vestigingsplaats").fill("Heesch")  # a village of Bernheze
    page.get_by_label("Aantal mensen dat in het bedrijf werkt").select_option("klein")
    page.get_by_label("E-mailadres").fill("info@metaal-heesch.example")
    page.locator("input[name=follow_up_consent]").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Toon passend aanbod").click()

    expect(page.locator("h1")).to_have_text("Aanbod dat past bij uw vraag")
    expect(page.locator(".kn-question")).to_contain_text("<b>Snel</b> graag.")  # shown as text
    results = page.locator("ol.kn-result-list")
    expect(results).to_contain_text("Leerwerkplaats Techniek")
    expect(results).to_contain_text("bijscholen")
    expect(results).not_to_contain_text("Werkgeversdesk personeel Leiden")
    assert_accessible(page)
    need = Need.objects.get()

    # An account manager of a party in the region refers the entrepreneur.
    manager = make_user("accountmanager@oss.example", "Anouk Accountmanager")
    Membership.objects.create(user=manager, organisation=world["party"], role="member")
    answer_url = page.url
    page.context.clear_cookies()
    log_in(page, manager.email)
    page.goto(f"/vraag/{region.slug}/vragen/")
    expect(page.locator("tbody")).to_contain_text("Ik kan geen personeel vinden")
    assert_accessible(page)
    page.get_by_role("link", name="Ik kan geen personeel vinden").click()
    expect(page.locator("h1")).to_have_text("Vraag van een ondernemer")
    assert_accessible(page)
    match = page.locator("li.kn-result").filter(has_text="Leerwerkplaats Techniek")
    match.get_by_role("button", name="Markeer als doorverwezen").click()
    expect(
        page.locator("#matches li.kn-result").filter(has_text="Leerwerkplaats Techniek")
    ).to_contain_text("Doorverwezen ✓")
    expect(page.locator("#matches-title")).to_contain_text("Doorverwezen")
    assert MatchFeedback.objects.get(need=need).user == manager
    assert_accessible(page)

    # The coordinator opens the gap report.
    coordinator = make_user("coordinator@nob.example", "Coby Coördinator")
    RegionRole.objects.create(user=coordinator, region=region, role="coordinator")
    page.context.clear_cookies()
    log_in(page, coordinator.email)
    page.goto(f"/vraag/{region.slug}/hiaten/")
    expect(page.locator("h1")).to_have_text("Hiatenrapport van Noordoost-Brabant")
    expect(
        page.get_by_role("table", name="Vragen en aanbod per thema, grootteklasse en gemeente")
    ).to_contain_text("Bernheze")
    assert_accessible(page)
    assert answer_url  # the entrepreneur's page stays reachable through its signed link
