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

# Message ids per IN (...) query: below SQLite's limit of query parameters.
_IN_CHUNK = 10_000

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
    """Approved messages of the region that may go out today. Read with one query per
    relation (values only, no model instances): thousands of messages stay cheap."""
    qs = (
        Message.objects.filter(
            region=region,
            status=MessageStatus.APPROVED,
            valid_from__lte=today,
            valid_until__gte=today,
        )
        .filter(Q(publish_from__isnull=True) | Q(publish_from__lte=today))
        .order_by(*Message._meta.ordering, "pk")
    )
    rows = list(qs.values_list("pk", "kind", "deadline", "event_start", "valid_until", "sender_id"))
    pks = [row[0] for row in rows]

    def related(field: str, value: str, **filters) -> dict[int, set]:
        through = Message._meta.get_field(field).remote_field.through
        found: dict[int, set] = defaultdict(set)
        for start in range(0, len(pks), _IN_CHUNK):
            chunk = pks[start : start + _IN_CHUNK]
            for message_id, item in through.objects.filter(
                message_id__in=chunk, **filters
            ).values_list("message_id", value):
                found[message_id].add(item)
        return found

    municipalities = related("municipalities", "municipality_id")
    themes = related("themes", "theme_id")
    sectors = related("sbi_sections", "sbisection_id")
    sizes = related(
        "target_groups", "targetgroup__code", targetgroup__dimension=TargetDimension.SIZE
    )
    co_senders = related("co_senders", "organisation_id")
    empty: frozenset = frozenset()
    result = []
    for pk, kind, deadline, event_start, valid_until, sender_id in rows:
        result.append(
            Candidate(
                pk=pk,
                kind=kind,
                municipalities=frozenset(municipalities.get(pk, empty)),
                themes=frozenset(themes.get(pk, empty)),
                sectors=frozenset(sectors.get(pk, empty)),
                sizes=frozenset(sizes.get(pk, empty)),
                deadline=deadline,
                event_day=_local_date(event_start),
                valid_until=valid_until,
                senders=frozenset([sender_id, *co_senders.get(pk, empty)]),
            )
        )
    return result


def _local_date(value: dt.datetime | None) -> dt.date | None:
    """``value.date()`` as a model instance would give it (aware values in the current time
    zone, as the ORM returns them)."""
    return value.date() if value else None


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
    for start in range(0, len(subscriber_ids), _IN_CHUNK):
        rows = DigestItem.objects.filter(
            mail__subscriber_id__in=subscriber_ids[start : start + _IN_CHUNK],
            mail__status__in=[
                MailStatus.QUEUED,
                MailStatus.SENDING,
                MailStatus.SENT,
                MailStatus.FAILED,
            ],
        ).values_list("mail__subscriber_id", "message_id")
        for subscriber_id, message_id in rows:
            received[subscriber_id].add(message_id)
    return received


