"""One outbox mechanism for every app that sends mail in bulk: mails are written as rows first
(in the transaction of the change that causes them), then a worker claims a batch in one short
transaction (status "being sent"; SKIP LOCKED on PostgreSQL, so several workers share the
outbox), sends them over one reused SMTP connection and marks each sent right after the server
accepted it. A worker that stops gives its unsent claims back; one that dies leaves them to be
taken over after ``CLAIM_STALE``. So nothing is lost and a mail already marked sent is never
claimed again.

An app supplies its model (with the fields of ``OutboxFields``) and how one claimed row
becomes a message (``build``); the claiming, sending, retrying and releasing live here.
"""

from __future__ import annotations

import datetime as dt
import smtplib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.mail import EmailMessage, get_connection
from django.db import connection as db_connection
from django.db import models, transaction
from django.db.models import Count, F, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_ATTEMPTS = 5
CLAIM_BATCH = 50
CLAIM_STALE = dt.timedelta(minutes=10)


class OutboxStatus(models.TextChoices):
    QUEUED = "wachtrij", _("Waiting to be sent")
    SENDING = "bezig", _("Being sent")
    SENT = "verzonden", _("Sent")
    FAILED = "mislukt", _("Failed for now (will be retried)")
    BOUNCED = "onbestelbaar", _("Undeliverable")
    CANCELLED = "vervallen", _("Not sent (address no longer active)")


class OutboxFields(models.Model):
    """The columns every outbox table has. ``updated_at`` dates a claim."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    to_email = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=250)
    text_body = models.TextField(_("plain text"), blank=True)
    html_body = models.TextField(_("HTML"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=250, unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=OutboxStatus.choices, default=OutboxStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    claimed_by = models.CharField(
        _("claimed by"),
        max_length=200,
        blank=True,
        default="",
        db_default="",
        help_text=_("The worker process sending the mail, while it is being sent."),
    )

    class Meta:
        abstract = True


@dataclass
class OutboxResult:
    sent: int = 0
    bounced: int = 0
    failed: int = 0
    cancelled: int = 0


def permanent_failure(error: Exception) -> bool:
    """5xx answers are permanent: the address does not exist or refuses our mail."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _msg in error.recipients.values())
    code = getattr(error, "smtp_code", None)
    return isinstance(code, int) and code >= 500


def waiting(model: type[OutboxFields]) -> models.QuerySet:
    """Mails a worker may take: queued, failed for now, or claimed by a worker that died."""
    stale = timezone.now() - CLAIM_STALE
    return model.objects.filter(
        Q(status=OutboxStatus.QUEUED)
        | Q(status=OutboxStatus.FAILED, attempts__lt=MAX_ATTEMPTS)
        | Q(status=OutboxStatus.SENDING, updated_at__lt=stale)
    )


def claim(queryset: models.QuerySet, *, after: int, size: int) -> list[int]:
    """Mark the next ``size`` mails of ``queryset`` as being sent, in one short transaction;
    other workers skip them. Returns their ids."""
    from .jobs import current_process

    model = queryset.model
    with transaction.atomic():
        qs = queryset.filter(pk__gt=after).order_by("pk")
        if db_connection.features.has_select_for_update_skip_locked:
            qs = qs.select_for_update(skip_locked=True, of=("self",))
        ids = list(qs.values_list("pk", flat=True)[:size])
        if ids:
            model.objects.filter(pk__in=ids).update(
                status=OutboxStatus.SENDING, claimed_by=current_process(), updated_at=timezone.now()
            )
    return ids


def release(model: type[OutboxFields], ids: list[int]) -> None:
    """Give claimed mails that were not sent back to the outbox (a worker that stops)."""
    if ids:
        model.objects.filter(pk__in=ids, status=OutboxStatus.SENDING).update(
            status=OutboxStatus.QUEUED, claimed_by="", updated_at=timezone.now()
        )


@dataclass
class ClaimedMail:
    """Mails claimed by one worker and not (yet) marked sent."""

    worker: str  # how a person reads it: process id @ machine
    count: int
    retry_from: dt.datetime  # when another worker takes them over, unless they are sent


def _worker_label(worker: str) -> str:
    from .jobs import parse_process

    ref = parse_process(worker)
    return ref.label if ref is not None else (worker or "?")


