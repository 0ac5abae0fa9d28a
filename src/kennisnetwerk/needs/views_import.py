"""Importing survey results: upload, a preview with the report per row and column, and the
import the coordinator confirms — all questions or none. The upload is kept in a private
folder between the two steps (``core.staging``), bound to the person and the region."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from kennisnetwerk.core.staging import FileStage
from kennisnetwerk.ecosystem.forms_import import InventoryUploadForm, UploadSizeLimit
from kennisnetwerk.ecosystem.import_files import ImportFileError, max_bytes, megabytes, sniff
from kennisnetwerk.geo.models import Region

from .permissions import access_needs_import
from .survey_import import survey_import, survey_validate

PREVIEW_ROWS = 500


stage = FileStage(directory=lambda: Path(settings.NEEDS_IMPORT_STAGING_DIR), hours=24)


class ConfirmForm(forms.Form):
    sha256 = forms.CharField(max_length=64, widget=forms.HiddenInput)


@csrf_exempt  # the size limit must be in place before the body is read; see _upload
@login_required
def survey_upload(request: HttpRequest, slug: str) -> HttpResponse:
    region = access_needs_import(request.user, slug)
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
        except ImportFileError as error:
            form.add_error("file", forms.ValidationError(error.message, code=error.code))
        else:
            staged = stage.stage(
                user=request.user, filename=upload.name, content=content, region=region
            )
            return redirect("needs:survey_preview", slug=region.slug, token=staged.token)
    return render(
        request,
        "needs/survey_upload.html",
        {"region": region, "form": form, "max_mb": megabytes(max_bytes())},
        status=400 if form.errors else 200,
    )


def _expired(request: HttpRequest, region: Region) -> HttpResponse:
    messages.warning(
        request, _("The uploaded file is no longer available; please upload it again.")
    )
    return redirect("needs:survey_upload", slug=region.slug)


@login_required
def survey_preview(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """GET shows what the import would do; POST imports everything, or nothing."""
    region = access_needs_import(request.user, slug)
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    staged = stage.get(token=token, user=request.user, region=region)
    content = stage.content(staged) if staged is not None else None
    if staged is None or content is None:
        if staged is not None:
            stage.discard(staged)
        return _expired(request, region)
    status = 200
    if request.method == "POST":
        form = ConfirmForm(request.POST)
        if not form.is_valid() or form.cleaned_data["sha256"] != staged.sha256:
            messages.error(request, _("Please confirm the import on the preview page."))
            return redirect("needs:survey_preview", slug=region.slug, token=token)
        result = survey_import(
            region=region,
            source=content,
            filename=staged.filename,
            actor=request.user,
            consent_text=_("Consent for follow-up given in the survey (%(file)s).")
            % {"file": staged.filename},
        )
        if result.saved:
            stage.discard(staged)
            messages.success(
                request,
                _("%(count)s questions imported into %(region)s; their matches are being computed.")
                % {"count": len(result.needs), "region": region.name},
            )
            return redirect("needs:list", slug=region.slug)
        report = result.report
        status = 400
    else:
        report = survey_validate(source=content, filename=staged.filename, region=region)
    problems = report.problem_rows
    return render(
        request,
        "needs/survey_preview.html",
        {
            "region": region,
            "upload": staged,
            "report": report,
            "problems": problems[:PREVIEW_ROWS],
            "problems_hidden": max(len(problems) - PREVIEW_ROWS, 0),
            "rows": report.rows[:PREVIEW_ROWS],
            "rows_hidden": max(len(report.rows) - PREVIEW_ROWS, 0),
            "confirm_form": ConfirmForm(initial={"sha256": staged.sha256}),
        },
        status=status,
    )
