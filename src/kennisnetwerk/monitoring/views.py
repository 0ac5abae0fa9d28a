"""Monitoring pages: a region's indicators (dashboard), one indicator with its measurements,
targets and chart, uploading a reach sketch, and the reach report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kennisnetwerk.agenda.permissions import agenda_regions
from kennisnetwerk.core.exports import csv_response
from kennisnetwerk.core.forms import add_service_errors
from kennisnetwerk.geo.constants import RegionKind
from kennisnetwerk.outreach.permissions import is_region_editor

from . import services
from .constants import Source
from .exports import table_csv, table_xlsx
from .forms import (
    IndicatorForm,
    MeasurementForm,
    MeasurementImportForm,
    SketchUploadForm,
    TargetForm,
)
from .measurement_import import measurements_import
from .metrics import metric_get
from .models import ReachSketch
from .permissions import (
    access_indicator_manage,
    access_indicator_view,
    access_monitoring,
    access_monitoring_manage,
    access_own_sketch,
    access_programme_monitoring,
    access_sketch_upload,
    can_manage_indicator,
    can_view_monitoring,
    monitoring_programmes,
    sketch_organisation_choices,
)
from .selectors import reach_report, reach_report_rows, sketch_periods
from .selectors_dashboard import indicator_figure
from .selectors_dashboard import programme_dashboard as programme_dashboard_data
from .selectors_dashboard import region_dashboard as region_dashboard_data


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """What monitoring is, and the regions whose figures this person can open."""
    regions = [r for r in agenda_regions(request.user) if can_view_monitoring(request.user, r)]
    return render(
        request,
        "monitoring/index.html",
        {
            "regions": [r for r in regions if r.kind != RegionKind.MKB_DEAL],
            "deals": [r for r in regions if r.kind == RegionKind.MKB_DEAL],
            "programmes": monitoring_programmes(request.user),
        },
    )


def _dashboard_page(request, template: str, dashboard, context: dict) -> HttpResponse:
    return render(request, template, {"dashboard": dashboard, **context})


@login_required
@require_GET
def region_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    """The dashboard of a region or MKB-Deal: indicators against targets, the DOE agenda's
    progress, reach and overlap, and the learning programmes' activity."""
    region = access_monitoring(request.user, slug)
    return _dashboard_page(
        request,
        "monitoring/region_dashboard.html",
        region_dashboard_data(region),
        {
            "region": region,
            "is_deal": region.kind == RegionKind.MKB_DEAL,
            "is_editor": is_region_editor(request.user, region),
        },
    )


@login_required
@require_GET
def programme_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    programme = access_programme_monitoring(request.user, slug)
    return _dashboard_page(
        request,
        "monitoring/programme_dashboard.html",
        programme_dashboard_data(programme),
        {"programme": programme},
    )


def _table_download(figure, fmt: str, filename: str) -> HttpResponse:
    if figure is None or fmt not in ("csv", "xlsx"):
        raise Http404
    if fmt == "csv":
        return table_csv(filename, figure.headers, figure.rows)
    return table_xlsx(filename, figure.title, figure.headers, figure.rows)


@login_required
@require_GET
def region_table(request: HttpRequest, slug: str, key: str, fmt: str) -> HttpResponse:
    """One table of the region's dashboard as CSV or Excel, the same numbers as the page."""
    region = access_monitoring(request.user, slug)
    figure = region_dashboard_data(region).figure(key)
    return _table_download(figure, fmt, f"{region.slug}-{key}")


@login_required
@require_GET
def programme_table(request: HttpRequest, slug: str, key: str, fmt: str) -> HttpResponse:
    programme = access_programme_monitoring(request.user, slug)
    figure = programme_dashboard_data(programme).figure(key)
    return _table_download(figure, fmt, f"{programme.slug}-{key}")


@login_required
@require_http_methods(["GET", "POST"])
def indicator_create(request: HttpRequest, slug: str) -> HttpResponse:
    region = access_monitoring_manage(request.user, slug)
    form = IndicatorForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        try:
            indicator = services.indicator_create(
                region=region, data=form.indicator_data(), actor=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The indicator has been added."))
            return redirect("monitoring:indicator", pk=indicator.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "monitoring/indicator_form.html", {"form": form, "region": region}, status=status
    )


def _indicator_page(request, indicator, *, measurement_form=None, target_form=None, status=200):
    editor = can_manage_indicator(request.user, indicator)
    organisations = sketch_organisation_choices(request.user, indicator.region)
    metric = metric_get(indicator.metric) if indicator.metric else None
    context = {
        "indicator": indicator,
        "region": indicator.region,
        "is_editor": editor,
        "figure": indicator_figure(indicator),
        "measurement_form": measurement_form or MeasurementForm(),
        "target_form": target_form or TargetForm(),
        "can_upload": indicator.source == Source.REACH and organisations.exists(),
        "by_hand": indicator.source in (Source.MANUAL, Source.IMPORT),
        "page_errors": [
            e
            for f in (measurement_form, target_form)
            if f is not None
            for e in f.non_field_errors()
        ],
        "metric_label": metric.label if metric else "",
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
            add_service_errors(form, error)
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
            add_service_errors(form, error)
        else:
            messages.success(request, _("The target has been saved."))
            return redirect("monitoring:indicator", pk=indicator.pk)
    return _indicator_page(request, indicator, target_form=form, status=400)


IMPORT_MAX_BYTES = 5 * 1024 * 1024


@login_required
@require_http_methods(["GET", "POST"])
def measurement_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Measurements from a spreadsheet: every row checked, all saved or none."""
    indicator = access_indicator_manage(request.user, pk)
    form = MeasurementImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > IMPORT_MAX_BYTES:
            form.add_error("file", _("This file is too large (at most 5 MB)."))
        else:
            report = measurements_import(
                indicator=indicator,
                source=upload.read(),
                filename=upload.name or "",
                actor=request.user,
            )
            if report.is_valid:
                messages.success(
                    request,
                    _("%(count)s measurements have been imported.") % {"count": report.saved},
                )
                return redirect("monitoring:indicator", pk=indicator.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "monitoring/measurement_import.html",
        {"form": form, "indicator": indicator, "region": indicator.region, "report": report},
        status=status,
    )


@login_required
@require_GET
def measurements_csv(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = access_indicator_view(request.user, pk)
    figure = indicator_figure(indicator)
    return table_csv(indicator.code, [*figure.headers, _("Unit")], _with_unit(indicator, figure))


@login_required
@require_GET
def measurements_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = access_indicator_view(request.user, pk)
    figure = indicator_figure(indicator)
    return table_xlsx(
        indicator.code, indicator.name, [*figure.headers, _("Unit")], _with_unit(indicator, figure)
    )


def _with_unit(indicator, figure) -> list[list]:
    return [[*row, indicator.unit] for row in figure.rows]


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
            add_service_errors(form, error)
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
    header, *rows = reach_report_rows(report)
    return csv_response(f"bereik-{indicator.code}-{period}.csv", header, rows)


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
