"""Importing a party's list of existing subscribers: a legal basis on every row, blocked
addresses never added, current subscribers left alone, all or nothing; the web pages, the
command and the welcome mail through a real SMTP server."""

import csv
import io
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
    make_member,
)
from kennisnetwerk.core.models import AuditAction, AuditLogEntry
from kennisnetwerk.outreach import services
from kennisnetwerk.outreach.constants import (
    ConsentEvent,
    LegalBasis,
    SubscriberSource,
    SubscriberStatus,
)
from kennisnetwerk.outreach.models import Consent, Subscriber
from kennisnetwerk.outreach.services import SubscriberData
from kennisnetwerk.outreach.services_subscriber_import import subscribers_import
from kennisnetwerk.outreach.subscriber_import import (
    DUPLICATE,
    EXISTING,
    INVALID,
    NEW,
    SUPPRESSED,
    subscribers_validate,
)

pytestmark = pytest.mark.django_db

HEADER = ["E-mailadres", "Bedrijfsnaam", "KVK-nummer", "Plaats", "Grootte", "Thema's", "Grondslag"]
ROWS = [
    ["info@bakkerij-dewit.example", "Bakkerij De Wit", "12345678", "Uden", "micro",
     "Digitalisering", "toestemming"],
    ["Jan@Smederij.example", "Smederij Österreich", "", "Oss", "", "", "bestaande klant"],
    ["post@kaasboer.example", "Kaasboer Heesch", "87654321", "Heesch", "klein",
     "innovatie; digitalisering", "gerechtvaardigd belang"],
]  # fmt: skip


@pytest.fixture(autouse=True)
def staging(settings, tmp_path):
    settings.SUBSCRIBER_IMPORT_STAGING_DIR = str(tmp_path / "staging")
    return tmp_path / "staging"


@pytest.fixture
def region():
    return RegionFactory(
        name="Noordoost-Brabant", slug="nob-import", municipalities=["Oss", "Maashorst", "Bernheze"]
    )


@pytest.fixture
def party():
    return OrganisationFactory(name="Ondernemersvereniging Oss (fictief)")


@pytest.fixture
def member(party):
    return make_member(party, email="medewerker@ov-oss.example")


def csv_bytes(rows, *, header=HEADER, delimiter=";", encoding="utf-8") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([header, *rows])
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows, *, header=HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Ledenlijst 2025"])  # a title row above the headers
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def run(region, party, source, *, actor=None, filename="leden.csv", **options):
    return subscribers_import(
        region=region,
        organisation=party,
        source=source,
        filename=filename,
        actor=actor,
        **options,
    )


def codes(report, number):
    row = next(r for r in report.rows if r.number == number)
    return [issue.code for issue in row.errors + row.warnings]


# --- Reading valid files ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "filename"),
    [
        (csv_bytes(ROWS), "leden.csv"),
        (csv_bytes(ROWS, delimiter=","), "leden.csv"),
        (csv_bytes(ROWS, encoding="cp1252"), "leden.csv"),
        (b"\xef\xbb\xbf" + csv_bytes(ROWS), "leden.txt"),
        (xlsx_bytes(ROWS), "leden.xlsx"),
    ],
    ids=["csv-semicolon", "csv-comma", "csv-cp1252", "csv-bom", "xlsx"],
)
def test_a_valid_list_is_imported_with_its_legal_basis(region, party, member, source, filename):
    result = run(region, party, source, actor=member, filename=filename)
    assert result.saved and result.created == 3 and not result.refused
    subscribers = {s.email: s for s in Subscriber.objects.all()}
    assert set(subscribers) == {
        "info@bakkerij-dewit.example",
        "jan@smederij.example",
        "post@kaasboer.example",
    }
    bakery = subscribers["info@bakkerij-dewit.example"]
    assert bakery.status == SubscriberStatus.ACTIVE
    assert bakery.source == SubscriberSource.IMPORT
    assert bakery.source_organisation == party
    assert bakery.legal_basis == LegalBasis.CONSENT
    assert bakery.confirmed_at is None
    assert bakery.municipality.name == "Maashorst"  # Uden is now Maashorst
    assert bakery.kvk_number == "12345678"
    assert bakery.size_class == "micro"
    assert [t.slug for t in bakery.themes.all()] == ["digitalisering"]
    assert subscribers["jan@smederij.example"].company_name == "Smederij Österreich"
    assert subscribers["jan@smederij.example"].legal_basis == LegalBasis.CUSTOMER
    cheese = subscribers["post@kaasboer.example"]
    assert cheese.legal_basis == LegalBasis.LEGITIMATE_INTEREST
    assert cheese.municipality.name == "Bernheze"  # Heesch is a place in Bernheze
    assert {t.slug for t in cheese.themes.all()} == {"innovatie", "digitalisering"}

    # One consent record per row, with the basis, the party, the person, the file and the row.
    consent = Consent.objects.get(subscriber=bakery)
    assert consent.event == ConsentEvent.IMPORTED
    assert party.name in consent.text
    assert consent.details == {
        "organisation": party.name,
        "legal_basis": "toestemming",
        "imported_by": "medewerker@ov-oss.example",
        "file": filename,
        "row": 3 if filename.endswith("xlsx") else 2,
    }
    assert Consent.objects.count() == 3
    [entry] = AuditLogEntry.objects.filter(action=AuditAction.IMPORT)
    assert entry.actor == member
    assert entry.changes["created"] == 3


