"""The inventory import: reading messy spreadsheets, validation per row and column, and an
import that saves everything or nothing and changes nothing the second time."""

import datetime as dt
import io
import zipfile
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
    make_member,
)
from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.ecosystem.exports import COLUMNS, initiatives_xlsx
from kennisnetwerk.ecosystem.import_columns import field_for
from kennisnetwerk.ecosystem.import_values import ValueProblem, parse_amount, parse_date
from kennisnetwerk.ecosystem.imports import inventory_validate
from kennisnetwerk.ecosystem.models import Initiative, Organisation, TargetGroup, Theme
from kennisnetwerk.ecosystem.services_import import inventory_import
from kennisnetwerk.geo.models import Municipality, Region

from .factories import InitiativeFactory
from .spreadsheets import HEADER, csv_bytes, xlsx

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


@pytest.fixture
def region():
    return RegionFactory(
        name="Noordoost-Brabant", slug="nob-import", municipalities=["Oss", "Maashorst"]
    )


@pytest.fixture
def oss():
    return OrganisationFactory(name="Gemeente Oss (demo)", kvk_number="01234567")


@pytest.fixture
def association():
    return OrganisationFactory(name="Ondernemersvereniging Maashorst (demo)", kvk_number="")


def state():
    """What an import may change; a refused import leaves all of it as it was."""
    return (
        Initiative.objects.count(),
        Organisation.objects.count(),
        AuditLogEntry.objects.count(),
    )


def run(data, region, filename="aanbod.csv", **kwargs):
    return inventory_import(source=data, filename=filename, region=region, actor=None, **kwargs)


def validate(data, region, filename="aanbod.csv", **kwargs):
    return inventory_validate(source=data, filename=filename, region=region, **kwargs)


def issues(report, number):
    [row] = [r for r in report.rows if r.number == number]
    return row


# --- Values ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1-2-2025",
        "01-02-2025",
        "1/2/2025",
        "1.2.2025",
        "2025-02-01",
        "1 februari 2025",
        "1 feb. 2025",
        "1 Feb 2025",
        " 1\u00a0februari 2025 ",
        "zaterdag 1 februari 2025",
        dt.datetime(2025, 2, 1, 0, 0),  # noqa: DTZ001 (Excel dates have no time zone)
        45689,  # Excel's day number without a date format
    ],
)
def test_dutch_dates(text):
    assert parse_date(text) == dt.date(2025, 2, 1)


def test_partial_dates_mean_first_or_last_day():
    assert parse_date("2025") == dt.date(2025, 1, 1)
    assert parse_date("2025", end=True) == dt.date(2025, 12, 31)
    assert parse_date("februari 2024", end=True) == dt.date(2024, 2, 29)
    assert parse_date("Q2 2025") == dt.date(2025, 4, 1)
    assert parse_date("n.v.t.") is None


@pytest.mark.parametrize("text", ["31-2-2025", "morgen", "1 brumaire 2025", "1-2-1850"])
def test_unreadable_dates(text):
    with pytest.raises(ValueProblem) as problem:
        parse_date(text)
    assert problem.value.code == "date"
    assert str(text) in problem.value.message or "1900" in problem.value.message


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("€ 1.000.000,-", "1000000.00"),
        ("1.000.000", "1000000.00"),
        ("1000000,50", "1000000.50"),
        ("€1,5 mln", "1500000.00"),
        ("€ 250k", "250000.00"),
        ("EUR 2.500,75", "2500.75"),
        ("1,000,000", "1000000.00"),
        ("1.5", "1.50"),
        ("ca. € 40.000", "40000.00"),
        (1000000, "1000000.00"),
        (1500.5, "1500.50"),
    ],
)
def test_amounts(text, amount):
    assert parse_amount(text) == Decimal(amount)


@pytest.mark.parametrize("text", ["veel geld", "-5", "€ -1.000", "100 - 200", "5 euro per uur"])
def test_unreadable_amounts(text):
    with pytest.raises(ValueProblem):
        parse_amount(text)


def test_every_export_header_is_recognised():
    assert all(field_for(column) for column in COLUMNS)
    assert field_for("Thema('s)") == field_for("thema's") == "themes"
    assert field_for("  KvK-nr. ") == "owner_kvk"
    assert field_for("Doelgroep(en)") == "target_groups"
    assert field_for("Gemeente(n)") == "area"
    assert field_for("Naam initiatief") == "title"
    assert field_for("Uitvoerder") == field_for("Aanbieder") == "owner"


# --- Reading files ----------------------------------------------------------------------------


