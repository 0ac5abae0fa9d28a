"""The joint calendar of a region: a public page (month grid and list, filters by theme and
municipality, no JavaScript needed), iCalendar feeds per region and per theme, and the RSS
feed of its messages."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kennisnetwerk.ecosystem.models import Theme
from kennisnetwerk.geo.models import Region

from .feeds import RegionMessagesFeed, absolute_url, calendar_ical
from .forms_messages import CalendarFilterForm
from .models import Message
from .permissions import editor_regions, message_region_choices
from .selectors_messages import calendar_events, feed_events, regions_with_calendar


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The calendars of the regions, and for party members the regions they send to."""
    user = request.user
    return render(
        request,
        "outreach/calendar/index.html",
        {
            "regions": regions_with_calendar(),
            "submit_regions": message_region_choices(user).order_by("name")
            if user.is_authenticated
            else [],
            "editor_regions": editor_regions(user).order_by("name"),
        },
    )


@dataclass
class Day:
    date: dt.date
    in_month: bool
    is_today: bool
    events: list[Message] = field(default_factory=list)


def _month_weeks(first_day: dt.date, events: list[Message]) -> list[list[Day]]:
    """The weeks (Monday first) of the month, each day with the events taking place on it."""
    today = timezone.localdate()
    weeks = [
        [Day(d, d.month == first_day.month, d == today) for d in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(
            first_day.year, first_day.month
        )
    ]
    by_date = {day.date: day for week in weeks for day in week}
    for event in events:
        start = timezone.localdate(event.event_start)
        end = timezone.localdate(event.event_end)
        day = max(start, weeks[0][0].date)
        while day <= end and day in by_date:
            by_date[day].events.append(event)
            day += dt.timedelta(days=1)
    return weeks


def _by_start_date(events: list[Message]) -> list[tuple[dt.date, list[Message]]]:
    groups: dict[dt.date, list[Message]] = {}
    for event in events:
        groups.setdefault(timezone.localdate(event.event_start), []).append(event)
    return sorted(groups.items())


def _shifted(first_day: dt.date, months: int) -> dt.date:
    index = first_day.year * 12 + first_day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _query(request: HttpRequest, **changes: str) -> str:
    query = request.GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@require_GET
def calendar_page(request: HttpRequest, slug: str) -> HttpResponse:
    region = get_object_or_404(Region, slug=slug)
    form = CalendarFilterForm(request.GET or None, region=region)
    values = form.values()
    theme, municipality = values.get("thema"), values.get("gemeente")
    first_day = form.month()
    last_day = _shifted(first_day, 1) - dt.timedelta(days=1)
    events = calendar_events(
        region=region,
        first_day=first_day,
        last_day=last_day,
        theme=theme,
        municipality=municipality,
    )
    feed_path = (
        reverse("outreach:calendar_theme_ics", args=[region.slug, theme.slug])
        if theme
        else reverse("outreach:calendar_ics", args=[region.slug])
    )
    return render(
        request,
        "outreach/calendar/calendar.html",
        {
            "region": region,
            "form": form,
            "view": form.view(),
            "month": first_day,
            "weeks": _month_weeks(first_day, events),
            "weekdays": calendar.Calendar(firstweekday=0).monthdatescalendar(2024, 1)[1],
            "days": _by_start_date(events),
            "events": events,
            "theme": theme,
            "previous_query": _query(request, maand=_shifted(first_day, -1).strftime("%Y-%m")),
            "next_query": _query(request, maand=_shifted(first_day, 1).strftime("%Y-%m")),
            "month_query": _query(request, weergave="maand"),
            "list_query": _query(request, weergave="lijst"),
            "feed_url": absolute_url(feed_path),
            "rss_url": absolute_url(reverse("outreach:rss", args=[region.slug])),
        },
    )


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def calendar_ics(request: HttpRequest, slug: str) -> HttpResponse:
    region = get_object_or_404(Region, slug=slug)
    title = _("Calendar of %(region)s") % {"region": region.name}
    return _ics(calendar_ical(title=title, events=feed_events(region=region)), f"{region.slug}.ics")


@require_GET
def calendar_theme_ics(request: HttpRequest, slug: str, theme: str) -> HttpResponse:
    region = get_object_or_404(Region, slug=slug)
    chosen = get_object_or_404(Theme, slug=theme)
    title = _("Calendar of %(region)s: %(theme)s") % {"region": region.name, "theme": chosen.name}
    return _ics(
        calendar_ical(title=title, events=feed_events(region=region, theme=chosen)),
        f"{region.slug}-{chosen.slug}.ics",
    )


messages_rss = RegionMessagesFeed()
