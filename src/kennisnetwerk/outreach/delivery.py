"""Sending the outbox. A worker claims a batch of waiting mails in one short transaction
(status "being sent"; SKIP LOCKED on PostgreSQL, so several workers share the outbox), sends
them over one reused SMTP connection, and marks each sent right after the server accepted it.
A worker that stops gives its unsent claims back. One that dies leaves them claimed: each
claim names its worker process (``core/jobs.py``), so a worker or ``send_digests`` that starts
on the same machine gives back at once the claims of a process that is provably gone
(``outbox_claims_release_gone``); claims it cannot prove abandoned (a worker on another machine)
are taken over after CLAIM_STALE. So nothing is lost, and at most the one mail in flight at a
crash can go twice. The rate can be capped."""

from __future__ import annotations

import datetime as dt
import smtplib
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from kennisnetwerk.core.jobs import current_process, parse_process, process_state

from .constants import MailStatus, RunStatus, SubscriberStatus
from .mail import build_mail
from .models import DigestContent, DigestRun, OutboxMail
from .services import subscriber_mark_bounced
from .services_digest import digest_headers, personalise

# A mail that failed for now (4xx, connection lost) is tried again this many times.
MAX_ATTEMPTS = 5


def send_rate() -> float:
    """Mails per second at most; 0 means as fast as the SMTP server accepts."""
    return float(getattr(settings, "DIGEST_SEND_RATE", 0))


@dataclass
class DeliveryResult:
    sent: int = 0
    bounced: int = 0
    failed: int = 0
    cancelled: int = 0


