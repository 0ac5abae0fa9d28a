"""Digest runs: compose one mail per due subscriber into the outbox (resumable: a subscriber
who already has a mail in the run is not composed again), and preview a run for the editor."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from kennisnetwerk.core.bulk import insert_rows, prepared
from kennisnetwerk.core.mail import render_subject
from kennisnetwerk.geo.models import Region

from .constants import MailStatus, RunStatus, SubscriberStatus
from .digest import (
    DueSubscriber,
    Plan,
    candidates,
    digest_plan,
    due_subscriber_batches,
    due_subscribers,
    max_items,
    plan_for,
)
from .excerpt import excerpt
from .feeds import absolute_url
from .links import Purpose, subscriber_url
from .models import DigestContent, DigestItem, DigestRun, Message, OutboxMail, Subscriber

# An item's text in a digest: whole sentences up to this many words.
EXCERPT_WORDS = 60


def _mail_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "kennisnetwerk.local"


def digest_headers(subscriber: Subscriber, unsubscribe_url: str | None = None) -> dict[str, str]:
    """RFC 8058 one-click unsubscribe (and RFC 2369 List-Unsubscribe)."""
    unsubscribe_url = unsubscribe_url or subscriber_url(subscriber, Purpose.UNSUBSCRIBE)
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"{subscriber.region.name} <{subscriber.region.slug}.{_mail_domain()}>",
    }


# Place holders in a shared digest body for what differs per subscriber; letters, digits and
# underscores only, so HTML escaping leaves them as they are.
PERSONAL = {
    "company": "KNP_COMPANY_KNP",
    "preferences_url": "KNP_PREFERENCES_URL_KNP",
    "unsubscribe_url": "KNP_UNSUBSCRIBE_URL_KNP",
}


class DigestRenderer:
    """Renders digest bodies for one region and day from parts made once: the frame (intro,
    links, footer) with place holders, each message's block, and the subject per number of
    items. A run of millions of subscribers renders each message once, not once per mail."""

    def __init__(self, region: Region, today: dt.date) -> None:
        self.region = region
        self.today = today
        self._frame: tuple[str, str] | None = None
        self._blocks: dict[int, tuple[str, str]] = {}
        self._subjects: dict[int, str] = {}

    def _context(self, **extra: Any) -> dict[str, Any]:
        return {
            "network_name": settings.NETWORK_NAME,
            "subscriber": {"company_name": PERSONAL["company"]},
            "region": self.region,
            "today": self.today,
            "preferences_url": PERSONAL["preferences_url"],
            "unsubscribe_url": PERSONAL["unsubscribe_url"],
            **extra,
        }

    def _render(self, name: str, **extra: Any) -> str:
        with translation.override(settings.LANGUAGE_CODE):
            return render_to_string(f"outreach/email/{name}", self._context(**extra))

    def frame(self) -> tuple[str, str]:
        if self._frame is None:
            self._frame = (
                self._render("digest.txt", items=_ITEMS),
                self._render("digest.html", items=_ITEMS),
            )
        return self._frame

    def block(self, message: Message) -> tuple[str, str]:
        """A message's item: its title linked to the sender's link, or else to the message's
        own page on the platform; whole sentences of its text, and "lees verder" to that page
        when the text goes on."""
        found = self._blocks.get(message.pk)
        if found is None:
            extra = {
                "message": message,
                "page_url": absolute_url(reverse("outreach:message", args=[message.pk])),
                "excerpt": excerpt(message.body, words=EXCERPT_WORDS),
            }
            found = self._blocks[message.pk] = (
                self._render("digest_item.txt", **extra),
                self._render("digest_item.html", **extra),
            )
        return found

    def subject(self, count: int) -> str:
        found = self._subjects.get(count)
        if found is None:
            with translation.override(settings.LANGUAGE_CODE):
                found = self._subjects[count] = render_subject(
                    "outreach/email/digest_subject.txt", self._context(messages=range(count))
                )
        return found

    def render(self, messages: list[Message]) -> tuple[str, str, str]:
        """Subject, plain text and HTML of a digest with these messages, with place holders
        for the subscriber's own parts (see ``personalise``)."""
        text_frame, html_frame = self.frame()
        blocks = [self.block(m) for m in messages]
        text = "".join(f"\n{n}. {block[0]}" for n, block in enumerate(blocks, start=1))
        html = "".join(block[1] for block in blocks)
        return (
            self.subject(len(messages)),
            text_frame.replace(_ITEMS, text),
            html_frame.replace(_ITEMS, html),
        )


