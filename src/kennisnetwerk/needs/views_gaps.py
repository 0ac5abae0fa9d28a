"""The gap report of a region, as a page and as an Excel workbook."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .gaps import gap_report, gap_report_xlsx, theme_counts
from .matching import GOOD_MATCH
from .permissions import access_gap_report
from .tasks import match_region_needs

CELLS_SHOWN = 200


@login_required
@require_GET
def gap_report_view(request: HttpRequest, slug: str) -> HttpResponse:
    region = access_gap_report(request.user, slug)
    report = gap_report(region=region)
    return render(
        request,
        "needs/gap_report.html",
        {
            "region": region,
            "report": report,
            "cells": report.cells[:CELLS_SHOWN],
            "cells_hidden": max(len(report.cells) - CELLS_SHOWN, 0),
            "theme_counts": theme_counts(report),
            "good_match": round(GOOD_MATCH * 100),
        },
    )


@login_required
@require_GET
def gap_report_download(request: HttpRequest, slug: str) -> HttpResponse:
    region = access_gap_report(request.user, slug)
    response = HttpResponse(
        gap_report_xlsx(gap_report(region=region)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="hiaten-{region.slug}-{stamp}.xlsx"'
    return response


@login_required
def gap_report_refresh(request: HttpRequest, slug: str) -> HttpResponse:
    """Match every question of the region again, in the background (after the offer
    changed)."""
    region = access_gap_report(request.user, slug)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    region_id = region.pk
    transaction.on_commit(lambda: match_region_needs.enqueue(region_id))
    messages.success(
        request,
        _("The questions are being matched again; reload this page in a moment."),
    )
    return redirect("needs:gaps", slug=region.slug)
