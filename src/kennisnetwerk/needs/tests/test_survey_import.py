"""Importing survey results: the atlas's validation report per row and column, unknown
columns refused, contact details only with consent, and nothing saved partly."""

import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from kennisnetwerk.accounts.tests.factories import make_coordinator
from kennisnetwerk.needs.models import Need
from kennisnetwerk.needs.survey_import import survey_import, survey_validate

from .factories import build_world, reindex

pytestmark = pytest.mark.django_db

HEADER = [
    "Tijdstempel",
    "Vraag",
    "Bedrijfsnaam",
    "E-mailadres",
    "Gemeente",
    "Grootte",
    "Toestemming",
]
ROWS = [
    ["2026-03-01 10:00", "Wij vinden geen personeel en willen medewerkers bijscholen.",
     "Metaal BV", "info@metaal.example", "Heesch", "klein", "ja"],
    ["2026-03-01 11:00", "Hoe verduurzamen wij ons bedrijfspand?", "Bakkerij", "bakker@x.example",
     "Oss", "micro", "nee"],
]  # fmt: skip


@pytest.fixture(autouse=True)
def staging(settings, tmp_path):
    settings.NEEDS_IMPORT_STAGING_DIR = str(tmp_path / "staging")


@pytest.fixture
def world(reference_data):
    world = build_world()
    reindex()
    return world


def _xlsx(header, rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _csv(header, rows) -> bytes:
    lines = [";".join(header)] + [";".join(row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_a_valid_survey_is_imported_completely_with_contact_details_only_with_consent(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = survey_import(
            region=world["nob"], source=_xlsx(HEADER, ROWS), filename="enquete.xlsx", actor=None
        )
    assert result.saved and len(result.needs) == 2
    first, second = Need.objects.order_by("pk")
    assert first.source == "enquete" and first.municipality.name == "Bernheze"  # Heesch
    assert first.contact_email == "info@metaal.example" and first.follow_up_consent
    assert second.contact_email == "" and not second.follow_up_consent
    assert second.source_reference == "enquete.xlsx, rij 3"
    # Matching ran after the commit (the task backend in tests runs at once).
    first.refresh_from_db()
    assert first.matched_at is not None and first.best_score > 0
    notes = [w.message for r in result.report.rows for w in r.warnings]
    assert notes == [
        "Geen toestemming voor contact: de contactgegevens van deze rij worden niet opgeslagen."
    ]


def test_unknown_columns_stop_the_import_with_a_dutch_message(world):
    header = [*HEADER, "Omzet"]
    rows = [[*row, "1 miljoen"] for row in ROWS]
    result = survey_import(
        region=world["nob"], source=_csv(header, rows), filename="e.csv", actor=None
    )
    assert not result.saved and not Need.objects.exists()
    assert result.report.file_errors[0].startswith("Onbekende kolommen: “Omzet”. Geef ze")


def test_one_bad_row_saves_nothing_and_the_report_names_row_and_column(world):
    rows = [
        *ROWS,
        ["", "", "Leeg BV", "", "Oss", "", ""],
        ["", "x" * 20_000, "", "", "Leiden", "reus", "misschien"],
    ]
    report = survey_validate(source=_xlsx(HEADER, rows), filename="e.xlsx", region=world["nob"])
    problems = {(r.number, i.column, i.message) for r in report.error_rows for i in r.errors}
    assert (4, "Vraag", "De vraag is leeg.") in problems
    assert (5, "Vraag", "De vraag is 20000 tekens lang; er passen maximaal 5000 in.") in problems
    assert (5, "Gemeente", "Leiden hoort niet bij Noordoost-Brabant.") in problems
    assert (
        5,
        "Grootte",
        "Onbekende grootteklasse ‘reus’; gebruik zzp, micro, klein of middelgroot.",
    ) in problems
    assert (5, "Toestemming", "misschien is geen ja of nee; vul ja of nee in.") in problems
    result = survey_import(
        region=world["nob"], source=_xlsx(HEADER, rows), filename="e.xlsx", actor=None
    )
    assert not result.saved and not Need.objects.exists()


def test_the_coordinator_imports_through_preview_and_confirmation(client, world):
    client.force_login(make_coordinator(world["nob"]))
    upload = io.BytesIO(_xlsx(HEADER, ROWS))
    upload.name = "enquete.xlsx"
    response = client.post(
        reverse("needs:survey_upload", args=[world["nob"].slug]), {"file": upload}
    )
    assert response.status_code == 302
    preview = client.get(response["Location"])
    assert "2 vragen worden toegevoegd." in preview.content.decode()
    assert not Need.objects.exists()
    sha = preview.context["confirm_form"].initial["sha256"]
    done = client.post(response["Location"], {"sha256": sha})
    assert done.status_code == 302 and Need.objects.count() == 2


def test_a_file_that_is_no_spreadsheet_is_refused(client, world):
    client.force_login(make_coordinator(world["nob"]))
    upload = io.BytesIO(b"%PDF-1.4 nothing here")
    upload.name = "enquete.xlsx"
    response = client.post(
        reverse("needs:survey_upload", args=[world["nob"].slug]), {"file": upload}
    )
    assert response.status_code == 400
    assert "Dit is een PDF-bestand, geen spreadsheet." in response.content.decode()
