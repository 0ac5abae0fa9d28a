"""Importing a region's inventory from a spreadsheet, and keeping an uploaded file between the
preview and the confirmation.

The file is validated completely first. If any row is invalid nothing is saved, unless the
person chose to import only the valid rows. Then every new and changed row is written in one
transaction through ``initiative_create_many`` and ``initiative_update_many`` (the
many-at-once forms of ``initiative_create`` and ``initiative_update``), so the audit log and
the search index follow as for any other change. Rows that did not change are not touched:
importing the same file twice changes nothing.

In the web interface the confirmed import runs as a background job (``InventoryImportJob``),
whose page shows how far it is (docs/decisions/0006)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kennisnetwerk.core.audit import audit_log
from kennisnetwerk.core.jobs import job_claim, job_heartbeat, jobs_fail_dead
from kennisnetwerk.core.models import AuditAction
from kennisnetwerk.core.staging import FileStage, StagedFile
from kennisnetwerk.geo.models import Region

from .import_files import file_size_problem
from .imports import (
    INVALID,
    NEW,
    UNCHANGED,
    UPDATE,
    ImportReport,
    Issue,
    NewOrganisation,
    RowReport,
    inventory_validate,
)
from .models import ImportJobStatus, Initiative, InventoryImportJob, Organisation
from .permissions import can_add_organisations_by_import, inventory_import_regions
from .services import InitiativeData, organisation_create
from .services_bulk import initiative_create_many, initiative_update_many
from .tasks import run_inventory_import

logger = logging.getLogger(__name__)


@dataclass
class InventoryImportResult:
    """What an import did. ``saved`` is False when nothing was written: a dry run, or
    errors in the file (see ``report``)."""

    report: ImportReport
    dry_run: bool = False
    only_valid: bool = False
    saved: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    organisations_created: int = 0
    seconds: float = 0.0
    failed: bool = False  # the database refused the write; everything was rolled back

    @property
    def refused(self) -> bool:
        """Nothing was imported because of errors (as opposed to: nothing needed changing)."""
        report = self.report
        if self.failed or report.file_errors:
            return True
        if not report.is_valid and not self.only_valid:
            return True
        return self.only_valid and not report.is_valid and not self.importable_rows

    @property
    def importable_rows(self) -> list[RowReport]:
        return [r for r in self.report.rows if r.action in (NEW, UPDATE) and r.plan]


class _RowFailed(Exception):
    def __init__(self, row: RowReport, error: ValidationError):
        self.row, self.error = row, error


class _ImportFailed(Exception):
    def __init__(self, error: ValidationError):
        self.error = error


def inventory_import(
    *,
    source: bytes | str | Path,
    filename: str,
    region: Region,
    actor: Any,
    only_valid: bool = False,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> InventoryImportResult:
    """Import an inventory file into ``region``: validate every row, then (unless
    ``dry_run``) add the new initiatives and update the changed ones in one transaction.
    With errors in the file nothing is saved, unless ``only_valid``: then the valid rows are
    imported and the others skipped. ``actor`` None means the system (a command)."""
    started = time.monotonic()
    report = inventory_validate(
        source=source,
        filename=filename,
        region=region,
        may_create_organisations=can_add_organisations_by_import(actor, region),
    )
    result = InventoryImportResult(report=report, dry_run=dry_run, only_valid=only_valid)
    rows = result.importable_rows
    result.unchanged = report.count(UNCHANGED)
    result.skipped = len(report.rows) - len(rows) - result.unchanged
    if result.refused or dry_run:
        result.created = sum(1 for r in rows if r.action == NEW)
        result.updated = sum(1 for r in rows if r.action == UPDATE)
        result.organisations_created = len(_organisations_needed(rows))
        result.seconds = time.monotonic() - started
        return result
    if progress is not None:
        # Reported before the write transaction starts: what is reported inside it can only
        # be seen by others once it has committed.
        progress(0, len(rows))
    try:
        _write(result, rows, region=region, actor=actor, filename=filename)
        if progress is not None:
            progress(len(rows), len(rows))
    except _RowFailed as failure:
        # Validation mirrors the model's rules, so this is rare; the whole import is undone.
        for message in failure.error.messages:
            failure.row.error("", message, "model")
        failure.row.action = INVALID
        _undone(result)
    except _ImportFailed as failure:
        for message in failure.error.messages:
            result.report.file_errors.append(Issue("", message, "model"))
        _undone(result)
    result.seconds = time.monotonic() - started
    logger.info(
        "inventory import %s into %s: %s new, %s changed, %s unchanged, %s skipped in %.1fs",
        filename,
        region.slug,
        result.created,
        result.updated,
        result.unchanged,
        result.skipped,
        result.seconds,
    )
    return result


def _undone(result: InventoryImportResult) -> None:
    result.saved, result.failed = False, True
    result.created = result.updated = result.organisations_created = 0


def _organisations_needed(rows: list[RowReport]) -> list[NewOrganisation]:
    needed: dict[int, NewOrganisation] = {}
    for row in rows:
        assert row.plan is not None  # noqa: S101 (importable rows have a plan)
        for ref in (row.plan.owner, *row.plan.partners):
            if isinstance(ref, NewOrganisation):
                needed.setdefault(id(ref), ref)
    return list(needed.values())


@transaction.atomic
def _write(
    result: InventoryImportResult,
    rows: list[RowReport],
    *,
    region: Region,
    actor: Any,
    filename: str,
) -> None:
    created: dict[int, Organisation] = {}
    for new in _organisations_needed(rows):
        try:
            created[id(new)] = organisation_create(
                name=new.name, type=new.type, kvk_number=new.kvk_number, actor=actor
            )
        except ValidationError as error:
            row = next(r for r in rows if r.number in new.rows)
            raise _RowFailed(row, error) from error
    result.organisations_created = len(created)

    def resolve(ref: Organisation | NewOrganisation) -> Organisation:
        return created[id(ref)] if isinstance(ref, NewOrganisation) else ref

    creates: list[InitiativeData] = []
    updates: list[tuple[Initiative, InitiativeData]] = []
    for row in rows:
        plan = row.plan
        assert plan is not None  # noqa: S101
        data = InitiativeData(
            owner=resolve(plan.owner),
            partners=[resolve(p) for p in plan.partners],
            inventory_region=region,
            import_key=row.import_key,
            **plan.values,
        )
        if plan.existing_id:
            # The service loads the initiatives itself, in batches.
            updates.append((Initiative(pk=plan.existing_id), data))
        else:
            creates.append(data)
    # No progress is reported inside the transaction: nobody else could see it before the
    # commit, and it would lock the job's row against its heartbeat.
    try:
        result.created = len(initiative_create_many(items=creates, actor=actor))
        result.updated = len(initiative_update_many(changes=updates, actor=actor))
    except ValidationError as error:
        raise _ImportFailed(error) from error
    if result.created or result.updated:
        audit_log(
            actor=actor,
            action=AuditAction.IMPORT,
            obj=region,
            message=_(
                "Inventory imported from %(file)s: %(new)s new, %(changed)s changed, "
                "%(organisations)s organisations added."
            )
            % {
                "file": filename,
                "new": result.created,
                "changed": result.updated,
                "organisations": result.organisations_created,
            },
        )
    result.saved = True


# --- Uploads kept between preview and confirmation ---------------------------------------------

STAGING_HOURS = 24
_stage = FileStage(
    directory=lambda: Path(settings.INVENTORY_IMPORT_STAGING_DIR), hours=STAGING_HOURS
)
# An uploaded file waiting for the person's confirmation, bound to its region.
StagedUpload = StagedFile


def inventory_upload_stage(
    *, user: Any, region: Region, filename: str, content: bytes
) -> StagedUpload:
    """Keep an uploaded file until the person confirms the import (or it expires)."""
    if problem := file_size_problem(len(content)):
        raise ValidationError(problem.message, code=problem.code)
    return _stage.stage(user=user, filename=filename, content=content, region=region)


def inventory_upload_get(*, token: str, user: Any, region: Region) -> StagedUpload | None:
    """The staged upload with ``token``, if it belongs to ``user`` and ``region``, has not
    expired and is intact."""
    return _stage.get(token=token, user=user, region=region)


def inventory_upload_content(upload: StagedUpload) -> bytes:
    """The bytes of a staged upload; checked against the hash taken at upload."""
    content = _stage.content(upload)
    if content is None:
        raise ValidationError(_("The uploaded file has changed; upload it again."))
    return content


def inventory_upload_discard(*, upload: StagedUpload) -> None:
    _stage.discard(upload)


# --- Imports run in the background -------------------------------------------------------------

# The job page lists at most this many problems of a refused import; the preview has them all.
JOB_PROBLEMS = 20
_ACTIVE = [ImportJobStatus.QUEUED, ImportJobStatus.RUNNING]


def inventory_import_job_start(
    *, user: Any, region: Region, upload: StagedUpload, only_valid: bool, language: str
) -> InventoryImportJob:
    """Queue the import of a staged upload the person confirmed; they follow it on the job
    page. Confirming the same upload again while its import waits or runs (a second click)
    finds that job instead of starting another."""
    active = InventoryImportJob.objects.filter(token=upload.token, status__in=_ACTIVE)
    if job := active.first():
        return job
    try:
        with transaction.atomic():
            job = InventoryImportJob.objects.create(
                region=region,
                user=user,
                token=upload.token,
                filename=upload.filename,
                only_valid=only_valid,
                language=language,
            )
    except IntegrityError:
        # The other click got there first.
        return active.get()
    transaction.on_commit(lambda: run_inventory_import.enqueue(job_id=job.pk))
    return job


def inventory_import_job_run(*, job: InventoryImportJob) -> None:
    """Run a queued import: check the file again and import it in one transaction, telling
    the job page how far it is. The job ends done, with what the import did, or failed, with
    the reason in the person's language; a failed import has saved nothing. A job that
    already ran (a task delivered twice) is left alone. While it runs, the job records its
    worker and beats, so that a worker that dies leaves a job marked failed
    (``inventory_import_jobs_recover``), not one running for ever."""
    if not job_claim(job):
        return
    with translation.override(job.language), job_heartbeat(job):
        try:
            _job_run(job)
        except Exception:
            logger.exception("inventory import job %s failed", job.pk)
            _job_end(
                job,
                error=_(
                    "Something went wrong while importing; nothing was saved. Please try "
                    "again later."
                ),
                result={"review": True},  # the upload stays: confirming it again is trying again
            )
            raise


def _worker_stopped_message(job: InventoryImportJob) -> str:
    with translation.override(job.language):
        return _(
            "The import stopped because the background process that ran it stopped. Nothing "
            "was saved. You can start the import again."
        )


def _failed_job_changes(job: InventoryImportJob) -> dict[str, Any]:
    # The upload stays, so confirming it again (through the preview) is trying again.
    return {"rows_done": 0, "rows_total": 0, "result": {"review": True}}


def inventory_import_job_check(*, job: InventoryImportJob) -> InventoryImportJob:
    """The job as its page shows it: a running job whose worker died is marked failed with a
    message in the person's language, and can be started again."""
    jobs_fail_dead(
        InventoryImportJob.objects.filter(pk=job.pk),
        error=_worker_stopped_message,
        changes=_failed_job_changes,
    )
    job.refresh_from_db()
    return job


