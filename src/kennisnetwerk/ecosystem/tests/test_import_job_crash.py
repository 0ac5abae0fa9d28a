"""An import whose worker is killed does not stay "running" for ever: its page finds the
worker gone, marks the job failed with a Dutch message, and the import can be started again.
Tested with a real worker process, killed with SIGKILL halfway."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
)
from kennisnetwerk.core.tests.processes import SharedDatabase, kill, wait_until
from kennisnetwerk.ecosystem.models import Initiative, InventoryImportJob

from .spreadsheets import HEADER, csv_bytes

pytestmark = pytest.mark.django_db(transaction=True)

ROWS = 3000
STOPPED = (
    "The import stopped because the background process that ran it stopped. Nothing was "
    "saved. You can start the import again."
)


def nl(msgid: str) -> str:
    with translation.override("nl"):
        return escape(gettext(msgid))


def _confirm(client, preview_url):
    page = client.get(preview_url).content.decode()
    sha = re.search(r'name="sha256" value="([0-9a-f]{64})"', page).group(1)
    response = client.post(preview_url + "bevestigen/", {"mode": "all", "sha256": sha})
    match = re.fullmatch(r"/atlas/importeren/[^/]+/taak/(\d+)/", response["Location"])
    return InventoryImportJob.objects.get(pk=int(match.group(1))), response["Location"]


def test_a_killed_import_is_marked_failed_and_can_be_started_again(
    client, reference_data, settings, tmp_path
):
    staging = tmp_path / "staging"
    settings.INVENTORY_IMPORT_STAGING_DIR = str(staging)
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    region = RegionFactory(name="Noordoost-Brabant", slug="nob-crash", municipalities=["Oss"])
    OrganisationFactory(name="Gemeente Oss (demo)", kvk_number="01234567")
    client.force_login(make_coordinator(region))
    owner = "Gemeente Oss (demo)"
    rows = [[f"Initiatief {n}", "programma", owner, "", "", ""] for n in range(ROWS)]
    data = csv_bytes([HEADER, *rows])
    response = client.post(
        f"/atlas/importeren/{region.slug}/", {"file": SimpleUploadedFile("aanbod.csv", data)}
    )
    preview_url = response["Location"]
    job, job_url = _confirm(client, preview_url)
    assert job.status == "queued"

    # A real worker takes the job and is killed while it runs.
    shared = SharedDatabase(tmp_path)
    shared.push()
    worker = shared.start(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload",
        INVENTORY_IMPORT_STAGING_DIR=str(staging),
    )  # fmt: skip
    try:
        wait_until(
            lambda: (
                shared.query(
                    "SELECT status FROM ecosystem_inventoryimportjob WHERE id = ?", (job.pk,)
                )
                == [("running",)]
            ),
            timeout=180,
            what="the worker to start the import",
            process=worker,
        )
    finally:
        kill(worker)
    shared.pull()
    job.refresh_from_db()
    assert job.status == "running" and job.worker  # as the crash left it
    assert not Initiative.objects.exists()

    # The page that follows the job finds its worker gone: failed, with the reason in Dutch,
    # no more polling, and the way to try again.
    page = client.get(job_url).content.decode()
    assert nl(STOPPED) in page
    assert 'hx-trigger="every 1s"' not in page  # the job page stops polling
    assert preview_url in page  # "Check the file again", then import it
    job.refresh_from_db()
    assert job.status == "failed"
    with translation.override("nl"):
        assert job.error == gettext(STOPPED)

    # Starting it again is not blocked by the failed job, and the import goes through.
    again, again_url = _confirm(client, preview_url)
    assert again.pk != job.pk and again.status == "queued"
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    again.refresh_from_db()
    assert again.status == "done", again.error
    assert Initiative.objects.count() == ROWS
    assert again.heartbeat_at is not None and again.worker


def test_a_worker_that_starts_marks_the_imports_of_dead_workers_failed(
    reference_data, settings, tmp_path
):
    from io import StringIO

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    region = RegionFactory(name="Noordoost-Brabant", slug="nob-crash", municipalities=["Oss"])
    user = make_coordinator(region)
    # A worker process that ran and is gone now.
    shared = SharedDatabase(tmp_path)
    gone = shared.start("shell", "-c", "from kennisnetwerk.core.jobs import current_process;"
                        "print(current_process())")  # fmt: skip
    identity = gone.communicate(timeout=120)[0].strip().splitlines()[-1]
    job = InventoryImportJob.objects.create(
        region=region, user=user, token="x" * 43, filename="aanbod.csv", status="running",
        worker=identity,
    )  # fmt: skip
    out = StringIO()
    call_command("db_worker", batch=True, no_startup_delay=True, stdout=out)
    job.refresh_from_db()
    assert job.status == "failed"
    with translation.override("nl"):
        assert job.error == gettext(STOPPED)
    assert str(job.pk) in out.getvalue()
