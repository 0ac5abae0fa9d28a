"""Dashboards of monitoring in a real browser: a regional coordinator opens the dashboards of
the region, an MKB-Deal and a learning programme, and an indicator's page. Every chart has
the table of its numbers beside it and downloads of that table; axe-core finds no violations
on any of the pages."""

import csv
import io

import pytest
from playwright.sync_api import Page, expect

from kennisnetwerk.accounts.models import RegionRole
from kennisnetwerk.accounts.tests.factories import RegionFactory
from kennisnetwerk.monitoring.models import Measurement, Target
from kennisnetwerk.monitoring.tests.factories import dashboard_world, indicator_make

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


@pytest.fixture
def world(e2e_db, make_user):
    world = dashboard_world()
    coordinator = make_user("coordinator@noordoost-brabant.example", "Joris van Dijk")
    deal = RegionFactory(
        name="MKB-Deal West-Brabant", slug="mkb-deal-west-brabant", kind="mkb_deal"
    )
    for region in (world["region"], deal):
        RegionRole.objects.create(user=coordinator, region=region, role="coordinator")
    companies = indicator_make(deal, code="deelnemers", name="Deelnemende mkb-bedrijven")
    Target.objects.create(indicator=companies, period="2025", value=100)
    Measurement.objects.create(indicator=companies, period="2025", value=96, source="handmatig")
    world.update(coordinator=coordinator, deal=deal)
    return world


def _every_chart_has_its_table_and_downloads(page: Page) -> int:
    figures = page.locator(".kn-dashboard__figure")
    count = figures.count()
    assert count > 0
    for index in range(count):
        figure = figures.nth(index)
        chart = figure.locator("svg[role=img]")
        if chart.count():
            labelled = chart.get_attribute("aria-labelledby").split()
            for element_id in labelled:
                assert page.locator(f"[id='{element_id}']").text_content().strip()
        expect(figure.locator("table caption")).to_contain_text("Cijfers:")
        expect(figure.locator("a", has_text="(CSV)")).to_have_count(1)
        expect(figure.locator("a", has_text="(Excel)")).to_have_count(1)
    return count


def _download_text(page: Page, link) -> str:
    with page.expect_download() as info:
        link.click()
    with open(info.value.path(), encoding="utf-8-sig") as handle:
        return handle.read()


def test_the_dashboards_show_charts_with_tables_and_downloads(
    page, world, log_in, assert_accessible
):
    log_in(page, world["coordinator"].email)
    page.goto("/monitoring/")
    assert_accessible(page)
    page.get_by_role("link", name="Noordoost-Brabant", exact=True).click()

    expect(page.locator("h1")).to_contain_text("Noordoost-Brabant")
    assert _every_chart_has_its_table_and_downloads(page) == 6
    assert_accessible(page)
    agenda = page.locator(".kn-dashboard__figure", has=page.locator("#chart-doe-agenda-table"))
    rows = list(
        csv.reader(
            io.StringIO(_download_text(page, agenda.locator("a", has_text="(CSV)"))), delimiter=";"
        )
    )
    assert rows == [
        ["DOE-agenda", "Acties", "Klaar", "Over de deadline", "Voortgang (%)"],
        ["DOE-agenda 2026", "3", "1", "1", "70"],
    ]
    reach = page.locator("#chart-bereik-{}-table".format(world["indicator"].pk))
    expect(reach).to_contain_text("< 10")

    page.goto("/monitoring/")
    page.get_by_role("link", name="MKB-Deal West-Brabant").click()
    expect(page.locator(".kn-lead")).to_contain_text("MKB-Deal")
    _every_chart_has_its_table_and_downloads(page)
    assert_accessible(page)

    page.goto("/monitoring/")
    page.get_by_role("link", name="CoP Noordoost-Brabant").click()
    expect(page.locator("h1")).to_contain_text("CoP Noordoost-Brabant")
    _every_chart_has_its_table_and_downloads(page)
    expect(page.locator("#chart-leren-table")).to_contain_text("Aftrap")
    assert_accessible(page)

    page.goto(f"/monitoring/indicatoren/{world['deelnemers'].pk}/")
    _every_chart_has_its_table_and_downloads(page)
    expect(page.locator("#chart-indicator-table")).to_contain_text("130")
    assert_accessible(page)
