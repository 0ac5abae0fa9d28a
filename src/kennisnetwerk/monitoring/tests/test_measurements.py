"""Measurements by hand and from an Excel file: the coordinator enters or imports the figures
of an indicator; a value in the wrong unit or for a wrong period is refused in Dutch, and a
file with any bad row saves nothing."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.ecosystem.tests.spreadsheets import xlsx
from kennisnetwerk.monitoring.constants import Frequency, Source, Unit
from kennisnetwerk.monitoring.models import Measurement

from .factories import indicator_make, reach_world


@pytest.fixture
def world(db):
    world = reach_world()
    world["quarterly"] = indicator_make(
        world["region"],
        code="ondernemers-geholpen",
        name="Geholpen ondernemers",
        unit=Unit.ENTREPRENEURS,
        frequency=Frequency.QUARTER,
    )
    return world


def _measure(client, indicator, **data):
    return client.post(reverse("monitoring:measurement_add", args=[indicator.pk]), data)


def test_the_coordinator_enters_a_measurement_and_sees_it_in_the_table(client, world):
    client.force_login(world["coordinator"])
    indicator = world["quarterly"]

    response = _measure(client, indicator, period="2025-q2", value="1234,5")

    assert response.status_code == 302
    measurement = Measurement.objects.get(indicator=indicator)
    assert (measurement.period, measurement.value) == ("2025-Q2", Decimal("1234.50"))
    assert measurement.source == Source.MANUAL
    assert AuditLogEntry.objects.filter(object_id=str(measurement.pk)).exists()
    page = client.get(reverse("monitoring:indicator", args=[indicator.pk])).content.decode()
    assert '<th scope="row">2025-Q2</th><td>1.234,5</td>' in page


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ("2025", "is geen periode van deze indicator"),
        ("2025-Q5", "is geen periode van deze indicator"),
        (f"{timezone.localdate().year + 1}-Q1", "is nog niet begonnen"),
    ],
)
def test_a_measurement_for_a_wrong_period_is_refused(client, world, period, message):
    client.force_login(world["coordinator"])

    response = _measure(client, world["quarterly"], period=period, value="12")

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Measurement.objects.exists()


def test_a_party_member_sees_the_figures_but_cannot_enter_them(client, world):
    client.force_login(world["kvk_member"])
    indicator = world["quarterly"]

    assert client.get(reverse("monitoring:indicator", args=[indicator.pk])).status_code == 200
    assert _measure(client, indicator, period="2025-Q1", value="3").status_code == 403
    assert not Measurement.objects.exists()


def _import(client, indicator, content, name="metingen.xlsx"):
    return client.post(
        reverse("monitoring:measurement_import", args=[indicator.pk]),
        {"file": SimpleUploadedFile(name, content)},
    )


def test_an_excel_file_of_measurements_is_imported_all_at_once(client, world):
    client.force_login(world["coordinator"])
    indicator = world["quarterly"]
    Measurement.objects.create(indicator=indicator, period="2025-Q1", value=5, source=Source.MANUAL)
    content = xlsx(
        [
            ["Periode", "Waarde", "Eenheid", "Toelichting"],
            ["2025-Q1", 40, "ondernemers", "Na correctie"],
            ["2025-q2", 52.5, "", ""],
            ["2025-Q3", "61", "Ondernemers", "Uit het CRM"],
        ]
    )

    response = _import(client, indicator, content)

    assert response.status_code == 302
    values = dict(Measurement.objects.filter(indicator=indicator).values_list("period", "value"))
    assert values == {"2025-Q1": Decimal(40), "2025-Q2": Decimal("52.5"), "2025-Q3": Decimal(61)}
    assert set(Measurement.objects.values_list("source", flat=True)) == {Source.IMPORT}
    assert Measurement.objects.get(period="2025-Q3").note == "Uit het CRM"


def test_a_file_with_bad_rows_is_reported_per_row_and_saves_nothing(client, world):
    client.force_login(world["coordinator"])
    indicator = world["quarterly"]
    content = xlsx(
        [
            ["Periode", "Waarde", "Eenheid"],
            ["2025-Q1", 40, "ondernemers"],
            ["2025-Q2", 12, "euro"],
            ["2025", 12, ""],
            ["2025-Q3", "veel", ""],
            ["2025-Q1", 41, ""],
            ["2025-Q4", "=B2*2", ""],
        ]
    )

    response = _import(client, indicator, content)

    html = response.content.decode()
    assert response.status_code == 400
    assert "Er is niets geïmporteerd" in html
    assert "euro is niet de eenheid van deze indicator" in html
    assert "2025 is geen periode van deze indicator; schrijf die als 2026-Q1." in html
    assert "Geef een getal." in html
    assert "De periode 2025-Q1 staat ook in rij 2." in html
    assert "formule" in html
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"dit is geen spreadsheet", "metingen.xlsx", "geen Excel-werkmap"),
        (xlsx([["Jaar", "Aantal"]]), "leeg.xlsx", "geen rijen met cijfers"),
        (xlsx([["Naam", "Getal"], ["a", 1]]), "anders.xlsx", "Geen kolomkoppen gevonden"),
        (xlsx([["Periode", "Waarde", "Regio"], ["2025-Q1", 1, "x"]]), "x.xlsx", "Onbekende kolom"),
    ],
)
def test_a_file_that_cannot_be_used_is_refused(client, world, content, name, message):
    client.force_login(world["coordinator"])

    response = _import(client, world["quarterly"], content, name)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Measurement.objects.exists()


def test_computed_and_reach_indicators_take_no_measurements_by_hand(client, world):
    client.force_login(world["coordinator"])
    computed = indicator_make(
        world["region"], code="abonnees", source=Source.COMPUTED, metric="subscribers"
    )
    for indicator in (computed, world["indicator"]):
        response = _measure(client, indicator, period="2025", value="3")
        assert response.status_code == 400
        assert "berekend door het platform" in response.content.decode()
    assert not Measurement.objects.exists()