def test_utf8_semicolon_csv_with_every_field(region, oss, association):
    rows = [
        COLUMNS,
        [
            "Digitale Werkplaats",
            "programma",
            "actief",
            "Gemeente Oss (demo)",
            "01234567",
            "Ondernemersvereniging Maashorst (demo)",
            "Digitalisering; Innovatie",
            "micro; klein",
            "C; G",
            "Oss; Maashorst",
            "1-2-2025",
            "31 december 2026",
            "€ 250.000,-",
            "Provincie",
            "Jan Jansen",
            "info@voorbeeld.nl",
            "0412 123 456",
            "www.voorbeeld.nl",
            "Studenten helpen ondernemers.\nOok in de avond.",
            "Evaluatie 2024: 80% tevreden",
            "Rapport",
            "Noordoost-Brabant",
            "ja",
        ],
    ]
    result = run(csv_bytes(rows), region)
    assert result.saved and result.created == 1, result.report.rows[0].errors
    initiative = Initiative.objects.get()
    assert initiative.owner == oss
    assert list(initiative.partners.all()) == [association]
    assert {t.slug for t in initiative.themes.all()} == {"digitalisering", "innovatie"}
    assert {g.code for g in initiative.target_groups.all()} == {"micro", "klein"}
    assert {s.code for s in initiative.sbi_sections.all()} == {"C", "G"}
    assert {m.name for m in initiative.municipalities.all()} == {"Oss", "Maashorst"}
    assert initiative.start_date == dt.date(2025, 2, 1)
    assert initiative.end_date == dt.date(2026, 12, 31)
    assert initiative.budget == Decimal("250000.00")
    assert initiative.url == "https://www.voorbeeld.nl"
    assert initiative.description == "Studenten helpen ondernemers.\nOok in de avond."
    assert initiative.inventory_region == region
    assert len(initiative.import_key) == 64
    # Audit log and search index as for any other change.
    assert AuditLogEntry.objects.filter(action="create", object_id=str(initiative.pk)).exists()
    assert AuditLogEntry.objects.filter(action="import", object_id=str(region.pk)).exists()


def test_utf8_with_bom_and_commas(region, oss):
    data = b"\xef\xbb\xbf" + csv_bytes(
        [["Titel", "Soort", "Eigenaar"], ["Café Ondernemen", "netwerk", "Gemeente Oss (demo)"]],
        delimiter=",",
    )
    report = validate(data, region)
    assert (report.encoding, report.delimiter) == ("UTF-8", ",")
    assert report.rows[0].title == "Café Ondernemen"
    assert report.is_valid


def test_windows_1252_with_accents_and_euro(region, oss):
    data = csv_bytes(
        [
            ["Titel", "Soort", "Eigenaar", "Budget", "Omschrijving"],
            [
                "Café Ondernemen",
                "netwerk",
                "Gemeente Oss (demo)",
                "€ 2.500,-",
                "Één loket – ‘samen’",
            ],
        ],
        encoding="cp1252",
    )
    report = validate(data, region)
    assert report.encoding == "Windows-1252"
    row = report.rows[0]
    assert row.title == "Café Ondernemen"
    assert row.plan.values["budget"] == Decimal("2500.00")
    assert row.plan.values["description"] == "Één loket – ‘samen’"


def test_utf16_tab_separated_as_excel_saves_unicode_text(region, oss):
    text = "Titel\tSoort\tEigenaar\r\nDigitale Werkplaats\tproject\tGemeente Oss (demo)\r\n"
    report = validate(text.encode("utf-16"), region, filename="aanbod.txt")
    assert report.delimiter == "\t"
    assert report.is_valid and report.rows[0].title == "Digitale Werkplaats"


def test_header_below_title_rows_csv(region, oss):
    data = csv_bytes(
        [
            ["Inventarisatie aanbod Noordoost-Brabant"],
            ["Stand: 1 maart 2025"],
            [],
            ["Nr", "Naam initiatief", "Type", "Organisatie"],
            ["1", "Digitale Werkplaats", "programma", "Gemeente Oss (demo)"],
        ]
    )
    report = validate(data, region)
    assert report.is_valid
    [row] = report.rows
    assert row.number == 5  # the row number people see in their spreadsheet
    assert any(i.code == "unknown_column" and i.column == "Nr" for i in report.file_warnings)


def test_merged_title_row_and_headers_over_two_rows_xlsx(region, oss):
    data = xlsx(
        [
            ["Aanbod mkb Noordoost-Brabant 2025", None, None, None, None, None, None],
            ["Titel", "Soort", "Eigenaar", "Looptijd", None, "Contactpersoon", None],
            [None, None, None, "van", "tot", "Naam", "E-mail"],
            [
                "Digitale Werkplaats",
                "programma",
                "Gemeente Oss (demo)",
                dt.datetime(2025, 2, 1),  # noqa: DTZ001
                "31-12-2026",
                "Jan Jansen",
                "jan@voorbeeld.nl",
            ],
        ],
        merges=["A1:G1", "D2:E2", "F2:G2", "A2:A3", "B2:B3", "C2:C3"],
    )
    report = validate(data, region, filename="aanbod.xlsx")
    assert report.format == "xlsx" and not report.file_errors, report.file_errors
    assert {c.field for c in report.columns} >= {"start_date", "end_date", "contact_email"}
    [row] = report.rows
    assert row.number == 4 and not row.errors, row.errors
    values = row.plan.values
    assert (values["start_date"], values["end_date"]) == (
        dt.date(2025, 2, 1),
        dt.date(2026, 12, 31),
    )
    assert (values["contact_name"], values["contact_email"]) == ("Jan Jansen", "jan@voorbeeld.nl")
    assert values["title"] == "Digitale Werkplaats"


