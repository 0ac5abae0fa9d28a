"""Monitoring pages: a region's indicators (dashboard), one indicator with its measurements,
targets and chart, uploading a reach sketch, and the reach report."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kennisnetwerk.agenda.permissions import agenda_regions
from kennisnetwerk.core.exports import safe_cell
from kennisnetwerk.outreach.permissions import is_region_editor

from . import services
from .charts import bar_chart
from .constants import Source
from .forms import IndicatorForm, MeasurementForm, SketchUploadForm, TargetForm
from .models import ReachSketch
from .periods import recent_periods
from .permissions import (
    access_indicator_manage,
    access_indicator_view,
    access_monitoring,
    access_monitoring_manage,
    access_own_sketch,
    access_sketch_upload,
    can_view_monitoring,
    sketch_organisation_choices,
)
from .selectors import reach_report, reach_report_rows, region_indicators, sketch_periods


def _series(indicator):
    measured = {m.period: m.value for m in indicator.measurements.all()}
    targets = {t.period: t.value for t in indicator.targets.all()}
    periods = sorted(set(measured) | set(targets))
    if not periods:
        periods = recent_periods(timezone.localdate(), indicator.frequency, 4)
    return [(p, measured.get(p), targets.get(p)) for p in periods[-12:]]


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """What monitoring is, and the regions whose figures this person can open."""
    regions = [r for r in agenda_regions(request.user) if can_view_monitoring(request.user, r)]
    return render(request, "monitoring/index.html", {"regions": regions})


@login_required
@require_GET
def region_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    region = access_monitoring(request.user, slug)
    indicators = [
        {"indicator": i, "chart": bar_chart(_series(i)), "series": _series(i)}
        for i in region_indicators(region)
    ]
    return render(
        request,
        "monitoring/region_dashboard.html",
        {
            "region": region,
            "indicators": indicators,
            "is_editor": is_region_editor(request.user, region),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_create(request: HttpRequest, slug: str) -> HttpResponse:
    region = access_monitoring_manage(request.user, slug)
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            indicator = services.indicator_create(
                region=region, data=form.indicator_data(), actor=request.user
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The indicator has been added."))
            return redirect("monitoring:indicator", pk=indicator.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "monitoring/indicator_form.html", {"form": form, "region": region}, status=status
    )


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _indicator_page(request, indicator, *, measurement_form=None, target_form=None, status=200):
    editor = is_region_editor(request.user, indicator.region)
    organisations = sketch_organisation_choices(request.user, indicator.region)
    series = _series(indicator)
    context = {
        "indicator": indicator,
        "region": indicator.region,
        "is_editor": editor,
        "series": series,
        "chart": bar_chart(series),
        "measurement_form": measurement_form or MeasurementForm(),
        "target_form": target_form or TargetForm(),
        "can_upload": indicator.source == Source.REACH and organisations.exists(),
        "periods": sketch_periods(indicator) if indicator.source == Source.REACH else [],
        "own_sketches": ReachSketch.objects.filter(
            indicator=indicator, organisation__memberships__user=request.user
        )
        .select_related("organisation")
        .order_by("-period"),
    }
    return render(request, "monitoring/indicator_detail.html", context, status=status)


@login_required
@require_GET
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = access_indicator_view(request.user, pk)
    return _indicator_page(request, indicator)


@login_required
@require_http_methods(["GET", "POST"])
def measurement_add(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = access_indicator_manage(request.user, pk)
    if request.method == "GET":
        return redirect("monitoring:indicator", pk=indicator.pk)
    form = MeasurementForm(request.POST)
    if form.is_valid():
        try:
            services.measurement_record(
                indicator=indicator,
                period=form.cleaned_data["period"],
                value=form.cleaned_data["value"],
                note=form.cleaned_data["note"],
                actor=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The measurement has been saved."))
            return redirect("monitoring:indicator", pk=indicator.pk)
    return _indicator_page(request, indicator, measurement_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def target_add(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = access_indicator_manage(request.user, pk)
    if request.method == "GET":
        return redirect("monitoring:indicator", pk=indicator.pk)
    form = TargetForm(request.POST)
    if form.is_valid():
        try:
            services.target_set(
                indicator=indicator,
                period=form.cleaned_data["period"],
                value=form.cleaned_data["value"],
                actor=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The target has been saved."))
            return redirect("monitoring:indicator", pk=indicator.pk)
    return _indicator_page(request, indicator, target_form=form, status=400)


@login_required
@require_GET
def measurements_csv(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = access_indicator_view(request.user, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{indicator.code}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Period"), _("Value"), _("Target"), _("Unit")])
    for period, value, target in _series(indicator):
        writer.writerow(
            [safe_cell(period), value if value is not None else "", target or "", indicator.unit]
        )
    return response


@login_required
@require_http_methods(["GET", "POST"])
def sketch_upload(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = access_sketch_upload(request.user, pk)
    organisations = sketch_organisation_choices(request.user, indicator.region)
    form = SketchUploadForm(
        request.POST or None, request.FILES or None, organisations=organisations
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > 2 * 1024 * 1024:
                raise ValidationError(
                    {"file": _("This file is too large for a reach sketch (at most 2 MB).")}
                )
            stored = services.sketch_upload(
                indicator=indicator,
                organisation=form.cleaned_data["organisation"],
                period=form.cleaned_data["period"],
                data=upload.read(),
                actor=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("The sketch of %(party)s for %(period)s has been received.")
                % {"party": stored.organisation.name, "period": stored.period},
            )
            return redirect("monitoring:indicator", pk=indicator.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "monitoring/sketch_upload.html",
        {"form": form, "indicator": indicator, "region": indicator.region},
        status=status,
    )


@login_required
@require_GET
def reach(request: HttpRequest, pk: int, period: str) -> HttpResponse:
    indicator = access_indicator_view(request.user, pk)
    report = reach_report(indicator=indicator, period=period)
    return render(
        request,
        "monitoring/reach.html",
        {"indicator": indicator, "region": indicator.region, "report": report, "period": period},
    )


@login_required
@require_GET
def reach_csv(request: HttpRequest, pk: int, period: str) -> HttpResponse:
    indicator = access_indicator_view(request.user, pk)
    report = reach_report(indicator=indicator, period=period)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bereik-{indicator.code}-{period}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    for row in reach_report_rows(report):
        writer.writerow([safe_cell(c) if isinstance(c, str) else c for c in row])
    return response


@login_required
@require_GET
def sketch_download(request: HttpRequest, pk: int) -> HttpResponse:
    """A party downloads the sketch it uploaded itself (to check what it sent)."""
    sketch = access_own_sketch(request.user, pk)
    response = HttpResponse(bytes(sketch.sketch), content_type="application/octet-stream")
    response["Content-Disposition"] = (
        f'attachment; filename="{sketch.indicator.code}-{sketch.period}.theta"'
    )
    return response
