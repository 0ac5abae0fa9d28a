"""What outreach tells people: the region's editors that a message waits in their queue."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kennisnetwerk.notifications.services import notification_emit

from .duplicates import message_duplicates
from .models import Message
from .selectors_messages import editors_to_notify


def message_submitted_notify(*, message_id: int) -> None:
    """The editors (the region's coordinators, or the facilitators for a channel without
    them) hear of the message, with the near-duplicates already in their queue."""
    message = Message.objects.select_related("region", "sender").get(pk=message_id)
    editors = editors_to_notify(message.region)
    if not editors:
        return
    duplicates = [d.message for d in message_duplicates(message)[:3]]
    site = settings.SITE_URL.rstrip("/")
    with translation.override(settings.LANGUAGE_CODE):
        title = _('%(region)s: new message to review, "%(title)s"') % {
            "region": message.region.name,
            "title": message.title,
        }
        lines = [
            _(
                '%(sender)s submitted a message for %(region)s: "%(title)s" (%(kind)s). It '
                "waits in the editorial queue until you approve, edit, schedule or reject it."
            )
            % {
                "sender": message.sender.name,
                "region": message.region.name,
                "title": message.title,
                "kind": message.get_kind_display(),
            }
        ]
        if duplicates:
            lines.append(_("It looks like messages you already have; you can merge them into one:"))
            lines += [f"- {d.title} ({d.get_status_display().lower()})" for d in duplicates]
        queue = reverse("outreach:editorial_queue", args=[message.region.slug])
        lines.append(_("The whole queue:") + f" {site}{queue}")
    notification_emit(
        kind="outreach.message_submitted",
        recipients=[editor.pk for editor in editors],
        actor_id=message.submitted_by_id,
        title=title,
        body="\n".join(lines),
        url=reverse("outreach:message_review", args=[message.pk]),
        target=message,
    )