# --- Bad rows: nothing saved ---------------------------------------------------------------


def test_a_row_without_legal_basis_refuses_the_whole_file(region, party):
    rows = [ROWS[0], [*ROWS[1][:-1], ""], ROWS[2]]
    result = run(region, party, csv_bytes(rows))
    assert result.refused and not result.saved
    assert result.invalid == 1
    assert codes(result.report, 3) == ["legal_basis_required"]
    assert not Subscriber.objects.exists()
    assert not Consent.objects.exists()
    assert not AuditLogEntry.objects.filter(action=AuditAction.IMPORT).exists()


def test_a_file_without_a_legal_basis_column_is_refused(region, party):
    header = HEADER[:-1]
    rows = [row[:-1] for row in ROWS]
    report = subscribers_validate(
        source=csv_bytes(rows, header=header), filename="x.csv", region=region
    )
    assert [issue.code for issue in report.file_errors] == ["missing_legal_basis"]
    assert run(region, party, csv_bytes(rows, header=header)).refused


def test_each_kind_of_bad_cell_is_reported_per_row_and_column(region, party):
    rows = [
        ["geen-adres", "Bedrijf A", "", "", "", "", "toestemming"],
        ["b@voorbeeld.example", "Bedrijf B", "12AB5678", "", "", "", "toestemming"],
        ["c@voorbeeld.example", "Bedrijf C", "1234567", "", "", "", "toestemming"],
        ["d@voorbeeld.example", "Bedrijf D", "", "Leiden", "", "", "toestemming"],
        ["e@voorbeeld.example", "Bedrijf E", "", "Nergenshuizen", "", "", "toestemming"],
        ["f@voorbeeld.example", "Bedrijf F", "", "", "", "", "zomaar"],
        ["g@voorbeeld.example", "", "", "", "reus", "Ruimtevaart", "toestemming"],
        ["", "Bedrijf H", "", "", "", "", "klantrelatie"],
    ]
    report = subscribers_validate(source=csv_bytes(rows), filename="x.csv", region=region)
    assert codes(report, 2) == ["email_invalid"]
    assert codes(report, 3) == ["kvk_not_digits"]
    assert codes(report, 4) == ["kvk_length"]
    assert codes(report, 5) == ["outside_region"]
    assert codes(report, 6) == ["municipality_unknown"]
    assert codes(report, 7) == ["legal_basis_unknown"]
    assert codes(report, 8) == ["company_required", "size_unknown", "theme_unknown"]
    assert codes(report, 9) == ["email_required"]
    assert report.count(INVALID) == 8 and not report.is_valid
    kvk = next(r for r in report.rows if r.number == 3).errors[0]
    assert kvk.column == "KVK-nummer"
    leiden = next(r for r in report.rows if r.number == 5).errors[0]
    assert "Leiden" in leiden.message and "Noordoost-Brabant" in leiden.message
    assert not run(region, party, csv_bytes(rows)).saved
    assert not Subscriber.objects.exists()