def _permanent(error: Exception) -> bool:
    """5xx answers are permanent: the address does not exist or refuses our mail."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _msg in error.recipients.values())
    code = getattr(error, "smtp_code", None)
    return isinstance(code, int) and code >= 500


# Mails claimed per round trip; a mail claimed by a worker that died is taken over after
# CLAIM_STALE (a mail in flight at that moment may then go twice; nothing is lost).
CLAIM_BATCH = 50
CLAIM_STALE = dt.timedelta(minutes=10)
# Shared digest bodies a worker keeps in memory.
_CONTENTS_KEPT = 2_000


def _waiting(run: DigestRun | None):
    stale = timezone.now() - CLAIM_STALE
    qs = OutboxMail.objects.filter(
        Q(status=MailStatus.QUEUED)
        | Q(status=MailStatus.FAILED, attempts__lt=MAX_ATTEMPTS)
        | Q(status=MailStatus.SENDING, updated_at__lt=stale)
    )
    return qs if run is None else qs.filter(run=run)


def _claim(run: DigestRun | None, after: int, size: int) -> list[OutboxMail]:
    """Take the next ``size`` waiting mails for this worker (status "being sent"), in one
    short transaction; other workers skip them (SKIP LOCKED on PostgreSQL)."""
    with transaction.atomic():
        qs = _waiting(run).filter(pk__gt=after).order_by("pk")
        if db_connection.features.has_select_for_update_skip_locked:
            qs = qs.select_for_update(skip_locked=True, of=("self",))
        ids = list(qs.values_list("pk", flat=True)[:size])
        if not ids:
            return []
        OutboxMail.objects.filter(pk__in=ids).update(
            status=MailStatus.SENDING, claimed_by=current_process(), updated_at=timezone.now()
        )
    return list(
        OutboxMail.objects.filter(pk__in=ids)
        .select_related("subscriber", "subscriber__region")
        .order_by("pk")
    )


def _release(ids: list[int]) -> None:
    """Give claimed mails that were not sent back to the outbox (a worker that stops)."""
    if ids:
        OutboxMail.objects.filter(pk__in=ids, status=MailStatus.SENDING).update(
            status=MailStatus.QUEUED, claimed_by="", updated_at=timezone.now()
        )


@dataclass
class ClaimedMail:
    """Mails claimed by one worker and not (yet) marked sent."""

    worker: str  # how a person reads it: process id @ machine
    count: int
    retry_from: dt.datetime  # when another worker takes them over, unless they are sent


def outbox_claims_release_gone() -> list[ClaimedMail]:
    """Give back to the outbox the mails claimed by worker processes that provably no longer
    run (a crash or a kill on this machine), so that they are sent now instead of after
    CLAIM_STALE. Returns what was given back, per worker."""
    released = []
    claimants = (
        OutboxMail.objects.filter(status=MailStatus.SENDING)
        .values_list("claimed_by", flat=True)
        .distinct()
    )
    for worker in list(claimants):
        if not worker or process_state(worker) != "gone":
            continue
        count = OutboxMail.objects.filter(status=MailStatus.SENDING, claimed_by=worker).update(
            status=MailStatus.QUEUED, claimed_by="", updated_at=timezone.now()
        )
        if count:
            released.append(ClaimedMail(_worker_label(worker), count, timezone.now()))
    return released


def outbox_claims_pending(*, run: DigestRun | None = None) -> list[ClaimedMail]:
    """Mails claimed but not sent by other workers, per worker, with the moment they will be
    retried by whichever worker runs then (CLAIM_STALE after the claim)."""
    from django.db.models import Count, Max

    qs = OutboxMail.objects.filter(status=MailStatus.SENDING)
    if run is not None:
        qs = qs.filter(run=run)
    rows = qs.values("claimed_by").annotate(count=Count("pk"), last=Max("updated_at"))
    return [
        ClaimedMail(_worker_label(row["claimed_by"]), row["count"], row["last"] + CLAIM_STALE)
        for row in rows.order_by("claimed_by")
    ]


def _worker_label(worker: str) -> str:
    ref = parse_process(worker)
    return ref.label if ref is not None else (worker or "?")


def _send_one(
    mail: OutboxMail, smtp, result: DeliveryResult, contents: dict[int, DigestContent]
) -> None:
    """Send one claimed mail and record the outcome at once (autocommit): marked sent right
    after the SMTP server accepted it. A digest's shared body is read once per worker
    (``contents``) and filled in for the subscriber."""
    subscriber = mail.subscriber
    if subscriber is None or subscriber.status != SubscriberStatus.ACTIVE:
        OutboxMail.objects.filter(pk=mail.pk).update(
            status=MailStatus.CANCELLED, updated_at=timezone.now()
        )
        result.cancelled += 1
        return
    text, html, headers = mail.text_body, mail.html_body, mail.headers
    if mail.content_id is not None:
        content = contents.get(mail.content_id)
        if content is None:
            if len(contents) >= _CONTENTS_KEPT:
                contents.clear()
            content = contents[mail.content_id] = mail.content
        text, html, unsubscribe = personalise(content.text_body, content.html_body, subscriber)
        headers = {**digest_headers(subscriber, unsubscribe), **headers}
    message = build_mail(
        region=subscriber.region,
        to=mail.to_email,
        subject=mail.subject,
        text=text,
        html=html,
        headers={**headers, "Message-ID": mail.message_id},
        connection=smtp,
    )
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        permanent = _permanent(error)
        OutboxMail.objects.filter(pk=mail.pk).update(
            attempts=F("attempts") + 1,
            last_error=str(error)[:500],
            status=MailStatus.BOUNCED if permanent else MailStatus.FAILED,
            updated_at=timezone.now(),
        )
        if permanent:
            subscriber_mark_bounced(subscriber=subscriber, error=str(error))
            result.bounced += 1
        else:
            result.failed += 1
            smtp.close()  # the connection may be broken; open a fresh one
            smtp.open()
        return
    OutboxMail.objects.filter(pk=mail.pk).update(
        status=MailStatus.SENT,
        sent_at=timezone.now(),
        attempts=F("attempts") + 1,
        updated_at=timezone.now(),
    )
    result.sent += 1


def outbox_deliver(
    *,
    run: DigestRun | None = None,
    limit: int | None = None,
    after_each: Callable[[OutboxMail], None] | None = None,
) -> DeliveryResult:
    """Send waiting mail (of one run, or all) until none is left or ``limit`` is reached.
    ``after_each`` is called after each mail is marked sent (tests stop a worker there)."""
    result = DeliveryResult()
    rate = send_rate()
    smtp = get_connection(fail_silently=False)
    smtp.open()
    started = time.monotonic()
    handled = 0
    after = 0  # the pass moves forward: a mail that failed for now waits for the next pass
    claimed: list[int] = []
    contents: dict[int, DigestContent] = {}
    try:
        while limit is None or handled < limit:
            size = CLAIM_BATCH if limit is None else min(CLAIM_BATCH, limit - handled)
            batch = _claim(run, after, size)
            if not batch:
                break
            claimed = [m.pk for m in batch]
            for mail in batch:
                _send_one(mail, smtp, result, contents)
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
        _release(claimed)
        smtp.close()
    if run is not None and not _open_mail(run):
        run.finished_at = timezone.now()
        run.status = RunStatus.DONE
        run.save(update_fields=["status", "finished_at", "updated_at"])
    return result


def _open_mail(run: DigestRun) -> bool:
    return OutboxMail.objects.filter(
        Q(run=run),
        Q(status=MailStatus.QUEUED)
        | Q(status=MailStatus.SENDING)
        | Q(status=MailStatus.FAILED, attempts__lt=MAX_ATTEMPTS),
    ).exists()
