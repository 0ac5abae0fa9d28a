"""Writes of the DOE agenda: agendas, goals, actions (also adopted from a session agreement),
contributions, progress updates, milestones, freezing a version for sign-off, and reminders of
overdue and stale actions. Every change is audit-logged; mail goes out after the commit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisnetwerk.core.audit import audit_log, diff, snapshot
from kennisnetwerk.core.formatting import format_date
from kennisnetwerk.core.models import AuditAction
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.models import Region
from kennisnetwerk.learning.models import Programme

from . import notify
from .constants import OPEN_STATUSES, ActionStatus
from .models import Action, Agenda, AgendaVersion, Contribution, Goal, Milestone, ProgressUpdate


def _agenda_validate(
    *,
    region: Region,
    programme: Programme | None,
    title: str,
    start_date: dt.date,
    end_date: dt.date | None,
    stale_after_days: int,
    agenda: Agenda | None = None,
) -> None:
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = _("Enter a title.")
    if end_date is not None and end_date < start_date:
        errors["end_date"] = _("The end date lies before the start date.")
    if stale_after_days < 1:
        errors["stale_after_days"] = _("Enter a number of at least 1.")
    if programme is not None and not programme.regions.filter(pk=region.pk).exists():
        errors["programme"] = _("This programme does not take place in %(region)s.") % {
            "region": region.name
        }
    if agenda is not None:
        early = agenda.actions.filter(deadline__lt=start_date).order_by("deadline").first()
        if early is not None:
            errors["start_date"] = _(
                'The action "%(title)s" has a deadline (%(date)s) before this start date.'
            ) % {"title": early.title, "date": format_date(early.deadline)}
        if end_date is not None and "end_date" not in errors:
            late = agenda.actions.filter(deadline__gt=end_date).order_by("-deadline").first()
            if late is not None:
                errors["end_date"] = _(
                    'The action "%(title)s" has a deadline (%(date)s) after this end date.'
                ) % {"title": late.title, "date": format_date(late.deadline)}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def agenda_create(
    *,
    region: Region,
    title: str,
    start_date: dt.date,
    actor: Any,
    end_date: dt.date | None = None,
    description: str = "",
    stale_after_days: int | None = None,
    programme: Programme | None = None,
) -> Agenda:
    """A new DOE agenda of ``region``, or of a learning ``programme`` led by that region."""
    if stale_after_days is None:
        stale_after_days = settings.AGENDA_STALE_DAYS
    _agenda_validate(
        region=region,
        programme=programme,
        title=title,
        start_date=start_date,
        end_date=end_date,
        stale_after_days=stale_after_days,
    )
    agenda = Agenda.objects.create(
        region=region,
        programme=programme,
        title=title.strip(),
        description=description.strip(),
        start_date=start_date,
        end_date=end_date,
        stale_after_days=stale_after_days,
    )
    audit_log(actor=actor, action=AuditAction.CREATE, obj=agenda)
    return agenda


AGENDA_FIELDS = ["title", "description", "start_date", "end_date", "stale_after_days", "programme"]


@transaction.atomic
def agenda_update(
    *,
    agenda: Agenda,
    title: str,
    start_date: dt.date,
    actor: Any,
    end_date: dt.date | None = None,
    description: str = "",
    stale_after_days: int | None = None,
    programme: Programme | None = None,
) -> Agenda:
    """Change the agenda's title, period, stale period or programme. A period that would put
    an action's deadline outside it is refused."""
    agenda = Agenda.objects.select_for_update().get(pk=agenda.pk)
    if stale_after_days is None:
        stale_after_days = agenda.stale_after_days
    _agenda_validate(
        region=agenda.region,
        programme=programme,
        title=title,
        start_date=start_date,
        end_date=end_date,
        stale_after_days=stale_after_days,
        agenda=agenda,
    )
    before = snapshot(agenda, AGENDA_FIELDS)
    agenda.title = title.strip()
    agenda.description = description.strip()
    agenda.start_date = start_date
    agenda.end_date = end_date
    agenda.stale_after_days = stale_after_days
    agenda.programme = programme
    agenda.save()
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=agenda,
        changes=diff(before, snapshot(agenda, AGENDA_FIELDS)),
    )
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


@transaction.atomic
def goal_update(*, goal: Goal, title: str, actor: Any, description: str = "") -> Goal:
    if not title.strip():
        raise ValidationError({"title": _("Enter a title.")})
    before = snapshot(goal, ["title", "description"])
    goal.title, goal.description = title.strip(), description.strip()
    goal.save()
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=goal,
        changes=diff(before, snapshot(goal, ["title", "description"])),
    )
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
            "start": format_date(agenda.start_date)
        }
    if data.deadline is not None and agenda.end_date and data.deadline > agenda.end_date:
        errors["deadline"] = _("The deadline lies after the end of the agenda (%(end)s).") % {
            "end": format_date(agenda.end_date)
        }
    if (
        data.contact is not None
        and data.owner is not None
        and not data.owner.memberships.filter(user=data.contact).exists()
    ):
        errors["contact"] = _("The contact person is not a member of the owner organisation.")
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
    notify.action_assigned_notify(action=action, actor=actor)
    return action


ACTION_FIELDS = ["title", "description", "owner", "contact", "deadline", "goal", "parent"]


