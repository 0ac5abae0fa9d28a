"""Writes of the DOE agenda: agendas, goals, actions (also adopted from a session agreement),
contributions, progress updates, milestones, freezing a version for sign-off, and reminders of
overdue and stale actions. Every change is audit-logged; mail goes out after the commit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisnetwerk.core.audit import audit_log
from kennisnetwerk.core.models import AuditAction
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.models import Region

from .constants import OPEN_STATUSES, ActionStatus
from .models import Action, Agenda, AgendaVersion, Contribution, Goal, Milestone, ProgressUpdate


@transaction.atomic
def agenda_create(
    *,
    region: Region,
    title: str,
    start_date: dt.date,
    actor: Any,
    end_date: dt.date | None = None,
    description: str = "",
    stale_after_days: int = 30,
) -> Agenda:
    """A new DOE agenda of ``region``."""
    errors = {}
    if not title.strip():
        errors["title"] = _("Enter a title.")
    if end_date is not None and end_date < start_date:
        errors["end_date"] = _("The end date lies before the start date.")
    if stale_after_days < 1:
        errors["stale_after_days"] = _("Enter a number of at least 1.")
    if errors:
        raise ValidationError(errors)
    agenda = Agenda.objects.create(
        region=region,
        title=title.strip(),
        description=description.strip(),
        start_date=start_date,
        end_date=end_date,
        stale_after_days=stale_after_days,
    )
    audit_log(actor=actor, action=AuditAction.CREATE, obj=agenda)
    return agenda


@transaction.atomic
def goal_create(*, agenda: Agenda, title: str, actor: Any, description: str = "") -> Goal:
    if not title.strip():
        raise ValidationError({"title": _("Enter a title.")})
    order = (agenda.goals.aggregate(m=Max("order"))["m"] or 0) + 1
    goal = Goal.objects.create(
        agenda=agenda, title=title.strip(), description=description.strip(), order=order
    )
    audit_log(actor=actor, action=AuditAction.CREATE, obj=goal)
    return goal


@dataclass
class ActionData:
    title: str
    owner: Organisation | None
    deadline: dt.date | None = None
    description: str = ""
    goal: Goal | None = None
    parent: Action | None = None
    contact: Any = None
    source_reference: str = ""
    source_label: str = ""


def action_validate(*, agenda: Agenda, data: ActionData) -> None:
    errors: dict[str, str] = {}
    if not data.title.strip():
        errors["title"] = _("Enter a title.")
    if data.owner is None:
        errors["owner"] = _("Every action has an owner organisation: choose who does it.")
    if data.deadline is not None and data.deadline < agenda.start_date:
        errors["deadline"] = _("The deadline lies before the start of the agenda (%(start)s).") % {
            "start": agenda.start_date.strftime("%d-%m-%Y")
        }
    if data.deadline is not None and agenda.end_date and data.deadline > agenda.end_date:
        errors["deadline"] = _("The deadline lies after the end of the agenda (%(end)s).") % {
            "end": agenda.end_date.strftime("%d-%m-%Y")
        }
    if data.goal is not None and data.goal.agenda_id != agenda.pk:
        errors["goal"] = _("The goal belongs to another agenda.")
    if data.parent is not None:
        if data.parent.agenda_id != agenda.pk:
            errors["parent"] = _("The action belongs to another agenda.")
        elif data.parent.parent_id is not None:
            errors["parent"] = _("A sub-action cannot have sub-actions of its own.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def action_create(*, agenda: Agenda, data: ActionData, actor: Any) -> Action:
    """A new action (or sub-action) on the agenda, owned by one organisation."""
    action_validate(agenda=agenda, data=data)
    if (
        data.source_reference
        and agenda.actions.filter(source_reference=data.source_reference).exists()
    ):
        raise ValidationError(_("This agreement is already an action on this agenda."))
    order = (agenda.actions.aggregate(m=Max("order"))["m"] or 0) + 1
    action = Action.objects.create(
        agenda=agenda,
        goal=data.goal if data.parent is None else data.parent.goal,
        parent=data.parent,
        title=data.title.strip(),
        description=data.description.strip(),
        owner=data.owner,
        contact=data.contact,
        deadline=data.deadline,
        source_reference=data.source_reference,
        source_label=data.source_label[:250],
        order=order,
    )
    audit_log(actor=actor, action=AuditAction.CREATE, obj=action)
    return action


@dataclass(frozen=True)
class AgreementData:
    """An agreement (afspraak) recorded in a session report, as the learning app hands it
    over: what was agreed, which organisation does it, by when, and where it was recorded."""

    description: str
    owner: Organisation | None
    due_date: dt.date | None
    source_reference: str  # e.g. "learning.agreement:42"
    source_label: str = ""  # e.g. "Bijeenkomst CoP Digitalisering, 12 maart 2026"


def agreement_adopt(
    *, agenda: Agenda, agreement: AgreementData, actor: Any, goal: Goal | None = None
) -> Action:
    """Adopt a session agreement as an action in one step; adopting it twice is refused."""
    title, _sep, rest = agreement.description.strip().partition("\n")
    return action_create(
        agenda=agenda,
        data=ActionData(
            title=title[:250],
            description=rest.strip(),
            owner=agreement.owner,
            deadline=agreement.due_date,
            goal=goal,
            source_reference=agreement.source_reference,
            source_label=agreement.source_label,
        ),
        actor=actor,
    )


@transaction.atomic
def contribution_set(
    *,
    action: Action,
    organisation: Organisation,
    actor: Any,
    hours: Decimal | None = None,
    money: Decimal | None = None,
    people: int | None = None,
    note: str = "",
) -> Contribution:
    """What ``organisation`` commits to ``action`` (replacing an earlier commitment)."""
    if hours is None and money is None and people is None:
        raise ValidationError(_("Enter hours, money or people."))
    for name, value in (("hours", hours), ("money", money), ("people", people)):
        if value is not None and value < 0:
            raise ValidationError({name: _("This value cannot be negative.")})
    contribution, _created = Contribution.objects.update_or_create(
        action=action,
        organisation=organisation,
        defaults={"hours": hours, "money": money, "people": people, "note": note.strip()},
    )
    audit_log(actor=actor, action=AuditAction.UPDATE, obj=contribution)
    return contribution


@transaction.atomic
def progress_post(
    *, action: Action, text: str, progress: int, status: str, actor: Any
) -> ProgressUpdate:
    """A progress update with date and author; it sets the action's progress and status. An
    action with sub-actions takes its progress from them (see ``action_progress``)."""
    errors = {}
    if not text.strip():
        errors["text"] = _("Describe the progress.")
    if not 0 <= progress <= 100:
        errors["progress"] = _("Progress lies between 0 and 100 %.")
    if status not in ActionStatus.values:
        errors["status"] = _("Choose a status.")
    if errors:
        raise ValidationError(errors)
    if status == ActionStatus.DONE:
        progress = 100
    action = Action.objects.select_for_update().get(pk=action.pk)
    update = ProgressUpdate.objects.create(
        action=action,
        author=actor,
        author_label=(actor.get_full_name() or actor.email) if actor else "",
        text=text.strip(),
        progress=progress,
        status=status,
    )
    before = {"progress": action.progress, "status": action.status}
    action.progress = progress
    action.status = status
    action.last_update_at = update.created_at
    action.save(update_fields=["progress", "status", "last_update_at", "updated_at"])
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=action,
        changes={"progress": [before["progress"], progress], "status": [before["status"], status]},
    )
    return update


@transaction.atomic
def milestone_create(*, agenda: Agenda, title: str, date: dt.date, actor: Any) -> Milestone:
    if not title.strip():
        raise ValidationError({"title": _("Enter a title.")})
    if date < agenda.start_date:
        raise ValidationError({"date": _("The date lies before the start of the agenda.")})
    milestone = Milestone.objects.create(agenda=agenda, title=title.strip(), date=date)
    audit_log(actor=actor, action=AuditAction.CREATE, obj=milestone)
    return milestone


@transaction.atomic
def agenda_freeze(*, agenda: Agenda, actor: Any, note: str = "") -> AgendaVersion:
    """Freeze the agenda as it is now as the next version, for the administrators to sign.
    Later changes show as the difference with this version."""
    from .selectors import agenda_snapshot

    agenda = Agenda.objects.select_for_update().get(pk=agenda.pk)
    number = (agenda.versions.aggregate(m=Max("number"))["m"] or 0) + 1
    version = AgendaVersion.objects.create(
        agenda=agenda,
        number=number,
        frozen_by=actor,
        note=note.strip()[:250],
        content=agenda_snapshot(agenda),
    )
    audit_log(actor=actor, action=AuditAction.CREATE, obj=version, message=note[:500])
    return version


def reminders_send(*, now: dt.datetime | None = None) -> int:
    """Remind the owners of overdue and stale actions by mail, at most once per reminder
    interval per action. Returns how many actions were reminded."""
    from . import tasks
    from .selectors import actions_needing_attention

    now = now or timezone.now()
    reminded = 0
    for action in actions_needing_attention(now=now, for_reminder=True):
        with transaction.atomic():
            updated = Action.objects.filter(
                pk=action.pk, reminded_at=action.reminded_at, status__in=OPEN_STATUSES
            ).update(reminded_at=now)
            if updated:
                transaction.on_commit(lambda pk=action.pk: tasks.send_action_reminder.enqueue(pk))
                reminded += 1
    return reminded