def test_group_header_row_above_the_headers(region, oss):
    data = xlsx(
        [
            [None, None, None, "Contactpersoon", None],
            ["Titel", "Soort", "Eigenaar", "Naam", "Telefoon"],
            ["Digitale Werkplaats", "project", "Gemeente Oss (demo)", "Jan Jansen", "0412 123456"],
        ],
        merges=["D1:E1"],
    )
    [row] = validate(data, region, filename="a.xlsx").rows
    assert row.plan.values["title"] == "Digitale Werkplaats"
    assert row.plan.values["contact_name"] == "Jan Jansen"
    assert row.plan.values["contact_phone"] == "0412 123456"


def test_trailing_and_non_breaking_spaces(region, oss):
    data = csv_bytes(
        [
            ["Titel ", " Soort", "Eigenaar\u00a0", "Thema's "],
            [
                "  Digitale   Werkplaats\u00a0 ",
                "Programma ",
                " gemeente oss (DEMO) ",
                " innovatie ",
            ],
        ]
    )
    [row] = validate(data, region).rows
    assert not row.errors
    assert row.plan.values["title"] == "Digitale Werkplaats"
    assert row.plan.owner == oss
    assert [t.slug for t in row.plan.values["themes"]] == ["innovatie"]


def test_sheet_with_the_inventory_is_found_among_others(region, oss):
    data = xlsx(
        [["Toelichting bij dit bestand"], ["Vul per regel één initiatief in."]],
        title="Lees mij",
        extra_sheets={
            "Aanbod": [["Titel", "Soort", "Eigenaar"], ["A", "project", "Gemeente Oss (demo)"]]
        },
    )
    report = validate(data, region, filename="aanbod.xlsx")
    assert report.sheet_name == "Aanbod" and report.is_valid


# --- Matching names ---------------------------------------------------------------------------


def test_old_municipality_and_place_names_resolve_to_today(region, oss):
    data = csv_bytes(
        [
            ["Titel", "Soort", "Eigenaar", "Gemeenten"],
            ["A", "project", "Gemeente Oss (demo)", "Uden, Rosmalen; Nederland"],
        ]
    )
    [row] = validate(data, region).rows
    assert not row.errors
    assert {m.name for m in row.plan.values["municipalities"]} == {"Maashorst", "'s-Hertogenbosch"}
    assert [r.slug for r in row.plan.values["regions"]] == ["nederland"]
    assert {i.code for i in row.warnings} == {"area_resolved"}


def test_unknown_and_ambiguous_places_are_row_errors_with_the_name(region, oss):
    data = csv_bytes(
        [
            HEADER,
            ["A", "project", "Gemeente Oss (demo)", "", "Atlantis", ""],
            ["B", "project", "Gemeente Oss (demo)", "", "Haren", ""],
        ]
    )
    report = validate(data, region)
    first, second = report.rows
    assert [(i.column, i.code) for i in first.errors] == [("Werkgebied", "unknown_municipality")]
    assert "Atlantis" in first.errors[0].message
    assert second.errors[0].code == "ambiguous_municipality"
    assert "Groningen" in second.errors[0].message and "Oss" in second.errors[0].message


def test_owner_by_kvk_number_with_the_leading_zero_restored(region, oss):
    # Excel turns 01234567 into the number 1234567.
    data = xlsx([HEADER, ["A", "project", "Gemeente Oss", 1234567, None, 250000]])
    [row] = validate(data, region, filename="a.xlsx").rows
    assert row.plan.owner == oss
    assert [i.code for i in row.warnings] == ["kvk_name_differs"]
    assert row.plan.values["budget"] == Decimal("250000.00")


def test_owner_by_name_whatever_the_case(region, association):
    data = csv_bytes(
        [["Titel", "Soort", "Eigenaar"], ["A", "project", "ONDERNEMERSVERENIGING maashorst (Demo)"]]
    )
    [row] = validate(data, region).rows
    assert row.plan.owner == association


def test_kvk_number_of_another_organisation_is_an_error(region, oss, association):
    OrganisationFactory(name="Andere partij", kvk_number="87654321")
    data = csv_bytes(
        [
            HEADER,
            ["A", "project", "Gemeente Oss (demo)", "87654321x", "", ""],
            ["B", "project", "Gemeente Oss (demo)", "11112222", "", ""],
        ]
    )
    first, second = validate(data, region).rows
    assert first.errors[0].code == "kvk" and first.errors[0].column == "KVK-nummer eigenaar"
    assert second.errors[0].code == "kvk_mismatch"


def test_unknown_owner_becomes_a_new_organisation_once(region):
    data = csv_bytes(
        [
            HEADER,
            ["A", "project", "Nieuwe Partij BV", "7654321", "", ""],
            ["B", "regeling", "nieuwe partij bv", "", "", ""],
        ]
    )
    report = validate(data, region)
    assert report.is_valid
    [new] = report.new_organisations
    assert (new.name, new.kvk_number, new.rows) == ("Nieuwe Partij BV", "07654321", [2, 3])
    result = run(data, region)
    organisation = Organisation.objects.get(kvk_number="07654321")
    assert result.organisations_created == 1
    assert set(organisation.initiatives.values_list("title", flat=True)) == {"A", "B"}


