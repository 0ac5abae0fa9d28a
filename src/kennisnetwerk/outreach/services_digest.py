"""Digest runs: compose one mail per due subscriber into the outbox (resumable: a subscriber
who already has a mail in the run is not composed again), and preview a run for the editor."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from email.utils import make_msgid
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kennisnetwerk.geo.models import Region

from .constants import RunStatus, SubscriberStatus
from .digest import digest_plan, due_subscribers
from .links import Purpose, subscriber_url
from .mail import render_mail
from .models import DigestItem, DigestRun, Message, OutboxMail, Subscriber

COMPOSE_BATCH = 500


def _mail_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "kennisnetwerk.local"


def digest_headers(subscriber: Subscriber) -> dict[str, str]:
    """RFC 8058 one-click unsubscribe (and RFC 2369 List-Unsubscribe)."""
    return {
        "List-Unsubscribe": f"<{subscriber_url(subscriber, Purpose.UNSUBSCRIBE)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"{subscriber.region.name} <{subscriber.region.slug}.{_mail_domain()}>",
    }


def render_digest(
    subscriber: Subscriber, messages: list[Message], today: dt.date
) -> tuple[str, str, str]:
    return render_mail(
        "digest",
        {
            "subscriber": subscriber,
            "region": subscriber.region,
            "messages": messages,
            "today": today,
            "preferences_url": subscriber_url(subscriber, Purpose.PREFERENCES),
            "unsubscribe_url": subscriber_url(subscriber, Purpose.UNSUBSCRIBE),
        },
    )


@transaction.atomic
def digest_run_start(*, region: Region, today: dt.date, actor: Any = None) -> DigestRun:
    """The run of ``region`` for ``today``; an interrupted run of today is continued."""
    run, _created = DigestRun.objects.get_or_create(
        region=region,
        period_start=today,
        defaults={"period_end": today, "started_by": actor},
    )
    return run


def _messages_by_pk(pks: set[int]) -> dict[int, Message]:
    qs = Message.objects.filter(pk__in=pks).select_related("sender").prefetch_related("co_senders")
    return {m.pk: m for m in qs}


class ContactPressure:
    """What the senders wanted to send versus what the digests deliver, per size class of
    the subscribers and per sender: without coordination every matching message would have
    been a mail of its own; with it, a subscriber gets one mail with at most the budget."""

    def __init__(self) -> None:
        self.segments: dict[str, Counter[str]] = {}
        self.senders: dict[str, Counter[str]] = {}

    def add(self, plan, subscribers: list[Subscriber]) -> None:
        for subscriber in subscribers:
            wanted = plan.wanted.get(subscriber.pk, [])
            chosen = plan.items.get(subscriber.pk, [])
            segment = self.segments.setdefault(subscriber.size_class or "-", Counter())
            segment["subscribers"] += 1
            segment["mails_wanted"] += len(wanted)
            segment["mails_sent"] += 1 if chosen else 0
            segment["items_sent"] += len(chosen)
            for pk in wanted:
                for sender in plan.senders.get(pk, ()):
                    self.senders.setdefault(str(sender), Counter())["wanted"] += 1
            for pk in chosen:
                for sender in plan.senders.get(pk, ()):
                    self.senders[str(sender)]["delivered"] += 1

    def merged_with(self, earlier: dict | None) -> dict:
        """Added to the figures of an earlier, interrupted compose of the same run."""
        result = {"segments": {}, "senders": {}}
        for key, mine in (("segments", self.segments), ("senders", self.senders)):
            combined: dict[str, Counter[str]] = {
                k: Counter(v) for k, v in ((earlier or {}).get(key) or {}).items()
            }
            for name, counter in mine.items():
                combined.setdefault(name, Counter()).update(counter)
            result[key] = {k: dict(v) for k, v in combined.items()}
        return result


def digest_run_compose(*, run: DigestRun, batch_size: int = COMPOSE_BATCH) -> dict[str, int]:
    """Write a mail for every due subscriber of the run's region into the outbox, in
    batches of one transaction each. Safe to run again after a crash."""
    region = run.region
    today = run.period_start
    counts: Counter[str] = Counter(due=0, composed=0, empty=0)
    pressure = ContactPressure()
    batch: list[Subscriber] = []

    def flush() -> None:
        plan = digest_plan(region=region, today=today, subscribers=batch)
        counts["due"] += plan.due
        counts["empty"] += plan.skipped_empty
        pressure.add(plan, batch)
        messages = _messages_by_pk({pk for pks in plan.items.values() for pk in pks})
        with transaction.atomic():
            taken = set(
                OutboxMail.objects.filter(run=run, subscriber_id__in=list(plan.items)).values_list(
                    "subscriber_id", flat=True
                )
            )
            mails, items = [], []
            for subscriber in batch:
                pks = plan.items.get(subscriber.pk)
                if not pks or subscriber.pk in taken:
                    continue
                chosen = [messages[pk] for pk in pks]
                subject, text, html = render_digest(subscriber, chosen, today)
                mail = OutboxMail(
                    run=run,
                    subscriber=subscriber,
                    to_email=subscriber.email,
                    subject=subject,
                    text_body=text,
                    html_body=html,
                    headers=digest_headers(subscriber),
                    message_id=make_msgid(domain=_mail_domain()),
                )
                mails.append((mail, pks))
            OutboxMail.objects.bulk_create([m for m, _pks in mails])
            created = {
                m.subscriber_id: m.pk
                for m in OutboxMail.objects.filter(
                    run=run, message_id__in=[m.message_id for m, _pks in mails]
                )
            }
            for mail, pks in mails:
                mail_pk = created[mail.subscriber_id]
                items.extend(
                    DigestItem(mail_id=mail_pk, message_id=pk, position=n)
                    for n, pk in enumerate(pks, start=1)
                )
            DigestItem.objects.bulk_create(items)
            counts["composed"] += len(mails)
        batch.clear()

    for subscriber in due_subscribers(region=region, today=today):
        batch.append(subscriber)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    run.status = RunStatus.SENDING
    run.composed_at = timezone.now()
    run.statistics = {
        **run.statistics,
        **{f"compose_{k}": v for k, v in counts.items()},
        "pressure": pressure.merged_with(run.statistics.get("pressure")),
    }
    run.save(update_fields=["status", "composed_at", "statistics", "updated_at"])
    return dict(counts)


def digest_preview(*, region: Region, today: dt.date) -> list[tuple[Message, int]]:
    """For the editor before a run: each message that would go out and to how many of the
    subscribers who are due today."""
    subscribers = list(due_subscribers(region=region, today=today))
    plan = digest_plan(region=region, today=today, subscribers=subscribers)
    per_message = Counter(pk for pks in plan.items.values() for pk in pks)
    messages = _messages_by_pk(set(per_message))
    return sorted(
        ((messages[pk], n) for pk, n in per_message.items()),
        key=lambda pair: (-pair[1], pair[0].title),
    )


def subscriber_count(*, region: Region) -> int:
    return Subscriber.objects.filter(region=region, status=SubscriberStatus.ACTIVE).count()
