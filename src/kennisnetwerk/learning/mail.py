"""Mail of learning together: sent in the name of the programme, with a plain-text and an
HTML part, and the session as an .ics attachment where a calendar entry helps."""

from __future__ import annotations

from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from kennisnetwerk.core.mail import message_id, render_plain, render_subject

from .models import Programme


def programme_sender(programme: Programme) -> str:
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return formataddr((f"{programme.title} | {settings.NETWORK_NAME}", address))


def send_mail(
    *,
    template: str,
    context: dict,
    to: str,
    programme: Programme,
    ics: bytes | None = None,
    ics_method: str = "PUBLISH",
) -> None:
    """Render ``learning/email/<template>`` in Dutch and send it."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {"network_name": settings.NETWORK_NAME, "programme": programme, **context}
        subject = render_subject(f"learning/email/{template}_subject.txt", context)
        text = render_plain(f"learning/email/{template}.txt", context)
        html = render_to_string(f"learning/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=programme_sender(programme),
        to=[to],
        headers={"Message-ID": message_id()},
    )
    message.attach_alternative(html, "text/html")
    if ics is not None:
        message.attach("bijeenkomst.ics", ics, f"text/calendar; method={ics_method}")
    message.send()
