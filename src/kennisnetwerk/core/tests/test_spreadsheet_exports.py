"""Every .xlsx download the platform offers, found by walking the URL patterns, opened with
openpyxl as Excel and LibreOffice would: a bold header row that is frozen and filtered, column
widths set, dates as date cells (never text), numbers as numbers, no cell that could run as a
formula. The CSV downloads write decimal commas and Dutch dates, with the same escaping."""

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_facilitator,
)
from kennisnetwerk.core.tests.url_walk import params as _params
from kennisnetwerk.core.tests.url_walk import patterns as _patterns

pytestmark = pytest.mark.django_db

FORMULA = ' =HYPERLINK("http://voorbeeld.example")'
FULL_WIDTH = "＝SUM(A1:A9)"
DATE_AS_TEXT = re.compile(
    r"^\s*(\d{1,2}[-/]\d{1,2}[-/]\d{2,4}|\d{4}-\d{2}-\d{2})([ T]\d{1,2}:\d{2})?"
)
# 1.250 · 1250,5 · 45 % written as text (a year such as 2026 is a period's name, not a number)
NUMBER_AS_TEXT = re.compile(r"^\s*-?(\d{1,3}(\.\d{3})+(,\d+)?|\d+,\d+|\d+(,\d+)?\s?%)\s*$")


@pytest.fixture
def world(reference_data):
    from kennisnetwerk.agenda import services as agenda_services
    from kennisnetwerk.ecosystem.tests.factories import InitiativeFactory
    from kennisnetwerk.learning.models import Registration
    from kennisnetwerk.learning.tests.factories import ProgrammeFactory, SessionFactory
    from kennisnetwerk.monitoring.models import Indicator, Measurement
    from kennisnetwerk.needs.models import Need

    facilitator = make_facilitator()
    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss"])
    owner = OrganisationFactory(name=FULL_WIDTH)
    InitiativeFactory(
        inventory_region=region,
        owner=owner,
        title=FORMULA,
        start_date=dt.date(2026, 1, 15),
        end_date=dt.date(2026, 12, 7),
        budget=Decimal("250000.50"),
    )
    Need.objects.create(
        region=region,
        question=FORMULA,
        source="formulier",
        matched_at=timezone.now(),
        best_score=0.1,
    )
    programme = ProgrammeFactory(slug="cop-export")
    programme.regions.set([region])
    held = timezone.now() - dt.timedelta(days=10)
    session = SessionFactory(
        programme=programme, title=FORMULA, starts_at=held, ends_at=held + dt.timedelta(hours=3)
    )
    Registration.objects.create(
        session=session,
        name=FORMULA,
        email="deelnemer@voorbeeld.example",
        status="aangemeld",
        attended=True,
    )
    indicator = Indicator.objects.create(
        region=region,
        code="bedrijven",
        name="Bedrijven geholpen",
        unit="bedrijven",
        source="handmatig",
    )
    Measurement.objects.create(
        indicator=indicator, period="2026", value=Decimal("1250.50"), source="handmatig"
    )
    agenda = agenda_services.agenda_create(
        region=region, title="DOE-agenda 2026", start_date=dt.date(2026, 1, 1), actor=facilitator
    )
    agenda_services.action_create(
        agenda=agenda,
        data=agenda_services.ActionData(title=FORMULA, owner=owner, deadline=dt.date(2026, 12, 7)),
        actor=facilitator,
    )
    return {
        "facilitator": facilitator,
        "region": region,
        "programme": programme,
        "session": session,
        "indicator": indicator,
        "agenda": agenda,
    }


def _spreadsheet_urls():
    """URL names of the downloads that are (or may be) .xlsx files."""
    found = set()
    for namespace, pattern in _patterns():
        route = str(pattern.pattern)
        if route.endswith(".xlsx") or "fmt" in _params(pattern):
            found.add(f"{namespace}{pattern.name}")
    return found


def _downloads(world):
    """(url, whether the file holds dates) for every .xlsx export, by URL name."""
    from kennisnetwerk.monitoring.selectors_dashboard import programme_dashboard, region_dashboard

    region, programme = world["region"], world["programme"]
    region_keys = _figure_keys(region_dashboard(region))
    programme_keys = _figure_keys(programme_dashboard(programme))
    assert "leren" in programme_keys  # the table with session dates
    return {
        "ecosystem:export_xlsx": [(reverse("ecosystem:export_xlsx"), True)],
        "ecosystem:import_sample": [(reverse("ecosystem:import_sample"), True)],
        "needs:gaps_xlsx": [(reverse("needs:gaps_xlsx", args=[region.slug]), True)],
        "learning:attendance_xlsx": [
            (reverse("learning:attendance_xlsx", args=[world["session"].pk]), True)
        ],
        "agenda:xlsx": [(reverse("agenda:xlsx", args=[world["agenda"].pk]), True)],
        "monitoring:measurements_xlsx": [
            (reverse("monitoring:measurements_xlsx", args=[world["indicator"].pk]), False)
        ],
        "monitoring:region_table": [
            (reverse("monitoring:region_table", args=[region.slug, key, "xlsx"]), False)
            for key in region_keys
        ],
        "monitoring:programme_table": [
            (
                reverse("monitoring:programme_table", args=[programme.slug, key, "xlsx"]),
                key == "leren",
            )
            for key in programme_keys
        ],
    }


