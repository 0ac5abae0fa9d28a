"""Signed links for subscribers, who have no account: confirm, manage preferences,
unsubscribe. A link names the subscriber and the purpose, is tamper-proof, and stops working
when the subscriber's link version is raised. Confirmation links expire; the links in every
mail (preferences, unsubscribe) keep working as long as the subscriber exists."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .models import Subscriber


class Purpose(StrEnum):
    CONFIRM = "confirm"
    PREFERENCES = "preferences"
    UNSUBSCRIBE = "unsubscribe"


# How long a confirmation link works; the other links have no age limit.
CONFIRM_MAX_AGE = dt.timedelta(days=7)
_MAX_AGE = {Purpose.CONFIRM: CONFIRM_MAX_AGE}
_VIEWS = {
    Purpose.CONFIRM: "outreach:confirm",
    Purpose.PREFERENCES: "outreach:preferences",
    Purpose.UNSUBSCRIBE: "outreach:unsubscribe",
}


class LinkError(Exception):
    """The link is expired, tampered with, or no longer valid; ``expired`` says which."""

    def __init__(self, *, expired: bool = False) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def _salt(purpose: Purpose) -> str:
    return f"kennisnetwerk.outreach.{purpose}"


def subscriber_token(subscriber: Subscriber, purpose: Purpose) -> str:
    return signing.dumps(
        [subscriber.pk, subscriber.link_version], salt=_salt(purpose), compress=True
    )


def subscriber_from_token(token: str, purpose: Purpose) -> Subscriber:
    """The subscriber a token names, or ``LinkError``."""
    try:
        pk, version = signing.loads(token, salt=_salt(purpose), max_age=_MAX_AGE.get(purpose))
    except signing.SignatureExpired as exc:
        raise LinkError(expired=True) from exc
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise LinkError() from exc
    subscriber = Subscriber.objects.select_related("region").filter(pk=pk).first()
    if subscriber is None or subscriber.link_version != version:
        raise LinkError()
    return subscriber


def subscriber_url(subscriber: Subscriber, purpose: Purpose) -> str:
    """The absolute address of a link, for mails."""
    path = reverse(_VIEWS[purpose], args=[subscriber_token(subscriber, purpose)])
    return settings.SITE_URL.rstrip("/") + path