class _Ranker:
    """``ranked_for_segment`` for one pool, with the filters as bit masks over the pool in
    the order of its score without themes: a segment costs a few big-integer operations and
    one sort of integers instead of matching and scoring every candidate. Gives exactly the
    ids of ``ranked_for_segment`` (falls back to it when a score is not a multiple of ½)."""

    def __init__(self, pool: list[Candidate], today: dt.date) -> None:
        self.today = today
        no_themes = Segment(None, None, "", frozenset())
        base = {c.pk: score(c, no_themes, today) for c in pool}
        self.exact = all((2 * b).is_integer() for b in base.values())
        order = sorted(pool, key=lambda c: (-base[c.pk], c.valid_until, c.pk))
        tie = sorted(pool, key=lambda c: (c.valid_until, c.pk))
        self.size = n = len(pool)
        self.pk_by_tie = [c.pk for c in tie]
        tie_rank = {c.pk: r for r, c in enumerate(tie)}
        self.key0 = [-int(2 * base[c.pk]) * n + tie_rank[c.pk] for c in order] if self.exact else []
        self.pks = [c.pk for c in order]
        self.pool = pool
        self.all = (1 << n) - 1

        def masks(values) -> tuple[int, dict]:
            open_, by_value = 0, defaultdict(int)
            for bit, c in enumerate(order):
                chosen = values(c)
                if not chosen:
                    open_ |= 1 << bit
                for value in chosen:
                    by_value[value] |= 1 << bit
            return open_, dict(by_value)

        self.muni_open, self.muni = masks(lambda c: c.municipalities)
        self.theme_open, self.theme = masks(lambda c: c.themes)
        self.sector_open, self.sector = masks(lambda c: c.sectors)
        self.size_open, self.sizes = masks(lambda c: c.sizes)
        self.cache: dict[Segment, list[int]] = {}

    def _bits(self, mask: int) -> list[int]:
        return [i for i, ch in enumerate(reversed(bin(mask)[2:])) if ch == "1"]

    def ranked_pks(self, segment: Segment) -> list[int]:
        found = self.cache.get(segment)
        if found is not None:
            return found
        if not self.exact:
            found = [c.pk for c in ranked_for_segment(segment, self.pool, self.today)]
        else:
            found = self._ranked(segment)
        if len(self.cache) >= _SEGMENT_CACHE:
            self.cache.clear()
        self.cache[segment] = found
        return found

    def _ranked(self, segment: Segment) -> list[int]:
        mask = self.muni_open | self.muni.get(segment.municipality, 0)
        mask &= self.sector_open | self.sector.get(segment.sector, 0)
        mask &= self.size_open | self.sizes.get(segment.size, 0)
        if not segment.themes:
            return [self.pks[i] for i in self._bits(mask)]
        # at_least[k]: candidates sharing at least k + 1 of the segment's themes.
        at_least: list[int] = []
        for theme in segment.themes:
            bits = self.theme.get(theme, 0)
            for k in range(len(at_least) - 1, -1, -1):
                if k + 1 < len(at_least):
                    at_least[k + 1] |= at_least[k] & bits
                else:
                    at_least.append(at_least[k] & bits)
            if at_least:
                at_least[0] |= bits
            else:
                at_least.append(bits)
        matched_themes = self.theme_open | (at_least[0] if at_least else 0)
        mask &= matched_themes
        n, key0, keys = self.size, self.key0, []
        at_least.append(0)
        exactly0 = mask & ~at_least[0]
        keys.extend(key0[i] for i in self._bits(exactly0))
        for k in range(len(at_least) - 1):
            group = mask & at_least[k] & ~at_least[k + 1]
            if group:
                shift = 10 * (k + 1) * n  # 5 points per shared theme, doubled
                keys.extend(key0[i] - shift for i in self._bits(group))
        keys.sort()
        by_tie = self.pk_by_tie
        return [by_tie[key % n] for key in keys]


# Ranked lists kept per pool (a digest run calls digest_plan per batch of subscribers).
_SEGMENT_CACHE = 50_000
_rankers: dict[tuple, _Ranker] = {}


def _ranker(pool: list[Candidate], today: dt.date) -> _Ranker:
    """The ranker of exactly this pool on this day (the same content gives the same ranked
    lists, so a later batch of the same run reuses the segments already ranked)."""
    key = (today, tuple(pool))
    ranker = _rankers.get(key)
    if ranker is None:
        _rankers.clear()
        ranker = _rankers[key] = _Ranker(pool, today)
    return ranker


def digest_plan(*, region: Region, today: dt.date, subscribers: list[Subscriber]) -> Plan:
    """What each of ``subscribers`` gets today (all of them assumed due)."""
    pool = candidates(region=region, today=today)
    plan = Plan(today=today, due=len(subscribers))
    plan.senders = {c.pk: c.senders for c in pool}
    ranker = _ranker(pool, today)
    received = already_received([s.pk for s in subscribers])
    budget = max_items()
    chosen_of: dict[int, list[int]] = {}  # id(ranked) → its first ``budget``
    for subscriber in subscribers:
        ranked = ranker.ranked_pks(segment_of(subscriber))
        seen = received.get(subscriber.pk)
        if seen:
            new = [pk for pk in ranked if pk not in seen]
            chosen = new[:budget]
        else:
            new = ranked  # nothing received: the segment's list, shared (read-only)
            chosen = chosen_of.get(id(ranked))
            if chosen is None:
                chosen = chosen_of[id(ranked)] = ranked[:budget]
        if new:
            plan.wanted[subscriber.pk] = new
        if chosen:
            plan.items[subscriber.pk] = chosen
        else:
            plan.skipped_empty += 1
    return plan
