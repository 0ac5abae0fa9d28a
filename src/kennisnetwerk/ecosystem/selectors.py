from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from kennisnetwerk.geo.models import Municipality, Region

from .models import Initiative, Organisation, TargetGroup, Theme
from .permissions import visible_initiatives


def organisation_list() -> QuerySet[Organisation]:
    return Organisation.objects.select_related("municipality")


def theme_list() -> QuerySet[Theme]:
    return Theme.objects.filter(is_active=True)


def target_group_list() -> QuerySet[TargetGroup]:
    return TargetGroup.objects.all()


@dataclass
class InitiativeFilters:
    query: str = ""
    kind: str = ""
    status: str = ""
    theme: Theme | None = None
    target_group: TargetGroup | None = None
    municipality: Municipality | None = None
    organisation: Organisation | None = None
    region: Region | None = None


def initiative_list(*, user: Any, filters: InitiativeFilters) -> QuerySet[Initiative]:
    """Initiatives a person may see, filtered. An initiative serves a municipality when it
    names the municipality, or a region containing it."""
    qs = visible_initiatives(user)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.theme:
        qs = qs.filter(themes=filters.theme)
    if filters.target_group:
        qs = qs.filter(target_groups=filters.target_group)
    if filters.organisation:
        qs = qs.filter(Q(owner=filters.organisation) | Q(partners=filters.organisation))
    if filters.region:
        qs = qs.filter(inventory_region=filters.region)
    if filters.municipality:
        qs = qs.filter(
            Q(municipalities=filters.municipality) | Q(regions__municipalities=filters.municipality)
        )
    if filters.query:
        words = filters.query.split()
        for word in words:
            qs = qs.filter(Q(title__icontains=word) | Q(description__icontains=word))
    return (
        qs.distinct()
        .select_related("owner", "inventory_region")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("order")))
        .order_by("title")
    )


def initiative_detail(initiative: Initiative) -> Initiative:
    return (
        Initiative.objects.select_related("owner", "owner__municipality", "inventory_region")
        .prefetch_related(
            "partners", "themes", "target_groups", "sbi_sections", "regions", "municipalities"
        )
        .get(pk=initiative.pk)
    )
