"""An entrepreneur submits a question with consent to contact; the region's coordinator, on a
page already open, sees the unread count rise without reloading, finds the notification in the
centre and receives the mail; the entrepreneur receives the confirmation with the link to their
answer page. axe-core checks every page."""

import re

import pytest
from playwright.sync_api import expect

from kennisnetwerk.accounts.models import RegionRole
from kennisnetwerk.needs.tests.factories import build_world, reindex

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

QUESTION = "Ik kan geen personeel vinden en wil mijn mensen laten bijscholen."


@pytest.fixture
def world(e2e_db):
    world = build_world()
    reindex()
    return world


def test_a_question_with_consent_reaches_the_coordinator_and_is_confirmed(
    browser, live_server, world, make_user, log_in, assert_accessible, smtp_server, settings
):
    settings.NOTIFICATIONS_POLL_SECONDS = 1
    settings.SITE_URL = live_server.url
    region = world["nob"]
    coordinator = make_user("coordinator@nob.example", "Coby Coördinator")
    RegionRole.objects.create(user=coordinator, region=region, role="coordinator")

    staff = browser.new_context(base_url=live_server.url, bypass_csp=True, locale="nl-NL")
    public = browser.new_context(base_url=live_server.url, bypass_csp=True, locale="nl-NL")
    try:
        desk = staff.new_page()
        log_in(desk, coordinator.email)
        desk.goto("/meldingen/")
        expect(desk.locator("h1")).to_have_text("Meldingen")
        count = desk.get_by_test_id("unread-count")
        expect(count).to_have_text("0")
        expect(desk.locator("#notification-list")).to_contain_text("Nog geen meldingen")
        assert_accessible(desk)

        # The entrepreneur, without an account, asks on the public form.
        form = public.new_page()
        form.goto(f"/vraag/{region.slug}/stel-uw-vraag/")
        assert_accessible(form)
        form.get_by_label("Wat is uw vraag of knelpunt?").fill(QUESTION)
        form.get_by_label("Gemeente of vestigingsplaats").fill("Oss")
        form.get_by_label("Aantal mensen dat in het bedrijf werkt").select_option("klein")
        form.get_by_label("E-mailadres").fill("info@metaal-oss.example")
        form.locator("input[name=follow_up_consent]").check()
        with form.expect_navigation():
            form.get_by_role("button", name="Toon passend aanbod").click()
        expect(form.locator("h1")).to_have_text("Aanbod dat past bij uw vraag")
        assert_accessible(form)

        # The coordinator's open page counts it without a reload.
        expect(count).to_have_text("1", timeout=10_000)
        assert desk.url.endswith("/meldingen/")
        assert_accessible(desk)
        desk.reload()
        item = desk.locator("#notification-list li").first
        expect(item).to_contain_text("Vraag van een ondernemer in Noordoost-Brabant")
        expect(item).to_contain_text(QUESTION)
        expect(item).to_contain_text("Leerwerkplaats Techniek")  # its best match
        assert_accessible(desk)
        item.get_by_role("link").click()
        expect(desk.locator("h1")).to_have_text("Vraag van een ondernemer")
        expect(desk.get_by_test_id("unread-count")).to_have_text("0")
        assert_accessible(desk)

        # Both mails arrived: the coordinator's, and the confirmation with the signed link.
        mails = {m["To"]: m for m in smtp_server.wait_for(2)}
        assert set(mails) == {coordinator.email, "info@metaal-oss.example"}
        assert "Noordoost-Brabant" in mails[coordinator.email]["Subject"]
        confirmation = mails["info@metaal-oss.example"]
        assert confirmation["Subject"] == "Uw vraag aan Noordoost-Brabant is ontvangen"
        text = confirmation.get_body(("plain",)).get_content()
        [link] = re.findall(r"https?://\S+/vraag/antwoord/\S+", text)
        form.goto(link)
        expect(form.locator("h1")).to_have_text("Aanbod dat past bij uw vraag")
        expect(form.locator(".kn-question")).to_contain_text(QUESTION)
        assert_accessible(form)
    finally:
        staff.close()
        public.close()
