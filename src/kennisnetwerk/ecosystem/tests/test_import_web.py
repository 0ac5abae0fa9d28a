"""The inventory import in the web interface: upload, preview with the report, confirm, and
the import in the background with the page that follows it."""

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
from kennisnetwerk.ecosystem.models import Initiative, InventoryImportJob, Organisation
from kennisnetwerk.ecosystem.tasks import run_inventory_import

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


def sha_of(client, preview_url):
    page = client.get(preview_url).content.decode()
    return re.search(r'name="sha256" value="([0-9a-f]{64})"', page).group(1)


@pytest.fixture
def confirm(client, django_capture_on_commit_callbacks):
    """Confirm the import on the preview page; the import is queued when the request's
    transaction commits and (with the test suite's ImmediateBackend) runs at once, unless
    ``run`` is False."""

    def post(preview_url, mode, *, run=True):
        sha = sha_of(client, preview_url)
        with django_capture_on_commit_callbacks(execute=run):
            return client.post(preview_url + "bevestigen/", {"mode": mode, "sha256": sha})

    return post


def job_of(response):
    match = re.fullmatch(r"/atlas/importeren/[^/]+/taak/(\d+)/", response["Location"])
    assert match, response["Location"]
    return InventoryImportJob.objects.get(pk=int(match.group(1)))


def test_coordinator_uploads_checks_and_imports(client, region, oss, coordinator, staging, confirm):
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

    response = confirm(preview_url, "all")
    assert response.status_code == 302
    job = job_of(response)
    assert response["Location"] == f"/atlas/importeren/{region.slug}/taak/{job.pk}/"
    assert (job.status, job.user, job.region) == ("done", coordinator, region)
    assert (job.rows_done, job.rows_total) == (1, 1)
    assert job.result == {
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "skipped": 0,
        "organisations": 0,
    }
    initiative = Initiative.objects.get()
    assert initiative.owner == oss and initiative.municipalities.get().name == "Maashorst"
    assert (
        AuditLogEntry.objects.get(action="create", object_id=str(initiative.pk)).actor
        == coordinator
    )
    assert not list(staging.iterdir())  # the upload is gone once imported

    page = client.get(response["Location"]).content.decode()
    assert nl("Import done") in page
    assert "<td>1</td>" in page  # one new initiative
    assert f"/atlas/?regio={region.slug}" in page
    assert f"/atlas/matrix/?regio={region.slug}" in page
    assert (
        'hx-trigger="every 1s"' not in page
    )  # the job page stops polling and "<progress" not in page  # done: no more polling

    # The same file again: nothing to import.
    page = client.get(upload(client, region, data)["Location"]).content.decode()
    assert nl("Nothing to import: every row is already in the atlas exactly like this.") in page
    assert nl("Import everything") not in page


