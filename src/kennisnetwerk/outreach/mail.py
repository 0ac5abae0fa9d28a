"""Mail of the region's channel: the region is the sender, every mail has a plain-text and
an HTML part, and nothing tracks the reader."""

from __future__ import annotations

from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from kennisnetwerk.core.mail import message_id, render_plain, render_subject
from kennisnetwerk.geo.models import Region


def region_sender(region: Region) -> str:
    """'Noordoost-Brabant | Kennisnetwerk …' with the platform's own address."""
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return formataddr((f"{region.name} | {settings.NETWORK_NAME}", address))


def render_mail(template: str, context: dict) -> tuple[str, str, str]:
    """Subject, plain text and HTML of ``outreach/email/<template>``, in Dutch."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {"network_name": settings.NETWORK_NAME, **context}
        subject = render_subject(f"outreach/email/{template}_subject.txt", context)
        text = render_plain(f"outreach/email/{template}.txt", context)
        html = render_to_string(f"outreach/email/{template}.html", context)
    return subject, text, html


def build_mail(
    *,
    region: Region,
    to: str,
    subject: str,
    text: str,
    html: str,
    headers: dict[str, str] | None = None,
    connection=None,
) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=region_sender(region),
        to=[to],
        headers={"Message-ID": message_id(), **(headers or {})},
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message
