"""The notification mails: one at once per notification, or a daily/weekly summary. Every mail
has a plain-text and an HTML part and a one-click unsubscribe (RFC 8058) for the kind(s) it
carries. The body is rendered once per event and only the personal parts are filled in per
person, so an event for thousands of people costs one rendering."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from kennisnetwerk.core.mail import render_plain, render_subject

from .links import absolute, unsubscribe_url
from .registry import get_kind

_NAME = "@@kn-name@@"
_UNSUBSCRIBE = "@@kn-unsubscribe@@"

MailRow = tuple[int | None, str, str, str, str, dict]


def new_message_id() -> str:
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return make_msgid(domain=address.rpartition("@")[2] or "kennisnetwerk.example")


def unsubscribe_headers(url: str) -> dict[str, str]:
    """RFC 2369 List-Unsubscribe and RFC 8058 one-click."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def _render(template: str, context: dict) -> tuple[str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "network_name": settings.NETWORK_NAME,
            "preferences_url": absolute(reverse("notifications:preferences")),
            **context,
        }
        text = render_plain(f"notifications/email/{template}.txt", context)
        html = render_to_string(f"notifications/email/{template}.html", context)
    return text, html


def _name(user: dict) -> str:
    return user.get("full_name") or user["email"]


def instant_mail(
    *, kind: str, title: str, body: str, url: str, users: Iterable[dict]
) -> Iterator[MailRow]:
    """One mail per person (dicts with pk, email, full_name) about one notification."""
    registered = get_kind(kind)
    text, html = _render(
        "instant",
        {
            "kind": registered,
            "title": title,
            "body": body,
            "url": absolute(url),
            "name": _NAME,
            "unsubscribe_url": _UNSUBSCRIBE,
        },
    )
    for user in users:
        link = unsubscribe_url(user_id=user["pk"], kind=kind)
        yield (
            user["pk"],
            user["email"],
            title,
            text.replace(_NAME, _name(user)).replace(_UNSUBSCRIBE, link),
            html.replace(_NAME, escape(_name(user))).replace(_UNSUBSCRIBE, escape(link)),
            unsubscribe_headers(link),
        )


def summary_mail(*, user: dict, channel: str, notifications: list) -> MailRow:
    """One person's summary of the notifications they chose to receive ``channel``."""
    groups: dict[str, list] = {}
    for notification in notifications:
        groups.setdefault(notification.kind, []).append(notification)
    sections = []
    for key, items in groups.items():
        try:
            label = get_kind(key).label
        except LookupError:
            label = key
        sections.append(
            {
                "label": label,
                "items": [
                    {"title": n.title, "body": n.body, "url": absolute(n.url)} for n in items
                ],
                "unsubscribe_url": unsubscribe_url(user_id=user["pk"], kind=key),
            }
        )
    every = unsubscribe_url(user_id=user["pk"], kind=",".join(groups))
    context = {
        "name": _name(user),
        "channel": channel,
        "count": len(notifications),
        "sections": sections,
        "unsubscribe_all_url": every,
        "centre_url": absolute(reverse("notifications:centre")),
    }
    text, html = _render("summary", context)
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_subject("notifications/email/summary_subject.txt", context)
    return (
        user["pk"],
        user["email"],
        " ".join(subject.split()),
        text,
        html,
        unsubscribe_headers(every),
    )


def build_message(mail, smtp) -> EmailMultiAlternatives:
    """The message of one outbox row, for ``core.outbox.deliver``."""
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.text_body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[mail.to_email],
        headers={**mail.headers, "Message-ID": mail.message_id},
        connection=smtp,
    )
    if mail.html_body:
        message.attach_alternative(mail.html_body, "text/html")
    return message
