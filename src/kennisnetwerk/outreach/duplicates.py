"""Near-duplicate messages: the same event or scheme announced by more than one party.

Two messages of a region are likely the same when they are both in the queue or approved,
are shown in the same period (or are events on the same day), share a theme when both name
themes, and are written in much the same words — the Jaccard index of their analysed Dutch
words (the same measure as the atlas's overlap check). Events on the same day, or schemes
with the same deadline, need fewer shared words. Events on different days are different
events (sessions of a series), however alike their texts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from kennisnetwerk.geo.models import Region
from kennisnetwerk.search.similarity import jaccard, term_set

from .constants import MessageStatus
from .models import Message
from .selectors_messages import with_relations

ACTIVE = (MessageStatus.SUBMITTED, MessageStatus.APPROVED)
# Pairs at least this similar are flagged…
SIMILARITY_THRESHOLD = 0.3
# …or this similar when they are events on the same day or share a deadline.
SAME_DATE_THRESHOLD = 0.15
# A title counts on its own only when it shares at least this many words.
MIN_SHARED_TITLE_WORDS = 2
# How far back the pool reaches: messages shown until at least this long ago.
POOL_DAYS = 60


@dataclass(frozen=True)
class Duplicate:
    message: Message
    similarity: float
    same_day: bool
    same_deadline: bool
    shared_themes: tuple[str, ...]


class _Words:
    """The analysed words of each message, computed once."""

    def __init__(self) -> None:
        self._cache: dict[int, tuple[frozenset[str], frozenset[str]]] = {}

    def __call__(self, message: Message) -> tuple[frozenset[str], frozenset[str]]:
        key = message.pk
        if key not in self._cache:
            self._cache[key] = (
                term_set(message.title),
                term_set(message.title, message.body),
            )
        return self._cache[key]


def _day(moment: dt.datetime | None) -> dt.date | None:
    return timezone.localdate(moment) if moment is not None else None


def _compare(a: Message, b: Message, words: _Words) -> Duplicate | None:
    themes_a = {t.name for t in a.themes.all()}
    themes_b = {t.name for t in b.themes.all()}
    shared = themes_a & themes_b
    if themes_a and themes_b and not shared:
        return None
    day_a, day_b = _day(a.event_start), _day(b.event_start)
    same_day = day_a is not None and day_a == day_b
    if day_a is not None and day_b is not None and not same_day:
        return None
    overlap = a.valid_from <= b.valid_until and b.valid_from <= a.valid_until
    if not (overlap or same_day):
        return None
    same_deadline = a.deadline is not None and a.deadline == b.deadline
    title_a, all_a = words(a)
    title_b, all_b = words(b)
    similarity = jaccard(all_a, all_b)
    if len(title_a & title_b) >= MIN_SHARED_TITLE_WORDS:
        similarity = max(similarity, jaccard(title_a, title_b))
    threshold = SAME_DATE_THRESHOLD if (same_day or same_deadline) else SIMILARITY_THRESHOLD
    if similarity < threshold:
        return None
    return Duplicate(b, round(similarity, 2), same_day, same_deadline, tuple(sorted(shared)))


def _pool(region: Region) -> list[Message]:
    since = timezone.localdate() - dt.timedelta(days=POOL_DAYS)
    return list(
        with_relations(
            Message.objects.filter(region=region, status__in=ACTIVE).filter(
                Q(valid_until__gte=since) | Q(event_start__date__gte=since)
            )
        )
    )


def _ranked(found: list[Duplicate]) -> list[Duplicate]:
    return sorted(found, key=lambda d: (-d.similarity, d.message.pk))


def message_duplicates(message: Message) -> list[Duplicate]:
    """Messages in the queue or approved for the same region that look like ``message``,
    most similar first."""
    words = _Words()
    found = [
        duplicate
        for other in _pool(message.region)
        if other.pk != message.pk and (duplicate := _compare(message, other, words))
    ]
    return _ranked(found)


def queue_duplicates(region: Region, messages: list[Message]) -> dict[int, list[Duplicate]]:
    """For each message (of the queue), the likely duplicates in the region."""
    words = _Words()
    pool = _pool(region)
    result: dict[int, list[Duplicate]] = {}
    for message in messages:
        found = [
            duplicate
            for other in pool
            if other.pk != message.pk and (duplicate := _compare(message, other, words))
        ]
        if found:
            result[message.pk] = _ranked(found)
    return result


# At most this many messages are offered to merge into, besides the likely duplicates.
MERGE_CHOICES = 30


def merge_targets(message: Message, duplicates: list[Duplicate] | None = None) -> list[Message]:
    """Messages ``message`` may be merged into: its likely duplicates first (pass them when
    they are known), then other messages of the same kind in the queue or approved that are
    shown in the same period."""
    if duplicates is None:
        duplicates = message_duplicates(message)
    likely = [d.message for d in duplicates]
    others = with_relations(
        Message.objects.filter(
            region=message.region,
            status__in=ACTIVE,
            kind=message.kind,
            valid_from__lte=message.valid_until,
            valid_until__gte=message.valid_from,
        )
        .exclude(pk__in=[message.pk, *[m.pk for m in likely]])
        .order_by("-created_at")
    )[:MERGE_CHOICES]
    return [*likely, *others]
