"""Importing a party's list of existing subscribers: only with a legal basis per row, never
an address that unsubscribed or bounced, never a change to a current subscriber. All or
nothing, in one transaction; each new subscriber is told by mail who added them and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from kennisnetwerk.core.audit import audit_log
from kennisnetwerk.core.models import AuditAction
from kennisnetwerk.core.staging import FileStage, StagedFile
from kennisnetwerk.ecosystem.import_files import file_size_problem
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.models import Region

from .constants import ConsentEvent, LegalBasis, SubscriberSource, SubscriberStatus
from .models import Consent, Subscriber
from .subscriber_import import (
    DUPLICATE,
    EXISTING,
    INVALID,
    SUPPRESSED,
    SubscriberImportReport,
    subscribers_validate,
)


@dataclass
class SubscriberImportResult:
    report: SubscriberImportReport
    saved: bool = False
    created: int = 0
    skipped_suppressed: int = 0
    skipped_existing: int = 0
    skipped_duplicate: int = 0
    invalid: int = 0
    dry_run: bool = False
    subscriber_ids: list[int] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        """Nothing was imported because of errors in the file."""
        return bool(self.report.file_errors) or (
            self.invalid > 0 and not self.saved and not self.dry_run
        )


def consent_text(*, organisation: Organisation, legal_basis: str) -> str:
    """What the consent record says, in Dutch (the language of the records)."""
    with translation.override(settings.LANGUAGE_CODE):
        return _(
            "Added by %(organisation)s from its own list of contacts; legal basis: %(basis)s."
        ) % {"organisation": organisation.name, "basis": LegalBasis(legal_basis).label}


def subscribers_import(
    *,
    region: Region,
    organisation: Organisation,
    source: bytes,
    filename: str,
    actor: Any,
    only_valid: bool = False,
    dry_run: bool = False,
) -> SubscriberImportResult:
    """Add the addresses of ``organisation``'s list to ``region``'s channel as active
    subscribers with the legal basis given per row. Nothing is saved when a row has an error,
    unless ``only_valid`` (then those rows are skipped) — nor on a ``dry_run``. Blocked
    addresses and current subscribers are skipped and left unchanged."""
    from .tasks_import import send_imported_welcome_mail

    with transaction.atomic():
        # Checked inside the transaction, so an unsubscribe in the meantime is respected.
        report = subscribers_validate(
            source=source, filename=filename, region=region, organisation=organisation
        )
        result = SubscriberImportResult(
            report=report,
            skipped_suppressed=report.count(SUPPRESSED),
            skipped_existing=report.count(EXISTING),
            skipped_duplicate=report.count(DUPLICATE),
            invalid=report.count(INVALID),
            dry_run=dry_run,
        )
        if report.file_errors or dry_run or (result.invalid and not only_valid):
            result.created = len(report.importable_rows) if dry_run else 0
            return result
        if not report.importable_rows:
            return result  # nothing new: no audit entry, no mail
        actor_email = getattr(actor, "email", "") or ""
        for row in report.importable_rows:
            data = row.data
            assert data is not None  # noqa: S101 (importable rows have data)
            subscriber = Subscriber.objects.create(
                region=region,
                email=data.email,
                company_name=data.company_name,
                kvk_number=data.kvk_number,
                municipality=data.municipality,
                postcode=data.postcode,
                size_class=data.size_class,
                frequency=data.frequency,
                status=SubscriberStatus.ACTIVE,
                confirmed_at=None,
                source=SubscriberSource.IMPORT,
                source_organisation=organisation,
                legal_basis=row.legal_basis,
            )
            if data.themes:
                subscriber.themes.set(list(data.themes))
            Consent.objects.create(
                subscriber=subscriber,
                event=ConsentEvent.IMPORTED,
                text=consent_text(organisation=organisation, legal_basis=row.legal_basis),
                details={
                    "organisation": organisation.name,
                    "legal_basis": row.legal_basis,
                    "imported_by": actor_email,
                    "file": filename,
                    "row": row.number,
                },
            )
            result.subscriber_ids.append(subscriber.pk)
        result.created = len(result.subscriber_ids)
        result.saved = True
        audit_log(
            actor=actor,
            action=AuditAction.IMPORT,
            obj=region,
            message=_(
                "Subscribers imported for %(organisation)s from %(file)s: %(created)s added, "
                "%(suppressed)s unsubscribed or undeliverable skipped, %(existing)s already "
                "subscribed, %(invalid)s rows with errors skipped."
            )
            % {
                "organisation": organisation.name,
                "file": filename,
                "created": result.created,
                "suppressed": result.skipped_suppressed,
                "existing": result.skipped_existing,
                "invalid": result.invalid,
            },
            changes={
                "organisation": organisation.name,
                "file": filename,
                "created": result.created,
                "skipped_suppressed": result.skipped_suppressed,
                "skipped_existing": result.skipped_existing,
                "skipped_duplicate": result.skipped_duplicate,
                "invalid": result.invalid,
            },
        )
        ids = list(result.subscriber_ids)
        transaction.on_commit(lambda: _enqueue_welcome(send_imported_welcome_mail, ids))
    return result


def _enqueue_welcome(task: Any, ids: list[int]) -> None:
    for subscriber_id in ids:
        task.enqueue(subscriber_id)


# --- The upload kept between preview and confirmation ---------------------------------------

STAGING_HOURS = 2
_stage = FileStage(
    directory=lambda: Path(settings.SUBSCRIBER_IMPORT_STAGING_DIR), hours=STAGING_HOURS
)
# An uploaded list waiting for confirmation, bound to its region and organisation.
StagedSubscriberList = StagedFile


def subscriber_list_stage(
    *, user: Any, region: Region, organisation: Organisation, filename: str, content: bytes
) -> StagedSubscriberList:
    if problem := file_size_problem(len(content)):
        raise ValueError(problem.message)
    return _stage.stage(
        user=user, filename=filename, content=content, region=region, organisation=organisation
    )


def subscriber_list_get(*, token: str, user: Any, region: Region) -> StagedSubscriberList | None:
    """The staged list, if it is the person's own for this region, unexpired and intact."""
    return _stage.get(token=token, user=user, region=region)


def subscriber_list_content(staged: StagedSubscriberList) -> bytes | None:
    """The bytes of the staged list, or None when they no longer match the upload."""
    return _stage.content(staged)


def subscriber_list_discard(*, staged: StagedSubscriberList) -> None:
    _stage.discard(staged)
