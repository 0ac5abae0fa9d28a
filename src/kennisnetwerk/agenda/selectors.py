"""Reads of the DOE agenda: the agenda with its goals and actions, progress rolled up from
sub-actions, overdue and stale actions, and each party's commitments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from kennisnetwerk.geo.models import Region

from .constants import OPEN_STATUSES, ActionStatus
from .models import Action, Agenda


def actions_on_schedule_share(*, region: Region, day: dt.date) -> Decimal:
    """Percentage of the region's actions (not cancelled) that are done or not past their
    deadline on ``day``."""
    actions = Action.objects.filter(agenda__region=region).exclude(status=ActionStatus.CANCELLED)
    total = actions.count()
    if not total:
        return Decimal(0)
    late = actions.filter(status__in=OPEN_STATUSES, deadline__lt=day).count()
    return (Decimal(100) * (total - late) / total).quantize(Decimal("0.1"))


def action_progress(action: Action, children: list[Action] | None = None) -> int:
    """The progress of an action: its own, or with sub-actions the mean of theirs (cancelled
    sub-actions do not count)."""
    if children is None:
        children = list(action.children.all())
    counted = [c for c in children if c.status != ActionStatus.CANCELLED]
    if not counted:
        return action.progress
    return round(sum(c.progress for c in counted) / len(counted))


def agenda_actions(agenda: Agenda) -> list[Action]:
    """The agenda's top-level actions, each with ``subactions`` and ``rolled_up`` set."""
    actions = list(
        agenda.actions.select_related("owner", "goal", "contact")
        .prefetch_related("contributions__organisation")
        .order_by("order", "pk")
    )
    children: dict[int, list[Action]] = {}
    for action in actions:
        if action.parent_id:
            children.setdefault(action.parent_id, []).append(action)
    top = []
    for action in actions:
        action.subactions = children.get(action.pk, [])
        action.rolled_up = action_progress(action, action.subactions)
        if not action.parent_id:
            top.append(action)
    return top


def agenda_progress(agenda: Agenda, top: list[Action] | None = None) -> int:
    top = agenda_actions(agenda) if top is None else top
    counted = [a for a in top if a.status != ActionStatus.CANCELLED]
    if not counted:
        return 0
    return round(sum(a.rolled_up for a in counted) / len(counted))


def is_overdue(action: Action, today: dt.date) -> bool:
    return (
        action.status in OPEN_STATUSES and action.deadline is not None and action.deadline < today
    )


def is_stale(action: Action, now: dt.datetime) -> bool:
    last = action.last_update_at or action.created_at
    days = action.agenda.stale_after_days
    return action.status in OPEN_STATUSES and last < now - dt.timedelta(days=days)


def actions_needing_attention(
    *, now: dt.datetime, regions: QuerySet[Region] | None = None, for_reminder: bool = False
) -> list[Action]:
    """Open actions past their deadline or without an update for the agenda's stale period.
    For reminders: only those not reminded within the reminder interval."""
    today = timezone.localdate(now)
    candidates = Action.objects.filter(status__in=OPEN_STATUSES).select_related(
        "agenda__region", "owner", "contact"
    )
    if regions is not None:
        candidates = candidates.filter(agenda__region__in=regions)
    if for_reminder:
        candidates = candidates.filter(
            Q(reminded_at__isnull=True)
            | Q(reminded_at__lt=now - dt.timedelta(days=settings.AGENDA_REMINDER_DAYS))
        )
    return [
        a for a in candidates.order_by("deadline", "pk") if is_overdue(a, today) or is_stale(a, now)
    ]


def adoptable_agreements(agenda: Agenda):
    """Agreements of the sessions of the agenda's programme (or, for a region's agenda, of the
    programmes in its region) that are still open and not taken over anywhere."""
    from kennisnetwerk.learning.constants import AgreementStatus
    from kennisnetwerk.learning.models import SessionAgreement

    qs = SessionAgreement.objects.filter(
        status__in=(AgreementStatus.OPEN, AgreementStatus.IN_PROGRESS)
    ).select_related("owner_organisation", "session__programme")
    if agenda.programme_id:
        qs = qs.filter(session__programme_id=agenda.programme_id)
    else:
        qs = qs.filter(session__programme__regions=agenda.region)
    return qs.distinct().order_by("due_date", "pk")