def test_a_new_owner_that_looks_like_a_known_one_gets_a_hint(region, association):
    data = csv_bytes([HEADER, ["A", "project", "Ondernemersvereniging Maashorst", "", "", ""]])
    [row] = validate(data, region).rows
    [warning] = row.warnings
    assert warning.code == "new_organisation"
    assert "Ondernemersvereniging Maashorst (demo)" in warning.message


def test_unknown_owner_is_an_error_when_organisations_may_not_be_added(region):
    data = csv_bytes([HEADER, ["A", "project", "Nieuwe Partij BV", "", "", ""]])
    [row] = validate(data, region, may_create_organisations=False).rows
    assert row.errors[0].code == "unknown_organisation"
    assert "Nieuwe Partij BV" in row.errors[0].message


def test_vocabularies_by_dutch_name_code_or_slug(region, oss):
    data = csv_bytes(
        [
            ["Titel", "Soort", "Status", "Eigenaar", "Thema's", "Doelgroepen"],
            [
                "A",
                "Regeling of subsidie",
                "Lopend",
                "Gemeente Oss (demo)",
                "digitalisering,\nInnovatie",
                "zzp; Micro (2–9 werkzame personen)",
            ],
            ["B", "subsidie", "AFGEROND", "Gemeente Oss (demo)", "menselijk-kapitaal", "starter"],
            ["C", "cursus", "bijna klaar", "Gemeente Oss (demo)", "Ruimtevaart", "reuzen"],
        ]
    )
    first, second, third = validate(data, region).rows
    assert (first.plan.values["kind"], first.plan.values["status"]) == ("regeling", "actief")
    assert {t.slug for t in first.plan.values["themes"]} == {"digitalisering", "innovatie"}
    assert {g.code for g in first.plan.values["target_groups"]} == {"zzp", "micro"}
    assert second.plan.values["status"] == "afgerond"
    assert [t.slug for t in second.plan.values["themes"]] == ["menselijk-kapitaal"]
    assert {(i.column, i.code) for i in third.errors} == {
        ("Soort", "unknown_choice"),
        ("Status", "unknown_choice"),
        ("Thema's", "unknown_value"),
        ("Doelgroepen", "unknown_value"),
    }
    assert "programma" in next(i.message for i in third.errors if i.column == "Soort")


def test_other_values_are_checked_per_column(region, oss):
    data = csv_bytes(
        [
            [
                "Titel",
                "Soort",
                "Eigenaar",
                "Begindatum",
                "Einddatum",
                "E-mail",
                "Website",
                "Budget",
                "Partners",
            ],
            [
                "A",
                "project",
                "Gemeente Oss (demo)",
                "1-1-2026",
                "1-1-2025",
                "geen-adres",
                "http://",
                "veel",
                "Gemeente Oss (demo)",
            ],
            ["", "project", "", "", "", "", "", "", ""],
        ]
    )
    first, second = validate(data, region).rows
    assert {(i.column, i.code) for i in first.errors} == {
        ("Einddatum", "period"),
        ("E-mail", "email"),
        ("Website", "url"),
        ("Budget", "amount"),
        ("Partners", "partner"),
    }
    assert {(i.column, i.code) for i in second.errors} == {
        ("Titel", "required"),
        ("Eigenaar", "required"),
    }


def test_row_of_another_regions_inventory_is_an_error(region, oss):
    RegionFactory(name="Regio Zwolle")
    data = csv_bytes(
        [
            ["Titel", "Soort", "Eigenaar", "Regio"],
            ["A", "project", "Gemeente Oss (demo)", "Regio Zwolle"],
            ["B", "project", "Gemeente Oss (demo)", "noordoost-brabant"],
        ]
    )
    first, second = validate(data, region).rows
    assert first.errors[0].code == "other_region" and not second.errors


def test_total_row_is_skipped(region, oss):
    data = csv_bytes(
        [
            HEADER,
            ["A", "project", "Gemeente Oss (demo)", "", "", "100"],
            ["Totaal", "", "", "", "", "100"],
        ]
    )
    report = validate(data, region)
    assert report.is_valid and report.counts["skipped"] == 1


# --- Formulas -----------------------------------------------------------------------------------


def test_hyperlink_formula_in_xlsx_is_refused_and_never_evaluated(region, oss):
    data = xlsx(
        [
            ["Titel", "Soort", "Eigenaar", "Website"],
            ["A", "project", "Gemeente Oss (demo)", '=HYPERLINK("https://evil.example","klik")'],
            ["B", "project", "Gemeente Oss (demo)", "=1+1"],
        ]
    )
    report = validate(data, region, filename="a.xlsx")
    for row in report.rows:
        [issue] = row.errors
        assert (issue.column, issue.code) == ("Website", "formula")
    assert "HYPERLINK" in report.rows[0].errors[0].message
    before = state()
    assert run(data, region, filename="a.xlsx").refused
    assert state() == before