@transaction.atomic
def action_update(*, action: Action, data: ActionData, actor: Any) -> Action:
    """Change what an action is, who owns it and by when; progress and status change through
    progress updates. An action with sub-actions cannot become a sub-action itself."""
    action = Action.objects.select_for_update().select_related("agenda").get(pk=action.pk)
    action_validate(agenda=action.agenda, data=data)
    if data.parent is not None:
        if data.parent.pk == action.pk:
            raise ValidationError({"parent": _("An action cannot be part of itself.")})
        if action.children.exists():
            raise ValidationError(
                {"parent": _("This action has sub-actions, so it cannot be a sub-action.")}
            )
    before = snapshot(action, ACTION_FIELDS)
    old_goal, old_owner = action.goal_id, action.owner_id
    action.title = data.title.strip()
    action.description = data.description.strip()
    action.owner = data.owner
    action.contact = data.contact
    action.deadline = data.deadline
    action.parent = data.parent
    action.goal = data.goal if data.parent is None else data.parent.goal
    action.save()
    if action.goal_id != old_goal:
        action.children.update(goal=action.goal)
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=action,
        changes=diff(before, snapshot(action, ACTION_FIELDS)),
    )
    if action.owner_id != old_owner:
        notify.action_assigned_notify(action=action, actor=actor)
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


def session_agreement_data(agreement: Any, *, owner: Organisation | None = None) -> AgreementData:
    """What the DOE agenda takes over from a session agreement of the learning app; ``owner``
    stands in for an agreement that names only a person."""
    session = agreement.session
    what = agreement.description
    if agreement.owner_name:
        what += "\n" + _("Agreed with: %(name)s") % {"name": agreement.owner_name}
    return AgreementData(
        description=what,
        owner=agreement.owner_organisation or owner,
        due_date=agreement.due_date,
        source_reference=f"learning.agreement:{agreement.pk}",
        source_label=_("Agreement in the session %(session)s of %(date)s")
        % {
            "session": session.title,
            "date": format_date(session.starts_at, "long"),
        },
    )


@transaction.atomic
def agreements_adopt(
    *,
    agenda: Agenda,
    agreements: list[Any],
    actor: Any,
    goal: Goal | None = None,
    owner: Organisation | None = None,
) -> list[Action]:
    """Adopt session agreements as actions in one step: each becomes an action and is marked
    "taken over in the DOE agenda" by the learning app's own service. An agreement that is
    already taken over (here or in another agenda) is refused; nothing changes then."""
    from kennisnetwerk.learning.constants import AgreementStatus
    from kennisnetwerk.learning.models import SessionAgreement
    from kennisnetwerk.learning.services_sessions import agreement_adopt as learning_adopt

    from .selectors import adoptable_agreements

    if not agreements:
        raise ValidationError({"agreements": _("Choose at least one agreement.")})
    allowed = set(adoptable_agreements(agenda).values_list("pk", flat=True))
    actions = []
    for agreement in agreements:
        agreement = SessionAgreement.objects.select_for_update().get(pk=agreement.pk)
        if agreement.status == AgreementStatus.ADOPTED:
            raise ValidationError(
                {
                    "agreements": _(
                        'The agreement "%(what)s" has already been taken over in a DOE agenda.'
                    )
                    % {"what": agreement.description}
                }
            )
        if agreement.pk not in allowed:
            raise ValidationError(
                {
                    "agreements": _(
                        'The agreement "%(what)s" was not made in a session of this agenda\'s '
                        "region or programme."
                    )
                    % {"what": agreement.description}
                }
            )
        data = session_agreement_data(agreement, owner=owner)
        if data.owner is None:
            raise ValidationError(
                {
                    "owner": _(
                        'The agreement "%(what)s" names no organisation: choose the owner '
                        "organisation of the action."
                    )
                    % {"what": agreement.description}
                }
            )
        action = agreement_adopt(agenda=agenda, agreement=data, actor=actor, goal=goal)
        learning_adopt(agreement=agreement, reference=f"agenda.action:{action.pk}", actor=actor)
        actions.append(action)
    return actions


@transaction.atomic
def contribution_remove(*, contribution: Contribution, actor: Any) -> None:
    audit_log(actor=actor, action=AuditAction.DELETE, obj=contribution)
    contribution.delete()


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
def milestone_update(
    *, milestone: Milestone, title: str, date: dt.date, actor: Any, reached_on: dt.date | None
) -> Milestone:
    errors = {}
    if not title.strip():
        errors["title"] = _("Enter a title.")
    if date < milestone.agenda.start_date:
        errors["date"] = _("The date lies before the start of the agenda.")
    if reached_on is not None and reached_on > timezone.localdate():
        errors["reached_on"] = _("A milestone cannot be reached in the future.")
    if errors:
        raise ValidationError(errors)
    before = snapshot(milestone, ["title", "date", "reached_on"])
    milestone.title, milestone.date, milestone.reached_on = title.strip(), date, reached_on
    milestone.save()
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=milestone,
        changes=diff(before, snapshot(milestone, ["title", "date", "reached_on"])),
    )
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
    from .selectors import actions_needing_attention, is_overdue

    now = now or timezone.now()
    reminded = 0
    for action in actions_needing_attention(now=now, for_reminder=True):
        with transaction.atomic():
            updated = Action.objects.filter(
                pk=action.pk, reminded_at=action.reminded_at, status__in=OPEN_STATUSES
            ).update(reminded_at=now)
            if updated:
                transaction.on_commit(lambda pk=action.pk: tasks.send_action_reminder.enqueue(pk))
                notify.action_attention_notify(
                    action=action, overdue=is_overdue(action, timezone.localdate(now))
                )
                reminded += 1
    return reminded
