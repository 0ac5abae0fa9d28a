"""The inventory import in the web interface: upload, preview with the report, confirm."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from openpyxl import load_workbook

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
    make_facilitator,
    make_member,
)
from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.ecosystem.exports import COLUMNS
from kennisnetwerk.ecosystem.models import Initiative, Organisation

from .spreadsheets import HEADER, csv_bytes
from .test_import import PNG, messy_workbook

pytestmark = pytest.mark.django_db


def nl(msgid: str, **params) -> str:
    """A message as the person sees it: in Dutch, HTML-escaped."""
    with translation.override("nl"):
        return escape(gettext(msgid) % params if params else gettext(msgid))


@pytest.fixture(autouse=True)
def staging(settings, tmp_path):
    settings.INVENTORY_IMPORT_STAGING_DIR = str(tmp_path / "staging")
    return tmp_path / "staging"


@pytest.fixture
def region():
    return RegionFactory(name="Noordoost-Brabant", slug="nob-web", municipalities=["Oss"])


@pytest.fixture
def oss():
    return OrganisationFactory(name="Gemeente Oss (demo)", kvk_number="01234567")


@pytest.fixture
def coordinator(client, region):
    user = make_coordinator(region)
    client.force_login(user)
    return user


def state():
    return (
        Initiative.objects.count(),
        Organisation.objects.count(),
        AuditLogEntry.objects.count(),
    )


def upload(client, region, data, name="aanbod.csv"):
    return client.post(
        f"/atlas/importeren/{region.slug}/", {"file": SimpleUploadedFile(name, data)}
    )


def confirm(client, preview_url, mode):
    page = client.get(preview_url).content.decode()
    sha = re.search(r'name="sha256" value="([0-9a-f]{64})"', page).group(1)
    return client.post(preview_url + "bevestigen/", {"mode": mode, "sha256": sha})


def test_coordinator_uploads_checks_and_imports(client, region, oss, coordinator, staging):
    data = csv_bytes(
        [
            HEADER,
            ["Digitale Werkplaats", "programma", "Gemeente Oss", "1234567", "Uden", "€ 1.000,-"],
        ]
    )
    response = upload(client, region, data)
    assert response.status_code == 302
    preview_url = response["Location"]
    assert preview_url.startswith(f"/atlas/importeren/{region.slug}/")
    assert len(list(staging.iterdir())) == 2  # the file and what it is

    page = client.get(preview_url).content.decode()
    assert "Digitale Werkplaats" in page
    assert nl("Import everything") in page
    assert nl("Nothing has been saved yet.") in page
    assert not Initiative.objects.exists()

    response = confirm(client, preview_url, "all")
    assert response.status_code == 302
    assert response["Location"] == f"/atlas/importeren/{region.slug}/klaar/"
    initiative = Initiative.objects.get()
    assert initiative.owner == oss and initiative.municipalities.get().name == "Maashorst"
    assert (
        AuditLogEntry.objects.get(action="create", object_id=str(initiative.pk)).actor
        == coordinator
    )
    assert not list(staging.iterdir())  # the upload is gone once imported

    page = client.get(response["Location"]).content.decode()
    assert nl("Import done") in page
    assert f"/atlas/?region={region.slug}" in page

    # The same file again: nothing to import.
    page = client.get(upload(client, region, data)["Location"]).content.decode()
    assert nl("Nothing to import: every row is already in the atlas exactly like this.") in page
    assert nl("Import everything") not in page


def test_preview_reports_rows_and_columns_and_offers_only_valid_rows(
    client, region, oss, coordinator
):
    OrganisationFactory(name="Ondernemersvereniging Maashorst (demo)")
    response = upload(client, region, messy_workbook(), name="inventarisatie.xlsx")
    preview_url = response["Location"]
    page = client.get(preview_url).content.decode()
    assert 'id="rij-7"' in page and 'href="#rij-7"' in page  # error summary links to the row
    assert "Atlantis" in page and "Gemeente(n)" in page
    assert 'id="rij-8"' in page and "HYPERLINK" in page
    assert '<th scope="row">7</th>' in page
    assert nl("Import everything") not in page
    assert 'name="mode" value="valid"' in page

    # "Everything" is refused while rows have errors; nothing is saved.
    before = state()
    response = confirm(client, preview_url, "all")
    assert response.status_code == 400
    assert state() == before

    response = confirm(client, preview_url, "valid")
    assert response.status_code == 302
    assert sorted(Initiative.objects.values_list("title", flat=True)) == [
        "Digitale Werkplaats",
        "Starterscafé",
    ]
    page = client.get(response["Location"]).content.decode()
    assert "<td>3</td>" in page  # skipped rows: two with errors and one duplicate


def test_report_download_lists_every_problem(client, region, oss, coordinator):
    preview_url = upload(client, region, messy_workbook(), name="x.xlsx")["Location"]
    response = client.get(preview_url + "verslag.csv")
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "7;Gemeente(n);" in text and "Atlantis" in text


def test_upload_over_the_size_limit_is_refused_with_a_dutch_message(
    client, region, coordinator, staging
):
    before = state()
    big = io.BytesIO(b"PK\x03\x04" + b"\x00" * (30 * 1024 * 1024))
    big.name = "groot.xlsx"
    response = client.post(f"/atlas/importeren/{region.slug}/", {"file": big})
    assert response.status_code == 400
    page = response.content.decode()
    assert (
        nl("The file is %(size)s MB; files up to %(max)s MB can be imported.", size="30", max="20")
        in page
    )
    assert 'aria-invalid="true"' in page
    assert not staging.exists() or not list(staging.iterdir())
    assert state() == before


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "leeg.csv", nl("The file is empty (0 bytes).")),
        (
            PNG,
            "plaatje.xlsx",
            nl(
                "This is a %(kind)s file, not a spreadsheet. Upload an Excel workbook (.xlsx) or "
                "a CSV file.",
                kind="PNG",
            ),
        ),
        (
            b"zomaar wat tekst",
            "aanbod.xlsx",
            nl(
                "%(name)s is not an Excel workbook, although its name says so. Save it again "
                "from Excel as .xlsx or CSV.",
                name="aanbod.xlsx",
            ),
        ),
    ],
    ids=["0 bytes", "PNG", "text named .xlsx"],
)
def test_files_that_are_no_spreadsheet_are_refused_at_upload(
    client, region, coordinator, data, name, message
):
    before = state()
    response = upload(client, region, data, name=name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert state() == before


def test_empty_file_gets_its_message_in_the_preview(client, region, coordinator):
    response = upload(client, region, csv_bytes([COLUMNS]), name="leeg.csv")
    page = client.get(response["Location"]).content.decode()
    assert nl("The file has column headers but no rows with data.") in page
    assert 'name="mode"' not in page


def test_no_file_chosen(client, region, coordinator):
    response = client.post(f"/atlas/importeren/{region.slug}/", {})
    assert response.status_code == 400
    assert nl("Choose the file to import.") in response.content.decode()


def test_who_may_import(client, region, oss):
    url = f"/atlas/importeren/{region.slug}/"
    response = client.get(url)
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    assert client.post(url, {"file": SimpleUploadedFile("a.csv", b"x")}).status_code == 302

    client.force_login(make_member(oss))
    assert client.get(url).status_code == 403
    assert client.post(url, {"file": SimpleUploadedFile("a.csv", b"x")}).status_code == 403
    assert client.get("/atlas/importeren/").status_code == 403

    other = RegionFactory(name="Regio Zwolle", municipalities=["Zwolle"])
    client.force_login(make_coordinator(other))
    assert client.get(url).status_code == 403
    # The coordinator of one region goes straight to their own region.
    response = client.get("/atlas/importeren/")
    assert response["Location"] == f"/atlas/importeren/{other.slug}/"

    client.force_login(make_coordinator(region))
    assert client.get(url).status_code == 200
    client.force_login(make_facilitator())
    assert client.get(url).status_code == 200
    assert client.get("/atlas/importeren/").status_code == 200


def test_an_upload_belongs_to_its_uploader(client, region, oss, coordinator):
    data = csv_bytes([HEADER, ["A", "project", "Gemeente Oss (demo)", "", "", ""]])
    preview_url = upload(client, region, data)["Location"]
    client.force_login(make_coordinator(region))  # a colleague in the same region
    response = client.get(preview_url)
    assert (
        response.status_code == 302 and response["Location"] == f"/atlas/importeren/{region.slug}/"
    )
    assert (
        client.post(preview_url + "bevestigen/", {"mode": "all", "sha256": "0" * 64}).status_code
        == 302
    )
    assert not Initiative.objects.exists()
    # A made-up token or a path in its place finds nothing.
    for token in ("..%2F..%2Fetc%2Fpasswd", "x" * 43):
        assert client.get(f"/atlas/importeren/{region.slug}/{token}/").status_code in (302, 404)


def test_confirmation_must_match_the_previewed_file(client, region, oss, coordinator):
    data = csv_bytes([HEADER, ["A", "project", "Gemeente Oss (demo)", "", "", ""]])
    preview_url = upload(client, region, data)["Location"]
    response = client.post(preview_url + "bevestigen/", {"mode": "all", "sha256": "f" * 64})
    assert response.status_code == 302 and response["Location"] == preview_url
    assert not Initiative.objects.exists()
    assert client.get(preview_url + "bevestigen/").status_code == 405


def test_result_page_without_an_import_goes_to_the_upload(client, region, coordinator):
    response = client.get(f"/atlas/importeren/{region.slug}/klaar/")
    assert response["Location"] == f"/atlas/importeren/{region.slug}/"


def test_sample_file_has_the_import_headers(client, region):
    response = client.get("/atlas/importeren/voorbeeldbestand.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    assert next(workbook["Aanbod"].iter_rows(values_only=True)) == tuple(COLUMNS)
    assert len(workbook.sheetnames) == 2


def test_atlas_links_to_the_import_for_those_who_may(client, region):
    assert "/atlas/importeren/" not in client.get("/atlas/").content.decode()
    client.force_login(make_coordinator(region))
    assert "/atlas/importeren/" in client.get("/atlas/").content.decode()


def test_upload_page_is_accessible_without_javascript(client, region, coordinator):
    page = client.get(f"/atlas/importeren/{region.slug}/").content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert '<label for="id_file">' in page
    assert 'aria-describedby="id_file_help"' in page
    assert "/atlas/importeren/voorbeeldbestand.xlsx" in page
    assert f"/atlas/export/aanbod.xlsx?region={region.slug}" in page


def test_an_oversized_upload_is_not_stored_on_its_way_in(
    client, region, coordinator, settings, monkeypatch
):
    from django.core.files.uploadhandler import TemporaryFileUploadHandler

    settings.INVENTORY_IMPORT_MAX_BYTES = 10_000
    settings.FILE_UPLOAD_HANDLERS = ["django.core.files.uploadhandler.TemporaryFileUploadHandler"]
    completed = []
    original = TemporaryFileUploadHandler.file_complete
    monkeypatch.setattr(
        TemporaryFileUploadHandler,
        "file_complete",
        lambda self, size: completed.append(size) or original(self, size),
    )
    response = upload(client, region, b"Titel;Soort;Eigenaar\n" + b"x;project;y\n" * 5000)
    assert response.status_code == 400
    assert not completed  # the size limit stopped the file before it was kept
    assert nl("Choose the file to import.") not in response.content.decode()


def test_an_expired_upload_is_removed(client, region, oss, coordinator, staging):
    import json

    data = csv_bytes([HEADER, ["A", "project", "Gemeente Oss (demo)", "", "", ""]])
    preview_url = upload(client, region, data)["Location"]
    [meta] = staging.glob("*.json")
    content = json.loads(meta.read_text())
    content["uploaded_at"] = "2000-01-01T00:00:00+00:00"
    meta.write_text(json.dumps(content))
    response = client.get(preview_url)
    assert response["Location"] == f"/atlas/importeren/{region.slug}/"
    assert not list(staging.iterdir())
    page = client.get(response["Location"]).content.decode()
    assert nl("The uploaded file is no longer available; please upload it again.") in page


def test_a_changed_upload_on_disk_is_not_imported(client, region, oss, coordinator, staging):
    data = csv_bytes([HEADER, ["A", "project", "Gemeente Oss (demo)", "", "", ""]])
    preview_url = upload(client, region, data)["Location"]
    page = client.get(preview_url).content.decode()
    sha = re.search(r'name="sha256" value="([0-9a-f]{64})"', page).group(1)
    [stored] = staging.glob("*.bin")
    stored.write_bytes(data.replace(b"A;", b"B;"))
    response = client.post(preview_url + "bevestigen/", {"mode": "all", "sha256": sha})
    assert response.status_code == 302
    assert not Initiative.objects.exists()
