"""The gap report of a region: what entrepreneurs ask against what is offered.

- questions per theme × size class × municipality, beside the number of active offers that
  serve that combination (the matcher's hard filters: the atlas's coverage rule, size class);
- questions without a good match (best score below ``matching.GOOD_MATCH``);
- offers of the region's inventory that no question matched well (offers nobody asks for).

Matches are read as they were kept when each question was last matched; the coordinator can
have them computed again after the offer changed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from kennisnetwerk.core.exports import SheetTable, xlsx_bytes
from kennisnetwerk.ecosystem.constants import InitiativeStatus, TargetDimension
from kennisnetwerk.ecosystem.models import Initiative, Theme
from kennisnetwerk.geo.models import Municipality, Region

from .constants import NeedStatus, SizeClass
from .matching import GOOD_MATCH, NeedProfile, candidate_initiatives
from .models import Need, NeedMatch
from .selectors import with_matches_current


@dataclass
class GapCell:
    theme: Theme | None
    size_class: str
    municipality: Municipality | None
    needs: int = 0
    open_needs: int = 0
    offers: int = 0

    @property
    def size_label(self) -> str:
        return str(SizeClass(self.size_class).label) if self.size_class else _("unknown size")

    @property
    def is_gap(self) -> bool:
        return self.offers == 0


@dataclass
class GapReport:
    region: Region
    cells: list[GapCell] = field(default_factory=list)
    unmatched: list[Need] = field(default_factory=list)
    unasked: list[Initiative] = field(default_factory=list)
    needs_total: int = 0
    not_matched_yet: int = 0

    @property
    def gaps(self) -> list[GapCell]:
        return [c for c in self.cells if c.is_gap]


def gap_report(*, region: Region) -> GapReport:
    report = GapReport(region=region)
    needs = list(
        with_matches_current(Need.objects.filter(region=region))
        .select_related("municipality")
        .prefetch_related("themes")
        .order_by("-created_at", "-id")
    )
    report.needs_total = len(needs)
    # Never matched, or matched before the offer last changed (being matched again).
    report.not_matched_yet = sum(1 for n in needs if not n.matches_current)
    cells: dict[tuple[int | None, str, int | None], GapCell] = {}
    for need in needs:
        themes = list(need.themes.all()) or [None]
        for theme in themes:
            key = (theme.pk if theme else None, need.size_class, need.municipality_id)
            cell = cells.get(key)
            if cell is None:
                cell = cells[key] = GapCell(theme, need.size_class, need.municipality)
            cell.needs += 1
            if need.status in (NeedStatus.OPEN, NeedStatus.REFERRED):
                cell.open_needs += 1
    _count_offers(region, list(cells.values()))
    report.cells = sorted(
        cells.values(),
        key=lambda c: (
            c.offers > 0,
            -c.needs,
            c.theme.name if c.theme else "~",
            c.municipality.name if c.municipality else "~",
            c.size_class or "~",
        ),
    )
    report.unmatched = [
        n
        for n in needs
        if n.status != NeedStatus.ANSWERED
        and n.matches_current
        and (n.best_score or 0) < GOOD_MATCH
    ]
    well_matched = NeedMatch.objects.filter(
        initiative=OuterRef("pk"), need__region=region, score__gte=GOOD_MATCH
    )
    report.unasked = list(
        Initiative.objects.filter(
            inventory_region=region, status=InitiativeStatus.ACTIVE, is_published=True
        )
        .filter(~Q(Exists(well_matched)))
        .select_related("owner")
        .prefetch_related("themes")
        .order_by("title")
    )
    return report


def _count_offers(region: Region, cells: list[GapCell]) -> None:
    """The active offers per cell: one query per municipality of the cells, two for the
    themes and size classes of all of them."""
    serving: dict[int | None, set[int]] = {}
    for municipality in {c.municipality for c in cells}:
        key = municipality.pk if municipality else None
        profile = NeedProfile(question="", region=region, municipality=municipality)
        serving[key] = set(candidate_initiatives(profile).values_list("pk", flat=True))
    every = set().union(*serving.values()) if serving else set()
    themes_of: dict[int, set[int]] = {}
    for initiative_id, theme_id in Initiative.themes.through.objects.filter(
        initiative_id__in=every
    ).values_list("initiative_id", "theme_id"):
        themes_of.setdefault(initiative_id, set()).add(theme_id)
    sizes_of: dict[int, set[str]] = {}
    for initiative_id, code in Initiative.target_groups.through.objects.filter(
        initiative_id__in=every, targetgroup__dimension=TargetDimension.SIZE
    ).values_list("initiative_id", "targetgroup__code"):
        sizes_of.setdefault(initiative_id, set()).add(code)
    for cell in cells:
        ids = serving[cell.municipality.pk if cell.municipality else None]
        count = 0
        for pk in ids:
            if cell.theme is not None and cell.theme.pk not in themes_of.get(pk, set()):
                continue
            sizes = sizes_of.get(pk)
            if cell.size_class and sizes and cell.size_class not in sizes:
                continue
            count += 1
        cell.offers = count


def gap_report_xlsx(report: GapReport) -> bytes:
    """The report as a workbook of three sheets (``core.exports``: real dates, escaped text)."""
    return xlsx_bytes(
        SheetTable(
            title=_("Questions and offer"),
            header=[
                _("Theme"),
                _("Size class"),
                _("Municipality"),
                _("Questions"),
                _("Open questions"),
                _("Active offers"),
            ],
            rows=[
                [
                    cell.theme.name if cell.theme else _("no theme"),
                    cell.size_label,
                    cell.municipality.name if cell.municipality else _("unknown"),
                    cell.needs,
                    cell.open_needs,
                    cell.offers,
                ]
                for cell in report.cells
            ],
        ),
        SheetTable(
            title=_("Without good match"),
            header=[_("Received"), _("Question"), _("Municipality"), _("Status"), _("Best score")],
            rows=[
                [
                    need.created_at,
                    need.question,
                    need.municipality.name if need.municipality else "",
                    need.get_status_display(),
                    round((need.best_score or 0) * 100),
                ]
                for need in report.unmatched
            ],
        ),
        SheetTable(
            title=_("Offers nobody asks for"),
            header=[_("Offer"), _("Owner"), _("Themes")],
            rows=[
                [
                    initiative.title,
                    initiative.owner.name,
                    "; ".join(t.name for t in initiative.themes.all()),
                ]
                for initiative in report.unasked
            ],
        ),
    )


def theme_counts(report: GapReport) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    for cell in report.cells:
        counts[cell.theme.name if cell.theme else _("no theme")] += cell.needs
    return counts.most_common()