def test_csv_cell_starting_with_equals_is_refused(region, oss):
    data = csv_bytes(
        [["Titel", "Soort", "Eigenaar"], ["=cmd|' /C calc'!A0", "project", "Gemeente Oss (demo)"]]
    )
    [row] = validate(data, region).rows
    assert row.errors[0].code == "formula" and row.errors[0].column == "Titel"


def test_cells_the_export_escaped_come_back_as_they_were(region, oss):
    data = csv_bytes(
        [
            ["Titel", "Soort", "Eigenaar", "Omschrijving"],
            ["A", "project", "Gemeente Oss (demo)", "'-2+3 oogt als formule"],
        ]
    )
    [row] = validate(data, region).rows
    assert row.plan.values["description"] == "-2+3 oogt als formule"


# --- Files that cannot be imported ----------------------------------------------------------


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "filename", "code"),
    [
        (b"", "aanbod.xlsx", "empty_file"),
        (b"  \r\n;;;\r\n", "aanbod.csv", "empty_file"),
        (PNG, "aanbod.xlsx", "not_spreadsheet"),
        (b"Dit is gewoon een tekst, geen spreadsheet.", "aanbod.xlsx", "not_spreadsheet"),
        (b"Dit is gewoon een tekst, geen spreadsheet.", "aanbod.csv", "no_header"),
        (bytes(range(256)) * 20, "aanbod.csv", "not_spreadsheet"),
        (docx_bytes(), "aanbod.xlsx", "not_spreadsheet"),
        (b"PK\x03\x04kapot", "aanbod.xlsx", "damaged"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "aanbod.xls", "old_excel"),
        (csv_bytes([["Titel", "Soort", "Eigenaar"]]), "aanbod.csv", "no_rows"),
        (xlsx([["Titel", "Soort", "Eigenaar"]]), "aanbod.xlsx", "no_rows"),
        (xlsx([]), "aanbod.xlsx", "empty_file"),
        (csv_bytes([["Soort", "Eigenaar"], ["project", "X"]]), "aanbod.csv", "missing_column"),
    ],
    ids=[
        "0 bytes",
        "only separators",
        "PNG named .xlsx",
        "text named .xlsx",
        "text without headers",
        "binary",
        "Word",
        "damaged zip",
        "old xls",
        "CSV headers only",
        "xlsx headers only",
        "empty workbook",
        "no title column",
    ],
)
def test_files_that_cannot_be_imported_get_a_message_and_change_nothing(
    region, oss, data, filename, code
):
    before = state()
    result = run(data, region, filename=filename)
    assert result.refused and not result.saved
    assert [i.code for i in result.report.file_errors] == [code]
    assert result.report.file_errors[0].message
    assert state() == before


def test_size_limit_is_checked_before_reading(region, settings, tmp_path):
    settings.INVENTORY_IMPORT_MAX_BYTES = 1000
    path = tmp_path / "groot.csv"
    path.write_bytes(b"Titel;Soort;Eigenaar\n" + b"x;project;y\n" * 200)
    for source in (path, path.read_bytes()):
        report = validate(source, region)
        assert [i.code for i in report.file_errors] == ["too_large"]
        assert "MB" in report.file_errors[0].message


def test_too_many_rows(region, oss, settings):
    settings.INVENTORY_IMPORT_MAX_ROWS = 3
    rows = [["Titel", "Soort", "Eigenaar"]] + [
        [f"T{i}", "project", "Gemeente Oss (demo)"] for i in range(5)
    ]
    assert [i.code for i in validate(csv_bytes(rows), region).file_errors] == ["too_many_rows"]


# --- The messy file -----------------------------------------------------------------------------


def messy_workbook():
    """What a region really sends: a merged title row, headers with odd spacing, trailing
    spaces, a duplicate row, an unknown municipality, a formula, an empty row and an
    unrecognised column."""
    return xlsx(
        [
            [
                "Inventarisatie ondersteuningsaanbod mkb – concept",
                None,
                None,
                None,
                None,
                None,
                None,
                None,
            ],
            [
                "Naam initiatief ",
                "Type",
                "Aanbieder",
                "KvK-nr.",
                "Gemeente(n)",
                "Start",
                "Bedrag (€)",
                "Opmerkingen",
            ],
            [
                "Digitale Werkplaats  ",
                "programma",
                "Gemeente Oss (demo) ",
                1234567,
                "Oss; Uden",
                "1 februari 2025",
                "€ 1.000.000,-",
                "loopt goed",
            ],
            [
                "Starterscafé",
                "netwerk",
                "Ondernemersvereniging Maashorst (demo)",
                None,
                "Rosmalen",
                "1-9-2024",
                "€1,5 mln",
                None,
            ],
            [
                "Digitale Werkplaats",
                "programma",
                "Gemeente Oss (demo)",
                "01234567",
                "Oss, Uden",
                dt.datetime(2025, 2, 1),  # noqa: DTZ001
                1000000,
                "dubbel",
            ],
            [None, None, None, None, None, None, None, None],
            [
                "Innovatievouchers",
                "regeling",
                "Gemeente Oss (demo)",
                None,
                "Atlantis",
                "2025",
                "50.000",
                None,
            ],
            [
                "Website-check",
                "instrument",
                "Gemeente Oss (demo)",
                None,
                "Oss",
                '=HYPERLINK("https://x.example")',
                None,
                None,
            ],
        ],
        merges=["A1:H1"],
    )


