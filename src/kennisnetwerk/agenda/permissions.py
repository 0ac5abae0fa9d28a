"""Who may see and change DOE agendas. Views and the API use these; each raises 404 for what
does not exist and 403 for what the person may not do."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from kennisnetwerk.core.permissions import is_network_facilitator
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.models import Region
from kennisnetwerk.outreach.permissions import editor_regions, is_region_editor

from .models import Action, Agenda


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
    """The region's coordinators, the facilitators, the parties of the region, and every party
    with an action or a commitment in the agenda."""
    return (
        is_region_editor(user, agenda.region)
        or is_region_participant(user, agenda.region)
        or _involved(user, agenda)
    )


def can_edit_agenda(user: Any, agenda: Agenda) -> bool:
    return is_region_editor(user, agenda.region)


def _agenda(pk: int) -> Agenda:
    return get_object_or_404(Agenda.objects.select_related("region"), pk=pk)


def access_agenda_view(user: Any, pk: int) -> Agenda:
    agenda = _agenda(pk)
    if not can_view_agenda(user, agenda):
        raise PermissionDenied
    return agenda


def access_agenda_edit(user: Any, pk: int) -> Agenda:
    """Goals, actions, milestones, freezing and exports are the coordinators' work."""
    agenda = _agenda(pk)
    if not can_edit_agenda(user, agenda):
        raise PermissionDenied
    return agenda


def access_agenda_create(user: Any, slug: str) -> Region:
    region = get_object_or_404(Region, slug=slug)
    if not is_region_editor(user, region):
        raise PermissionDenied
    return region


def access_region_agendas(user: Any, slug: str) -> Region:
    region = get_object_or_404(Region, slug=slug)
    if not (is_region_editor(user, region) or is_region_participant(user, region)):
        raise PermissionDenied
    return region


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


def can_post_progress(user: Any, action: Action) -> bool:
    """The owner organisation's members post progress; so may the coordinators."""
    if is_region_editor(user, action.agenda.region):
        return True
    return user.is_authenticated and action.owner.memberships.filter(user=user).exists()


def _action(pk: int) -> Action:
    return get_object_or_404(
        Action.objects.select_related("agenda__region", "owner", "parent"), pk=pk
    )


def access_action_view(user: Any, pk: int) -> Action:
    action = _action(pk)
    if not can_view_agenda(user, action.agenda):
        raise PermissionDenied
    return action


def access_action_progress(user: Any, pk: int) -> Action:
    action = _action(pk)
    if not can_post_progress(user, action):
        raise PermissionDenied
    return action


def access_action_edit(user: Any, pk: int) -> Action:
    action = _action(pk)
    if not can_edit_agenda(user, action.agenda):
        raise PermissionDenied
    return action