def claims_release_gone(model: type[OutboxFields]) -> list[ClaimedMail]:
    """Give back to the outbox the mails claimed by worker processes that provably no longer
    run (a crash or a kill on this machine), so that they are sent now instead of after
    CLAIM_STALE. Returns what was given back, per worker."""
    from .jobs import process_state

    released = []
    claimants = (
        model.objects.filter(status=OutboxStatus.SENDING)
        .values_list("claimed_by", flat=True)
        .distinct()
    )
    for worker in list(claimants):
        if not worker or process_state(worker) != "gone":
            continue
        count = model.objects.filter(status=OutboxStatus.SENDING, claimed_by=worker).update(
            status=OutboxStatus.QUEUED, claimed_by="", updated_at=timezone.now()
        )
        if count:
            released.append(ClaimedMail(_worker_label(worker), count, timezone.now()))
    return released


def claims_pending(queryset: models.QuerySet) -> list[ClaimedMail]:
    """Mails of ``queryset`` claimed but not sent by other workers, per worker, with the
    moment they will be retried by whichever worker runs then (CLAIM_STALE after the claim)."""
    rows = (
        queryset.filter(status=OutboxStatus.SENDING)
        .values("claimed_by")
        .annotate(count=Count("pk"), last=Max("updated_at"))
    )
    return [
        ClaimedMail(_worker_label(row["claimed_by"]), row["count"], row["last"] + CLAIM_STALE)
        for row in rows.order_by("claimed_by")
    ]


def deliver(
    queryset: models.QuerySet,
    *,
    build: Callable[[OutboxFields, object], EmailMessage | None],
    limit: int | None = None,
    after_each: Callable[[OutboxFields], None] | None = None,
    rate: float = 0,
    load: Callable[[list[int]], Iterable[OutboxFields]] | None = None,
    on_bounce: Callable[[OutboxFields, Exception], None] | None = None,
) -> OutboxResult:
    """Send the waiting mails of ``queryset`` (a filter of ``waiting(model)``) until none is
    left or ``limit`` is reached.

    ``build(mail, smtp)`` makes the message of one claimed row, or returns None when it should
    no longer go (cancelled). ``load(ids)`` reads the claimed rows (with what ``build`` needs
    joined), ``on_bounce(mail, error)`` runs after a permanent failure, ``rate`` caps the mails
    per second (0: as fast as the server accepts) and ``after_each`` runs after each mail is
    handled (tests stop a worker there). The pass moves forward, so a mail that failed for now
    waits for the next pass."""
    model = queryset.model
    load = load or (lambda ids: model.objects.filter(pk__in=ids).order_by("pk"))
    result = OutboxResult()
    smtp = get_connection(fail_silently=False)
    smtp.open()
    started = time.monotonic()
    handled, after = 0, 0
    claimed: list[int] = []
    try:
        while limit is None or handled < limit:
            size = CLAIM_BATCH if limit is None else min(CLAIM_BATCH, limit - handled)
            claimed = claim(queryset, after=after, size=size)
            if not claimed:
                break
            for mail in load(list(claimed)):
                _send_one(model, mail, build, smtp, result, on_bounce)
                claimed.remove(mail.pk)
                handled += 1
                after = mail.pk
                if after_each is not None:
                    after_each(mail)
                if rate > 0:
                    # Keep to the rate: the n-th mail not before n / rate seconds.
                    ahead = handled / rate - (time.monotonic() - started)
                    if ahead > 0:
                        time.sleep(ahead)
    finally:
        release(model, claimed)
        smtp.close()
    return result


def _send_one(model, mail, build, smtp, result: OutboxResult, on_bounce=None) -> None:
    message = build(mail, smtp)
    if message is None:
        model.objects.filter(pk=mail.pk).update(
            status=OutboxStatus.CANCELLED, updated_at=timezone.now()
        )
        result.cancelled += 1
        return
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        permanent = permanent_failure(error)
        model.objects.filter(pk=mail.pk).update(
            attempts=F("attempts") + 1,
            last_error=str(error)[:500],
            status=OutboxStatus.BOUNCED if permanent else OutboxStatus.FAILED,
            updated_at=timezone.now(),
        )
        if permanent:
            if on_bounce is not None:
                on_bounce(mail, error)
            result.bounced += 1
        else:
            result.failed += 1
            smtp.close()  # the connection may be broken; open a fresh one
            smtp.open()
        return
    model.objects.filter(pk=mail.pk).update(
        status=OutboxStatus.SENT,
        sent_at=timezone.now(),
        attempts=F("attempts") + 1,
        updated_at=timezone.now(),
    )
    result.sent += 1
