"""Sending the notification outbox with the shared mechanism of ``core.outbox``."""

from __future__ import annotations

from collections.abc import Callable

from kennisnetwerk.core import outbox

from .mail import build_message
from .models import NotificationMail


def notification_mail_deliver(
    *, limit: int | None = None, after_each: Callable[[NotificationMail], None] | None = None
) -> outbox.OutboxResult:
    """Send the waiting notification mails; each is marked sent right after the SMTP server
    accepted it, so a mail already sent is never claimed again."""
    return outbox.deliver(
        outbox.waiting(NotificationMail), build=build_message, limit=limit, after_each=after_each
    )
