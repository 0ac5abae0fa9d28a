"""Sending the outbox. A mail is marked sent right after the SMTP server accepted it, one
mail per transaction, so a worker that stops (crash, deploy, kill) resumes with the next
unsent mail: nothing is lost and nothing goes twice. Several workers can share the outbox on
PostgreSQL (rows are claimed with SKIP LOCKED); SQLite serialises them. The SMTP connection is
reused for the whole run and the rate can be capped."""

from __future__ import annotations

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

from .constants import MailStatus, RunStatus, SubscriberStatus
from .mail import build_mail
from .models import DigestRun, OutboxMail
from .services import subscriber_mark_bounced

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


def _claim(run: DigestRun | None, after: int) -> OutboxMail | None:
    # The pass moves forward through the outbox: a mail that failed for now is not tried
    # again in the same pass, and each claim is one index lookup.
    qs = (
        OutboxMail.objects.filter(pk__gt=after)
        .filter(
            Q(status=MailStatus.QUEUED) | Q(status=MailStatus.FAILED, attempts__lt=MAX_ATTEMPTS)
        )
        .select_related("subscriber", "subscriber__region", "run__region")
    )
    if run is not None:
        qs = qs.filter(run=run)
    if db_connection.features.has_select_for_update_skip_locked:
        qs = qs.select_for_update(skip_locked=True, of=("self",))
    return qs.order_by("pk").first()


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
    after = 0  # the last mail handled in this pass
    try:
        while limit is None or handled < limit:
            with transaction.atomic():
                mail = _claim(run, after)
                if mail is None:
                    break
                handled += 1
                after = mail.pk
                subscriber = mail.subscriber
                if subscriber is None or subscriber.status != SubscriberStatus.ACTIVE:
                    mail.status = MailStatus.CANCELLED
                    mail.save(update_fields=["status", "updated_at"])
                    result.cancelled += 1
                    continue
                region = subscriber.region
                message = build_mail(
                    region=region,
                    to=mail.to_email,
                    subject=mail.subject,
                    text=mail.text_body,
                    html=mail.html_body,
                    headers={**mail.headers, "Message-ID": mail.message_id},
                    connection=smtp,
                )
                try:
                    message.send()
                except (smtplib.SMTPException, OSError) as error:
                    OutboxMail.objects.filter(pk=mail.pk).update(
                        attempts=F("attempts") + 1,
                        last_error=str(error)[:500],
                        status=MailStatus.BOUNCED if _permanent(error) else MailStatus.FAILED,
                        updated_at=timezone.now(),
                    )
                    if _permanent(error):
                        subscriber_mark_bounced(subscriber=subscriber, error=str(error))
                        result.bounced += 1
                    else:
                        result.failed += 1
                        smtp.close()  # the connection may be broken; open a fresh one
                        smtp.open()
                    continue
                OutboxMail.objects.filter(pk=mail.pk).update(
                    status=MailStatus.SENT,
                    sent_at=timezone.now(),
                    attempts=F("attempts") + 1,
                    updated_at=timezone.now(),
                )
                result.sent += 1
            if after_each is not None:
                after_each(mail)
            if rate > 0:
                # Keep to the rate: the n-th mail not before n / rate seconds.
                ahead = handled / rate - (time.monotonic() - started)
                if ahead > 0:
                    time.sleep(ahead)
    finally:
        smtp.close()
    if run is not None and not _open_mail(run):
        run.finished_at = timezone.now()
        run.status = RunStatus.DONE
        run.save(update_fields=["status", "finished_at", "updated_at"])
    return result


def _open_mail(run: DigestRun) -> bool:
    return OutboxMail.objects.filter(
        Q(run=run),
        Q(status=MailStatus.QUEUED) | Q(status=MailStatus.FAILED, attempts__lt=MAX_ATTEMPTS),
    ).exists()
