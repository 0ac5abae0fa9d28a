"""Reads of monitoring: indicators of a region with targets and measurements, and the reach
report of an indicator and period with small cells suppressed."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kennisnetwerk.core.formatting import format_number
from kennisnetwerk.geo.models import Region

from . import sketches
from .models import Indicator, ReachSketch
from .reach import Estimate, reach_compute


def region_indicators(region: Region) -> QuerySet[Indicator]:
    return (
        Indicator.objects.filter(region=region)
        .select_related("initiative", "action")
        .prefetch_related("targets", "measurements")
        .order_by("name")
    )


def sketch_periods(indicator: Indicator) -> list[str]:
    return list(
        ReachSketch.objects.filter(indicator=indicator)
        .values_list("period", flat=True)
        .distinct()
        .order_by("-period")
    )


@dataclass(frozen=True)
class Cell:
    """A figure as shown: the number with its 95 % interval, or "< n" when it is too small
    to show without pointing at individual entrepreneurs."""

    estimate: Estimate
    threshold: int

    @property
    def suppressed(self) -> bool:
        return self.estimate.value < self.threshold

    @property
    def text(self) -> str:
        if self.suppressed:
            return f"< {self.threshold}"
        return format_number(self.estimate.rounded)

    @property
    def interval(self) -> str:
        if self.suppressed or self.estimate.exact:
            return ""
        low = format_number(round(self.estimate.lower))
        high = format_number(round(self.estimate.upper))
        return f"{low} – {high}"

    @property
    def export_value(self) -> str | int:
        return self.text if self.suppressed else self.estimate.rounded


@dataclass
class PartyRow:
    name: str
    reach: Cell
    share: int | None  # percentage of the unique reach; None when the reach is suppressed
    exclusive: Cell


@dataclass
class ReachReport:
    indicator: Indicator
    period: str
    parties: list[PartyRow] = field(default_factory=list)
    union: Cell | None = None
    # rows of the overlap matrix: (party name, [Cell | None for each party])
    matrix: list[tuple[str, list[Cell | None]]] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return len(self.parties) >= 2


def reach_report(*, indicator: Indicator, period: str) -> ReachReport:
    """Unique reach, each party's reach and share, pairwise overlaps and exclusive reach, from
    the sketches uploaded for ``indicator`` and ``period``. The sketches themselves never
    leave this function."""
    report = ReachReport(indicator=indicator, period=period)
    rows = list(
        ReachSketch.objects.filter(indicator=indicator, period=period)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    if not rows:
        return report
    import datasketches

    names = [row.organisation.name for row in rows]
    parsed = [
        datasketches.compact_theta_sketch.deserialize(bytes(row.sketch), sketches.SEED)
        for row in rows
    ]
    result = reach_compute(names, parsed, lg_k=sketches.LG_K, seed=sketches.SEED)
    threshold = indicator.small_cell
    report.names = names
    report.union = Cell(result.union, threshold)
    for i, name in enumerate(names):
        reach = Cell(result.reach[i], threshold)
        share = None if reach.suppressed else round(result.shares[i] * 100)
        report.parties.append(PartyRow(name, reach, share, Cell(result.exclusive[i], threshold)))
    for i, name in enumerate(names):
        cells: list[Cell | None] = []
        for j in range(len(names)):
            if i == j:
                cells.append(None)
            else:
                pair = (i, j) if i < j else (j, i)
                cells.append(Cell(result.overlaps[pair], threshold))
        report.matrix.append((name, cells))
    return report


def reach_report_rows(report: ReachReport) -> list[list]:
    """The report as rows for a CSV or Excel download (suppressed cells as "< n")."""
    header = [
        _("Party"),
        _("Reach"),
        _("Share of unique reach (%)"),
        _("Reached by no other party"),
        *report.names,
    ]
    rows: list[list] = [header]
    for party, (_name, cells) in zip(report.parties, report.matrix, strict=True):
        rows.append(
            [
                party.name,
                party.reach.export_value,
                party.share,
                party.exclusive.export_value,
                *[("" if c is None else c.export_value) for c in cells],
            ]
        )
    if report.union is not None:
        rows.append([_("Unique reach (all parties)"), report.union.export_value])
    return rows