def test_messy_file_is_reported_per_row_and_column_and_saves_nothing(region, oss, association):
    data = messy_workbook()
    before = state()
    result = run(data, region, filename="inventarisatie.xlsx")
    report = result.report
    assert result.refused and state() == before
    assert [(r.number, r.action) for r in report.rows] == [
        (3, "new"),
        (4, "new"),
        (5, "duplicate"),
        (7, "invalid"),
        (8, "invalid"),
    ]
    assert issues(report, 5).duplicate_of == 3
    assert [(i.column, i.code) for i in issues(report, 7).errors] == [
        ("Gemeente(n)", "unknown_municipality")
    ]
    assert [(i.column, i.code) for i in issues(report, 8).errors] == [("Start", "formula")]
    assert any(
        i.code == "unknown_column" and i.column == "Opmerkingen" for i in report.file_warnings
    )
    assert report.counts == {
        "new": 2,
        "update": 0,
        "unchanged": 0,
        "invalid": 2,
        "duplicate": 1,
        "skipped": 0,
    }


def test_only_valid_rows_imports_the_valid_rows_once(region, oss, association):
    result = run(messy_workbook(), region, filename="inventarisatie.xlsx", only_valid=True)
    assert result.saved and (result.created, result.skipped) == (2, 3)
    titles = sorted(Initiative.objects.values_list("title", flat=True))
    assert titles == ["Digitale Werkplaats", "Starterscafé"]
    werkplaats = Initiative.objects.get(title="Digitale Werkplaats")
    assert werkplaats.budget == Decimal("1000000.00")
    assert {m.name for m in werkplaats.municipalities.all()} == {"Oss", "Maashorst"}
    assert Initiative.objects.get(title="Starterscafé").budget == Decimal("1500000.00")


def test_dry_run_saves_nothing(region, oss, association):
    data = csv_bytes([HEADER, ["A", "project", "Nieuwe Partij", "", "Oss", ""]])
    before = state()
    result = run(data, region, dry_run=True)
    assert not result.saved and not result.refused
    assert (result.created, result.organisations_created) == (1, 1)
    assert state() == before


def test_an_invalid_row_means_nothing_is_saved(region, oss):
    data = csv_bytes(
        [
            HEADER,
            ["A", "project", "Nieuwe Partij", "", "Oss", ""],  # would add an organisation
            ["B", "project", "Gemeente Oss (demo)", "", "Atlantis", ""],
        ]
    )
    before = state()
    assert run(data, region).refused
    assert state() == before


# --- Importing again ------------------------------------------------------------------------------


def test_importing_the_same_file_again_changes_nothing(region, oss, association):
    data = messy_workbook()
    run(data, region, filename="a.xlsx", only_valid=True)
    stamps = dict(Initiative.objects.values_list("pk", "updated_at"))
    before = state()
    result = run(data, region, filename="a.xlsx", only_valid=True)
    assert result.report.counts["unchanged"] == 2
    assert (result.created, result.updated) == (0, 0)
    assert state() == before  # no new initiatives, organisations or audit entries
    assert dict(Initiative.objects.values_list("pk", "updated_at")) == stamps


def test_a_changed_row_updates_only_what_the_file_has(region, oss):
    run(
        csv_bytes(
            [
                HEADER + ["Omschrijving"],
                ["A", "project", "Gemeente Oss (demo)", "", "Oss", "1000", "Tekst"],
            ]
        ),
        region,
    )
    initiative = Initiative.objects.get()
    initiative.themes.set([Theme.objects.get(slug="innovatie")])  # set by hand, not in the file
    # A file without the description column, with a new budget.
    data = csv_bytes(
        [["Titel", "Soort", "Eigenaar", "Budget"], ["A", "project", "Gemeente Oss (demo)", "2.000"]]
    )
    report = validate(data, region)
    assert (report.rows[0].action, report.rows[0].changed) == ("update", ["Budget"])
    result = run(data, region)
    assert result.updated == 1
    initiative.refresh_from_db()
    assert initiative.budget == Decimal("2000.00")
    assert initiative.description == "Tekst"
    assert [t.slug for t in initiative.themes.all()] == ["innovatie"]
    entry = AuditLogEntry.objects.filter(action="update", object_id=str(initiative.pk)).get()
    assert entry.changes["budget"] == ["1000.00", "2000.00"]


