"""Reads of messages: what is public, the editorial queue, the joint calendar and the feeds."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from kennisnetwerk.ecosystem.models import Organisation, Theme
from kennisnetwerk.geo.constants import RegionKind
from kennisnetwerk.geo.models import Municipality, Region

from .constants import MessageKind, MessageStatus
from .models import Message

# Cancelled (or merged-away) events stay in the calendar feeds this long after their end,
# marked cancelled, so that subscribed calendar programs remove them.
CANCELLED_KEPT = dt.timedelta(days=30)
# Events that took place stay in the feeds this long: programs drop what leaves a feed.
FEED_HISTORY = dt.timedelta(days=365)
# At most this many items in a region's RSS feed.
RSS_ITEMS = 50


def public_q(today: dt.date) -> Q:
    """Messages the public sees: approved (or approved and later cancelled), and not
    scheduled for later."""
    return (
        Q(status__in=[MessageStatus.APPROVED, MessageStatus.CANCELLED])
        & Q(reviewed_at__isnull=False)
        & (Q(publish_from__isnull=True) | Q(publish_from__lte=today))
        & Q(valid_from__lte=today)
    )


def message_is_public(message: Message, today: dt.date | None = None) -> bool:
    today = today or timezone.localdate()
    return (
        message.status in (MessageStatus.APPROVED, MessageStatus.CANCELLED)
        and message.reviewed_at is not None
        and (message.publish_from is None or message.publish_from <= today)
        and message.valid_from <= today
    )


def with_relations(queryset: QuerySet[Message]) -> QuerySet[Message]:
    """Everything a message is shown with, in a fixed number of queries."""
    return queryset.select_related("region", "sender", "merged_into").prefetch_related(
        Prefetch("co_senders", queryset=Organisation.objects.order_by("name")),
        "themes",
        "target_groups",
        "municipalities",
    )


def message_senders(message: Message) -> list[Organisation]:
    """The sender first, then the parties whose announcement was merged into it."""
    return [message.sender, *[o for o in message.co_senders.all() if o.pk != message.sender_id]]


def senders_label(message: Message) -> str:
    """All senders as one phrase: "Gemeente Oss, KVK and RVO"."""
    return str(get_text_list([o.name for o in message_senders(message)], _("and")))


def message_detail(pk: int) -> Message:
    return with_relations(Message.objects.filter(pk=pk)).get()


def editorial_queue(region: Region) -> list[Message]:
    """Submitted messages waiting for review, oldest first."""
    return list(
        with_relations(
            Message.objects.filter(region=region, status=MessageStatus.SUBMITTED)
        ).order_by("created_at", "pk")
    )


def approved_current(region: Region, today: dt.date | None = None) -> list[Message]:
    """Approved messages still shown (including those scheduled for later)."""
    today = today or timezone.localdate()
    return list(
        with_relations(
            Message.objects.filter(
                region=region, status=MessageStatus.APPROVED, valid_until__gte=today
            )
        ).order_by("valid_from", "pk")
    )


def recently_reviewed(region: Region, *, days: int = 30) -> list[Message]:
    """Rejected, merged and cancelled messages of the last weeks, newest first."""
    since = timezone.now() - dt.timedelta(days=days)
    return list(
        with_relations(
            Message.objects.filter(
                region=region,
                status__in=[MessageStatus.REJECTED, MessageStatus.MERGED, MessageStatus.CANCELLED],
                updated_at__gte=since,
            )
        ).order_by("-updated_at")[:50]
    )


def for_region(region: Region) -> Q:
    """Messages of the region itself and national ones (sent for the whole country, shown in
    every region's calendar and digest, after the region's own)."""
    if region.kind == RegionKind.NATIONAL:
        return Q(region=region)
    return Q(region=region) | Q(region__kind=RegionKind.NATIONAL)


def serves(municipality: Municipality) -> Q:
    """Messages for the whole region (no municipalities named) or naming ``municipality``."""
    named = Message.municipalities.through.objects.filter(message=OuterRef("pk"))
    return ~Exists(named) | Exists(named.filter(municipality=municipality))


def calendar_events(
    *,
    region: Region,
    first_day: dt.date,
    last_day: dt.date,
    theme: Theme | None = None,
    municipality: Municipality | None = None,
    today: dt.date | None = None,
) -> list[Message]:
    """Public events of a region taking place (partly) between two days, by start; cancelled
    ones are included so that visitors see they do not take place."""
    today = today or timezone.localdate()
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(first_day, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    queryset = Message.objects.filter(
        public_q(today),
        for_region(region),
        kind=MessageKind.EVENT,
        event_start__lt=end,
        event_end__gte=start,
    )
    if theme is not None:
        queryset = queryset.filter(themes=theme)
    if municipality is not None:
        queryset = queryset.filter(serves(municipality))
    return list(with_relations(queryset).order_by("event_start", "pk"))


def feed_events(
    *, region: Region, theme: Theme | None = None, now: dt.datetime | None = None
) -> list[Message]:
    """The events of a region's iCalendar feed: public events of the last year and the
    future, and events cancelled or merged away until 30 days after their end."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    published = Q(reviewed_at__isnull=False) & (
        Q(publish_from__isnull=True) | Q(publish_from__lte=today)
    )
    live = Q(status=MessageStatus.APPROVED, event_end__gte=now - FEED_HISTORY)
    withdrawn = Q(
        status__in=[MessageStatus.CANCELLED, MessageStatus.MERGED],
        cancelled_at__isnull=False,
        event_end__gte=now - CANCELLED_KEPT,
    )
    queryset = Message.objects.filter(
        published,
        live | withdrawn,
        for_region(region),
        kind=MessageKind.EVENT,
        event_start__isnull=False,
        event_end__isnull=False,
        valid_from__lte=today,
    )
    if theme is not None:
        queryset = queryset.filter(themes=theme)
    return list(with_relations(queryset).order_by("event_start", "pk"))


