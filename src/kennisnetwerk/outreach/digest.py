"""Composing the digests of a region: for each subscriber whose period has come, one mail with
the approved messages that match their area, themes, sector and size, ranked, never an item
they already received, cut to the contact budget, and none at all when nothing matches.

Subscribers are grouped into segments (the same municipality, sector, size and themes): the
matching and ranking is done once per segment, and only the "already received" check is per
subscriber. A region of a hundred thousand subscribers has a few thousand segments."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from kennisnetwerk.ecosystem.constants import TargetDimension
from kennisnetwerk.geo.models import Region

from .constants import MailStatus, MessageKind, MessageStatus, SubscriberStatus, period_length
from .models import DigestItem, Message, OutboxMail, Subscriber
from .selectors_messages import for_region

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
    national: bool = False


@dataclass(frozen=True)
class Segment:
    municipality: int | None
    sector: int | None
    size: str
    themes: frozenset[int]


@dataclass
class Plan:
    """Which messages each due subscriber gets (message ids in their order), and what the
    senders wanted to send them: without coordination every matching message that was new to
    the subscriber would have been a mail of its own."""

    today: dt.date
    items: dict[int, list[int]] = field(default_factory=dict)
    wanted_count: dict[int, int] = field(default_factory=dict)
    sender_wanted: Counter[int] = field(default_factory=Counter)
    sender_delivered: Counter[int] = field(default_factory=Counter)
    due: int = 0
    skipped_empty: int = 0


def candidates(*, region: Region, today: dt.date) -> list[Candidate]:
    """Approved messages of the region (and national ones) that may go out today. Read with
    one query per relation (values only, no model instances): thousands of messages stay
    cheap."""
    qs = (
        Message.objects.filter(
            for_region(region),
            status=MessageStatus.APPROVED,
            valid_from__lte=today,
            valid_until__gte=today,
        )
        .filter(Q(publish_from__isnull=True) | Q(publish_from__lte=today))
        .order_by(*Message._meta.ordering, "pk")
    )
    rows = list(
        qs.values_list(
            "pk", "kind", "deadline", "event_start", "valid_until", "sender_id", "region_id"
        )
    )
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
    for pk, kind, deadline, event_start, valid_until, sender_id, region_id in rows:
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
                national=region_id != region.pk,
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
    """Deadlines soon and events near first; local before region-wide before national; more
    shared themes."""
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
    if not candidate.national:
        points += 5  # the region's own before what is sent to the whole country
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


@dataclass(frozen=True, slots=True)
class DueSubscriber:
    """A subscriber as composing needs them, read as plain values (no model instances: a
    region of millions of subscribers is read in batches without the ORM's per-row cost)."""

    pk: int
    email: str
    company_name: str
    municipality_id: int | None
    sbi_section_id: int | None
    size_class: str
    themes: frozenset[int]
    # Messages already sent or waiting to be sent to them.
    received: frozenset[int] = frozenset()


# Subscribers read per query; below SQLite's limit of query parameters.
DUE_BATCH = 10_000

_RECEIVED_STATUSES = [MailStatus.QUEUED, MailStatus.SENDING, MailStatus.SENT, MailStatus.FAILED]


class _ContentItems:
    """The message ids of digest contents, read once per content (a run has a few thousand
    contents shared by all its mails)."""

    def __init__(self) -> None:
        self.by_content: dict[int, frozenset[int]] = {}

    def of(self, content_ids: set[int]) -> dict[int, frozenset[int]]:
        missing = [pk for pk in content_ids if pk not in self.by_content]
        found: dict[int, set[int]] = defaultdict(set)
        for start in range(0, len(missing), _IN_CHUNK):
            rows = DigestItem.objects.filter(
                content_id__in=missing[start : start + _IN_CHUNK]
            ).values_list("content_id", "message_id")
            for content_id, message_id in rows:
                found[content_id].add(message_id)
        for pk in missing:
            self.by_content[pk] = frozenset(found.get(pk, ()))
        return self.by_content


def due_subscriber_batches(
    *, region: Region, today: dt.date, batch_size: int = DUE_BATCH
) -> Iterator[list[DueSubscriber]]:
    """Active subscribers whose period has passed since their last digest (or who never got
    one), in batches: at most one mail per period, whatever the number of senders. Each batch
    costs three queries (subscribers, their themes, their earlier mails)."""
    base = Subscriber.objects.filter(region=region, status=SubscriberStatus.ACTIVE)
    through = Subscriber.themes.through
    contents = _ContentItems()
    after = 0
    while True:
        rows = list(
            base.filter(pk__gt=after)
            .order_by("pk")
            .values_list(
                "pk",
                "email",
                "company_name",
                "municipality_id",
                "sbi_section_id",
                "size_class",
                "frequency",
            )[:batch_size]
        )
        if not rows:
            return
        after = rows[-1][0]
        pks = [row[0] for row in rows]
        first, last = pks[0], pks[-1]
        themes: dict[int, set[int]] = defaultdict(set)
        for subscriber_id, theme_id in through.objects.filter(
            subscriber_id__gte=first, subscriber_id__lte=last
        ).values_list("subscriber_id", "theme_id"):
            themes[subscriber_id].add(theme_id)
        last_mail: dict[int, dt.date] = {}
        received_contents: dict[int, set[int]] = defaultdict(set)
        for subscriber_id, content_id, status, period, created_at in OutboxMail.objects.filter(
            subscriber_id__gte=first, subscriber_id__lte=last
        ).values_list("subscriber_id", "content_id", "status", "run__period_start", "created_at"):
            # A digest counts for the day of its run; another mail for the day it was written.
            day = period or timezone.localdate(created_at)
            if subscriber_id not in last_mail or day > last_mail[subscriber_id]:
                last_mail[subscriber_id] = day
            if content_id is not None and status in _RECEIVED_STATUSES:
                received_contents[subscriber_id].add(content_id)
        items = contents.of({c for cs in received_contents.values() for c in cs})
        empty: frozenset[int] = frozenset()
        batch = []
        for pk, email, company, municipality, sector, size, frequency in rows:
            last = last_mail.get(pk)
            if last is not None and today - last < period_length(frequency):
                continue
            received = empty
            if pk in received_contents:
                received = frozenset().union(*(items[c] for c in received_contents[pk]))
            batch.append(
                DueSubscriber(
                    pk=pk,
                    email=email,
                    company_name=company,
                    municipality_id=municipality,
                    sbi_section_id=sector,
                    size_class=size,
                    themes=frozenset(themes.get(pk, empty)),
                    received=received,
                )
            )
        if batch:
            yield batch


def due_subscribers(*, region: Region, today: dt.date) -> list[DueSubscriber]:
    """All due subscribers of the region at once (previews and small regions)."""
    return [s for batch in due_subscriber_batches(region=region, today=today) for s in batch]


def segment_of(subscriber: DueSubscriber) -> Segment:
    return Segment(
        municipality=subscriber.municipality_id,
        sector=subscriber.sbi_section_id,
        size=subscriber.size_class,
        themes=subscriber.themes,
    )


def _lowest_bits(mask: int, count: int) -> list[int]:
    """The positions of the ``count`` lowest set bits of ``mask``."""
    found = []
    while mask and len(found) < count:
        low = mask & -mask
        found.append(low.bit_length() - 1)
        mask ^= low
    return found


class _Ranker:
    """Matching and ranking for one pool of candidates, with the filters as bit masks over the
    pool in the order of its score without themes (bit 0 is the best).

    A subscriber's matching messages are a few big-integer operations: the mask of their
    municipality, sector and size, split by how many of their themes a message shares (each
    shared theme adds the same points, so within such a group the order is the order of the
    bits). Their top ``budget`` is then among the lowest ``budget`` bits of each group, and
    the number of matching messages is a population count: no list of thousands of matches
    is built or sorted per subscriber. Gives exactly the result of ``ranked_for_segment``
    (which it falls back to when a score is not a multiple of ½)."""

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
        self.order = order
        self.bit_of = {c.pk: bit for bit, c in enumerate(order)}
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
        self._area: dict[tuple, int] = {}
        self._groups: dict[frozenset[int], list[tuple[int, int]]] = {}

    def area_mask(self, municipality: int | None, sector: int | None, size: str) -> int:
        """Candidates whose municipality, sector and size filters let this subscriber in."""
        key = (municipality, sector, size)
        found = self._area.get(key)
        if found is None:
            found = self.muni_open | self.muni.get(municipality, 0)
            found &= self.sector_open | self.sector.get(sector, 0)
            found &= self.size_open | self.sizes.get(size, 0)
            self._area[key] = found
        return found

    def theme_groups(self, themes: frozenset[int]) -> list[tuple[int, int]]:
        """(shift, mask) per number of shared themes, most shared first; the masks are
        disjoint and together hold every candidate whose themes let the subscriber in."""
        found = self._groups.get(themes)
        if found is not None:
            return found
        if not themes:
            found = [(0, self.all)]
        else:
            n = self.size
            at_least: list[int] = []  # at_least[k]: sharing at least k + 1 themes
            for theme in themes:
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
            at_least.append(0)
            found = []
            for k in range(len(at_least) - 2, -1, -1):
                group = at_least[k] & ~at_least[k + 1]
                if group:
                    found.append((10 * (k + 1) * n, group))  # 5 points per theme, doubled
            # Candidates without themes are for everyone; they share none.
            found.append((0, self.theme_open))
        self._groups[themes] = found
        return found

    def top(
        self, subscriber: DueSubscriber, budget: int, exclude: int = 0
    ) -> tuple[list[int], int, int]:
        """The subscriber's best ``budget`` message ids in order, how many messages match
        and are new to them, and the mask of all that match (received or not)."""
        area = self.area_mask(
            subscriber.municipality_id, subscriber.sbi_section_id, subscriber.size_class
        )
        groups = self.theme_groups(subscriber.themes)
        if not self.exact:
            seen = subscriber.received
            segment = segment_of(subscriber)
            ranked = [
                c.pk for c in ranked_for_segment(segment, self.pool, self.today) if c.pk not in seen
            ]
            matched = 0
            for _shift, group in groups:
                matched |= area & group
            return ranked[:budget], len(ranked), matched
        keys: list[int] = []
        wanted = 0
        matched = 0
        key0 = self.key0
        for shift, group in groups:
            mask = area & group
            if not mask:
                continue
            matched |= mask
            mask &= ~exclude
            wanted += mask.bit_count()
            keys.extend(key0[i] - shift for i in _lowest_bits(mask, budget))
        keys.sort()
        n, by_tie = self.size, self.pk_by_tie
        return [by_tie[key % n] for key in keys[:budget]], wanted, matched

    def mask_of(self, pks: frozenset[int]) -> int:
        mask = 0
        for pk in pks:
            bit = self.bit_of.get(pk)
            if bit is not None:
                mask |= 1 << bit
        return mask

    def wanted_per_candidate(self, subscribers: list[DueSubscriber]) -> list[int]:
        """For each candidate (by bit), how many of ``subscribers`` it matches, counted with
        the subscribers as bit sets (one big-integer operation per candidate and filter
        instead of one per subscriber and candidate). Messages a subscriber received
        already are not taken out here (see ``digest_plan``)."""
        by_muni: dict = defaultdict(int)
        by_sector: dict = defaultdict(int)
        by_size: dict = defaultdict(int)
        by_theme: dict = defaultdict(int)
        no_theme = 0
        for bit, sub in enumerate(subscribers):
            one = 1 << bit
            by_muni[sub.municipality_id] |= one
            by_sector[sub.sbi_section_id] |= one
            by_size[sub.size_class] |= one
            if sub.themes:
                for theme in sub.themes:
                    by_theme[theme] |= one
            else:
                no_theme |= one
        everyone = (1 << len(subscribers)) - 1

        def any_of(table: dict, values: frozenset) -> int:
            if not values:
                return everyone
            mask = 0
            for value in values:
                mask |= table.get(value, 0)
            return mask

        theme_ok: dict[frozenset, int] = {}
        counts = []
        for c in self.order:
            themes = theme_ok.get(c.themes)
            if themes is None:
                themes = theme_ok[c.themes] = (
                    everyone if not c.themes else no_theme | any_of(by_theme, c.themes)
                )
            mask = themes & any_of(by_muni, c.municipalities)
            if mask:
                mask &= any_of(by_sector, c.sectors)
            if mask:
                mask &= any_of(by_size, c.sizes)
            counts.append(mask.bit_count())
        return counts


# Rankers kept per pool (a digest run calls digest_plan per batch of subscribers).
_rankers: dict[tuple, _Ranker] = {}


def _ranker(pool: list[Candidate], today: dt.date) -> _Ranker:
    """The ranker of exactly this pool on this day (the same content gives the same ranked
    lists, so a later batch of the same run reuses the masks already made)."""
    key = (today, tuple(pool))
    ranker = _rankers.get(key)
    if ranker is None:
        _rankers.clear()
        ranker = _rankers[key] = _Ranker(pool, today)
    return ranker


def digest_plan(*, region: Region, today: dt.date, subscribers: list[DueSubscriber]) -> Plan:
    """What each of ``subscribers`` gets today (all of them assumed due)."""
    pool = candidates(region=region, today=today)
    return plan_for(pool=pool, today=today, subscribers=subscribers, budget=max_items())


def plan_for(
    *, pool: list[Candidate], today: dt.date, subscribers: list[DueSubscriber], budget: int
) -> Plan:
    """``digest_plan`` for a given pool of candidates."""
    plan = Plan(today=today, due=len(subscribers))
    ranker = _ranker(pool, today)
    # Subscribers of the same area, sector, size and themes who received nothing share one
    # result.
    shared: dict[tuple, tuple[list[int], int, int]] = {}
    chosen_uses: Counter[tuple[int, ...]] = Counter()
    per_candidate = ranker.wanted_per_candidate(subscribers)
    for subscriber in subscribers:
        if subscriber.received:
            exclude = ranker.mask_of(subscriber.received)
            chosen, wanted, matched = ranker.top(subscriber, budget, exclude)
            # Matching messages they received already were not wanted again.
            for bit in _lowest_bits(matched & exclude, len(subscriber.received)):
                per_candidate[bit] -= 1
        else:
            key = (
                subscriber.municipality_id,
                subscriber.sbi_section_id,
                subscriber.size_class,
                subscriber.themes,
            )
            found = shared.get(key)
            if found is None:
                found = shared[key] = ranker.top(subscriber, budget)
            chosen, wanted, _matched = found
        if wanted:
            plan.wanted_count[subscriber.pk] = wanted
        if chosen:
            plan.items[subscriber.pk] = chosen
            chosen_uses[tuple(chosen)] += 1
        else:
            plan.skipped_empty += 1
    for bit, n in enumerate(per_candidate):
        if n:
            for sender in ranker.order[bit].senders:
                plan.sender_wanted[sender] += n
    senders = {c.pk: c.senders for c in pool}
    for chosen, times in chosen_uses.items():
        for pk in chosen:
            for sender in senders[pk]:
                plan.sender_delivered[sender] += times
    return plan
