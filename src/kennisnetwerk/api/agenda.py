"""The DOE agenda in the API: the agendas a person can see, their actions with rolled-up
progress and commitments, and progress updates. Adding an action (coordinators) and posting
progress (the owner's members and the coordinators) use the same permission functions and
services as the web pages, so the same Dutch errors come back as a 422."""

import datetime as dt
from decimal import Decimal
from typing import Annotated

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Path, Router, Schema, Status
from ninja.pagination import paginate

from kennisnetwerk.agenda import services as agenda_services
from kennisnetwerk.agenda.constants import ActionStatus
from kennisnetwerk.agenda.models import Action
from kennisnetwerk.agenda.permissions import (
    access_action_progress,
    access_action_view,
    access_agenda_edit,
    access_agenda_view,
    visible_agendas,
)
from kennisnetwerk.agenda.selectors import action_progress, agenda_actions, agenda_progress
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.learning.links import absolute

from .common import Lookups, Pagination, reader, write_auth
from .schemas import Day, ErrorOut, Text, stored_text

router = Router(tags=["agenda"])
MAX_ID = 2_147_483_647
ObjectId = Annotated[int, Path(ge=1, le=MAX_ID)]


class GoalOut(Schema):
    id: int
    title: str
    description: str


class MilestoneOut(Schema):
    title: str
    date: dt.date
    reached_on: dt.date | None


class AgendaOut(Schema):
    id: int
    title: str
    description: str
    region: str
    programme: str | None
    start_date: dt.date
    end_date: dt.date | None
    stale_after_days: int
    url: str

    @staticmethod
    def resolve_region(obj) -> str:
        return obj.region.slug

    @staticmethod
    def resolve_programme(obj) -> str | None:
        return obj.programme.slug if obj.programme_id else None

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute(reverse("agenda:agenda", args=[obj.pk]))


class AgendaDetailOut(AgendaOut):
    progress: int
    goals: list[GoalOut]
    milestones: list[MilestoneOut]
    frozen_versions: int

    @staticmethod
    def resolve_goals(obj) -> list:
        return list(obj.goals.all())

    @staticmethod
    def resolve_milestones(obj) -> list:
        return list(obj.milestones.all())


class ContributionOut(Schema):
    organisation: str
    hours: Decimal | None
    money: Decimal | None
    people: int | None
    note: str

    @staticmethod
    def resolve_organisation(obj) -> str:
        return obj.organisation.slug


class ActionOut(Schema):
    id: int
    agenda: int
    parent: int | None
    goal: int | None
    title: str
    description: str
    owner: str
    deadline: dt.date | None
    status: str
    progress: int
    last_update_at: dt.datetime | None
    source: str
    contributions: list[ContributionOut]
    url: str


class ActionIn(Schema):
    """The owner (and a parent action, a goal) by slug and id; the deadline within the
    agenda's period."""

    title: stored_text(Action, "title")
    owner: Text
    description: Text = ""
    deadline: Day = None
    goal: Annotated[int, Field(ge=1, le=MAX_ID)] | None = None
    parent: Annotated[int, Field(ge=1, le=MAX_ID)] | None = None


class ProgressOut(Schema):
    id: int
    action: int
    created_at: dt.datetime
    author: str
    text: str
    progress: int
    status: str

    @staticmethod
    def resolve_action(obj) -> int:
        return obj.action_id

    @staticmethod
    def resolve_author(obj) -> str:
        return obj.author_label


class ProgressIn(Schema):
    text: Text
    progress: Annotated[int, Field(ge=-1_000_000, le=1_000_000)]
    status: ActionStatus


def _action_out(action, rolled_up: int | None = None) -> dict:
    return {
        "id": action.pk,
        "agenda": action.agenda_id,
        "parent": action.parent_id,
        "goal": action.goal_id,
        "title": action.title,
        "description": action.description,
        "owner": action.owner.slug,
        "deadline": action.deadline,
        "status": action.status,
        "progress": action_progress(action) if rolled_up is None else rolled_up,
        "last_update_at": action.last_update_at,
        "source": action.source_label,
        "contributions": list(action.contributions.all()),
        "url": absolute(reverse("agenda:action", args=[action.pk])),
    }