_ITEMS = "KNP_ITEMS_KNP"


def personalise(text: str, html: str, subscriber: Subscriber) -> tuple[str, str, str]:
    """Fill a shared body in for one subscriber: their company name and their own signed
    links (made now, so a link never outlives a raised link version). Returns the text, the
    HTML and the unsubscribe link (for the mail's headers)."""
    values = {
        "company": subscriber.company_name,
        "preferences_url": subscriber_url(subscriber, Purpose.PREFERENCES),
        "unsubscribe_url": subscriber_url(subscriber, Purpose.UNSUBSCRIBE),
    }
    for name, holder in PERSONAL.items():
        text = text.replace(holder, values[name])
        html = html.replace(holder, escape(values[name]))
    return text, html, values["unsubscribe_url"]


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

    def add(self, plan: Plan, subscribers: list[DueSubscriber]) -> None:
        for subscriber in subscribers:
            chosen = plan.items.get(subscriber.pk, ())
            segment = self.segments.setdefault(subscriber.size_class or "-", Counter())
            segment["subscribers"] += 1
            segment["mails_wanted"] += plan.wanted_count.get(subscriber.pk, 0)
            segment["mails_sent"] += 1 if chosen else 0
            segment["items_sent"] += len(chosen)
        for key, counts in (("wanted", plan.sender_wanted), ("delivered", plan.sender_delivered)):
            for sender, n in counts.items():
                self.senders.setdefault(str(sender), Counter())[key] += n

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


class _Contents:
    """The shared bodies of a run, one per distinct list of messages, made when first needed
    (and found again when an interrupted run is composed further)."""

    def __init__(self, run: DigestRun) -> None:
        self.run = run
        self.renderer = DigestRenderer(run.region, run.period_start)
        self.pk_by_key: dict[str, int] = {}
        self.subject_by_key: dict[str, str] = {}
        for key, pk, subject in DigestContent.objects.filter(run=run).values_list(
            "key", "pk", "subject"
        ):
            self.pk_by_key[key] = pk
            self.subject_by_key[key] = subject

    @staticmethod
    def key_of(pks: list[int]) -> str:
        return ",".join(map(str, pks))

    def ensure(self, lists: list[list[int]]) -> None:
        """Make the contents of these lists that do not exist yet (in the caller's
        transaction)."""
        missing: dict[str, list[int]] = {}
        for pks in lists:
            key = self.key_of(pks)
            if key not in self.pk_by_key:
                missing[key] = pks
        if not missing:
            return
        messages = _messages_by_pk({pk for pks in missing.values() for pk in pks})
        contents = []
        for key, pks in missing.items():
            subject, text, html = self.renderer.render([messages[pk] for pk in pks])
            contents.append(
                DigestContent(
                    run=self.run, key=key, subject=subject, text_body=text, html_body=html
                )
            )
        DigestContent.objects.bulk_create(contents, batch_size=500)
        created = dict(
            DigestContent.objects.filter(run=self.run, key__in=list(missing)).values_list(
                "key", "pk"
            )
        )
        DigestItem.objects.bulk_create(
            [
                DigestItem(content_id=created[key], message_id=pk, position=n)
                for key, pks in missing.items()
                for n, pk in enumerate(pks, start=1)
            ],
            batch_size=2000,
        )
        self.pk_by_key.update(created)
        self.subject_by_key.update({c.key: c.subject for c in contents})


