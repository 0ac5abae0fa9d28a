"""Importing a region's inventory from a spreadsheet: upload, a preview with the report per
row and column, and the import the person confirms. Works without JavaScript."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET

from kennisnetwerk.core.exports import csv_response
from kennisnetwerk.geo.models import Region

from .forms_import import ImportConfirmForm, InventoryUploadForm, UploadSizeLimit
from .import_columns import field_label
from .import_files import ImportFileError, max_bytes, megabytes, sniff
from .import_sample import inventory_sample_xlsx
from .imports import (
    DUPLICATE,
    INVALID,
    NEW,
    SKIPPED,
    UNCHANGED,
    UPDATE,
    ImportReport,
    inventory_validate,
)
from .permissions import (
    access_inventory_import,
    access_inventory_import_job,
    can_add_organisations_by_import,
    inventory_import_regions,
)
from .services_import import (
    StagedUpload,
    inventory_import_job_check,
    inventory_import_job_start,
    inventory_upload_content,
    inventory_upload_discard,
    inventory_upload_get,
    inventory_upload_stage,
)

# The preview lists at most this many rows of each table; the CSV report has them all.
PREVIEW_ROWS = 500
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _action_labels() -> dict[str, str]:
    return {
        NEW: _("New"),
        UPDATE: _("Changed"),
        UNCHANGED: _("Unchanged"),
        INVALID: _("Error"),
        DUPLICATE: _("Duplicate"),
        SKIPPED: _("Skipped"),
    }


@login_required
@require_GET
def import_start(request: HttpRequest) -> HttpResponse:
    """Choose the region to import into; straight to it when there is only one."""
    regions = list(inventory_import_regions(request.user).order_by("name"))
    if not regions:
        raise PermissionDenied
    if len(regions) == 1:
        return redirect("ecosystem:import_upload", slug=regions[0].slug)
    return render(request, "ecosystem/import_start.html", {"regions": regions})


@require_GET
def import_sample(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(inventory_sample_xlsx(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="voorbeeld-aanbod.xlsx"'
    return response


@csrf_exempt  # the size limit must be in place before the body is read; see _upload
@login_required
def import_upload(request: HttpRequest, slug: str) -> HttpResponse:
    region = access_inventory_import(request.user, slug)
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method == "POST":
        request.upload_handlers.insert(0, UploadSizeLimit(request, max_bytes()))
    return _upload(request, region)


@csrf_protect
def _upload(request: HttpRequest, region: Region) -> HttpResponse:
    posted = request.method == "POST"
    form = InventoryUploadForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        too_large=getattr(request, "inventory_upload_too_large", 0),
    )
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            sniff(content, filename=upload.name)
            staged = inventory_upload_stage(
                user=request.user, region=region, filename=upload.name, content=content
            )
        except ImportFileError as error:
            form.add_error("file", ValidationError(error.message, code=error.code))
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect("ecosystem:import_preview", slug=region.slug, token=staged.token)
    return render(
        request,
        "ecosystem/import_upload.html",
        {"region": region, "form": form, "max_mb": megabytes(max_bytes())},
        status=400 if form.errors else 200,
    )


def _staged(request: HttpRequest, slug: str, token: str) -> tuple[Region, StagedUpload | None]:
    region = access_inventory_import(request.user, slug)
    return region, inventory_upload_get(token=token, user=request.user, region=region)


def _expired(request: HttpRequest, region: Region) -> HttpResponse:
    messages.warning(
        request, _("The uploaded file is no longer available; please upload it again.")
    )
    return redirect("ecosystem:import_upload", slug=region.slug)


def _validate(request: HttpRequest, region: Region, upload: StagedUpload) -> ImportReport | None:
    """The report on a staged upload; None (and the upload removed) when the stored file
    no longer matches what was uploaded."""
    try:
        content = inventory_upload_content(upload)
    except ValidationError:
        inventory_upload_discard(upload=upload)
        return None
    return inventory_validate(
        source=content,
        filename=upload.filename,
        region=region,
        may_create_organisations=can_add_organisations_by_import(request.user, region),
    )


def _preview(
    request: HttpRequest,
    region: Region,
    upload: StagedUpload,
    report: ImportReport,
    status: int = 200,
) -> HttpResponse:
    labels = _action_labels()
    changes = [r for r in report.rows if r.action in (NEW, UPDATE)]
    problems = [{"row": r, "label": labels[r.action]} for r in report.problem_rows]
    return render(
        request,
        "ecosystem/import_preview.html",
        {
            "region": region,
            "upload": upload,
            "report": report,
            "counts": report.counts,
            "labels": labels,
            "problems": problems[:PREVIEW_ROWS],
            "problems_hidden": max(len(problems) - PREVIEW_ROWS, 0),
            "changes": changes[:PREVIEW_ROWS],
            "changes_hidden": max(len(changes) - PREVIEW_ROWS, 0),
            "valid_changes": len(changes),
            "confirm_form": ImportConfirmForm(initial={"sha256": upload.sha256}),
            "columns": [
                (column.letter, column.header, field_label(column.field) if column.field else "")
                for column in report.columns
                if column.header
            ],
        },
        status=status,
    )


@login_required
@require_GET
def import_preview(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    region, upload = _staged(request, slug, token)
    if upload is None:
        return _expired(request, region)
    report = _validate(request, region, upload)
    if report is None:
        return _expired(request, region)
    return _preview(request, region, upload, report)


@login_required
def import_confirm(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    region, upload = _staged(request, slug, token)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if upload is None:
        return _expired(request, region)
    form = ImportConfirmForm(request.POST)
    if not form.is_valid() or form.cleaned_data["sha256"] != upload.sha256:
        messages.error(request, _("Please confirm the import on the preview page."))
        return redirect("ecosystem:import_preview", slug=region.slug, token=upload.token)
    # The import runs in the background; the job page shows how far it is. The file is
    # checked again there, so a file that changed in the meantime is not imported.
    job = inventory_import_job_start(
        user=request.user,
        region=region,
        upload=upload,
        only_valid=form.cleaned_data["mode"] == ImportConfirmForm.VALID,
        language=get_language() or settings.LANGUAGE_CODE,
    )
    return redirect("ecosystem:import_job", slug=region.slug, job_id=job.pk)


@never_cache
@login_required
@require_GET
def import_job(request: HttpRequest, slug: str, job_id: int) -> HttpResponse:
    """How far an import is, and what it did. While it runs, htmx asks for the status part
    every second; without JavaScript the person refreshes the page."""
    job = inventory_import_job_check(job=access_inventory_import_job(request.user, slug, job_id))
    region = job.region
    state = f"{job.status}-{job.rows_done}-{job.rows_total}"
    if request.htmx and request.GET.get("stand") == state:
        # Nothing new: htmx leaves the page as it is (no focus lost, nothing announced again)
        # and asks again a second later.
        response = HttpResponse(status=204)
        patch_vary_headers(response, ["HX-Request"])
        return response
    template = "ecosystem/import_job.html#status" if request.htmx else "ecosystem/import_job.html"
    response = render(
        request,
        template,
        {
            "job": job,
            "state": state,
            "region": region,
            "atlas_url": reverse("ecosystem:atlas") + f"?regio={region.slug}",
            "matrix_url": reverse("ecosystem:matrix") + f"?regio={region.slug}",
        },
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_GET
def import_report_csv(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The whole report as a spreadsheet: one line per problem, and one per row that would
    change."""
    region, upload = _staged(request, slug, token)
    if upload is None:
        return _expired(request, region)
    report = _validate(request, region, upload)
    if report is None:
        return _expired(request, region)
    labels = _action_labels()
    lines = [("", "", _("error"), issue.message, "") for issue in report.file_errors]
    lines += [("", issue.column, _("note"), issue.message, "") for issue in report.file_warnings]
    for row in report.rows:
        for issue in row.errors:
            lines.append((row.number, issue.column, _("error"), issue.message, labels[row.action]))
        for issue in row.warnings:
            lines.append((row.number, issue.column, _("note"), issue.message, labels[row.action]))
        if not row.errors and not row.warnings:
            lines.append((row.number, "", "", ", ".join(row.changed), labels[row.action]))
    return csv_response(
        "importverslag.csv",
        [_("Row"), _("Column"), _("Kind"), _("Message"), _("Result")],
        lines,
    )
