"""What the DOE agenda tells people: the members of the organisation an action is assigned to
(who may see the agenda, since their party is involved), and that an action of theirs is
overdue or without progress."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kennisnetwerk.accounts.models import Membership
from kennisnetwerk.core.formatting import format_date
from kennisnetwerk.notifications.services import notification_emit

from .models import Action


def _owner_member_ids(action: Action) -> set[int]:
    ids = set(
        Membership.objects.filter(
            organisation_id=action.owner_id, user__is_active=True
        ).values_list("user_id", flat=True)
    )
    if action.contact_id:
        ids.add(action.contact_id)
    return ids


def action_assigned_notify(*, action: Action, actor: Any) -> None:
    if action.owner_id is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Action for %(organisation)s on %(agenda)s: %(title)s") % {
            "organisation": action.owner.name,
            "agenda": action.agenda.title,
            "title": action.title,
        }
        body = action.description[:500]
        if action.deadline:
            body = _("Deadline: %(date)s") % {"date": format_date(action.deadline, "long")} + (
                "\n\n" + body if body else ""
            )
    notification_emit(
        kind="agenda.action_assigned",
        recipients=_owner_member_ids(action),
        actor_id=actor.pk if getattr(actor, "is_authenticated", False) else None,
        title=title,
        body=body,
        url=reverse("agenda:action", args=[action.pk]),
        target=action,
    )


def action_attention_notify(*, action: Action, overdue: bool) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        if overdue:
            title = _("Action overdue: %(title)s") % {"title": action.title}
        else:
            title = _("Action without recent progress: %(title)s") % {"title": action.title}
        body = _("On %(agenda)s, owned by %(organisation)s.") % {
            "agenda": action.agenda.title,
            "organisation": action.owner.name if action.owner_id else "—",
        }
    notification_emit(
        kind="agenda.action_overdue",
        recipients=_owner_member_ids(action),
        title=title,
        body=body,
        url=reverse("agenda:action", args=[action.pk]),
        target=action,
    )
