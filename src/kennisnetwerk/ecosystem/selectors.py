from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from kennisnetwerk.geo.models import Municipality, Region

from .constants import InitiativeStatus
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
        qs = qs.filter(_serves_target_group(filters.target_group))
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


def _serves_target_group(group: TargetGroup) -> Q:
    """An initiative serves a target group when it names it, or names no target group of that
    dimension at all (then it is open to every size class, phase or attitude)."""
    naming_dimension = Initiative.objects.filter(target_groups__dimension=group.dimension)
    return Q(target_groups=group) | ~Q(pk__in=naming_dimension.values("pk"))


@dataclass
class MatrixCell:
    theme: Theme
    group: TargetGroup
    count: int


@dataclass
class Matrix:
    themes: list[Theme]
    groups: list[TargetGroup]
    rows: list[tuple[Theme, list[MatrixCell]]]

    @property
    def gaps(self) -> list[MatrixCell]:
        return [cell for _theme, cells in self.rows for cell in cells if cell.count == 0]


def initiative_matrix(*, user: Any, dimension: str, region: Region | None = None) -> Matrix:
    """Counts of active initiatives per theme × target group of one dimension. Cells with
    no initiative are the gaps in the offer. Four queries whatever the size of the inventory."""
    qs = visible_initiatives(user).filter(status=InitiativeStatus.ACTIVE)
    if region is not None:
        qs = qs.filter(inventory_region=region)
    ids = qs.values("pk")
    themes = list(Theme.objects.filter(is_active=True))
    groups = list(TargetGroup.objects.filter(dimension=dimension))
    by_theme: dict[int, set[int]] = {}
    for initiative_id, theme_id in Initiative.themes.through.objects.filter(
        initiative_id__in=ids
    ).values_list("initiative_id", "theme_id"):
        by_theme.setdefault(theme_id, set()).add(initiative_id)
    by_group: dict[int, set[int]] = {}
    for initiative_id, group_id in Initiative.target_groups.through.objects.filter(
        initiative_id__in=ids, targetgroup__dimension=dimension
    ).values_list("initiative_id", "targetgroup_id"):
        by_group.setdefault(group_id, set()).add(initiative_id)
    naming = set().union(*by_group.values()) if by_group else set()
    rows = []
    for theme in themes:
        with_theme = by_theme.get(theme.pk, set())
        open_to_all = with_theme - naming
        cells = [
            MatrixCell(
                theme, group, len(with_theme & by_group.get(group.pk, set())) + len(open_to_all)
            )
            for group in groups
        ]
        rows.append((theme, cells))
    return Matrix(themes=themes, groups=groups, rows=rows)


def initiative_detail(initiative: Initiative) -> Initiative:
    return (
        Initiative.objects.select_related("owner", "owner__municipality", "inventory_region")
        .prefetch_related(
            "partners", "themes", "target_groups", "sbi_sections", "regions", "municipalities"
        )
        .get(pk=initiative.pk)
    )
