"""A session as an iCalendar attachment (RFC 5545), for the confirmation, promotion and
reminder mails, and as a cancellation (METHOD:CANCEL) when the session is called off or the
person withdraws. The UID stays the same for ever and names the site's domain; the sequence
rises with every change, so a calendar program always takes the newest version."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from kennisnetwerk.core.mail import site_domain

from .constants import RegistrationStatus
from .links import absolute
from .models import Registration, Session


def session_uid(session: Session) -> str:
    return f"{session.uid}@{site_domain()}"


def session_ical(
    session: Session,
    *,
    cancelled: bool = False,
    with_link: bool = True,
    sequence: int | None = None,
) -> bytes:
    """One event; the online link is included only for registered people (``with_link``).
    ``sequence`` overrides the session's own revision (a person's own copy, see
    ``personal_sequence``)."""
    page = absolute(reverse("learning:session", args=[session.pk]))
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.NETWORK_NAME}//Kennisnetwerk//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", timezone.now())
    event.add("sequence", session.sequence if sequence is None else sequence)
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


def personal_sequence(registration: Registration) -> int:
    """The revision of the copy in one person's calendar: the session's revision, raised by
    two for each time this person withdrew. A withdrawal's cancellation (odd step) thus
    outranks the invitation before it, and a new registration afterwards (even step) outranks
    the cancellation."""
    withdrawals = Registration.objects.filter(
        session_id=registration.session_id,
        email__iexact=registration.email,
        status=RegistrationStatus.CANCELLED,
    ).count()
    cancelled = registration.status == RegistrationStatus.CANCELLED
    return registration.session.sequence + 2 * withdrawals - (1 if cancelled else 0)


def _from_address() -> str:
    from email.utils import parseaddr

    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