def test_an_export_imports_again_without_changes(region, oss, association):
    partner = OrganisationFactory(name="=cmd|' /C calc'!A0")
    initiative = InitiativeFactory(
        owner=oss,
        inventory_region=region,
        title="Digitale Werkplaats",
        description="-2+3 oogt als formule",
        budget=Decimal("1234.50"),
        start_date=dt.date(2025, 1, 1),
        themes=[Theme.objects.get(slug="digitalisering")],
        url="https://voorbeeld.nl/",
    )
    initiative.partners.set([partner, association])
    initiative.target_groups.set(TargetGroup.objects.filter(code__in=["zzp", "starter"]))
    initiative.municipalities.set(Municipality.objects.filter(name__in=["Oss", "Maashorst"]))
    initiative.regions.set(Region.objects.filter(slug="nederland"))
    InitiativeFactory(
        owner=association, inventory_region=region, title="Starterscafé", is_published=False
    )
    data = initiatives_xlsx(Initiative.objects.filter(inventory_region=region))
    before = state()
    result = run(data, region, filename="export.xlsx")
    assert result.report.counts["unchanged"] == 2, [
        (r.errors, r.changed) for r in result.report.rows
    ]
    assert not result.report.file_warnings
    assert state() == before


# --- The command ----------------------------------------------------------------------------------


def test_command_imports_and_prints_a_dutch_report(region, oss, tmp_path):
    path = tmp_path / "aanbod.xlsx"
    path.write_bytes(messy_workbook())
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_inventory", str(path), region="Noordoost-Brabant", stdout=out)
    assert not Initiative.objects.exists()
    text = out.getvalue()
    assert "Atlantis" in text and "Gemeente(n)" in text
    out = io.StringIO()
    call_command("import_inventory", str(path), region=region.slug, only_valid=True, stdout=out)
    assert Initiative.objects.count() == 2


