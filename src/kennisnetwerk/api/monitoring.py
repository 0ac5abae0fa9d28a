"""Monitoring in the API: a region's indicators with their targets, their measurements
(entering one where the web page allows it: the same permission functions and service), and
the reach estimates of an indicator and period, suppressed exactly as on the reach page."""

from typing import Annotated

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy
from ninja import Path, Router, Schema, Status
from ninja.pagination import paginate

from kennisnetwerk.monitoring import services as monitoring_services
from kennisnetwerk.monitoring.models import Measurement
from kennisnetwerk.monitoring.periods import PeriodError, period_clean
from kennisnetwerk.monitoring.permissions import (
    access_indicator_manage,
    access_indicator_view,
    access_monitoring,
)
from kennisnetwerk.monitoring.selectors import Cell, reach_report
from kennisnetwerk.monitoring.selectors_dashboard import indicator_series
from kennisnetwerk.outreach.feeds import absolute_url

from .common import Pagination, reader, write_auth
from .schemas import ErrorOut, Text, amount, stored_text

router = Router(tags=["monitoring"])
MAX_ID = 2_147_483_647
IndicatorId = Annotated[int, Path(ge=1, le=MAX_ID)]


class TargetOut(Schema):
    period: str
    value: float


class IndicatorOut(Schema):
    id: int
    region: str
    code: str
    name: str
    definition: str
    unit: str
    direction: str
    frequency: str
    source: str
    source_detail: str
    metric: str
    programme: str | None
    initiative: str | None
    action: int | None
    targets: list[TargetOut]
    url: str

    @staticmethod
    def resolve_region(obj) -> str:
        return obj.region.slug

    @staticmethod
    def resolve_programme(obj) -> str | None:
        return obj.programme.slug if obj.programme_id else None

    @staticmethod
    def resolve_initiative(obj) -> str | None:
        return obj.initiative.slug if obj.initiative_id else None

    @staticmethod
    def resolve_action(obj) -> int | None:
        return obj.action_id

    @staticmethod
    def resolve_targets(obj) -> list[dict]:
        return [{"period": t.period, "value": float(t.value)} for t in obj.targets.all()]

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute_url(reverse("monitoring:indicator", args=[obj.pk]))


class MeasurementOut(Schema):
    period: str
    value: float
    target: float | None
    source: str
    note: str


class MeasurementIn(Schema):
    """A period as 2026, 2026-Q1 or 2026-03 (after the indicator's frequency); the value in
    the indicator's unit; ``unit`` (optional) is checked against it."""

    period: Text
    value: amount(negative=True)
    unit: Text | None = None
    note: stored_text(Measurement, "note") = ""


