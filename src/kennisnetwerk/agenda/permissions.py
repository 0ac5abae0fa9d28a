"""Who may see and change DOE agendas. Views and the API use these; each raises 404 for what
does not exist and 403 for what the person may not do."""

from __future__ import annotations

from typing import Any, NoReturn

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from kennisnetwerk.core.permissions import is_network_facilitator
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.models import Region
from kennisnetwerk.learning.models import Programme
from kennisnetwerk.learning.permissions import (
    can_view_programme,
    is_programme_organiser,
    visible_programmes,
)
from kennisnetwerk.outreach.permissions import editor_regions, is_region_editor

from .models import Action, Agenda, Contribution, Goal, Milestone


def user_organisations(user: Any) -> QuerySet[Organisation]:
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user)


def is_region_participant(user: Any, region: Region) -> bool:
    """A member of a party located in the region."""
    if not user.is_authenticated:
        return False
    return user_organisations(user).filter(municipality__regions=region).exists()


def _involved(user: Any, agenda: Agenda) -> bool:
    organisations = user_organisations(user).values("pk")
    return Action.objects.filter(
        Q(owner__in=organisations) | Q(contributions__organisation__in=organisations),
        agenda=agenda,
    ).exists()


def can_view_agenda(user: Any, agenda: Agenda) -> bool:
    """The region's coordinators, the facilitators, the parties of the region, every party
    with an action or a commitment in the agenda, and for a programme's agenda the
    programme's members."""
    return (
        can_edit_agenda(user, agenda)
        or is_region_participant(user, agenda.region)
        or _involved(user, agenda)
        or (agenda.programme_id is not None and can_view_programme(user, agenda.programme))
    )


def can_edit_agenda(user: Any, agenda: Agenda) -> bool:
    """The region's coordinators and the facilitators; for a programme's agenda also the
    programme's organisers (its core team)."""
    if is_region_editor(user, agenda.region):
        return True
    return agenda.programme_id is not None and is_programme_organiser(user, agenda.programme)


def _refuse(user: Any, agenda: Agenda) -> NoReturn:
    """404 for those who may not see the agenda (its existence is not revealed), else 403."""
    if not can_view_agenda(user, agenda):
        raise Http404
    raise PermissionDenied


def _agenda(pk: int) -> Agenda:
    return get_object_or_404(Agenda.objects.select_related("region", "programme"), pk=pk)


def access_agenda_view(user: Any, pk: int) -> Agenda:
    agenda = _agenda(pk)
    if not can_view_agenda(user, agenda):
        raise Http404  # not revealed to those who may not see it
    return agenda


def access_agenda_edit(user: Any, pk: int) -> Agenda:
    """Goals, actions, milestones, freezing and exports are the coordinators' work."""
    agenda = _agenda(pk)
    if not can_edit_agenda(user, agenda):
        _refuse(user, agenda)
    return agenda


def agenda_create_regions(user: Any) -> QuerySet[Region]:
    """Regions a person may start an agenda for: their own as coordinator, all as facilitator."""
    return editor_regions(user).order_by("name")


def access_agenda_create(user: Any) -> QuerySet[Region]:
    regions = agenda_create_regions(user)
    if not regions.exists():
        raise PermissionDenied
    return regions


def agenda_programme_choices(user: Any, regions: QuerySet[Region]) -> QuerySet[Programme]:
    return Programme.objects.filter(regions__in=regions).distinct().order_by("title")


def access_goal_edit(user: Any, pk: int) -> Goal:
    goal = get_object_or_404(Goal.objects.select_related("agenda__region"), pk=pk)
    if not can_edit_agenda(user, goal.agenda):
        raise PermissionDenied
    return goal


def access_milestone_edit(user: Any, pk: int) -> Milestone:
    milestone = get_object_or_404(Milestone.objects.select_related("agenda__region"), pk=pk)
    if not can_edit_agenda(user, milestone.agenda):
        raise PermissionDenied
    return milestone


def access_contribution_edit(user: Any, pk: int) -> Contribution:
    contribution = get_object_or_404(
        Contribution.objects.select_related("action__agenda__region", "organisation"), pk=pk
    )
    if not can_edit_agenda(user, contribution.action.agenda):
        raise PermissionDenied
    return contribution


def owner_choices(agenda: Agenda) -> QuerySet[Organisation]:
    """Organisations that can own or contribute to an action: any party of the network."""
    return Organisation.objects.order_by("name")


def contact_choices(agenda: Agenda):
    """People who can be an action's contact: members of the parties of the agenda's region
    and of the organisations that already own an action in it (the service checks that the
    contact belongs to the action's owner)."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(memberships__organisation__municipality__regions=agenda.region)
            | Q(memberships__organisation__agenda_actions__agenda=agenda)
        )
        .distinct()
        .order_by("full_name", "email")
    )


def agenda_regions(user: Any) -> QuerySet[Region]:
    """Regions whose agendas a person can open from the overview."""
    if is_network_facilitator(user):
        return Region.objects.filter(agendas__isnull=False).distinct()
    if not user.is_authenticated:
        return Region.objects.none()
    return Region.objects.filter(
        Q(pk__in=editor_regions(user).values("pk"))
        | Q(municipalities__organisations__memberships__user=user)
    ).distinct()


def visible_agendas(user: Any) -> QuerySet[Agenda]:
    """The agendas a person can open: those of their regions, of their programmes, and those
    their organisations have actions or commitments in."""
    if not user.is_authenticated:
        return Agenda.objects.none()
    if is_network_facilitator(user):
        return Agenda.objects.all()
    organisations = user_organisations(user).values("pk")
    return Agenda.objects.filter(
        Q(region__in=agenda_regions(user))
        | Q(programme__in=visible_programmes(user))
        | Q(actions__owner__in=organisations)
        | Q(actions__contributions__organisation__in=organisations)
    ).distinct()


def can_post_progress(user: Any, action: Action) -> bool:
    """The owner organisation's members post progress; so may the coordinators."""
    if can_edit_agenda(user, action.agenda):
        return True
    return user.is_authenticated and action.owner.memberships.filter(user=user).exists()


def _action(pk: int) -> Action:
    return get_object_or_404(
        Action.objects.select_related("agenda__region", "owner", "parent"), pk=pk
    )


def access_action_view(user: Any, pk: int) -> Action:
    action = _action(pk)
    if not can_view_agenda(user, action.agenda):
        raise Http404  # not revealed to those who may not see it
    return action


def access_action_progress(user: Any, pk: int) -> Action:
    action = _action(pk)
    if not can_post_progress(user, action):
        _refuse(user, action.agenda)
    return action


def access_action_edit(user: Any, pk: int) -> Action:
    action = _action(pk)
    if not can_edit_agenda(user, action.agenda):
        _refuse(user, action.agenda)
    return action
