"""The signed link to the page that shows an entrepreneur their question and its matching
offers (they have no account): given after the form and in the confirmation mail."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

ANSWER_SALT = "kennisnetwerk.needs.answer"
ANSWER_MAX_AGE = 30 * 24 * 3600  # the answer page of a question stays reachable for 30 days


def answer_token(need) -> str:
    return signing.dumps({"need": need.pk}, salt=ANSWER_SALT, compress=True)


def answer_url(need) -> str:
    """The absolute address of the answer page, for mails."""
    return settings.SITE_URL.rstrip("/") + reverse("needs:answer", args=[answer_token(need)])