def test_only_valid_rows_skips_the_rows_with_errors(region, party):
    rows = [ROWS[0], ["geen-adres", "Bedrijf", "", "", "", "", "toestemming"], ROWS[2]]
    result = run(region, party, csv_bytes(rows), only_valid=True)
    assert result.saved and result.created == 2 and result.invalid == 1
    assert Subscriber.objects.count() == 2

    nothing_valid = run(region, party, csv_bytes(rows[1:2]), only_valid=True)
    assert nothing_valid.refused and not nothing_valid.saved


def test_a_dry_run_saves_nothing(region, party):
    result = run(region, party, csv_bytes(ROWS), dry_run=True)
    assert not result.saved and result.created == 3 and not result.refused
    assert not Subscriber.objects.exists()
    assert not AuditLogEntry.objects.filter(action=AuditAction.IMPORT).exists()


def test_a_duplicate_address_is_imported_once(region, party):
    rows = [ROWS[0], ["INFO@bakkerij-dewit.example", "Bakkerij De Wit BV", "", "", "", "",
                      "klantrelatie"]]  # fmt: skip
    result = run(region, party, csv_bytes(rows))
    assert result.saved and result.created == 1 and result.skipped_duplicate == 1
    assert codes(result.report, 3) == ["duplicate"]
    assert result.report.rows[1].outcome == DUPLICATE
    assert Subscriber.objects.get().company_name == "Bakkerij De Wit"


# --- Blocked addresses and current subscribers ---------------------------------------------


def test_an_unsubscribed_address_is_never_added_again(region, party):
    first = run(region, party, csv_bytes(ROWS))
    assert first.created == 3
    bakery = Subscriber.objects.get(email="info@bakkerij-dewit.example")
    services.subscriber_unsubscribe(subscriber=bakery, via="web page")
    services.subscriber_erase(subscriber=bakery)  # even with no trace left but the block

    again = run(region, party, csv_bytes(ROWS))
    assert not again.refused and again.created == 0
    assert again.skipped_suppressed == 1 and again.skipped_existing == 2
    assert codes(again.report, 2) == ["suppressed"]
    assert not Subscriber.objects.filter(email="info@bakkerij-dewit.example").exists()


def test_an_unsubscribed_imported_subscriber_stays_unsubscribed(region, party):
    run(region, party, csv_bytes(ROWS))
    smith = Subscriber.objects.get(email="jan@smederij.example")
    services.subscriber_unsubscribe(subscriber=smith, via="one-click")
    other_party = OrganisationFactory(name="Gemeente Oss (fictief)")
    again = run(region, other_party, csv_bytes(ROWS))
    assert again.report.rows[1].outcome == SUPPRESSED
    smith.refresh_from_db()
    assert smith.status == SubscriberStatus.UNSUBSCRIBED
    assert smith.source_organisation == party


def test_a_current_subscriber_is_left_unchanged(region, party):
    existing = services.subscriber_signup(
        region=region,
        data=SubscriberData(email="info@bakkerij-dewit.example", company_name="Eigen naam"),
        consent_text="Ja",
    ).subscriber
    result = run(region, party, csv_bytes(ROWS))
    assert result.saved and result.created == 2 and result.skipped_existing == 1
    assert result.report.rows[0].outcome == EXISTING
    existing.refresh_from_db()
    assert existing.company_name == "Eigen naam"
    assert existing.source == SubscriberSource.FORM
    assert existing.status == SubscriberStatus.PENDING
    assert list(existing.consents.values_list("event", flat=True)) == [ConsentEvent.REQUESTED]


# --- Files that cannot be used -------------------------------------------------------------


def test_unusable_files_are_refused(region, party):
    empty = run(region, party, b"")
    assert [i.code for i in empty.report.file_errors] == ["empty_file"]
    pdf = run(region, party, b"%PDF-1.4 something", filename="leden.xlsx")
    assert [i.code for i in pdf.report.file_errors] == ["not_spreadsheet"]
    fake = run(region, party, b"just some words", filename="leden.xlsx")
    assert [i.code for i in fake.report.file_errors] == ["not_spreadsheet"]
    no_header = run(region, party, b"a;b;c\r\n1;2;3\r\n")
    assert [i.code for i in no_header.report.file_errors] == ["no_header"]
    assert all(r.refused for r in (empty, pdf, fake, no_header))
    assert not Subscriber.objects.exists()


