"""Who may see and change indicators, measurements and reach. Views and the API use these;
each raises 404 for what does not exist and 403 for what the person may not do."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from kennisnetwerk.agenda.permissions import is_region_participant
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.models import Region
from kennisnetwerk.outreach.permissions import is_region_editor, message_sender_choices

from .models import Indicator, ReachSketch


def _programme_viewer(user: Any, indicator: Indicator) -> bool:
    from kennisnetwerk.learning.permissions import can_view_programme

    return indicator.programme is not None and can_view_programme(user, indicator.programme)


def _programme_organiser(user: Any, indicator: Indicator) -> bool:
    from kennisnetwerk.learning.permissions import is_programme_organiser

    return indicator.programme is not None and is_programme_organiser(user, indicator.programme)


def can_view_indicator(user: Any, indicator: Indicator) -> bool:
    """The region's figures, and a programme's indicators for the programme's members."""
    return can_view_monitoring(user, indicator.region) or _programme_viewer(user, indicator)


def can_manage_indicator(user: Any, indicator: Indicator) -> bool:
    """Targets and measurements: the region's coordinators (and facilitators); for a
    programme's indicator also its organisers."""
    return is_region_editor(user, indicator.region) or _programme_organiser(user, indicator)


def can_view_monitoring(user: Any, region: Region) -> bool:
    """A region's figures are for its coordinators, the facilitators and its parties."""
    return is_region_editor(user, region) or is_region_participant(user, region)


def access_monitoring(user: Any, slug: str) -> Region:
    region = get_object_or_404(Region, slug=slug)
    if not can_view_monitoring(user, region):
        raise PermissionDenied
    return region


def access_monitoring_manage(user: Any, slug: str) -> Region:
    """Defining indicators and entering measurements is for the coordinators."""
    region = get_object_or_404(Region, slug=slug)
    if not is_region_editor(user, region):
        raise PermissionDenied
    return region


def _indicator(pk: int) -> Indicator:
    return get_object_or_404(
        Indicator.objects.select_related("region", "programme", "initiative", "action"), pk=pk
    )


def access_indicator_view(user: Any, pk: int) -> Indicator:
    indicator = _indicator(pk)
    if not can_view_indicator(user, indicator):
        raise Http404  # not revealed to those who may not see it
    return indicator


def access_indicator_manage(user: Any, pk: int) -> Indicator:
    indicator = _indicator(pk)
    if not can_manage_indicator(user, indicator):
        if not can_view_indicator(user, indicator):
            raise Http404
        raise PermissionDenied
    return indicator


def sketch_organisation_choices(user: Any, region: Region) -> QuerySet[Organisation]:
    """The parties a person may upload a sketch for: their own organisations in the region
    (coordinators: any party in it, for a sketch a party sent them)."""
    return message_sender_choices(user, region)


def access_sketch_upload(user: Any, pk: int) -> Indicator:
    indicator = _indicator(pk)
    if not sketch_organisation_choices(user, indicator.region).exists():
        raise PermissionDenied
    return indicator


def access_own_sketch(user: Any, pk: int) -> ReachSketch:
    """A sketch goes back only to the members of the party that uploaded it — not to other
    parties, and not to the coordinators, who see only the combined figures."""
    sketch = get_object_or_404(ReachSketch.objects.select_related("organisation"), pk=pk)
    if not (user.is_authenticated and sketch.organisation.memberships.filter(user=user).exists()):
        raise PermissionDenied
    return sketch


def access_programme_monitoring(user: Any, slug: str):
    """A programme's dashboard: for whoever may see the programme (its members, its core
    team, the coordinators of its regions and the facilitators)."""
    from kennisnetwerk.learning.models import Programme
    from kennisnetwerk.learning.permissions import can_view_programme

    programme = get_object_or_404(Programme, slug=slug)
    if not can_view_programme(user, programme):
        raise PermissionDenied
    return programme


def monitoring_programmes(user: Any):
    """The programmes whose dashboard a person can open from the overview."""
    from kennisnetwerk.learning.permissions import visible_programmes

    return visible_programmes(user).order_by("title")
