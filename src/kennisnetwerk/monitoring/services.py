"""Writes of monitoring: indicators and their targets, measurements (by hand, imported or
computed) and the reach sketches of the parties. Every change is audit-logged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kennisnetwerk.core.audit import audit_log
from kennisnetwerk.core.models import AuditAction
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.constants import RegionKind
from kennisnetwerk.geo.models import Region

from . import sketches
from .constants import Source, Unit
from .models import Indicator, Measurement, ReachSketch, Target
from .periods import PeriodError, period_bounds, period_clean, recent_periods


@dataclass
class IndicatorData:
    code: str
    name: str
    unit: str
    direction: str
    frequency: str
    source: str
    definition: str = ""
    metric: str = ""
    small_cell: int = 10
    source_detail: str = ""
    programme: Any = None
    initiative: Any = None
    action: Any = None


def indicator_validate(*, region: Region, data: IndicatorData, instance=None) -> None:
    from .metrics import metric_get

    errors: dict[str, list[str]] = {}
    if not data.name.strip():
        errors.setdefault("name", []).append(_("Enter a name."))
    if not data.code.strip():
        errors.setdefault("code", []).append(_("Enter a code."))
    clash = Indicator.objects.filter(region=region, code=data.code.strip())
    if instance is not None:
        clash = clash.exclude(pk=instance.pk)
    if data.code and clash.exists():
        errors.setdefault("code", []).append(
            _("This region already has an indicator with this code.")
        )
    if data.source == Source.COMPUTED:
        if not data.metric or metric_get(data.metric) is None:
            errors.setdefault("metric", []).append(
                _("Choose which figure of the platform computes this indicator.")
            )
    elif data.metric:
        errors.setdefault("metric", []).append(
            _("Only computed indicators have a figure of the platform.")
        )
    if data.source == Source.REACH and data.unit != Unit.ENTREPRENEURS:
        errors.setdefault("unit", []).append(_("Reach is counted in entrepreneurs."))
    if data.small_cell < 1:
        errors.setdefault("small_cell", []).append(_("Enter a number of at least 1."))
    if data.action is not None and data.action.agenda.region_id != region.pk:
        errors.setdefault("action", []).append(_("The action belongs to another region."))
    if (
        data.programme is not None
        and not data.programme.regions.filter(pk=region.pk).exists()
        and region.kind != RegionKind.NATIONAL
    ):
        errors.setdefault("programme", []).append(
            _("The region does not take part in this programme.")
        )
    if data.initiative is not None and data.initiative.inventory_region_id != region.pk:
        errors.setdefault("initiative", []).append(
            _("The initiative belongs to the inventory of another region.")
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def indicator_create(*, region: Region, data: IndicatorData, actor: Any) -> Indicator:
    """A new indicator of ``region``; it shows on the region's dashboard."""
    indicator_validate(region=region, data=data)
    indicator = Indicator.objects.create(
        region=region,
        code=data.code.strip(),
        name=data.name.strip(),
        definition=data.definition.strip(),
        unit=data.unit,
        direction=data.direction,
        frequency=data.frequency,
        source=data.source,
        source_detail=data.source_detail.strip(),
        metric=data.metric,
        small_cell=data.small_cell,
        programme=data.programme,
        initiative=data.initiative,
        action=data.action,
    )
    audit_log(actor=actor, action=AuditAction.CREATE, obj=indicator)
    return indicator


def _decimal(value: Any, field: str) -> Decimal:
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ValidationError({field: _("Enter a number.")}) from None
    if not number.is_finite() or abs(number) >= Decimal("1e12"):
        raise ValidationError({field: _("Enter a number.")})
    return number.quantize(Decimal("0.01"))


@transaction.atomic
def target_set(*, indicator: Indicator, period: str, value: Any, actor: Any) -> Target:
    """The target of ``indicator`` for ``period`` (replaces an earlier one)."""
    try:
        period = period_clean(period, indicator.frequency)
    except PeriodError as error:
        raise ValidationError({"period": str(error)}) from None
    target, _created = Target.objects.update_or_create(
        indicator=indicator, period=period, defaults={"value": _decimal(value, "value")}
    )
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=indicator,
        changes={f"target {period}": str(target.value)},
    )
    return target


