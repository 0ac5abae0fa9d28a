from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)

from kennisnetwerk.geo.models import Municipality, Region
from kennisnetwerk.search.selectors import search

from .constants import InitiativeStatus
from .models import Initiative, Organisation, TargetGroup, Theme
from .permissions import visible_initiatives
from .search_index import KIND as SEARCH_KIND

# A text search shows at most this many best matches.
SEARCH_LIMIT = 500


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
    """Initiatives a person may see, filtered. Filters on relations are subqueries (EXISTS),
    so no initiative appears twice and no DISTINCT is needed."""
    qs = visible_initiatives(user)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.theme:
        qs = qs.filter(
            Exists(
                Initiative.themes.through.objects.filter(
                    initiative=OuterRef("pk"), theme=filters.theme
                )
            )
        )
    if filters.target_group:
        qs = qs.filter(_serves_target_group(filters.target_group))
    if filters.organisation:
        partner = Initiative.partners.through.objects.filter(
            initiative=OuterRef("pk"), organisation=filters.organisation
        )
        qs = qs.filter(Q(owner=filters.organisation) | Q(Exists(partner)))
    if filters.region:
        qs = qs.filter(inventory_region=filters.region)
    if filters.municipality:
        qs = qs.filter(_serves_municipality(filters.municipality))
    ordering: Any = "title"
    if filters.query:
        # Dutch full-text search ranks the matches; the other filters narrow them down.
        ranked = [
            int(hit.object_id)
            for hit in search(query=filters.query, kinds=SEARCH_KIND, limit=SEARCH_LIMIT)
        ]
        qs = qs.filter(pk__in=ranked)
        ordering = Case(
            *(When(pk=pk, then=Value(rank)) for rank, pk in enumerate(ranked)),
            output_field=IntegerField(),
        )
    return (
        qs.select_related("owner", "inventory_region")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("order")))
        .order_by(ordering, "title")
    )


def _serves_municipality(municipality: Municipality) -> Q:
    """The rule of the coverage page: an initiative serves a municipality it names, every
    municipality of a region it names, and — when it names neither — every municipality of
    its inventory's region."""
    named = Initiative.municipalities.through.objects.filter(initiative=OuterRef("pk"))
    named_regions = Initiative.regions.through.objects.filter(initiative=OuterRef("pk"))
    in_inventory_region = Region.municipalities.through.objects.filter(
        region=OuterRef("inventory_region"), municipality=municipality
    )
    return (
        Q(Exists(named.filter(municipality=municipality)))
        | Q(Exists(named_regions.filter(region__municipalities=municipality)))
        | (Q(Exists(in_inventory_region)) & ~Q(Exists(named)) & ~Q(Exists(named_regions)))
    )


def serves_municipality(municipality: Municipality) -> Q:
    """The coverage rule (``_serves_municipality``) for other apps, such as matching."""
    return _serves_municipality(municipality)


def serves_region(region: Region) -> Q:
    """An initiative serves some municipality of ``region``: one it names, one of a region it
    names, or — when it names neither — one of its inventory's region."""
    named = Initiative.municipalities.through.objects.filter(initiative=OuterRef("pk"))
    named_regions = Initiative.regions.through.objects.filter(initiative=OuterRef("pk"))
    members = Region.municipalities.through.objects.filter(region=region).values("municipality")
    in_inventory_region = Region.municipalities.through.objects.filter(
        region=OuterRef("inventory_region"), municipality__in=members
    )
    return (
        Q(Exists(named.filter(municipality__in=members)))
        | Q(Exists(named_regions.filter(region__municipalities__in=members)))
        | (Q(Exists(in_inventory_region)) & ~Q(Exists(named)) & ~Q(Exists(named_regions)))
    )


def serves_target_group(group: TargetGroup) -> Q:
    """The target-group rule (``_serves_target_group``) for other apps."""
    return _serves_target_group(group)


def _serves_target_group(group: TargetGroup) -> Q:
    """An initiative serves a target group when it names it, or names no target group of that
    dimension at all (then it is open to every size class, phase or attitude)."""
    named = Initiative.target_groups.through.objects.filter(initiative=OuterRef("pk"))
    return Q(Exists(named.filter(targetgroup=group))) | ~Q(
        Exists(named.filter(targetgroup__dimension=group.dimension))
    )


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


def initiative_matrix(
    *,
    user: Any,
    dimension: str,
    region: Region | None = None,
    municipality: Municipality | None = None,
) -> Matrix:
    """Counts of active initiatives per theme × target group of one dimension, of a region's
    inventory and/or serving one municipality. Cells with no initiative are the gaps in the
    offer. Four queries whatever the size of the inventory."""
    qs = visible_initiatives(user).filter(status=InitiativeStatus.ACTIVE)
    if region is not None:
        qs = qs.filter(inventory_region=region)
    if municipality is not None:
        qs = qs.filter(_serves_municipality(municipality))
    ids = qs.values("pk")
    themes = list(Theme.objects.filter(is_active=True))
    groups = list(TargetGroup.objects.filter(dimension=dimension))
    by_theme, by_group = _themes_and_groups(ids, dimension)
    return _matrix_of(None, themes, groups, by_theme, by_group)


