"""Sending the digest outbox with the platform's one outbox mechanism (``core.outbox``): a
worker claims a batch of waiting mails in one short transaction (status "being sent"; SKIP
LOCKED on PostgreSQL, so several workers share the outbox), sends them over one reused SMTP
connection, and marks each sent right after the server accepted it. A worker that stops gives
its unsent claims back; one that dies leaves them to be taken over after CLAIM_STALE. So
nothing is lost, and at most the one mail in flight at a crash can go twice. The rate can be
capped. What is particular to the digest lives here: a subscriber who is no longer active gets
nothing, a digest's shared body is filled in per subscriber, and a permanent failure marks the
subscriber undeliverable. Each claim names its worker process (``core/jobs.py``), so a worker
or ``send_digests`` that starts on the same machine gives back at once the claims of a process
that is provably gone."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from kennisnetwerk.core import outbox
from kennisnetwerk.core.outbox import CLAIM_BATCH, CLAIM_STALE, MAX_ATTEMPTS, ClaimedMail

from .constants import MailStatus, RunStatus, SubscriberStatus
from .mail import build_mail
from .models import DigestContent, DigestRun, OutboxMail
from .services import subscriber_mark_bounced
from .services_digest import digest_headers, personalise

__all__ = [
    "CLAIM_BATCH",
    "CLAIM_STALE",
    "MAX_ATTEMPTS",
    "ClaimedMail",
    "DeliveryResult",
    "outbox_claims_pending",
    "outbox_claims_release_gone",
    "outbox_deliver",
]

DeliveryResult = outbox.OutboxResult
# Shared digest bodies a worker keeps in memory.
_CONTENTS_KEPT = 2_000


def send_rate() -> float:
    """Mails per second at most; 0 means as fast as the SMTP server accepts."""
    return float(getattr(settings, "DIGEST_SEND_RATE", 0))


def _load(ids: list[int]):
    return (
        OutboxMail.objects.filter(pk__in=ids)
        .select_related("subscriber", "subscriber__region")
        .order_by("pk")
    )


def _builder(contents: dict[int, DigestContent]):
    def build(mail: OutboxMail, smtp):
        """The message of one claimed mail, or None for a subscriber no longer active. A
        digest's shared body is read once per worker (``contents``) and filled in for the
        subscriber."""
        subscriber = mail.subscriber
        if subscriber is None or subscriber.status != SubscriberStatus.ACTIVE:
            return None
        text, html, headers = mail.text_body, mail.html_body, mail.headers
        if mail.content_id is not None:
            content = contents.get(mail.content_id)
            if content is None:
                if len(contents) >= _CONTENTS_KEPT:
                    contents.clear()
                content = contents[mail.content_id] = mail.content
            text, html, unsubscribe = personalise(content.text_body, content.html_body, subscriber)
            headers = {**digest_headers(subscriber, unsubscribe), **headers}
        return build_mail(
            region=subscriber.region,
            to=mail.to_email,
            subject=mail.subject,
            text=text,
            html=html,
            headers={**headers, "Message-ID": mail.message_id},
            connection=smtp,
        )

    return build


def _bounced(mail: OutboxMail, error: Exception) -> None:
    subscriber_mark_bounced(subscriber=mail.subscriber, error=str(error))


def outbox_deliver(
    *,
    run: DigestRun | None = None,
    limit: int | None = None,
    after_each: Callable[[OutboxMail], None] | None = None,
) -> DeliveryResult:
    """Send waiting mail (of one run, or all) until none is left or ``limit`` is reached.
    ``after_each`` is called after each mail is marked sent (tests stop a worker there)."""
    waiting = outbox.waiting(OutboxMail)
    if run is not None:
        waiting = waiting.filter(run=run)
    result = outbox.deliver(
        waiting,
        build=_builder({}),
        limit=limit,
        after_each=after_each,
        rate=send_rate(),
        load=_load,
        on_bounce=_bounced,
    )
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


def outbox_claims_release_gone() -> list[ClaimedMail]:
    """Give back the digest mails claimed by worker processes that are provably gone."""
    return outbox.claims_release_gone(OutboxMail)


def outbox_claims_pending(*, run: DigestRun | None = None) -> list[ClaimedMail]:
    """Digest mails claimed but not sent by other workers, per worker, with their retry time."""
    qs = OutboxMail.objects.all() if run is None else OutboxMail.objects.filter(run=run)
    return outbox.claims_pending(qs)