def current_messages(*, region: Region, today: dt.date | None = None) -> QuerySet[Message]:
    """Approved messages of a region being shown now, newest first."""
    today = today or timezone.localdate()
    queryset = Message.objects.filter(
        public_q(today),
        for_region(region),
        status=MessageStatus.APPROVED,
        valid_until__gte=today,
    )
    return with_relations(queryset).order_by("-reviewed_at", "-pk")


def rss_messages(*, region: Region, today: dt.date | None = None) -> list[Message]:
    return list(current_messages(region=region, today=today)[:RSS_ITEMS])


def regions_with_calendar() -> QuerySet[Region]:
    """Regions that have at least one public event or message, for the calendar index."""
    today = timezone.localdate()
    public = Message.objects.filter(public_q(today), region=OuterRef("pk"))
    return Region.objects.filter(Exists(public)).order_by("name")


def editors_to_notify(region: Region) -> list[Any]:
    """Who hears of a new message for ``region``: its coordinators, or, when it has none
    (such as the national channel), the network facilitators."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    coordinators = list(
        users.filter(region_roles__region=region, region_roles__role="coordinator").distinct()
    )
    return coordinators or list(users.filter(is_staff=True))


def queue_counts(user: Any) -> list[Region] | None:
    """The regions whose channel ``user`` edits as coordinator, each with ``waiting`` (the
    messages in its queue); None for people who coordinate no region."""
    from django.db.models import Count

    if not user.is_authenticated:
        return None
    coordinated = Region.objects.filter(person_roles__user=user, person_roles__role="coordinator")
    regions = list(
        Region.objects.filter(pk__in=coordinated.values("pk"))
        .annotate(waiting=Count("messages", filter=Q(messages__status=MessageStatus.SUBMITTED)))
        .order_by("name")
    )
    return regions or None
