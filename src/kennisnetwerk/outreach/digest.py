"""Composing the digests of a region: for each subscriber whose period has come, one mail with
the approved messages that match their area, themes, sector and size, ranked, never an item
they already received, cut to the contact budget, and none at all when nothing matches.

Subscribers are grouped into segments (the same municipality, sector, size and themes): the
matching and ranking is done once per segment, and only the "already received" check is per
subscriber. A region of a hundred thousand subscribers has a few thousand segments."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Max, Q

from kennisnetwerk.ecosystem.constants import TargetDimension
from kennisnetwerk.geo.models import Region

from .constants import MailStatus, MessageKind, MessageStatus, SubscriberStatus, period_length
from .models import DigestItem, Message, Subscriber

# Points for the ranking; higher comes first.
DEADLINE_SOON_DAYS = 21
EVENT_SOON_DAYS = 28


def max_items() -> int:
    """The contact budget: at most this many items in one digest."""
    return int(getattr(settings, "DIGEST_MAX_ITEMS", 8))


@dataclass(frozen=True)
class Candidate:
    """An approved message as the matcher needs it (no ORM objects in the inner loop)."""

    pk: int
    kind: str
    municipalities: frozenset[int]
    themes: frozenset[int]
    sectors: frozenset[int]
    sizes: frozenset[str]
    deadline: dt.date | None
    event_day: dt.date | None
    valid_until: dt.date
    senders: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Segment:
    municipality: int | None
    sector: int | None
    size: str
    themes: frozenset[int]


@dataclass
class Plan:
    """Which messages each due subscriber gets (message ids in their order)."""

    today: dt.date
    items: dict[int, list[int]] = field(default_factory=dict)
    # Everything that matched and was new to the subscriber, before the budget: without
    # coordination each of these would have been a mail of its own from its sender.
    wanted: dict[int, list[int]] = field(default_factory=dict)
    senders: dict[int, frozenset[int]] = field(default_factory=dict)
    due: int = 0
    skipped_empty: int = 0


def candidates(*, region: Region, today: dt.date) -> list[Candidate]:
    """Approved messages of the region that may go out today."""
    qs = (
        Message.objects.filter(
            region=region,
            status=MessageStatus.APPROVED,
            valid_from__lte=today,
            valid_until__gte=today,
        )
        .filter(Q(publish_from__isnull=True) | Q(publish_from__lte=today))
        .prefetch_related("municipalities", "themes", "sbi_sections", "target_groups", "co_senders")
    )
    result = []
    for m in qs:
        result.append(
            Candidate(
                pk=m.pk,
                kind=m.kind,
                municipalities=frozenset(x.pk for x in m.municipalities.all()),
                themes=frozenset(x.pk for x in m.themes.all()),
                sectors=frozenset(x.pk for x in m.sbi_sections.all()),
                sizes=frozenset(
                    g.code for g in m.target_groups.all() if g.dimension == TargetDimension.SIZE
                ),
                deadline=m.deadline,
                event_day=m.event_start.date() if m.event_start else None,
                valid_until=m.valid_until,
                senders=frozenset([m.sender_id, *(o.pk for o in m.co_senders.all())]),
            )
        )
    return result


def matches(candidate: Candidate, segment: Segment) -> bool:
    """Hard filters: area, themes, sector, size. An empty list on the message means "all";
    a subscriber who left something open only gets the messages meant for everyone."""
    if candidate.municipalities and segment.municipality not in candidate.municipalities:
        return False
    if segment.themes and candidate.themes and not (segment.themes & candidate.themes):
        return False
    if candidate.sectors and segment.sector not in candidate.sectors:
        return False
    return not (candidate.sizes and segment.size not in candidate.sizes)


def score(candidate: Candidate, segment: Segment, today: dt.date) -> float:
    """Deadlines soon and events near first; local before region-wide; more shared themes."""
    points = 0.0
    if candidate.deadline is not None:
        days = (candidate.deadline - today).days
        if 0 <= days <= DEADLINE_SOON_DAYS:
            points += 30 + (DEADLINE_SOON_DAYS - days)
    if candidate.event_day is not None:
        days = (candidate.event_day - today).days
        if 0 <= days <= EVENT_SOON_DAYS:
            points += 20 + (EVENT_SOON_DAYS - days) / 2
    if candidate.municipalities:
        points += 15  # local: meant for this municipality, not for the whole region
    points += 5 * len(segment.themes & candidate.themes)
    if candidate.kind == MessageKind.SUBSIDY:
        points += 2
    return points


def ranked_for_segment(
    segment: Segment, pool: Iterable[Candidate], today: dt.date
) -> list[Candidate]:
    found = [c for c in pool if matches(c, segment)]
    found.sort(key=lambda c: (-score(c, segment, today), c.valid_until, c.pk))
    return found


def due_subscribers(*, region: Region, today: dt.date) -> Iterator[Subscriber]:
    """Active subscribers whose period has passed since their last digest (or who never got
    one): at most one mail per period, whatever the number of senders."""
    qs = (
        Subscriber.objects.filter(region=region, status=SubscriberStatus.ACTIVE)
        .annotate(last_mail=Max("mails__created_at"))
        .prefetch_related("themes")
        .order_by("pk")
    )
    for subscriber in qs.iterator(chunk_size=2000):
        if subscriber.last_mail is not None:
            since = today - subscriber.last_mail.date()
            if since < period_length(subscriber.frequency):
                continue
        yield subscriber


def segment_of(subscriber: Subscriber) -> Segment:
    return Segment(
        municipality=subscriber.municipality_id,
        sector=subscriber.sbi_section_id,
        size=subscriber.size_class,
        themes=frozenset(t.pk for t in subscriber.themes.all()),
    )


def already_received(subscriber_ids: list[int]) -> dict[int, set[int]]:
    """Per subscriber the messages already sent or waiting to be sent to them."""
    received: dict[int, set[int]] = defaultdict(set)
    rows = DigestItem.objects.filter(
        mail__subscriber_id__in=subscriber_ids,
        mail__status__in=[MailStatus.QUEUED, MailStatus.SENT, MailStatus.FAILED],
    ).values_list("mail__subscriber_id", "message_id")
    for subscriber_id, message_id in rows:
        received[subscriber_id].add(message_id)
    return received


def digest_plan(*, region: Region, today: dt.date, subscribers: list[Subscriber]) -> Plan:
    """What each of ``subscribers`` gets today (all of them assumed due)."""
    pool = candidates(region=region, today=today)
    plan = Plan(today=today, due=len(subscribers))
    plan.senders = {c.pk: c.senders for c in pool}
    by_segment: dict[Segment, list[Candidate]] = {}
    received = already_received([s.pk for s in subscribers])
    budget = max_items()
    for subscriber in subscribers:
        segment = segment_of(subscriber)
        ranked = by_segment.get(segment)
        if ranked is None:
            ranked = by_segment[segment] = ranked_for_segment(segment, pool, today)
        seen = received.get(subscriber.pk, set())
        new = [c.pk for c in ranked if c.pk not in seen]
        chosen = new[:budget]
        if new:
            plan.wanted[subscriber.pk] = new
        if chosen:
            plan.items[subscriber.pk] = chosen
        else:
            plan.skipped_empty += 1
    return plan