def measurement_check(
    *, indicator: Indicator, period: str, value: Any, unit: str | None = None
) -> tuple[str, Decimal]:
    """The cleaned period and value, or ``ValidationError`` naming what is wrong: a period
    that is not one of the indicator's (or has not begun), a value in another unit."""
    errors: dict[str, str] = {}
    try:
        period = period_clean(period, indicator.frequency, today=timezone.localdate())
    except PeriodError as error:
        errors["period"] = str(error)
    if unit not in (None, "") and unit.strip().lower() not in (
        indicator.unit,
        str(indicator.get_unit_display()).lower(),
    ):
        errors["unit"] = _(
            "%(unit)s is not the unit of this indicator; it is measured in %(own)s."
        ) % {
            "unit": unit,
            "own": indicator.get_unit_display(),
        }
    try:
        number = _decimal(value, "value")
    except ValidationError as error:
        errors["value"] = error.message_dict["value"][0]
        number = Decimal(0)
    if not errors and indicator.unit == Unit.PERCENT and not 0 <= number <= 100:
        errors["value"] = _("A percentage lies between 0 and 100.")
    if not errors and indicator.unit != Unit.PERCENT and number < 0 and indicator.unit != Unit.EURO:
        errors["value"] = _("This value cannot be negative.")
    if errors:
        raise ValidationError(errors)
    return period, number


@transaction.atomic
def measurement_record(
    *,
    indicator: Indicator,
    period: str,
    value: Any,
    actor: Any,
    unit: str | None = None,
    source: str = Source.MANUAL,
    note: str = "",
) -> Measurement:
    """The value of ``indicator`` in ``period`` (a new measurement replaces the earlier one).
    The figures of computed and reach indicators come from the platform, not from people."""
    if source != Source.COMPUTED and indicator.source in (Source.COMPUTED, Source.REACH):
        raise ValidationError(
            _(
                "The figures of this indicator are computed by the platform; they cannot be "
                "entered or imported."
            )
        )
    period, number = measurement_check(indicator=indicator, period=period, value=value, unit=unit)
    existing = Measurement.objects.filter(indicator=indicator, period=period).first()
    measurement, _created = Measurement.objects.update_or_create(
        indicator=indicator,
        period=period,
        defaults={
            "value": number,
            "source": source,
            "note": note.strip()[:250],
            "entered_by": actor if getattr(actor, "is_authenticated", False) else None,
        },
    )
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE if existing else AuditAction.CREATE,
        obj=measurement,
        changes={"value": [str(existing.value) if existing else None, str(number)]},
    )
    return measurement


@transaction.atomic
def sketch_upload(
    *,
    indicator: Indicator,
    organisation: Organisation,
    period: str,
    data: bytes,
    actor: Any,
) -> ReachSketch:
    """Store a party's reach sketch for ``indicator`` and ``period`` (replacing its earlier
    one). Refused with a Dutch reason when the file is not a sketch, was made with another
    seed or key than the network's, or for another indicator or period."""
    if indicator.source != Source.REACH:
        raise ValidationError(_("This indicator is not measured with reach sketches."))
    try:
        period = period_clean(period, indicator.frequency)
    except PeriodError as error:
        raise ValidationError({"period": str(error)}) from None
    try:
        envelope, sketch = sketches.sketch_file_parse(data)
    except sketches.SketchError as error:
        raise ValidationError({"file": str(error)}) from None
    if envelope.indicator != indicator.code:
        raise ValidationError(
            {
                "file": _(
                    "This sketch was made for indicator %(other)s, not for %(code)s. Make it "
                    "again with --indicator %(code)s."
                )
                % {"other": envelope.indicator or "—", "code": indicator.code}
            }
        )
    if envelope.period.strip().upper() != period:
        raise ValidationError(
            {
                "file": _(
                    "This sketch was made for period %(other)s, not for %(period)s. Make it "
                    "again with --period %(period)s."
                )
                % {"other": envelope.period or "—", "period": period}
            }
        )
    others = ReachSketch.objects.filter(indicator=indicator, period=period).exclude(
        organisation=organisation
    )
    if others.exclude(key_check=envelope.key_check).exists():
        raise ValidationError(
            {
                "file": _(
                    "This sketch was made with another network key than the sketches the other "
                    "parties uploaded for this period. Ask the regional coordinator for the "
                    "network key and make the sketch again."
                )
            }
        )
    stored, created = ReachSketch.objects.update_or_create(
        indicator=indicator,
        period=period,
        organisation=organisation,
        defaults={
            "sketch": envelope.sketch_bytes,
            "key_check": envelope.key_check,
            "valid_numbers": envelope.valid_numbers,
            "uploaded_by": actor,
        },
    )
    audit_log(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        obj=stored,
        message=f"{envelope.valid_numbers} KVK numbers, key check {envelope.key_check}",
    )
    del sketch
    reach_measurement_update(indicator=indicator, period=period)
    return stored


