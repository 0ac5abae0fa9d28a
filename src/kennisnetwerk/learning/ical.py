"""A session as an iCalendar attachment (RFC 5545), for the confirmation, promotion and
reminder mails. The UID stays the same for ever; the sequence rises with every change."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from .links import absolute
from .models import Session


def session_ical(session: Session, *, cancelled: bool = False, with_link: bool = True) -> bytes:
    """One event; the online link is included only for registered people (``with_link``)."""
    page = absolute(reverse("learning:session", args=[session.pk]))
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.NETWORK_NAME}//Kennisnetwerk//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    event = Event()
    event.add("uid", f"{session.uid}@kennisnetwerk")
    event.add("dtstamp", timezone.now())
    event.add("sequence", session.sequence)
    event.add("summary", session.title)
    event.add("dtstart", session.starts_at.astimezone(dt.UTC))
    event.add("dtend", session.ends_at.astimezone(dt.UTC))
    place = session.place
    if with_link and session.online_url:
        place = f"{place} – {session.online_url}" if place else session.online_url
    if place:
        event.add("location", place)
    description = session.description
    if with_link and session.online_url:
        description = f"{description}\n\nOnline: {session.online_url}".strip()
    event.add("description", f"{description}\n\n{page}".strip())
    event.add("url", page)
    organizer = vCalAddress(f"mailto:{_from_address()}")
    organizer.params["cn"] = vText(session.programme.title)
    event.add("organizer", organizer)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical()


def _from_address() -> str:
    from email.utils import parseaddr

    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
