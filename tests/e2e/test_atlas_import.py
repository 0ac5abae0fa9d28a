"""A coordinator imports the region's spreadsheet: preview, only the valid rows, the import in
the background, and from the matrix to the imported initiatives."""

import datetime as dt
import re

import pytest
from playwright.sync_api import Route, expect

from kennisnetwerk.accounts.models import RegionRole
from kennisnetwerk.accounts.tests.factories import OrganisationFactory
from kennisnetwerk.ecosystem.models import Initiative, InventoryImportJob
from kennisnetwerk.ecosystem.tasks import run_inventory_import
from kennisnetwerk.ecosystem.tests.spreadsheets import xlsx
from kennisnetwerk.geo.models import Municipality
from kennisnetwerk.geo.services import region_create

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER = [
    "Naam initiatief",
    "Soort",
    "Status",
    "Aanbieder",
    "KvK-nr.",
    "Thema's",
    "Doelgroepen",
    "Gemeente(n)",
    "Start",
    "Einde",
    "Budget",
]
ROWS = [
    # Old municipality and place names, Dutch dates and amounts as regions type them.
    [
        "Digitale Werkplaats",
        "programma",
        "actief",
        "Gemeente Oss",
        1234567,  # the leading zero is lost in Excel
        "Digitalisering",
        "micro; klein",
        "Uden",
        "1 februari 2025",
        "31-12-2026",
        "€ 250.000,-",
    ],
    [
        "Starterscafé Bernheze",
        "netwerk",
        "actief",
        "Ondernemersvereniging Bernheze",  # not known yet: added by the import
        None,
        "Ondernemerschap en starters",
        "zzp",
        "Heesch",
        "1-9-2024",
        None,
        "5.000",
    ],
    [
        "Innovatievouchers",
        "regeling",
        "actief",
        "Gemeente Oss",
        "01234567",
        "Innovatie",
        "klein, middelgroot",
        "Oss",
        dt.datetime(2025, 1, 1),  # noqa: DTZ001 (an Excel date cell has no time zone)
        "december 2025",
        "€1,5 mln",
    ],
    [
        "Circulair ondernemen in de Maashorst",
        "project",
        "actief",
        "Gemeente Oss",
        None,
        "Circulaire economie en verduurzaming",
        "middelgroot",
        "Landerd",
        "maart 2025",
        "2026",
        75000,
    ],
    [
        "Bedrijfsopvolgingsloket",
        "loket",
        "gepland",
        "Gemeente Oss",
        None,
        "Bedrijfsopvolging en familiebedrijven",
        None,
        "Oss; Bernheze",
        "15 maart 2025",
        None,
        "12.500,00",
    ],
    [
        "Ondernemersloket Atlantis",
        "loket",
        "actief",
        "Gemeente Oss",
        None,
        "Ondernemerschap en starters",
        "zzp",
        "Atlantis",  # no such municipality or place: this row cannot be imported
        "1-1-2025",
        None,
        None,
    ],
]


@pytest.fixture
def coordinator(make_user):
    region = region_create(
        name="Noordoost-Brabant",
        kind="custom",
        municipalities=Municipality.objects.filter(name__in=["Oss", "Bernheze", "Maashorst"]),
        actor=None,
    )
    OrganisationFactory(name="Gemeente Oss", kvk_number="01234567")
    user = make_user("anouk@regio-nob.example", "Anouk van den Heuvel")
    RegionRole.objects.create(user=user, region=region, role="coordinator")
    return user


@pytest.fixture
def staging(settings, tmp_path):
    settings.INVENTORY_IMPORT_STAGING_DIR = str(tmp_path / "staging")


def test_coordinator_imports_the_valid_rows_and_finds_them_through_the_matrix(
    page, coordinator, staging, settings, log_in, assert_accessible
):
    # The import waits for a worker, as in production; the test plays the worker below.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}
    }
    log_in(page, coordinator.email)

    page.goto("/atlas/")
    page.get_by_role("link", name="Importeren", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Inventarisatie van Noordoost-Brabant importeren"
    )
    assert_accessible(page)

    page.set_input_files(
        "input[name=file]",
        files=[{"name": "inventarisatie.xlsx", "mimeType": XLSX, "buffer": xlsx([HEADER, *ROWS])}],
    )
    page.get_by_role("button", name="Bestand controleren").click()

    # The preview: five rows to import, and the reason the sixth cannot be.
    expect(page.get_by_role("heading", level=1)).to_contain_text("inventarisatie.xlsx")
    problem = page.locator("#rij-7")
    expect(problem).to_contain_text("Ondernemersloket Atlantis")
    expect(problem).to_contain_text("Gemeente(n)")
    expect(problem).to_contain_text("Atlantis")
    expect(page.get_by_role("link", name=re.compile(r"Rij 7, Gemeente\(n\)"))).to_be_visible()
    expect(page.get_by_role("table", name="Rijen die zouden worden geïmporteerd")).to_contain_text(
        "Starterscafé Bernheze"
    )
    assert not Initiative.objects.exists()
    assert_accessible(page)

    page.get_by_role("button", name="Alleen de 5 geldige rijen importeren").click()

    # The job page while the import waits: a progress bar and a way to refresh by hand.
    expect(page).to_have_url(re.compile(r"/atlas/importeren/noordoost-brabant/taak/\d+/$"))
    expect(page.locator("progress")).to_be_visible()
    job_path = page.url.removeprefix(page.url.split("/atlas/")[0])
    expect(page.locator(f'#import-job a[href="{job_path}"]')).to_be_visible()  # refresh
    assert_accessible(page)

    # Hold the page's polling while the worker writes (the server shares the test's database
    # connection), then let it find the finished import without reloading the page.
    held: list[Route] = []
    holding = True

    def poll(route: Route) -> None:
        if holding:
            held.append(route)
        else:
            route.continue_()

    page.route("**/taak/**", poll)
    page.wait_for_timeout(1_500)  # polls now wait here; none is on its way to the server
    assert held
    run_inventory_import.call(job_id=InventoryImportJob.objects.get().pk)
    holding = False
    for route in held:
        route.continue_()

    expect(page.get_by_role("heading", name="Import klaar")).to_be_visible()
    expect(page.locator("progress")).to_have_count(0)
    expect(page.get_by_role("table", name="Resultaat van de import")).to_contain_text("5")
    assert Initiative.objects.count() == 5
    assert_accessible(page)

    # The matrix of the region: a cell with initiatives leads to the list of them.
    page.get_by_role("link", name="Thema's en doelgroepen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thema's en doelgroepen")
    expect(page.locator("table.kn-matrix caption")).to_contain_text("Noordoost-Brabant")
    assert_accessible(page)

    row = page.locator("table.kn-matrix tbody tr", has_text="Digitalisering")
    row.locator("td a").first.click()
    expect(page).to_have_url(re.compile(r"/atlas/\?thema=digitalisering&"))
    results = page.locator("#atlas-results")
    expect(results).to_contain_text("Digitale Werkplaats")
    expect(results).not_to_contain_text("Atlantis")
    assert_accessible(page)

    results.get_by_role("link", name="Digitale Werkplaats").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Digitale Werkplaats")
    expect(page.locator("main")).to_contain_text("Maashorst")  # Uden is now Maashorst
    expect(page.locator("main")).to_contain_text("Gemeente Oss")
    assert_accessible(page)
