"""Reads of the dashboards of a region, an MKB-Deal (a region of that kind) and a learning
programme: the indicators against their targets, the DOE agenda's progress (through the agenda
app's selectors, read only), the parties' reach with small cells suppressed exactly as on the
reach page, and the activity of the learning programmes. Every part is a ``Figure``: a chart
and the table of its numbers, which the page shows side by side and offers as a download."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisnetwerk.agenda.constants import ActionStatus
from kennisnetwerk.agenda.models import Action, Agenda
from kennisnetwerk.agenda.selectors import action_progress, agenda_progress, is_overdue
from kennisnetwerk.core.formatting import format_date, format_number
from kennisnetwerk.geo.models import Region
from kennisnetwerk.learning.constants import RegistrationStatus, SessionStatus
from kennisnetwerk.learning.models import Programme, Session

from .charts import Chart, bar_chart, grouped_chart
from .constants import Source
from .models import Indicator, ReachSketch
from .periods import recent_periods
from .selectors import ReachReport, reach_report, reach_report_rows

MAX_PERIODS = 12
MAX_SESSIONS = 12


@dataclass
class Figure:
    key: str  # names the table in the download's web address
    title: str
    headers: list[str]
    rows: list[list[Any]]
    chart: Chart | None = None
    note: str = ""
    # What the columns count, shown in the table's caption.
    definition: str = ""

    @property
    def text_rows(self) -> list[list[str]]:
        return [[cell_text(value) for value in row] for row in self.rows]


def cell_text(value: Any) -> str:
    """A table cell as shown on the page, in Dutch notation (1.234,5; 7 dec. 2026); empty as
    "—"."""
    if value is None or value == "":
        return "—"
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, Decimal | float | int) and not isinstance(value, bool):
        return format_number(value)
    return str(value)


@dataclass
class IndicatorPart:
    indicator: Indicator
    figure: Figure


@dataclass
class ReachPart:
    indicator: Indicator
    period: str
    report: ReachReport
    figure: Figure


@dataclass
class Dashboard:
    title: str
    indicators: list[IndicatorPart] = field(default_factory=list)
    agenda: Figure | None = None
    reach: list[ReachPart] = field(default_factory=list)
    learning: Figure | None = None
    needs: Figure | None = None

    def figure(self, key: str) -> Figure | None:
        figures = [p.figure for p in self.indicators] + [p.figure for p in self.reach]
        figures += [f for f in (self.agenda, self.learning, self.needs) if f is not None]
        return next((f for f in figures if f.key == key), None)


def indicator_series(indicator: Indicator) -> list[tuple[str, Decimal | None, Decimal | None]]:
    """(period, measured value, target) of the latest periods with a figure or a target; the
    recent periods when there is neither. Uses prefetched targets and measurements."""
    measured = {m.period: m.value for m in indicator.measurements.all()}
    targets = {t.period: t.value for t in indicator.targets.all()}
    periods = sorted(set(measured) | set(targets))
    if not periods:
        periods = recent_periods(timezone.localdate(), indicator.frequency, 4)
    return [(p, measured.get(p), targets.get(p)) for p in periods[-MAX_PERIODS:]]


def indicator_figure(indicator: Indicator) -> Figure:
    series = indicator_series(indicator)
    headers = [_("Period"), _("Value"), _("Target")]
    rows = [list(point) for point in series]
    if indicator.source == Source.REACH:
        # Reach is an estimate: its 95 % interval stands beside it.
        intervals = {
            m.period: f"{cell_text(m.lower)} – {cell_text(m.upper)}"
            for m in indicator.measurements.all()
            if m.lower is not None and m.upper is not None
        }
        headers.append(_("Range (95 %)"))
        for row in rows:
            row.append(intervals.get(row[0], ""))
    return Figure(
        key=f"indicator-{indicator.pk}",
        title=indicator.name,
        headers=headers,
        rows=rows,
        chart=bar_chart(series),
    )


def _indicators(queryset: QuerySet[Indicator]) -> list[IndicatorPart]:
    indicators = (
        queryset.select_related("programme")
        .prefetch_related("targets", "measurements")
        .order_by("name")
    )
    return [IndicatorPart(i, indicator_figure(i)) for i in indicators]


def _agenda_figure(agendas: QuerySet[Agenda]) -> Figure | None:
    """Per agenda: its actions, how many are done and overdue, and the progress rolled up
    from sub-actions (the agenda app's own roll-up)."""
    agendas = list(agendas.order_by("-start_date", "title"))
    if not agendas:
        return None
    actions = list(
        Action.objects.filter(agenda__in=agendas)
        .only("pk", "agenda_id", "parent_id", "status", "progress", "deadline")
        .order_by("order", "pk")
    )
    today = timezone.localdate()
    rows, points = [], []
    for agenda in agendas:
        own = [a for a in actions if a.agenda_id == agenda.pk]
        children: dict[int, list[Action]] = {}
        for action in own:
            if action.parent_id:
                children.setdefault(action.parent_id, []).append(action)
        top = []
        for action in own:
            action.rolled_up = action_progress(action, children.get(action.pk, []))
            if not action.parent_id:
                top.append(action)
        counted = [a for a in own if a.status != ActionStatus.CANCELLED]
        progress = agenda_progress(agenda, top)
        rows.append(
            [
                agenda.title,
                len(counted),
                sum(1 for a in counted if a.status == ActionStatus.DONE),
                sum(1 for a in counted if is_overdue(a, today)),
                progress,
            ]
        )
        points.append((agenda.title, progress, None))
    return Figure(
        key="doe-agenda",
        title=_("Progress of the DOE agenda"),
        headers=[_("DOE agenda"), _("Actions"), _("Done"), _("Overdue"), _("Progress (%)")],
        rows=rows,
        chart=bar_chart(points),
    )


def _reach_parts(indicators: list[Indicator]) -> list[ReachPart]:
    """The latest period with sketches of each reach indicator, as on its reach page: small
    cells as "< n", and no bar drawn for them."""
    reach = [i for i in indicators if i.source == Source.REACH]
    latest = dict(
        ReachSketch.objects.filter(indicator__in=reach)
        .values("indicator")
        .annotate(period=Max("period"))
        .values_list("indicator", "period")
    )
    parts = []
    for indicator in reach:
        period = latest.get(indicator.pk)
        if period is None:
            continue
        report = reach_report(indicator=indicator, period=period)
        header, *rows = reach_report_rows(report)
        chart = grouped_chart(
            [p.name for p in report.parties],
            [
                (
                    _("Reach"),
                    [
                        None if p.reach.suppressed else p.reach.estimate.rounded
                        for p in report.parties
                    ],
                ),
                (
                    _("Reached by no other party"),
                    [
                        None if p.exclusive.suppressed else p.exclusive.estimate.rounded
                        for p in report.parties
                    ],
                ),
            ],
        )
        figure = Figure(
            key=f"bereik-{indicator.pk}",
            title=_("Reach and overlap: %(name)s, %(period)s")
            % {"name": indicator.name, "period": period},
            headers=header,
            rows=rows,
            chart=chart,
            note=_("Figures below %(n)s are shown as “< %(n)s” and not drawn.")
            % {"n": indicator.small_cell},
        )
        parts.append(ReachPart(indicator, period, report, figure))
    return parts


def _held() -> Q:
    return Q(sessions__ends_at__lte=timezone.now()) & ~Q(sessions__status=SessionStatus.CANCELLED)


def learning_definition() -> str:
    """What the learning tables count; attendance is a part of the registrations, so it can
    never be the larger number."""
    return _(
        "Sessions held: sessions that have ended and were not cancelled. Registrations: people "
        "with a place in those sessions (not cancelled, not on the waiting list). Attendance: "
        "those registrations marked present."
    )


def _programmes_figure(programmes: QuerySet[Programme]) -> Figure | None:
    """Per programme: sessions held, registrations for them and attendance."""
    placed = _held() & Q(sessions__registrations__status=RegistrationStatus.REGISTERED)
    rows = list(
        programmes.annotate(
            held=Count("sessions", filter=_held(), distinct=True),
            registered=Count("sessions__registrations", filter=placed, distinct=True),
            attended=Count(
                "sessions__registrations",
                filter=placed & Q(sessions__registrations__attended=True),
                distinct=True,
            ),
        )
        .order_by("title")
        .values_list("title", "held", "registered", "attended")
    )
    if not rows:
        return None
    return Figure(
        key="leren",
        title=_("Activity of the learning programmes"),
        headers=[_("Programme"), _("Sessions held"), _("Registrations"), _("Attendance")],
        rows=[list(row) for row in rows],
        definition=learning_definition(),
        chart=grouped_chart(
            [r[0] for r in rows],
            [
                (_("Sessions held"), [r[1] for r in rows]),
                (_("Registrations"), [r[2] for r in rows]),
                (_("Attendance"), [r[3] for r in rows]),
            ],
        ),
    )


def _sessions_figure(programme: Programme) -> Figure | None:
    """The programme's latest sessions held: registrations and attendance of each."""
    sessions = list(
        Session.objects.filter(programme=programme, ends_at__lte=timezone.now())
        .exclude(status=SessionStatus.CANCELLED)
        .annotate(
            registered=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)
            ),
            attended=Count(
                "registrations",
                filter=Q(
                    registrations__status=RegistrationStatus.REGISTERED,
                    registrations__attended=True,
                ),
            ),
        )
        .order_by("-starts_at")[:MAX_SESSIONS]
    )
    if not sessions:
        return None
    sessions.reverse()
    days = [timezone.localtime(s.starts_at).date() for s in sessions]
    labels = [format_date(day) for day in days]
    return Figure(
        key="leren",
        title=_("Sessions held: registrations and attendance"),
        headers=[_("Date"), _("Session"), _("Registrations"), _("Attendance")],
        definition=learning_definition(),
        rows=[
            [day, s.title, s.registered, s.attended] for day, s in zip(days, sessions, strict=True)
        ],
        chart=grouped_chart(
            labels,
            [
                (_("Registrations"), [s.registered for s in sessions]),
                (_("Attendance"), [s.attended for s in sessions]),
            ],
        ),
    )


