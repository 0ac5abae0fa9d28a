"""What every mail of the platform shares: its Message-ID names the site's own domain (from
``SITE_URL``), not the machine it happens to run on."""

from __future__ import annotations

from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings


def site_domain() -> str:
    """The host name of ``SITE_URL`` ("kennisnetwerk.example")."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def message_id() -> str:
    """A new, unique Message-ID in the site's domain (RFC 5322)."""
    return make_msgid(domain=site_domain())
