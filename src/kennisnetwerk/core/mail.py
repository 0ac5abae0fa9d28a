"""What every mail of the platform shares: subjects and text bodies are plain text, rendered
without HTML escaping ('"Export" & meer', never '&quot;Export&quot; &amp; meer'), and the
Message-ID names the site's own domain (from ``SITE_URL``), not the machine it runs on."""

from __future__ import annotations

from email.utils import make_msgid
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.template import Context
from django.template.loader import get_template


def render_plain(template_name: str, context: dict[str, Any]) -> str:
    """Render ``template_name`` as plain text, whatever the template says about escaping."""
    template = get_template(template_name)
    # The Django backend's template wrapper always autoescapes; its inner template takes a
    # Context in which escaping can be switched off.
    return template.template.render(Context(context, autoescape=False))


def render_subject(template_name: str, context: dict[str, Any]) -> str:
    """A mail subject: plain text on one line (line breaks would end the header)."""
    return " ".join(render_plain(template_name, context).split())


def site_domain() -> str:
    """The host name of ``SITE_URL`` ("kennisnetwerk.example")."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def message_id() -> str:
    """A new, unique Message-ID in the site's domain (RFC 5322)."""
    return make_msgid(domain=site_domain())