def digest_run_compose(*, run: DigestRun) -> dict[str, int]:
    """Write a mail for every due subscriber of the run's region into the outbox, in
    batches of one transaction each. Safe to run again after a crash: a subscriber who has a
    mail in the run is not written again."""
    region = run.region
    today = run.period_start
    counts: Counter[str] = Counter(due=0, composed=0, empty=0)
    pressure = ContactPressure()
    contents = _Contents(run)
    domain = _mail_domain()
    # The messages that may go out are read once for the run, not per batch.
    pool = candidates(region=region, today=today)
    budget = max_items()
    for batch in due_subscriber_batches(region=region, today=today):
        plan = plan_for(pool=pool, today=today, subscribers=batch, budget=budget)
        counts["due"] += plan.due
        counts["empty"] += plan.skipped_empty
        pressure.add(plan, batch)
        with transaction.atomic():
            contents.ensure(list(plan.items.values()))
            taken = set(
                OutboxMail.objects.filter(
                    run=run, subscriber_id__gte=batch[0].pk, subscriber_id__lte=batch[-1].pk
                ).values_list("subscriber_id", flat=True)
            )
            now = timezone.now()
            constant = {
                "run_id": run.pk,
                "text_body": "",
                "html_body": "",
                "headers": prepared(OutboxMail, "headers", {}),
                "status": MailStatus.QUEUED.value,
                "attempts": 0,
                "last_error": "",
                "created_at": prepared(OutboxMail, "created_at", now),
                "updated_at": prepared(OutboxMail, "updated_at", now),
            }
            fields = [
                *constant,
                "subscriber_id",
                "to_email",
                "subject",
                "content_id",
                "message_id",
            ]
            fixed = tuple(constant.values())
            mails = []
            for subscriber in batch:
                pks = plan.items.get(subscriber.pk)
                if not pks or subscriber.pk in taken:
                    continue
                key = contents.key_of(pks)
                mails.append(
                    (
                        *fixed,
                        subscriber.pk,
                        subscriber.email,
                        contents.subject_by_key[key],
                        contents.pk_by_key[key],
                        f"<digest.{run.pk}.{subscriber.pk}@{domain}>",
                    )
                )
            insert_rows(OutboxMail, fields, mails)
            counts["composed"] += len(mails)
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
    subscribers = due_subscribers(region=region, today=today)
    plan = digest_plan(region=region, today=today, subscribers=subscribers)
    per_message = Counter(pk for pks in plan.items.values() for pk in pks)
    messages = _messages_by_pk(set(per_message))
    return sorted(
        ((messages[pk], n) for pk, n in per_message.items()),
        key=lambda pair: (-pair[1], pair[0].title),
    )


def subscriber_count(*, region: Region) -> int:
    return Subscriber.objects.filter(region=region, status=SubscriberStatus.ACTIVE).count()


def outbox_remove_old(*, today: dt.date | None = None) -> dict[str, int]:
    """Remove outbox mails that are done with (sent, undeliverable, not sent, or given up
    after the last attempt) once they are older than ``OUTBOX_RETENTION_DAYS`` and none of
    their messages can go out any more: the "never an item twice" check only needs the mails
    of messages that are still valid. Shared bodies no mail uses any more go with them. The
    runs' figures (contact pressure) stay."""
    from .delivery import MAX_ATTEMPTS

    today = today or timezone.localdate()
    days = int(getattr(settings, "OUTBOX_RETENTION_DAYS", 60))
    before = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=days), dt.time()))
    done = Q(status__in=[MailStatus.SENT, MailStatus.BOUNCED, MailStatus.CANCELLED]) | Q(
        status=MailStatus.FAILED, attempts__gte=MAX_ATTEMPTS
    )
    still_valid = DigestItem.objects.filter(
        content=OuterRef("content"), message__valid_until__gte=today
    )
    old = OutboxMail.objects.filter(done, created_at__lt=before).exclude(Exists(still_valid))
    removed = {"mails": 0, "contents": 0}
    with transaction.atomic():
        removed["mails"] = old.delete()[0]
        unused = DigestContent.objects.filter(
            ~Exists(OutboxMail.objects.filter(content=OuterRef("pk"))),
            run__status=RunStatus.DONE,
        )
        removed["contents"] = unused.delete()[1].get(DigestContent._meta.label, 0)
    return removed