def _needs_figure(region: Region) -> Figure | None:
    """Entrepreneurs' questions per theme: how many, how many still open, and how many have
    no good match in the offer (the gap report's headline; the report itself is in needs)."""
    from kennisnetwerk.needs.constants import NeedStatus
    from kennisnetwerk.needs.matching import GOOD_MATCH
    from kennisnetwerk.needs.models import Need

    # One query: each question once per theme (or once without), with its best kept match.
    rows = list(
        Need.objects.filter(region=region)
        .annotate(best=Max("matches__score"))
        .values_list("pk", "status", "best", "matched_at", "themes__name")
    )
    if not rows:
        return None
    counts: dict[str, list[int]] = {}
    for _pk, status, best, matched_at, theme in rows:
        unmatched = matched_at is not None and (best is None or best < GOOD_MATCH)
        row = counts.setdefault(theme or str(_("no theme")), [0, 0, 0])
        row[0] += 1
        row[1] += status == NeedStatus.OPEN
        row[2] += unmatched
    ordered = sorted(counts.items(), key=lambda item: (-item[1][0], item[0]))
    return Figure(
        key="vragen",
        title=_("Entrepreneurs' questions per theme"),
        headers=[_("Theme"), _("Questions"), _("Open"), _("Without a good match")],
        rows=[[name, *values] for name, values in ordered],
        chart=grouped_chart(
            [name for name, _values in ordered],
            [
                (_("Questions"), [values[0] for _name, values in ordered]),
                (_("Without a good match"), [values[2] for _name, values in ordered]),
            ],
        ),
        note=_("A question about several themes counts once for each."),
    )


def region_dashboard(region: Region) -> Dashboard:
    """The dashboard of a region or MKB-Deal."""
    indicators = _indicators(Indicator.objects.filter(region=region))
    return Dashboard(
        title=region.name,
        indicators=indicators,
        agenda=_agenda_figure(Agenda.objects.filter(region=region)),
        reach=_reach_parts([p.indicator for p in indicators]),
        learning=_programmes_figure(Programme.objects.filter(regions=region)),
        needs=_needs_figure(region),
    )


def programme_agendas(programme: Programme) -> QuerySet[Agenda]:
    """The DOE agendas a programme owns (an agenda can belong to a programme)."""
    return Agenda.objects.filter(programme=programme)


def programme_dashboard(programme: Programme) -> Dashboard:
    indicators = _indicators(Indicator.objects.filter(programme=programme))
    return Dashboard(
        title=programme.title,
        indicators=indicators,
        agenda=_agenda_figure(programme_agendas(programme)),
        reach=_reach_parts([p.indicator for p in indicators]),
        learning=_sessions_figure(programme),
    )