def _themes_and_groups(ids: Any, dimension: str) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
    """For the initiatives ``ids``: the initiatives per theme and per target group."""
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
    return by_theme, by_group


def _matrix_of(
    only: set[int] | None,
    themes: list[Theme],
    groups: list[TargetGroup],
    by_theme: dict[int, set[int]],
    by_group: dict[int, set[int]],
) -> Matrix:
    """The matrix of the initiatives in ``only`` (all when None). An initiative naming no
    target group of the dimension counts for every group of it."""
    if only is not None:
        by_theme = {k: v & only for k, v in by_theme.items()}
        by_group = {k: v & only for k, v in by_group.items()}
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


def initiative_gaps_by_municipality(
    *, user: Any, region: Region, dimension: str
) -> list[tuple[Municipality, MatrixCell]]:
    """Theme × target group × municipality: for each municipality of ``region`` the cells
    that no active initiative serving that municipality fills."""
    municipalities, served = _served_municipalities(user, region)
    themes = list(Theme.objects.filter(is_active=True))
    groups = list(TargetGroup.objects.filter(dimension=dimension))
    active = visible_initiatives(user).filter(status=InitiativeStatus.ACTIVE).values("pk")
    by_theme, by_group = _themes_and_groups(active, dimension)
    gaps = []
    for municipality in municipalities:
        serving = {i for i, ms in served.items() if municipality.pk in ms}
        matrix = _matrix_of(serving, themes, groups, by_theme, by_group)
        gaps.extend((municipality, cell) for cell in matrix.gaps)
    return gaps


def initiative_detail(initiative: Initiative) -> Initiative:
    return (
        Initiative.objects.select_related("owner", "owner__municipality", "inventory_region")
        .prefetch_related(
            "partners", "themes", "target_groups", "sbi_sections", "regions", "municipalities"
        )
        .get(pk=initiative.pk)
    )


@dataclass
class CoverageRow:
    municipality: Municipality
    total: int
    by_theme: list[int]
    themes: list[Theme]

    @property
    def cells(self) -> list[tuple[Theme, int]]:
        return list(zip(self.themes, self.by_theme, strict=True))


def _served_municipalities(
    user: Any, region: Region
) -> tuple[list[Municipality], dict[int, set[int]]]:
    """The current municipalities of ``region`` and, per active initiative the person sees,
    which of them it serves (the rule of ``_serves_municipality``)."""
    municipalities = list(region.municipalities.filter(is_current=True).order_by("name"))
    wanted = {m.pk for m in municipalities}
    qs = visible_initiatives(user).filter(status=InitiativeStatus.ACTIVE)
    served: dict[int, set[int]] = {}
    named = Initiative.municipalities.through.objects.filter(
        initiative__in=qs, municipality_id__in=wanted
    ).values_list("initiative_id", "municipality_id")
    for initiative_id, municipality_id in named:
        served.setdefault(initiative_id, set()).add(municipality_id)
    via_regions = Initiative.regions.through.objects.filter(
        initiative__in=qs, region__municipalities__in=wanted
    ).values_list("initiative_id", "region__municipalities")
    for initiative_id, municipality_id in via_regions:
        served.setdefault(initiative_id, set()).add(municipality_id)
    with_area = set(
        Initiative.municipalities.through.objects.filter(initiative__in=qs).values_list(
            "initiative_id", flat=True
        )
    ) | set(
        Initiative.regions.through.objects.filter(initiative__in=qs).values_list(
            "initiative_id", flat=True
        )
    )
    inventory = qs.filter(inventory_region__municipalities__in=wanted).values_list(
        "pk", "inventory_region__municipalities"
    )
    for initiative_id, municipality_id in inventory:
        if initiative_id not in with_area:
            served.setdefault(initiative_id, set()).add(municipality_id)
    return municipalities, served


def initiative_coverage(*, user: Any, region: Region) -> tuple[list[Theme], list[CoverageRow]]:
    """For each municipality of a region: how many active initiatives serve it, in total and
    per theme. An initiative serves a municipality it names, every municipality of a region it
    names, and — when it names neither — every municipality of its inventory's region."""
    municipalities, served = _served_municipalities(user, region)
    themes = list(Theme.objects.filter(is_active=True))
    theme_index = {t.pk: i for i, t in enumerate(themes)}
    themes_of: dict[int, list[int]] = {}
    active = visible_initiatives(user).filter(status=InitiativeStatus.ACTIVE).values("pk")
    for initiative_id, theme_id in Initiative.themes.through.objects.filter(
        initiative_id__in=active
    ).values_list("initiative_id", "theme_id"):
        if theme_id in theme_index and initiative_id in served:
            themes_of.setdefault(initiative_id, []).append(theme_index[theme_id])
    rows = []
    for municipality in municipalities:
        serving = [i for i, ms in served.items() if municipality.pk in ms]
        by_theme = [0] * len(themes)
        for initiative_id in serving:
            for index in themes_of.get(initiative_id, []):
                by_theme[index] += 1
        rows.append(CoverageRow(municipality, len(serving), by_theme, themes))
    return themes, rows