def test_preview_reports_rows_and_columns_and_offers_only_valid_rows(
    client, region, oss, coordinator, confirm
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

    # "Everything" is refused while rows have errors; nothing is saved, and the job page
    # says why, row by row.
    before = state()
    response = confirm(preview_url, "all")
    assert job_of(response).status == "failed"
    assert state() == before
    page = client.get(response["Location"]).content.decode()
    assert nl("The import failed") in page
    assert nl("Nothing was imported; see the problems below.") in page
    assert nl("Row %(row)s, %(column)s", row=7, column="Gemeente(n)") in page
    assert "Atlantis" in page
    assert preview_url in page  # the upload stays, to check it again

    response = confirm(preview_url, "valid")
    assert job_of(response).status == "done"
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
    assert f"/atlas/export/aanbod.xlsx?regio={region.slug}" in page


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


def test_a_changed_upload_on_disk_is_not_imported(
    client, region, oss, coordinator, staging, django_capture_on_commit_callbacks
):
    data = csv_bytes([HEADER, ["A", "project", "Gemeente Oss (demo)", "", "", ""]])
    preview_url = upload(client, region, data)["Location"]
    sha = sha_of(client, preview_url)
    [stored] = staging.glob("*.bin")
    stored.write_bytes(data.replace(b"A;", b"B;"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(preview_url + "bevestigen/", {"mode": "all", "sha256": sha})
    assert response.status_code == 302
    assert job_of(response).status == "failed"
    assert not Initiative.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert nl("The uploaded file has changed; upload it again.") in page
    assert not list(staging.iterdir())


# --- The import in the background, and the page that follows it ------------------------------


@pytest.fixture
def one_row():
    return csv_bytes(
        [HEADER, ["Digitale Werkplaats", "programma", "Gemeente Oss (demo)", "", "", ""]]
    )


def test_job_page_shows_progress_and_polls_until_done(
    client, region, oss, coordinator, confirm, one_row
):
    preview_url = upload(client, region, one_row)["Location"]
    response = confirm(preview_url, "all", run=False)  # queued, no worker yet
    job = job_of(response)
    url = response["Location"]
    assert job.status == "queued" and not Initiative.objects.exists()

    page = client.get(url).content.decode()
    assert nl("The import is waiting to start.") in page
    assert '<progress aria-labelledby="import-job-progress">' in page  # no value: indeterminate
    assert f'hx-get="{url}?stand=queued-0-0" hx-trigger="every 1s"' in page
    assert f'id="import-job-refresh" href="{url}"' in page  # refresh without JavaScript
    assert 'aria-live="polite"' in page

    InventoryImportJob.objects.filter(pk=job.pk).update(status="running")
    assert nl("Checking the file…") in client.get(url).content.decode()
    InventoryImportJob.objects.filter(pk=job.pk).update(rows_done=0, rows_total=20)
    page = client.get(url).content.decode()
    assert nl("%(done)s of %(total)s rows saved…", done=0, total=20) in page
    assert 'value="0" max="20"' in page

    # htmx asks for the status part only, and gets nothing while nothing changed.
    InventoryImportJob.objects.filter(pk=job.pk).update(status="queued", rows_total=0)
    htmx = {"HX-Request": "true"}
    fragment = client.get(url, {"stand": "running-0-20"}, headers=htmx)
    assert fragment.content.decode().lstrip().startswith('<div id="import-job"')
    assert "<html" not in fragment.content.decode()
    assert "HX-Request" in fragment["Vary"]
    unchanged = client.get(url, {"stand": "queued-0-0"}, headers=htmx)
    assert unchanged.status_code == 204 and not unchanged.content
    assert client.get(url, {"stand": "queued-0-0"}).status_code == 200  # not for a full page

    run_inventory_import.call(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == "done" and job.finished_at and Initiative.objects.count() == 1
    fragment = client.get(url, {"stand": "queued-0-0"}, headers=htmx).content.decode()
    assert "hx-trigger" not in fragment  # the last answer stops the polling
    assert nl("Import done") in fragment and "<td>1</td>" in fragment

    # A task delivered twice does not import twice.
    before = state()
    run_inventory_import.call(job_id=job.pk)
    assert state() == before


def test_a_second_click_finds_the_waiting_job(client, region, oss, coordinator, confirm, one_row):
    preview_url = upload(client, region, one_row)["Location"]
    first = job_of(confirm(preview_url, "all", run=False))
    second = job_of(confirm(preview_url, "all", run=False))
    assert first == second and InventoryImportJob.objects.count() == 1


def test_only_the_person_who_started_the_import_sees_it(
    client, region, oss, coordinator, confirm, one_row
):
    preview_url = upload(client, region, one_row)["Location"]
    url = confirm(preview_url, "all")["Location"]
    assert client.get(url).status_code == 200

    client.force_login(make_coordinator(region))  # a colleague in the same region
    assert client.get(url).status_code == 404
    client.force_login(make_member(oss))
    assert client.get(url).status_code == 403
    other = RegionFactory(name="Regio Zwolle", municipalities=["Zwolle"])
    client.force_login(make_coordinator(other))
    assert client.get(url).status_code == 403
    # Under another region's address the job does not exist.
    job = InventoryImportJob.objects.get()
    assert client.get(f"/atlas/importeren/{other.slug}/taak/{job.pk}/").status_code == 404
    client.force_login(make_facilitator())
    assert client.get(url).status_code == 200
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_a_job_whose_upload_expired_says_so_and_saves_nothing(
    client, region, oss, coordinator, confirm, one_row, staging
):
    import json

    preview_url = upload(client, region, one_row)["Location"]
    response = confirm(preview_url, "all", run=False)
    [meta] = staging.glob("*.json")
    content = json.loads(meta.read_text())
    content["uploaded_at"] = "2000-01-01T00:00:00+00:00"
    meta.write_text(json.dumps(content))
    before = state()
    run_inventory_import.call(job_id=job_of(response).pk)
    assert state() == before
    assert job_of(response).status == "failed"
    page = client.get(response["Location"]).content.decode()
    assert nl("The import failed") in page
    assert nl("The uploaded file is no longer available; please upload it again.") in page
    assert f'href="/atlas/importeren/{region.slug}/"' in page
    assert 'hx-trigger="every 1s"' not in page  # the job page stops polling
    assert not list(staging.iterdir())


def test_an_unexpected_error_fails_the_job_and_saves_nothing(
    client, region, coordinator, confirm, staging, monkeypatch
):
    from kennisnetwerk.ecosystem import services_import

    def broken(**kwargs):
        raise RuntimeError("disk full")

    # A new organisation and a new initiative are written first; both are undone.
    monkeypatch.setattr(services_import, "initiative_update_many", broken)
    data = csv_bytes([HEADER, ["Werkplaats", "project", "Nieuwe Partij BV", "", "", ""]])
    preview_url = upload(client, region, data)["Location"]
    before = state()
    response = confirm(preview_url, "all")
    assert state() == before
    job = job_of(response)
    assert job.status == "failed" and (job.rows_done, job.rows_total) == (0, 0)
    page = client.get(response["Location"]).content.decode()
    assert (
        nl("Something went wrong while importing; nothing was saved. Please try again later.")
        in page
    )
    assert "disk full" not in page
    assert preview_url in page  # to try again


def test_a_job_of_someone_who_may_no_longer_import_saves_nothing(
    client, region, oss, coordinator, confirm, one_row
):
    preview_url = upload(client, region, one_row)["Location"]
    job = job_of(confirm(preview_url, "all", run=False))
    coordinator.region_roles.all().delete()
    run_inventory_import.call(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == "failed" and not Initiative.objects.exists()
    with translation.override("nl"):
        assert job.error == gettext("You may no longer import into this region; nothing was saved.")