def test_command_dry_run_and_unknown_region(region, oss, tmp_path):
    path = tmp_path / "aanbod.csv"
    path.write_bytes(csv_bytes([HEADER, ["A", "project", "Gemeente Oss (demo)", "", "", ""]]))
    call_command(
        "import_inventory", str(path), region=region.slug, dry_run=True, stdout=io.StringIO()
    )
    assert not Initiative.objects.exists()
    with pytest.raises(CommandError):
        call_command("import_inventory", str(path), region="Atlantis", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("import_inventory", str(tmp_path / "weg.csv"), region=region.slug)


def test_command_on_behalf_of_a_person(region, oss, tmp_path):
    path = tmp_path / "aanbod.csv"
    path.write_bytes(csv_bytes([HEADER, ["A", "project", "Gemeente Oss (demo)", "", "", ""]]))
    member = make_member(oss, email="lid@voorbeeld.example")
    with pytest.raises(CommandError):
        call_command("import_inventory", str(path), region=region.slug, as_email=member.email)
    coordinator = make_coordinator(region, email="coordinator@voorbeeld.example")
    call_command(
        "import_inventory",
        str(path),
        region=region.slug,
        as_email=coordinator.email,
        stdout=io.StringIO(),
    )
    entry = AuditLogEntry.objects.get(action="create", object_id=str(Initiative.objects.get().pk))
    assert entry.actor == coordinator


# --- Writing: audit log and search index as for any other change -----------------------------


def test_imported_initiatives_are_found_by_search(region, oss, django_capture_on_commit_callbacks):
    from kennisnetwerk.search.selectors import search

    rows = [["Titel", "Soort", "Eigenaar", "Omschrijving"]]
    rows.append(["Exportcafé", "netwerk", "Gemeente Oss (demo)", "Bijeenkomsten over export"])
    with django_capture_on_commit_callbacks(execute=True):
        run(csv_bytes(rows), region)
    [hit] = search(query="export", kinds="initiative")
    assert hit.object_id == str(Initiative.objects.get(title="Exportcafé").pk)
    # A large import brings the index up to date in one pass (a background task).
    rows = [["Titel", "Soort", "Eigenaar"]] + [
        [f"Werkplaats {i}", "project", "Gemeente Oss (demo)"] for i in range(250)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        assert run(csv_bytes(rows), region).created == 250
    assert len(search(query="werkplaats", kinds="initiative", limit=500)) == 250


def test_changed_lists_replace_what_was_there(region, oss, association):
    header = ["Titel", "Soort", "Eigenaar", "Thema's", "Werkgebied", "Partners"]
    run(
        csv_bytes(
            [header, ["A", "project", "Gemeente Oss (demo)", "Innovatie; Financiering", "Oss", ""]]
        ),
        region,
    )
    initiative = Initiative.objects.get()
    data = csv_bytes(
        [
            header,
            [
                "A",
                "project",
                "Gemeente Oss (demo)",
                "Innovatie; Digitalisering",
                "Uden; Nederland",
                "Ondernemersvereniging Maashorst (demo)",
            ],
        ]
    )
    result = run(data, region)
    assert result.updated == 1
    assert {t.slug for t in initiative.themes.all()} == {"innovatie", "digitalisering"}
    assert [m.name for m in initiative.municipalities.all()] == ["Maashorst"]
    assert [r.slug for r in initiative.regions.all()] == ["nederland"]
    assert list(initiative.partners.all()) == [association]
    entry = AuditLogEntry.objects.get(action="update", object_id=str(initiative.pk))
    assert entry.changes["themes"] == [
        ["Financiering", "Innovatie"],
        ["Digitalisering", "Innovatie"],
    ]
    assert set(entry.changes) == {"themes", "municipalities", "regions", "partners"}
    assert run(data, region).report.counts["unchanged"] == 1


def test_a_changed_title_case_updates_the_same_initiative(region, oss):
    run(
        csv_bytes(
            [
                ["Titel", "Soort", "Eigenaar"],
                ["digitale werkplaats", "project", "Gemeente Oss (demo)"],
            ]
        ),
        region,
    )
    result = run(
        csv_bytes(
            [
                ["Titel", "Soort", "Eigenaar"],
                ["Digitale Werkplaats", "project", "Gemeente Oss (demo)"],
            ]
        ),
        region,
    )
    assert (result.created, result.updated) == (0, 1)
    assert Initiative.objects.get().title == "Digitale Werkplaats"


def test_entries_typed_in_by_hand_are_found_by_owner_and_title(region, oss):
    typed = InitiativeFactory(
        owner=oss, inventory_region=region, title="Digitale Werkplaats", kind="project"
    )
    data = csv_bytes(
        [
            ["Titel", "Soort", "Eigenaar", "Budget"],
            ["Digitale werkplaats", "project", "Gemeente Oss (demo)", "5000"],
        ]
    )
    result = run(data, region)
    assert (result.created, result.updated) == (0, 1)
    typed.refresh_from_db()
    assert typed.budget == Decimal("5000.00") and typed.import_key
    assert run(data, region).report.counts["unchanged"] == 1


def test_new_organisations_are_audit_logged_with_the_person(region):
    coordinator = make_coordinator(region)
    data = csv_bytes([HEADER, ["A", "project", "Nieuwe Partij BV", "", "", ""]])
    inventory_import(source=data, filename="a.csv", region=region, actor=coordinator)
    organisation = Organisation.objects.get(name="Nieuwe Partij BV")
    assert organisation.type == "overig"
    entry = AuditLogEntry.objects.get(
        action="create",
        object_id=str(organisation.pk),
        content_type=ContentType.objects.get_for_model(Organisation),
    )
    assert entry.actor == coordinator
    assert AuditLogEntry.objects.get(action="import").actor == coordinator


def test_type_of_a_new_owner_may_be_given(region):
    data = csv_bytes(
        [
            ["Titel", "Soort", "Eigenaar", "Type organisatie"],
            ["A", "project", "ROC De Leijgraaf", "Onderwijs"],
            ["B", "project", "Rabobank Oss", "kasteel"],
        ]
    )
    first, second = validate(data, region).rows
    assert report_new_type(first) == "onderwijs"
    assert second.errors[0].code == "unknown_choice"


def report_new_type(row):
    return row.plan.owner.type


def test_a_name_that_is_both_a_municipality_and_a_region(region, oss):
    data = csv_bytes(
        [
            ["Titel", "Soort", "Eigenaar", "Werkgebied"],
            ["A", "project", "Gemeente Oss (demo)", "Utrecht"],
            ["B", "project", "Gemeente Oss (demo)", "provincie Utrecht; regio Noordoost-Brabant"],
        ]
    )
    first, second = validate(data, region).rows
    assert [m.name for m in first.plan.values["municipalities"]] == ["Utrecht"]
    assert [i.code for i in first.warnings] == ["area_both"]
    assert {r.kind for r in second.plan.values["regions"]} == {"province", "custom"}
    assert not second.plan.values["municipalities"] and not second.warnings


def test_an_export_naming_the_province_and_the_municipality_utrecht(region, oss):
    initiative = InitiativeFactory(owner=oss, inventory_region=region, title="A")
    initiative.regions.set(Region.objects.filter(kind="province", name="Utrecht"))
    initiative.municipalities.set(Municipality.objects.filter(name="Utrecht", is_current=True))
    data = initiatives_xlsx(Initiative.objects.filter(pk=initiative.pk))
    [row] = validate(data, region, filename="export.xlsx").rows
    assert (row.action, row.warnings) == ("unchanged", [])


def test_owner_by_kvk_number_alone(region, oss):
    data = csv_bytes(
        [
            ["Titel", "Soort", "KvK-nummer"],
            ["A", "project", "01234567"],
            ["B", "project", "99999999"],
        ]
    )
    first, second = validate(data, region).rows
    assert first.plan.owner == oss
    assert second.errors[0].code == "unknown_organisation"


def test_a_failure_while_saving_undoes_the_whole_import(region, oss, monkeypatch):
    from django.core.exceptions import ValidationError

    from kennisnetwerk.ecosystem import services_import

    run(csv_bytes([HEADER, ["A", "project", "Gemeente Oss (demo)", "", "", "1"]]), region)

    def refuse(**kwargs):
        raise ValidationError("database says no")

    monkeypatch.setattr(services_import, "initiative_update_many", refuse)
    data = csv_bytes(
        [
            HEADER,
            ["A", "project", "Gemeente Oss (demo)", "", "", "2"],  # an update: refused
            ["B", "project", "Nieuwe Partij", "", "", ""],  # a new initiative and organisation
        ]
    )
    before = state()
    result = run(data, region, only_valid=True)
    assert result.refused and not result.saved
    assert [i.message for i in result.report.file_errors] == ["database says no"]
    assert state() == before
