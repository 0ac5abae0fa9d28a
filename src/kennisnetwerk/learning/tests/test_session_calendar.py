"""The calendar entries a person gets for a session: withdrawing sends a cancellation (same
UID, higher SEQUENCE, STATUS:CANCELLED) that removes the appointment; the UID and the mails'
Message-IDs name the site's own domain; cancelling a session tells everyone the reason. Read
back with icalendar and with vobject, a parser this platform did not write."""

import pytest
import vobject
from icalendar import Calendar

from kennisnetwerk.learning import services_sessions as services
from kennisnetwerk.learning.constants import SessionStatus

pytestmark = pytest.mark.django_db

SITE = "https://leren.kennisnetwerk.example:8443"
DOMAIN = "leren.kennisnetwerk.example"


def _register(session, user):
    return services.session_register(
        session=session, user=user, name=user.full_name, email=user.email, actor=user
    )


def _calendar_part(mail) -> tuple[bytes, str]:
    parts = [p for p in mail.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1, "expected one calendar attachment"
    payload = parts[0].get_payload(decode=True)
    return payload, parts[0].get_param("method")


def _event(mail):
    payload, method = _calendar_part(mail)
    calendar = Calendar.from_ical(payload)
    [event] = calendar.walk("VEVENT")
    parsed = vobject.readOne(payload.decode())
    # vobject reads the same event and agrees on what identifies and orders it.
    assert parsed.vevent.uid.value == str(event["UID"])
    assert int(parsed.vevent.sequence.value) == int(event["SEQUENCE"])
    assert parsed.method.value == str(calendar["METHOD"]) == method
    return calendar, event


def test_withdrawing_sends_a_cancellation_that_removes_the_appointment(
    session, members, settings, smtp_server, django_capture_on_commit_callbacks
):
    settings.SITE_URL = SITE
    person = members[0]
    with django_capture_on_commit_callbacks(execute=True):
        registration = _register(session, person)
    [confirmation] = smtp_server.wait_for(1)
    calendar, invited = _event(confirmation)
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(invited["UID"]) == f"{session.uid}@{DOMAIN}"
    assert confirmation["Message-ID"].rstrip(">").endswith(f"@{DOMAIN}")

    smtp_server.messages.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=registration, actor=person)
    [withdrawal] = smtp_server.wait_for(1)
    assert withdrawal["To"] == person.email
    assert withdrawal["Message-ID"].rstrip(">").endswith(f"@{DOMAIN}")
    calendar, cancelled = _event(withdrawal)
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(cancelled["UID"]) == str(invited["UID"])
    assert int(cancelled["SEQUENCE"]) > int(invited["SEQUENCE"])
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert "agenda" in withdrawal.get_body(("plain",)).get_content()

    # Registering again puts it back: a newer revision than the cancellation.
    smtp_server.messages.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _register(session, person)
    [again] = smtp_server.wait_for(1)
    calendar, back = _event(again)
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(back["UID"]) == str(invited["UID"])
    assert int(back["SEQUENCE"]) > int(cancelled["SEQUENCE"])


def test_cancelling_a_session_tells_the_reason_with_a_calendar_cancellation(
    client, session, members, organiser, settings, smtp_server, django_capture_on_commit_callbacks
):
    settings.SITE_URL = SITE
    with django_capture_on_commit_callbacks(execute=True):
        _register(session, members[0])
        _register(session, members[1])
        _register(session, members[2])  # on the waiting list
    [invitation] = [m for m in smtp_server.wait_for(3) if m["To"] == members[0].email]
    _calendar, invited = _event(invitation)
    smtp_server.messages.clear()

    client.force_login(organiser)
    page = client.get(f"/leren/bijeenkomsten/{session.pk}/annuleren/")
    assert page.status_code == 200
    assert 'name="reason"' in page.content.decode()
    reason = "De gastspreker is ziek; we plannen een nieuwe datum in het voorjaar."
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/leren/bijeenkomsten/{session.pk}/annuleren/", {"reason": reason})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == SessionStatus.CANCELLED
    assert session.cancellation_reason == reason

    mails = smtp_server.wait_for(3)
    assert {m["To"] for m in mails} == {m.email for m in members[:3]}
    for mail in mails:
        assert reason in mail.get_body(("plain",)).get_content()
        assert reason in mail.get_body(("html",)).get_content()
        calendar, cancelled = _event(mail)
        assert str(calendar["METHOD"]) == "CANCEL"
        assert str(cancelled["STATUS"]) == "CANCELLED"
        assert str(cancelled["UID"]) == str(invited["UID"])
    cancelled_for_first = next(_event(m)[1] for m in mails if m["To"] == members[0].email)
    assert int(cancelled_for_first["SEQUENCE"]) > int(invited["SEQUENCE"])
    # The session's page shows the reason too.
    assert reason in client.get(f"/leren/bijeenkomsten/{session.pk}/").content.decode()
