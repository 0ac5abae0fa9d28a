"""Registering for a session: places while there are any, then the waiting list served first
come first served; confirmation, promotion and cancellation mails through a real SMTP
server, with a valid iCalendar attachment; full, past, closed and cancelled sessions refused
with a clear Dutch message and nothing saved."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.learning import services_sessions as services
from kennisnetwerk.learning.constants import RegistrationStatus, SessionStatus
from kennisnetwerk.learning.models import Registration

pytestmark = pytest.mark.django_db


def _register(session, user, **kwargs):
    return services.session_register(
        session=session, user=user, name=user.full_name, email=user.email, actor=user, **kwargs
    )


def _ics(mail):
    parts = [p for p in mail.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1, "expected one calendar attachment"
    return Calendar.from_ical(parts[0].get_content())


def test_places_then_waiting_list_then_promotion_with_mails(
    session, members, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = _register(session, members[0])
        second = _register(session, members[1])
        third = _register(session, members[2])
        fourth = _register(session, members[3])
    assert [r.status for r in (first, second, third, fourth)] == [
        RegistrationStatus.REGISTERED,
        RegistrationStatus.REGISTERED,
        RegistrationStatus.WAITING,
        RegistrationStatus.WAITING,
    ]
    assert services.waiting_position(fourth) == 2

    mails = smtp_server.wait_for(4)
    by_to = {m["To"]: m for m in mails}
    confirmation = by_to[members[0].email]
    assert "aangemeld" in confirmation["Subject"]
    calendar = _ics(confirmation)
    event = calendar.walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == session.title
    assert event.decoded("DTSTART") == session.starts_at
    assert "https://vergadering.example/cop-3" in str(event["LOCATION"])
    assert str(event["UID"]).startswith(str(session.uid))
    waiting = by_to[members[2].email]
    assert "wachtlijst" in waiting["Subject"].lower()
    assert not [p for p in waiting.iter_attachments() if p.get_content_type() == "text/calendar"]
    # The online link is for registered people only.
    assert "vergadering.example" not in waiting.get_body(("plain",)).get_content()

    smtp_server.messages.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.registration_cancel(registration=second, actor=members[1])
    assert [r.pk for r in promoted] == [third.pk]  # first come, first served
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert third.status == RegistrationStatus.REGISTERED
    assert third.promoted_at is not None
    assert fourth.status == RegistrationStatus.WAITING
    assert services.waiting_position(fourth) == 1

    mails = smtp_server.wait_for(2)
    by_to = {m["To"]: m for m in mails}
    promotion = by_to[members[2].email]
    assert "plek vrijgekomen" in promotion["Subject"]
    assert _ics(promotion).walk("VEVENT")[0]["UID"] == event["UID"]
    assert "afgemeld" in by_to[members[1].email]["Subject"].lower()


def test_a_full_session_refuses_when_the_waiting_list_is_not_wanted(session, members):
    _register(session, members[0])
    _register(session, members[1])
    with pytest.raises(ValidationError) as error:
        _register(session, members[2], waiting_list=False)
    assert error.value.messages == ["Deze bijeenkomst is vol."]
    assert session.registrations.count() == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"starts_at": timezone.now() - dt.timedelta(hours=1)},
            "Deze bijeenkomst heeft al plaatsgevonden; u kunt zich niet meer aanmelden.",
        ),
        ({"status": SessionStatus.CLOSED}, "De aanmelding voor deze bijeenkomst is gesloten."),
        (
            {"status": SessionStatus.CANCELLED},
            "Deze bijeenkomst is geannuleerd; u kunt zich er niet voor aanmelden.",
        ),
    ],
)
def test_past_closed_and_cancelled_sessions_are_refused(session, members, change, message):
    if "starts_at" in change:
        change["ends_at"] = change["starts_at"] + dt.timedelta(hours=3)
    type(session).objects.filter(pk=session.pk).update(**change)
    session.refresh_from_db()
    audit_before = AuditLogEntry.objects.count()
    with pytest.raises(ValidationError) as error:
        _register(session, members[0])
    assert error.value.messages == [message]
    assert not Registration.objects.exists()
    assert AuditLogEntry.objects.count() == audit_before


def test_registering_twice_is_refused(session, members):
    _register(session, members[0])
    with pytest.raises(ValidationError) as error:
        _register(session, members[0])
    assert error.value.messages == ["U bent al aangemeld voor deze bijeenkomst."]
    assert session.registrations.count() == 1


def test_cancelling_twice_or_after_the_start_is_refused(session, members):
    registration = _register(session, members[0])
    services.registration_cancel(registration=registration, actor=members[0])
    with pytest.raises(ValidationError, match="al afgemeld"):
        services.registration_cancel(registration=registration, actor=members[0])
    again = _register(session, members[0])
    later = session.starts_at + dt.timedelta(minutes=5)
    with pytest.raises(ValidationError, match="al begonnen"):
        services.registration_cancel(registration=again, actor=members[0], now=later)
    again.refresh_from_db()
    assert again.status == RegistrationStatus.REGISTERED


def test_more_places_move_people_up_from_the_waiting_list(session, members, organiser):
    for member in members:
        _register(session, member)
    data = services.SessionData(
        title=session.title,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        capacity=3,
        place=session.place,
        organiser=organiser,
    )
    services.session_update(session=session, data=data, actor=organiser)
    statuses = list(session.registrations.order_by("pk").values_list("status", flat=True))
    assert statuses == ["aangemeld", "aangemeld", "aangemeld", "wachtlijst"]


def test_cancelling_a_session_tells_everyone_with_a_calendar_cancellation(
    session, members, organiser, smtp_server, django_capture_on_commit_callbacks
):
    for member in members[:3]:
        _register(session, member)
    smtp_server.messages.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.session_cancel(session=session, actor=organiser)
    mails = smtp_server.wait_for(3)
    assert {m["To"] for m in mails} == {m.email for m in members[:3]}
    calendar = _ics(mails[0])
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"
    with pytest.raises(ValidationError, match="geannuleerd"):
        _register(session, members[3])
