"""Signed links for people without an account in a programme: a guest invited to one session
registers through an invitation link, and cancels through the link in the confirmation.
Links name their purpose, cannot be altered, and stop working when they are no longer
meaningful (an invitation after the session, a cancellation link after a cancellation)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .models import Registration, Session

INVITATION_SALT = "kennisnetwerk.learning.invitation"
CANCEL_SALT = "kennisnetwerk.learning.cancel"
# An invitation is valid this long; after the session it is useless anyway.
INVITATION_MAX_AGE = dt.timedelta(days=90)


class LinkError(Exception):
    """The link is tampered with, expired or no longer valid."""


@dataclass(frozen=True)
class GuestInvitation:
    session: Session
    email: str
    name: str


def invitation_token(*, session: Session, email: str, name: str) -> str:
    return signing.dumps([session.pk, email.strip().lower(), name.strip()], salt=INVITATION_SALT)


def invitation_from_token(token: str) -> GuestInvitation:
    try:
        pk, email, name = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise LinkError from exc
    session = Session.objects.select_related("programme").filter(pk=pk).first()
    if session is None:
        raise LinkError
    return GuestInvitation(session=session, email=email, name=name)


def cancel_token(registration: Registration) -> str:
    return signing.dumps([registration.pk, registration.link_version], salt=CANCEL_SALT)


def registration_from_cancel_token(token: str) -> Registration:
    try:
        pk, version = signing.loads(token, salt=CANCEL_SALT)
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise LinkError from exc
    registration = (
        Registration.objects.select_related("session", "session__programme").filter(pk=pk).first()
    )
    if registration is None or registration.link_version != version:
        raise LinkError
    return registration


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def invitation_url(*, session: Session, email: str, name: str) -> str:
    return absolute(
        reverse(
            "learning:guest_register",
            args=[invitation_token(session=session, email=email, name=name)],
        )
    )


def cancel_url(registration: Registration) -> str:
    return absolute(reverse("learning:guest_cancel", args=[cancel_token(registration)]))