@transaction.atomic
def sketch_delete(*, sketch: ReachSketch, actor: Any) -> None:
    audit_log(actor=actor, action=AuditAction.DELETE, obj=sketch)
    indicator, period = sketch.indicator, sketch.period
    sketch.delete()
    reach_measurement_update(indicator=indicator, period=period)


@transaction.atomic
def reach_measurement_update(*, indicator: Indicator, period: str) -> Measurement | None:
    """Make the unique reach estimated from the sketches of ``period`` the indicator's
    measurement of that period, with its 95 % interval, so that it stands against its target
    on every page and in every export. Called whenever a sketch of the period is uploaded or
    removed. A figure below the indicator's smallest number shown is not recorded (it would
    point at individual entrepreneurs); neither is one without sketches."""
    from .selectors import reach_report

    report = reach_report(indicator=indicator, period=period)
    existing = Measurement.objects.filter(indicator=indicator, period=period).first()
    union = report.union
    if union is None or union.suppressed:
        if existing is not None:
            audit_log(
                actor=None,
                action=AuditAction.DELETE,
                obj=existing,
                changes={"value": [str(existing.value), None]},
            )
            existing.delete()
        return None
    estimate = union.estimate
    value = Decimal(estimate.rounded)
    lower = None if estimate.exact else Decimal(round(estimate.lower))
    upper = None if estimate.exact else Decimal(round(estimate.upper))
    with translation.override(settings.LANGUAGE_CODE):
        note = ngettext(
            "Unique reach estimated from the sketch of %(count)s party.",
            "Unique reach estimated from the sketches of %(count)s parties.",
            len(report.parties),
        ) % {"count": len(report.parties)}
    if (
        existing is not None
        and (existing.value, existing.lower, existing.upper) == (value, lower, upper)
        and existing.note == note
    ):
        return existing
    measurement, _created = Measurement.objects.update_or_create(
        indicator=indicator,
        period=period,
        defaults={
            "value": value,
            "lower": lower,
            "upper": upper,
            "source": Source.REACH,
            "note": note[:250],
            "entered_by": None,
        },
    )
    audit_log(
        actor=None,
        action=AuditAction.UPDATE if existing else AuditAction.CREATE,
        obj=measurement,
        changes={"value": [str(existing.value) if existing else None, str(value)]},
    )
    return measurement


def indicator_compute(*, indicator: Indicator, today: dt.date) -> list[Measurement]:
    """Compute the figures of a computed indicator for the current period and the one before
    (which may have changed until it ended), following the registry of metric sources. A
    figure that did not change is left as it is."""
    from .metrics import Scope, metric_get

    metric = metric_get(indicator.metric)
    if indicator.source != Source.COMPUTED or metric is None:
        return []
    scope = Scope(region=indicator.region, programme=indicator.programme)
    recorded = []
    with transaction.atomic():
        for period in recent_periods(today, indicator.frequency, 2):
            start, end = period_bounds(period, indicator.frequency)
            value = Decimal(metric.compute(scope, start, end)).quantize(Decimal("0.01"))
            existing = Measurement.objects.filter(indicator=indicator, period=period).first()
            if existing is not None and existing.value == value:
                continue
            recorded.append(
                measurement_record(
                    indicator=indicator,
                    period=period,
                    value=value,
                    actor=None,
                    source=Source.COMPUTED,
                    note=str(metric.label)[:250],
                )
            )
        Indicator.objects.filter(pk=indicator.pk).update(computed_on=today)
    return recorded


def indicators_due(*, today: dt.date) -> list[Indicator]:
    """Computed indicators not yet computed today."""
    return list(
        Indicator.objects.filter(source=Source.COMPUTED)
        .exclude(computed_on=today)
        .select_related("region", "programme")
        .order_by("pk")
    )