def test_a_formula_cell_is_refused_not_evaluated(region, party):
    rows = [ROWS[0], ['=HYPERLINK("http://x")', "Bedrijf", "", "", "", "", "toestemming"]]
    report = subscribers_validate(source=xlsx_bytes(rows), filename="x.xlsx", region=region)
    assert codes(report, 4) == ["formula", "email_required"]
    assert report.rows[0].outcome == NEW
    csv_report = subscribers_validate(source=csv_bytes(rows), filename="x.csv", region=region)
    assert "formula" in codes(csv_report, 3)


# --- The welcome mail ----------------------------------------------------------------------


def _link(mail, path: str) -> str:
    text = mail.get_body(preferencelist=("plain",)).get_content()
    match = re.search(rf"https?://[^\s]+/nieuwsbrief/{path}/[^\s]+/", text)
    assert match, text
    return urlsplit(match.group(0)).path


def test_each_imported_subscriber_gets_a_welcome_mail(
    client, region, party, member, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run(region, party, csv_bytes(ROWS), actor=member)
    mails = smtp_server.wait_for(3)
    assert sorted(m["To"] for m in mails) == [
        "info@bakkerij-dewit.example",
        "jan@smederij.example",
        "post@kaasboer.example",
    ]
    mail = next(m for m in mails if m["To"] == "jan@smederij.example")
    assert "Noordoost-Brabant" in mail["From"]
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = mail.get_body(preferencelist=("plain",)).get_content()
    html = mail.get_body(preferencelist=("html",)).get_content()
    assert party.name in text and party.name in html
    assert str(LegalBasis.CUSTOMER.label) in text or "klantrelatie" in text.lower()
    assert "<img" not in html  # no tracking pixel

    assert client.get(_link(mail, "voorkeuren")).status_code == 200
    unsubscribe = _link(mail, "afmelden")
    assert client.get(unsubscribe).status_code == 200
    assert client.post(unsubscribe).status_code == 200
    smith = Subscriber.objects.get(email="jan@smederij.example")
    assert smith.status == SubscriberStatus.UNSUBSCRIBED
    assert services.is_suppressed(region=region, email="jan@smederij.example")


def test_no_mail_after_a_refused_or_dry_run_import(
    region, party, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run(region, party, csv_bytes(ROWS), dry_run=True)
        run(region, party, csv_bytes([*ROWS, ["x@y.example", "X", "", "", "", "", ""]]))
    assert smtp_server.messages == []


# --- The web pages -------------------------------------------------------------------------


def _upload(client, region, party, content, name="leden.csv"):
    upload = io.BytesIO(content)
    upload.name = name
    return client.post(
        f"/nieuwsbrief/{region.slug}/abonnees/importeren/",
        {"organisation": party.pk, "region": region.pk, "file": upload},
    )


def test_upload_preview_and_import_through_the_pages(
    client, region, party, member, staging, smtp_server, django_capture_on_commit_callbacks
):
    client.force_login(member)
    page = client.get(f"/nieuwsbrief/{region.slug}/abonnees/importeren/")
    assert page.status_code == 200
    assert party.name in page.content.decode()

    response = _upload(client, region, party, csv_bytes(ROWS))
    assert response.status_code == 302
    preview_url = response["Location"]
    preview = client.get(preview_url)
    assert preview.status_code == 200
    body = preview.content.decode()
    assert 'name="mode" value="all"' in body
    assert "info@bakkerij-dewit.example" in body
    assert not Subscriber.objects.exists()  # nothing saved by the preview

    sha = re.search(r'name="sha256" value="([0-9a-f]{64})"', body).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(preview_url, {"mode": "all", "sha256": sha})
    assert done.status_code == 302
    assert Subscriber.objects.count() == 3
    assert len(smtp_server.wait_for(3)) == 3
    assert list(staging.iterdir()) == []  # the upload is removed after the import
    assert client.get(preview_url).status_code == 302  # and cannot be used again


def test_a_file_with_errors_offers_only_the_valid_rows(client, region, party, member):
    client.force_login(member)
    rows = [ROWS[0], ["geen-adres", "Bedrijf", "", "", "", "", "toestemming"]]
    preview_url = _upload(client, region, party, csv_bytes(rows))["Location"]
    body = client.get(preview_url).content.decode()
    assert 'name="mode" value="all"' not in body
    assert 'name="mode" value="valid"' in body
    assert 'id="rij-3"' in body
    sha = re.search(r'name="sha256" value="([0-9a-f]{64})"', body).group(1)
    refused = client.post(preview_url, {"mode": "all", "sha256": sha})
    assert refused.status_code == 400 and not Subscriber.objects.exists()
    done = client.post(preview_url, {"mode": "valid", "sha256": sha})
    assert done.status_code == 302
    assert list(Subscriber.objects.values_list("email", flat=True)) == [
        "info@bakkerij-dewit.example"
    ]


def test_a_tampered_upload_is_not_imported(client, region, party, member, staging):
    client.force_login(member)
    preview_url = _upload(client, region, party, csv_bytes(ROWS))["Location"]
    [data] = staging.glob("*.bin")
    data.write_bytes(csv_bytes(ROWS[:1]))
    response = client.post(preview_url, {"mode": "all", "sha256": "0" * 64})
    assert response.status_code == 302 and response["Location"].endswith("/importeren/")
    assert not Subscriber.objects.exists()


def test_unusable_uploads_get_a_message_on_the_form(client, region, party, member):
    client.force_login(member)
    for content, name in ((b"", "leden.csv"), (b"%PDF-1.4", "leden.pdf")):
        response = _upload(client, region, party, content, name)
        assert response.status_code == 400
        assert not Subscriber.objects.exists()


def test_who_may_import(client, region, party, member):
    url = f"/nieuwsbrief/{region.slug}/abonnees/importeren/"
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/account/login/" in anonymous["Location"]

    elsewhere = OrganisationFactory(name="Partij in Leiden")
    elsewhere.municipality = RegionFactory(municipalities=["Leiden"]).municipalities.get()
    elsewhere.save()
    client.force_login(make_member(elsewhere))
    assert client.get(url).status_code == 403

    # A member may import only for their own organisation, not for another party in the region.
    other_party = OrganisationFactory(name="Andere partij in Oss")
    client.force_login(member)
    response = _upload(client, region, other_party, csv_bytes(ROWS))
    assert response.status_code == 400
    assert not Subscriber.objects.exists()

    # Another member cannot use someone else's upload.
    preview_url = _upload(client, region, party, csv_bytes(ROWS))["Location"]
    client.force_login(make_member(party))
    assert client.get(preview_url).status_code == 302

    # The region's coordinator may import for any party in the region.
    client.force_login(make_coordinator(region))
    assert _upload(client, region, other_party, csv_bytes(ROWS)).status_code == 302

    other_region = RegionFactory(municipalities=["Leiden"])
    client.force_login(make_coordinator(other_region))
    assert client.get(url).status_code == 403


# --- The command ---------------------------------------------------------------------------


def test_the_command_imports_and_refuses(region, party, tmp_path):
    good = tmp_path / "leden.xlsx"
    good.write_bytes(xlsx_bytes(ROWS))
    out = io.StringIO()
    call_command(
        "import_subscribers", str(good), "--region", region.name, "--organisation", party.name,
        "--dry-run", stdout=out,
    )  # fmt: skip
    assert "3" in out.getvalue() and not Subscriber.objects.exists()

    bad = tmp_path / "fout.csv"
    bad.write_bytes(csv_bytes([ROWS[0], ["geen-adres", "B", "", "", "", "", "toestemming"]]))
    with pytest.raises(CommandError):
        call_command(
            "import_subscribers", str(bad), "--region", region.slug,
            "--organisation", party.name, stdout=io.StringIO(), stderr=io.StringIO(),
        )  # fmt: skip
    assert not Subscriber.objects.exists()
    call_command(
        "import_subscribers", str(bad), "--region", region.slug, "--organisation", party.slug,
        "--only-valid", stdout=io.StringIO(), stderr=io.StringIO(),
    )  # fmt: skip
    assert Subscriber.objects.count() == 1
    assert Consent.objects.get().details["imported_by"] == ""

    with pytest.raises(CommandError):
        call_command(
            "import_subscribers", str(good), "--region", "Nergens", "--organisation", party.name
        )