def attention_regions(user) -> QuerySet[Region] | None:
    """Regions whose overdue and stale actions a coordinator watches; None for others. A
    facilitator watches the regions that have agendas."""
    from kennisnetwerk.core.permissions import is_network_facilitator
    from kennisnetwerk.outreach.permissions import editor_regions

    if is_network_facilitator(user):
        return Region.objects.filter(agendas__isnull=False).distinct()
    regions = editor_regions(user)
    return regions if regions.exists() else None


def our_commitments_count(organisations) -> int:
    return (
        Action.objects.filter(
            Q(owner__in=organisations) | Q(contributions__organisation__in=organisations)
        )
        .distinct()
        .count()
    )


def our_commitments(organisations) -> list[Action]:
    """Actions across all agendas that the organisations own or contribute to."""
    return list(
        Action.objects.filter(
            Q(owner__in=organisations) | Q(contributions__organisation__in=organisations)
        )
        .select_related("agenda__region", "owner")
        .prefetch_related("contributions__organisation")
        .distinct()
        .order_by("deadline", "pk")
    )


def agenda_snapshot(agenda: Agenda) -> dict:
    """The agenda as plain data: what a frozen version keeps and what the difference compares."""
    top = agenda_actions(agenda)

    def action_data(action: Action) -> dict:
        return {
            "id": action.pk,
            "title": action.title,
            "owner": action.owner.name,
            "deadline": action.deadline.isoformat() if action.deadline else None,
            "status": action.status,
            "progress": action.rolled_up,
            "goal": action.goal.title if action.goal else None,
            "contributions": [
                {
                    "organisation": c.organisation.name,
                    "hours": str(c.hours) if c.hours is not None else None,
                    "money": str(c.money) if c.money is not None else None,
                    "people": c.people,
                }
                for c in action.contributions.all()
            ],
            "subactions": [action_data(s) for s in action.subactions],
        }

    return {
        "title": agenda.title,
        "start_date": agenda.start_date.isoformat(),
        "end_date": agenda.end_date.isoformat() if agenda.end_date else None,
        "goals": [g.title for g in agenda.goals.all()],
        "milestones": [
            {"title": m.title, "date": m.date.isoformat()} for m in agenda.milestones.all()
        ],
        "actions": [action_data(a) for a in top],
    }


@dataclass(frozen=True)
class Change:
    kind: str  # "added", "removed", "changed"
    subject: str
    field: str = ""
    before: object = None
    after: object = None


def _flat_actions(snapshot: dict) -> dict[int, dict]:
    flat = {}
    for action in snapshot["actions"]:
        flat[action["id"]] = action
        for sub in action["subactions"]:
            flat[sub["id"]] = sub
    return flat


COMPARED = ("title", "owner", "deadline", "status", "progress", "goal", "contributions")


def agenda_difference(before: dict, after: dict) -> list[Change]:
    """What changed between a frozen version and now: actions added, removed, and each
    changed field; goals and milestones added or removed."""
    changes: list[Change] = []
    old, new = _flat_actions(before), _flat_actions(after)
    for pk, action in new.items():
        if pk not in old:
            changes.append(Change("added", action["title"]))
            continue
        for field_name in COMPARED:
            if old[pk].get(field_name) != action.get(field_name):
                changes.append(
                    Change(
                        "changed",
                        action["title"],
                        field_name,
                        old[pk].get(field_name),
                        action.get(field_name),
                    )
                )
    for pk, action in old.items():
        if pk not in new:
            changes.append(Change("removed", action["title"]))
    for kind, a, b in (("goals", before["goals"], after["goals"]),):
        for title in b:
            if title not in a:
                changes.append(Change("added", title, kind))
        for title in a:
            if title not in b:
                changes.append(Change("removed", title, kind))
    old_ms = {(m["title"], m["date"]) for m in before["milestones"]}
    new_ms = {(m["title"], m["date"]) for m in after["milestones"]}
    for title, date in sorted(new_ms - old_ms):
        changes.append(Change("added", f"{title} ({date})", "milestones"))
    for title, date in sorted(old_ms - new_ms):
        changes.append(Change("removed", f"{title} ({date})", "milestones"))
    return changes