def inventory_import_jobs_recover() -> list[InventoryImportJob]:
    """Mark every running import whose worker died as failed (a task worker that starts)."""
    return jobs_fail_dead(
        InventoryImportJob.objects.all(),
        error=_worker_stopped_message,
        changes=_failed_job_changes,
    )


def _job_run(job: InventoryImportJob) -> None:
    region, user = job.region, job.user
    if not inventory_import_regions(user).filter(pk=region.pk).exists():
        _job_end(job, error=_("You may no longer import into this region; nothing was saved."))
        return
    upload = inventory_upload_get(token=job.token, user=user, region=region)
    if upload is None:
        _job_end(job, error=_("The uploaded file is no longer available; please upload it again."))
        return
    try:
        content = inventory_upload_content(upload)
    except ValidationError as error:
        inventory_upload_discard(upload=upload)
        _job_end(job, error=" ".join(error.messages))
        return

    def progress(done: int, total: int) -> None:
        InventoryImportJob.objects.filter(pk=job.pk).update(
            rows_done=min(done, total), rows_total=total, updated_at=timezone.now()
        )

    result = inventory_import(
        source=content,
        filename=upload.filename,
        region=region,
        actor=user,
        only_valid=job.only_valid,
        progress=progress,
    )
    if result.refused:
        # The inventory changed since the preview (or the database refused the rows). The
        # upload stays, so that the preview can show the problems as they are now.
        _job_end(
            job,
            error=_("Nothing was imported; see the problems below."),
            result={"problems": _job_problems(result.report), "review": True},
        )
        return
    inventory_upload_discard(upload=upload)
    total = len(result.importable_rows)
    job.rows_done = job.rows_total = total
    _job_end(
        job,
        result={
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "skipped": result.skipped,
            "organisations": result.organisations_created,
        },
    )


def _job_problems(report: ImportReport) -> list[dict[str, Any]]:
    problems: list[dict[str, Any]] = [
        {"row": None, "column": issue.column, "message": issue.message}
        for issue in report.file_errors
    ]
    problems += [
        {"row": row.number, "column": issue.column, "message": issue.message}
        for row in report.rows
        for issue in row.errors
    ]
    return problems[:JOB_PROBLEMS]


def _job_end(job: InventoryImportJob, *, error: str = "", result: dict | None = None) -> None:
    job.status = ImportJobStatus.FAILED if error else ImportJobStatus.DONE
    job.error = error
    job.result = result or {}
    job.finished_at = timezone.now()
    if error:
        job.rows_done = job.rows_total = 0
    job.save(
        update_fields=[
            "status",
            "error",
            "result",
            "finished_at",
            "rows_done",
            "rows_total",
            "updated_at",
        ]
    )