@router.get(
    "/agendas",
    response={200: list[AgendaOut], 422: ErrorOut},
    summary=gettext_lazy("DOE agendas"),
    description=gettext_lazy("The DOE agendas the person can see (none without logging in)."),
)
@paginate(Pagination)
def list_agendas(request):
    return (
        visible_agendas(reader(request))
        .select_related("region", "programme")
        .order_by("region__name", "-start_date", "pk")
    )


@router.get(
    "/agendas/{agenda_id}",
    response={200: AgendaDetailOut, 404: ErrorOut},
    summary=gettext_lazy("One DOE agenda"),
)
def get_agenda(request, agenda_id: ObjectId):
    agenda = access_agenda_view(reader(request), agenda_id)
    agenda.progress = agenda_progress(agenda)
    agenda.frozen_versions = agenda.versions.count()
    return agenda


@router.get(
    "/agendas/{agenda_id}/actions",
    response={200: list[ActionOut], 404: ErrorOut},
    summary=gettext_lazy("An agenda's actions"),
    description=gettext_lazy(
        "The agenda's actions, each main action followed by its sub-actions; a main action's "
        "progress is rolled up from its sub-actions."
    ),
)
def list_agenda_actions(request, agenda_id: ObjectId):
    agenda = access_agenda_view(reader(request), agenda_id)
    rows = []
    for action in agenda_actions(agenda):
        rows.append(_action_out(action, action.rolled_up))
        rows.extend(_action_out(sub, sub.progress) for sub in action.subactions)
    return rows


@router.post(
    "/agendas/{agenda_id}/actions",
    response={201: ActionOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    summary=gettext_lazy("Add an action"),
    description=gettext_lazy(
        "Add an action (the agenda's coordinators): an owner is required and the deadline may not "
        "lie before the agenda's start."
    ),
)
def create_action(request, agenda_id: ObjectId, payload: ActionIn):
    agenda = access_agenda_edit(request.auth, agenda_id)
    lookups = Lookups()
    goal = parent = None
    if payload.goal is not None:
        goal = agenda.goals.filter(pk=payload.goal).first()
        if goal is None:
            lookups.error("goal", _("The goal belongs to another agenda."))
    if payload.parent is not None:
        parent = agenda.actions.filter(pk=payload.parent).first()
        if parent is None:
            lookups.error("parent", _("The action belongs to another agenda."))
    owner = lookups.one(Organisation, "slug", payload.owner, "owner")
    lookups.check()
    action = agenda_services.action_create(
        agenda=agenda,
        data=agenda_services.ActionData(
            title=payload.title,
            owner=owner,
            description=payload.description,
            deadline=payload.deadline,
            goal=goal,
            parent=parent,
        ),
        actor=request.auth,
    )
    return Status(201, _action_out(action))


@router.get(
    "/actions/{action_id}",
    response={200: ActionOut, 404: ErrorOut, 422: ErrorOut},
    summary=gettext_lazy("One action"),
)
def get_action(request, action_id: ObjectId):
    return _action_out(access_action_view(reader(request), action_id))


@router.get(
    "/actions/{action_id}/progress-updates",
    response={200: list[ProgressOut], 404: ErrorOut, 422: ErrorOut},
    summary=gettext_lazy("An action's progress updates"),
    description=gettext_lazy("The action's progress updates, newest first."),
)
@paginate(Pagination)
def list_progress_updates(request, action_id: ObjectId):
    return access_action_view(reader(request), action_id).updates.all()


@router.post(
    "/actions/{action_id}/progress-updates",
    response={201: ProgressOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    summary=gettext_lazy("Post progress"),
    description=gettext_lazy(
        "Post progress (the owner organisation's members and the coordinators); "
        'status "gereed" sets the progress to 100 %.'
    ),
)
def post_progress_update(request, action_id: ObjectId, payload: ProgressIn):
    action = access_action_progress(request.auth, action_id)
    update = agenda_services.progress_post(
        action=action,
        text=payload.text,
        progress=payload.progress,
        status=payload.status,
        actor=request.auth,
    )
    return Status(201, update)
