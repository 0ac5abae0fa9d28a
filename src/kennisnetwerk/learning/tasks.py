"""Background jobs of learning together: thin wrappers that load by id and send a mail."""

from __future__ import annotations

from django.urls import reverse
from django_tasks import task

from .constants import RegistrationStatus
from .ical import personal_sequence, session_ical
from .links import absolute, cancel_url, invitation_url
from .mail import send_mail
from .models import Registration, Session

# Which mail a registration gets, and whether the calendar entry goes with it.
REGISTRATION_MAILS = {
    "registered": True,
    "waiting": False,
    "promoted": True,
    "reminder": True,
    "cancelled": False,  # carries a cancellation instead (below)
    "session_cancelled": False,
}


def _registration_context(registration: Registration) -> dict:
    session = registration.session
    return {
        "registration": registration,
        "session": session,
        "url": absolute(reverse("learning:session", args=[session.pk])),
        "cancel_url": cancel_url(registration) if registration.is_guest else "",
    }


@task()
def send_registration_mail(registration_id: int, kind: str) -> None:
    registration = Registration.objects.select_related("session", "session__programme").get(
        pk=registration_id
    )
    if kind not in REGISTRATION_MAILS:
        raise ValueError(kind)
    session = registration.session
    ics = None
    method = "PUBLISH"
    sequence = personal_sequence(registration)
    if kind in ("session_cancelled", "cancelled"):
        # Removes the appointment from the person's calendar: same UID, higher SEQUENCE.
        ics = session_ical(session, cancelled=True, with_link=False, sequence=sequence)
        method = "CANCEL"
    elif REGISTRATION_MAILS[kind] and registration.status == RegistrationStatus.REGISTERED:
        ics = session_ical(session, sequence=sequence)
    send_mail(
        template=f"registration_{kind}",
        context=_registration_context(registration),
        to=registration.email,
        programme=session.programme,
        ics=ics,
        ics_method=method,
    )


@task()
def send_guest_invitation(session_id: int, email: str, name: str, inviter: str) -> None:
    session = Session.objects.select_related("programme").get(pk=session_id)
    send_mail(
        template="guest_invitation",
        context={
            "session": session,
            "name": name,
            "inviter": inviter,
            "url": invitation_url(session=session, email=email, name=name),
        },
        to=email,
        programme=session.programme,
    )


@task()
def send_report_reminder(session_id: int) -> None:
    session = Session.objects.select_related("programme", "organiser").get(pk=session_id)
    if session.organiser is None:
        return
    send_mail(
        template="report_reminder",
        context={
            "session": session,
            "organiser": session.organiser,
            "url": absolute(reverse("learning:report_edit", args=[session.pk])),
        },
        to=session.organiser.email,
        programme=session.programme,
    )