def _figure_keys(dashboard):
    figures = [p.figure for p in dashboard.indicators] + [p.figure for p in dashboard.reach]
    figures += [f for f in (dashboard.agenda, dashboard.learning, dashboard.needs) if f]
    return [f.key for f in figures]


def _check_sheet(name, sheet):
    where = f"{name} / {sheet.title}"
    assert sheet.freeze_panes, where
    assert sheet.auto_filter.ref, where
    header_row = int(re.match(r"[A-Z]+(\d+)", sheet.auto_filter.ref).group(1))
    assert sheet.freeze_panes == f"A{header_row + 1}", where
    header = [c for c in sheet[header_row] if c.value is not None]
    assert header and all(c.font.b for c in header), where
    for cell in header:
        width = sheet.column_dimensions[cell.column_letter].width
        assert width and width >= len(str(cell.value)), (where, cell.value, width)
    dates = 0
    for row in sheet.iter_rows():
        for cell in row:
            value = cell.value
            assert cell.data_type != "f", (where, cell.coordinate, value)
            if isinstance(value, dt.date | dt.datetime):
                dates += 1
                assert cell.is_date and "y" in cell.number_format, (where, cell.number_format)
            if isinstance(value, str):
                assert not value.lstrip().startswith(
                    ("=", "+", "-", "@", "＝", "＋", "－", "＠")
                ), (
                    where,
                    value,
                )
                if cell.row > header_row:
                    assert not DATE_AS_TEXT.match(value), (where, "date as text", value)
                    assert not NUMBER_AS_TEXT.match(value), (where, "number as text", value)
    return dates


def test_every_xlsx_export_has_a_filtered_frozen_bold_header_and_real_dates(client, world):
    downloads = _downloads(world)
    assert set(downloads) == _spreadsheet_urls(), "a new .xlsx export must be checked here"
    client.force_login(world["facilitator"])
    for name, items in downloads.items():
        assert items, name
        for url, has_dates in items:
            response = client.get(url)
            assert response.status_code == 200, (name, url)
            workbook = load_workbook(io.BytesIO(response.content))
            dates = sum(_check_sheet(name, sheet) for sheet in workbook.worksheets)
            if has_dates:
                assert dates, f"{name}: no date cells in {url}"


def test_amounts_and_dates_of_the_inventory_keep_their_value_and_format(client, world):
    client.force_login(world["facilitator"])
    response = client.get(reverse("ecosystem:export_xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, sheet[2], strict=True))
    assert row["Budget"].value == 250000.5
    assert "€" in row["Budget"].number_format and "#,##0.00" in row["Budget"].number_format
    assert row["Einddatum"].is_date and row["Einddatum"].value.date() == dt.date(2026, 12, 7)
    assert row["Titel"].value == "'" + FORMULA
    assert row["Eigenaar"].value == "'" + FULL_WIDTH


def test_the_agenda_sheet_is_wide_enough_for_its_dates(client, world):
    """The deadline column showed ### in Excel: too narrow for a date."""
    client.force_login(world["facilitator"])
    response = client.get(reverse("agenda:xlsx", args=[world["agenda"].pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    deadline = sheet.cell(row=2, column=header.index("Uiterste datum") + 1)
    assert deadline.is_date and deadline.value.date() == dt.date(2026, 12, 7)
    assert deadline.number_format == "d-m-yyyy"
    # A width set for the column (openpyxl reports 13 for a column left at Excel's default of
    # 8.43, too narrow for a date, which Excel shows as ###).
    column = sheet.column_dimensions[deadline.column_letter]
    assert column.customWidth and column.width >= 10


def test_csv_exports_write_decimal_commas_and_dutch_dates(client, world):
    client.force_login(world["facilitator"])
    response = client.get(reverse("ecosystem:export_csv"))
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    lines = text.lstrip("\ufeff").splitlines()
    header = lines[0].split(";")
    values = dict(zip(header, lines[1].split(";"), strict=False))
    assert values["Budget"] == "250000,50"
    assert values["Begindatum"] == "15-1-2026"
    assert values["Einddatum"] == "7-12-2026"
    assert values["Eigenaar"] == "'" + FULL_WIDTH

    measurements = client.get(reverse("monitoring:measurements_csv", args=[world["indicator"].pk]))
    assert "2026;1250,50" in measurements.content.decode("utf-8")
