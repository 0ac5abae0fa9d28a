"""Fixtures shared by all tests: reference data, people in their roles, a real SMTP server."""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the reference data once per test database."""
    from kennisnetwerk.geo.reference_data import reference_data_read
    from kennisnetwerk.geo.services import reference_data_apply

    with django_db_blocker.unblock():
        reference_data_apply(data=reference_data_read())


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits (log-in, confirmation mails) live in the cache; tests must not share them."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reference_data(db):
    """Municipalities, regions and SBI codes. Transactional tests flush the database, so the
    data is loaded again when it is gone."""
    from kennisnetwerk.geo.models import Municipality
    from kennisnetwerk.geo.reference_data import reference_data_read
    from kennisnetwerk.geo.services import reference_data_apply

    if not Municipality.objects.exists():
        reference_data_apply(data=reference_data_read())


@dataclass
class Mailbox:
    messages: list[EmailMessage] = field(default_factory=list)

    def wait_for(self, count: int, timeout: float = 5.0) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.messages


class _Handler:
    def __init__(self, mailbox: Mailbox):
        self.mailbox = mailbox

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd API)
        self.mailbox.messages.append(
            message_from_bytes(envelope.original_content, policy=policy.default)
        )
        return "250 Message accepted"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback; the project's SMTP backend delivers to it."""
    mailbox = Mailbox()
    port = _free_port()
    controller = Controller(_Handler(mailbox), hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    try:
        yield mailbox
    finally:
        controller.stop()
