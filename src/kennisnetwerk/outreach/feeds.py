"""The open formats of a region's channel: iCalendar feeds of the joint calendar (RFC 5545)
and an RSS 2.0 feed of its approved messages.

Calendar programs subscribe to a feed and poll it. They recognise an event by its UID (which
never changes), take a higher SEQUENCE as a newer version, and remove an event they see with
STATUS:CANCELLED — so a cancelled or merged-away event stays in the feed for a while."""

from __future__ import annotations

import datetime as dt
from email.utils import parseaddr
from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape, format_html, linebreaks
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, vCalAddress, vText

from kennisnetwerk.core.formatting import format_date
from kennisnetwerk.geo.models import Region

from .constants import MessageStatus
from .models import Message
from .selectors_messages import rss_messages, senders_label

TZID = "Europe/Amsterdam"
# Calendar programs are asked to poll this often.
REFRESH_INTERVAL = dt.timedelta(hours=6)


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "kennisnetwerk.invalid"


def event_uid(message: Message) -> str:
    """The event's identity in every calendar, stable across edits and requests."""
    return f"{message.uid}@{_host()}"


@lru_cache(maxsize=16)
def _vtimezone(first_year: int, last_year: int) -> Timezone:
    """The VTIMEZONE of Europe/Amsterdam with the transitions of these years, generated from
    the system's time zone data (cached: it takes a few milliseconds).

    icalendar lists the later transitions as one RDATE with several dates; some programs
    (dateutil, and so vobject) read only part of such a list and put events of later years an
    hour off. Each transition therefore gets its own RDATE line, which every reader takes."""
    zone = Timezone.from_tzid(
        TZID, first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year + 1, 1, 1)
    )
    for part in zone.subcomponents:
        found = part.pop("RDATE", None)
        if found is None:
            continue
        for value in found if isinstance(found, list) else [found]:
            for date in value.dts:
                part.add("rdate", date.dt)
    return zone


def _years(events: list[Message]) -> tuple[int, int]:
    """The years the times of a feed fall in (this year for an empty feed)."""
    this_year = timezone.localdate().year
    starts = [timezone.localtime(m.event_start).year for m in events if m.event_start]
    ends = [timezone.localtime(m.event_end).year for m in events if m.event_end]
    return min([this_year, *starts]), max([this_year, *ends])


def _organiser(message: Message) -> vCalAddress:
    """ORGANIZER needs an address; the senders are named in CN. The parties' own addresses
    are not published, so the region's channel is the address."""
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or f"noreply@{_host()}"
    organiser = vCalAddress(f"mailto:{address}")
    organiser.params["cn"] = vText(senders_label(message))
    return organiser


def _description(message: Message, page_url: str) -> str:
    parts = [message.body, _("On behalf of %(senders)s") % {"senders": senders_label(message)}]
    if message.deadline:
        parts.append(_("Deadline: %(date)s") % {"date": format_date(message.deadline)})
    if message.link:
        parts.append(_("More information: %(url)s") % {"url": message.link})
    parts.append(_("In the calendar: %(url)s") % {"url": page_url})
    return "\n\n".join(parts)


def _is_withdrawn(message: Message) -> bool:
    return message.status in (MessageStatus.CANCELLED, MessageStatus.MERGED)


def _event(message: Message) -> Event:
    zone = ZoneInfo(TZID)
    page_url = absolute_url(reverse("outreach:message", args=[message.pk]))
    withdrawn = _is_withdrawn(message)
    event = Event()
    event.add("uid", event_uid(message))
    # Without a METHOD, DTSTAMP is when the event was last revised (RFC 5545 §3.8.7.2), so
    # the feed is the same from one request to the next.
    event.add("dtstamp", message.updated_at)
    event.add("created", message.created_at)
    event.add("last-modified", message.updated_at)
    event.add("sequence", message.sequence)
    summary = message.title
    if withdrawn:
        summary = _("Cancelled: %(title)s") % {"title": message.title}
    event.add("summary", summary)
    event.add("dtstart", timezone.localtime(message.event_start, zone))
    event.add("dtend", timezone.localtime(message.event_end, zone))
    if message.location:
        event.add("location", message.location)
    event.add("description", _description(message, page_url))
    event.add("url", message.link or page_url)
    event.add("status", "CANCELLED" if withdrawn else "CONFIRMED")
    event.add("organizer", _organiser(message))
    event.add("contact", senders_label(message))
    themes = [t.name for t in message.themes.all()]
    if themes:
        event.add("categories", themes)
    event.add("class", "PUBLIC")
    return event


def calendar_ical(*, title: str, events: list[Message]) -> bytes:
    """A calendar of ``events`` as iCalendar data, with the VTIMEZONE its times refer to."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.NETWORK_NAME}//Kennisnetwerk//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", title)  # RFC 7986
    calendar.add("x-wr-calname", title)
    calendar.add("x-wr-timezone", TZID)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    calendar.add_component(_vtimezone(*_years(events)))
    for message in events:
        calendar.add_component(_event(message))
    return calendar.to_ical()


class RegionMessagesFeed(Feed):
    """RSS 2.0 of the approved messages of a region being shown now, newest first. Titles and
    texts are plain text: escaped, so no reader renders them as HTML."""

    feed_type = Rss201rev2Feed

    def get_object(self, request: HttpRequest, slug: str) -> Region:
        return get_object_or_404(Region, slug=slug)

    def title(self, region: Region) -> str:
        return _("Messages of %(region)s") % {"region": region.name}

    def description(self, region: Region) -> str:
        return _(
            "News, events, subsidies and calls of the parties in %(region)s, approved by the "
            "region's editors."
        ) % {"region": region.name}

    def link(self, region: Region) -> str:
        return absolute_url(reverse("outreach:calendar", args=[region.slug]))

    def feed_url(self, region: Region) -> str:
        return absolute_url(reverse("outreach:rss", args=[region.slug]))

    def items(self, region: Region) -> list[Message]:
        return rss_messages(region=region)

    def item_title(self, item: Message) -> str:
        return escape(item.title)

    def item_description(self, item: Message) -> str:
        return linebreaks(item.body, autoescape=True) + format_html(
            "<p>{}</p>", _("On behalf of %(senders)s") % {"senders": senders_label(item)}
        )

    def item_link(self, item: Message) -> str:
        return absolute_url(reverse("outreach:message", args=[item.pk]))

    def item_guid(self, item: Message) -> str:
        return f"urn:uuid:{item.uid}"

    item_guid_is_permalink = False

    def item_author_name(self, item: Message) -> str:
        return senders_label(item)

    def item_pubdate(self, item: Message) -> dt.datetime:
        published = item.reviewed_at or item.created_at
        if item.publish_from is not None:
            scheduled = dt.datetime.combine(
                item.publish_from, dt.time.min, tzinfo=timezone.get_current_timezone()
            )
            published = max(published, scheduled)
        return published

    def item_updateddate(self, item: Message) -> dt.datetime:
        return item.updated_at

    def item_categories(self, item: Message) -> list[str]:
        return [t.name for t in item.themes.all()]
