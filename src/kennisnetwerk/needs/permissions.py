"""Who may see and handle entrepreneurs' questions. Views and the API use these; each raises
404 for what does not exist and 403 for what the person may not do.

- Anyone may ask a question through a region's public intake form (no account).
- The region's account managers — members of parties located in the region — see the
  region's questions, record questions, refer entrepreneurs and give feedback on matches;
  so do the region's coordinators and the network facilitators.
- Survey imports, the gap report and the region's thesaurus are for coordinators and
  facilitators; the network's default thesaurus is for facilitators.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from kennisnetwerk.core.permissions import is_network_facilitator
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.models import Region

from .models import Need, ThesaurusGroup


def coordinated_regions(user: Any) -> QuerySet[Region]:
    if is_network_facilitator(user):
        return Region.objects.all()
    if not user.is_authenticated:
        return Region.objects.none()
    return Region.objects.filter(person_roles__user=user, person_roles__role="coordinator")


def is_needs_coordinator(user: Any, region: Region) -> bool:
    return coordinated_regions(user).filter(pk=region.pk).exists()


def needs_regions(user: Any) -> QuerySet[Region]:
    """Regions whose questions a person handles: coordinated regions, and the regions in
    which one of their organisations is located (account managers)."""
    if is_network_facilitator(user):
        return Region.objects.all()
    if not user.is_authenticated:
        return Region.objects.none()
    return Region.objects.filter(
        Q(pk__in=coordinated_regions(user).values("pk"))
        | Q(
            pk__in=Region.municipalities.through.objects.filter(
                municipality__organisations__memberships__user=user
            ).values("region")
        )
    )


def can_handle_needs(user: Any, region: Region) -> bool:
    return needs_regions(user).filter(pk=region.pk).exists()


def access_needs(user: Any, slug: str) -> Region:
    """The list of a region's questions, and recording a question for it."""
    region = get_object_or_404(Region, slug=slug)
    if not can_handle_needs(user, region):
        raise PermissionDenied
    return region


def access_need(user: Any, pk: int) -> Need:
    """One question with its matches: for whoever handles the region's questions."""
    need = get_object_or_404(
        Need.objects.select_related(
            "region", "municipality", "sbi_section", "organisation", "submitted_by"
        ),
        pk=pk,
    )
    if not can_handle_needs(user, need.region):
        raise Http404  # whether a question exists is not revealed
    return need


def need_organisation_choices(user: Any, region: Region) -> QuerySet[Organisation]:
    """Parties a person may record a question for: their own organisations located in the
    region; for coordinators and facilitators every party located in it."""
    in_region = Q(municipality__in=region.municipalities.all())
    if is_needs_coordinator(user, region):
        return Organisation.objects.filter(in_region).order_by("name")
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(in_region, memberships__user=user).order_by("name")


def access_needs_import(user: Any, slug: str) -> Region:
    """Importing survey results is for the region's coordinators and the facilitators."""
    region = get_object_or_404(Region, slug=slug)
    if not is_needs_coordinator(user, region):
        raise PermissionDenied
    return region


def access_gap_report(user: Any, slug: str) -> Region:
    """The gap report is for the region's coordinators and the facilitators."""
    return access_needs_import(user, slug)


def access_thesaurus(user: Any, slug: str) -> Region:
    """A region's thesaurus is edited by its coordinators and the facilitators."""
    return access_needs_import(user, slug)


def access_thesaurus_group(user: Any, slug: str, pk: int) -> tuple[Region, ThesaurusGroup]:
    """A group of the region itself, or a default (read here, replaced for the region)."""
    region = access_thesaurus(user, slug)
    group = get_object_or_404(
        ThesaurusGroup.objects.filter(Q(region=region) | Q(region__isnull=True)), pk=pk
    )
    return region, group


def can_edit_default_thesaurus(user: Any) -> bool:
    return is_network_facilitator(user)