@router.get(
    "/regions/{slug}/indicators",
    response={200: list[IndicatorOut], 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary=gettext_lazy("A region's indicators"),
    description=gettext_lazy(
        "The indicators of a region or MKB-Deal, for its coordinators and parties."
    ),
)
@paginate(Pagination)
def list_indicators(request, slug: Text):
    region = access_monitoring(reader(request), slug)
    return (
        region.indicators.select_related("region", "programme", "initiative")
        .prefetch_related("targets")
        .order_by("name", "pk")
    )


@router.get(
    "/indicators/{indicator_id}",
    response={200: IndicatorOut, 404: ErrorOut, 422: ErrorOut},
    summary=gettext_lazy("One indicator"),
)
def get_indicator(request, indicator_id: IndicatorId):
    return access_indicator_view(reader(request), indicator_id)


def _measurements(indicator) -> list[dict]:
    sources = {m.period: m for m in indicator.measurements.all()}
    return [
        {
            "period": period,
            "value": float(value),
            "target": None if target is None else float(target),
            "source": sources[period].source,
            "note": sources[period].note,
        }
        for period, value, target in indicator_series(indicator)
        if value is not None
    ]


@router.get(
    "/indicators/{indicator_id}/measurements",
    response={200: list[MeasurementOut], 404: ErrorOut, 422: ErrorOut},
    summary=gettext_lazy("An indicator's measurements"),
    description=gettext_lazy(
        "The measurements of an indicator with the target of each period, oldest first (the latest"
        " twelve periods, as on the page)."
    ),
)
@paginate(Pagination)
def list_measurements(request, indicator_id: IndicatorId):
    return _measurements(access_indicator_view(reader(request), indicator_id))


@router.post(
    "/indicators/{indicator_id}/measurements",
    response={201: MeasurementOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    summary=gettext_lazy("Enter a measurement"),
    description=gettext_lazy(
        "Enter a measurement, as the coordinators do on the indicator's page (replaces an earlier "
        "one of the same period). Computed and reach indicators take none."
    ),
)
def create_measurement(request, indicator_id: IndicatorId, payload: MeasurementIn):
    indicator = access_indicator_manage(request.auth, indicator_id)
    measurement = monitoring_services.measurement_record(
        indicator=indicator,
        period=payload.period,
        value=payload.value,
        unit=payload.unit,
        note=payload.note,
        actor=request.auth,
    )
    target = indicator.targets.filter(period=measurement.period).first()
    return Status(
        201,
        {
            "period": measurement.period,
            "value": float(measurement.value),
            "target": None if target is None else float(target.value),
            "source": measurement.source,
            "note": measurement.note,
        },
    )


class FigureOut(Schema):
    """A reach figure as shown: ``text`` is the number or "< n" when it is below the
    indicator's threshold; then ``value`` and the 95 % bounds are null."""

    text: str
    value: int | None
    lower: int | None
    upper: int | None


class PartyReachOut(Schema):
    party: str
    reach: FigureOut
    share: str
    exclusive: FigureOut


class OverlapOut(Schema):
    first: str
    second: str
    overlap: FigureOut


class ReachOut(Schema):
    indicator: int
    period: str
    threshold: int
    parties_count: int
    union: FigureOut | None
    parties: list[PartyReachOut]
    overlaps: list[OverlapOut]


def _figure(cell: Cell) -> dict:
    if cell.suppressed:
        return {"text": cell.text, "value": None, "lower": None, "upper": None}
    estimate = cell.estimate
    return {
        "text": cell.text,
        "value": estimate.rounded,
        "lower": round(estimate.lower),
        "upper": round(estimate.upper),
    }


@router.get(
    "/indicators/{indicator_id}/reach/{period}",
    response={200: ReachOut, 404: ErrorOut, 422: ErrorOut},
    summary=gettext_lazy("Reach of an indicator in a period"),
    description=gettext_lazy(
        "Unique reach, each party's reach, share and exclusive reach, and the pairwise overlaps "
        "from the parties' sketches; the sketches themselves are never returned."
    ),
)
def get_reach(request, indicator_id: IndicatorId, period: Text):
    indicator = access_indicator_view(reader(request), indicator_id)
    try:
        period = period_clean(period, indicator.frequency)
    except PeriodError as error:
        raise ValidationError({"period": [str(error)]}) from None
    report = reach_report(indicator=indicator, period=period)
    overlaps = []
    for i, (name, cells) in enumerate(report.matrix):
        for j, cell in enumerate(cells):
            if j > i and cell is not None:
                overlaps.append(
                    {"first": name, "second": report.names[j], "overlap": _figure(cell)}
                )
    return {
        "indicator": indicator.pk,
        "period": period,
        "threshold": indicator.small_cell,
        "parties_count": len(report.parties),
        "union": _figure(report.union) if report.union is not None else None,
        "parties": [
            {
                "party": p.name,
                "reach": _figure(p.reach),
                "share": "" if p.share is None else f"{p.share}%",
                "exclusive": _figure(p.exclusive),
            }
            for p in report.parties
        ],
        "overlaps": overlaps,
    }
