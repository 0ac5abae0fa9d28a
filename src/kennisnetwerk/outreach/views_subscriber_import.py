"""Importing a party's list of existing subscribers: upload, a preview with the report per row
and column, and the import the person confirms. The upload is kept in a private folder
between the two steps, bound to the person, and checked against its hash before use."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from kennisnetwerk.ecosystem.forms_import import InventoryUploadForm, UploadSizeLimit
from kennisnetwerk.ecosystem.import_files import ImportFileError, max_bytes, megabytes, sniff
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.models import Region

from .permissions import (
    access_subscriber_import,
    message_region_choices,
    subscriber_import_organisation_choices,
)
from .services_subscriber_import import (
    StagedSubscriberList,
    subscriber_list_content,
    subscriber_list_discard,
    subscriber_list_get,
    subscriber_list_stage,
    subscribers_import,
)
from .subscriber_import import DUPLICATE, EXISTING, INVALID, NEW, SUPPRESSED, subscribers_validate

PREVIEW_ROWS = 500


class SubscriberUploadForm(InventoryUploadForm):
    """The list, and the party whose list it is; the region is chosen from those the person
    may import into."""

    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Organisation"), queryset=Organisation.objects.none()
    )
    region = forms.ModelChoiceField(label=gettext_lazy("Region"), queryset=Region.objects.none())
    field_order = ["organisation", "region", "file"]

    def __init__(self, *args, user, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["region"].queryset = message_region_choices(user).order_by("name")
        self.fields["region"].initial = region.pk
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=subscriber_import_organisation_choices(user, region).values("pk")
        ).order_by("name")
        if self.is_bound:
            # The organisation must be one the person may act for in the region they chose.
            chosen = self.fields["region"].queryset.filter(pk=self.data.get("region") or 0).first()
            if chosen is not None:
                self.fields["organisation"].queryset = Organisation.objects.filter(
                    pk__in=subscriber_import_organisation_choices(user, chosen).values("pk")
                ).order_by("name")


class ConfirmForm(forms.Form):
    ALL = "all"
    VALID = "valid"
    mode = forms.ChoiceField(choices=[(ALL, ALL), (VALID, VALID)])
    sha256 = forms.CharField(max_length=64, widget=forms.HiddenInput)


def _labels() -> dict[str, str]:
    return {
        NEW: _("New"),
        INVALID: _("Error"),
        DUPLICATE: _("Duplicate"),
        SUPPRESSED: _("Not added"),
        EXISTING: _("Unchanged"),
    }


@csrf_exempt  # the size limit must be in place before the body is read; see _upload
@login_required
def subscriber_import(request: HttpRequest, slug: str) -> HttpResponse:
    region = access_subscriber_import(request.user, slug)
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method == "POST":
        request.upload_handlers.insert(0, UploadSizeLimit(request, max_bytes()))
    return _upload(request, region)


@csrf_protect
def _upload(request: HttpRequest, region: Region) -> HttpResponse:
    posted = request.method == "POST"
    form = SubscriberUploadForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        user=request.user,
        region=region,
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
            target = form.cleaned_data["region"]
            staged = subscriber_list_stage(
                user=request.user,
                region=target,
                organisation=form.cleaned_data["organisation"],
                filename=upload.name,
                content=content,
            )
            return redirect(
                "outreach:subscriber_import_preview", slug=target.slug, token=staged.token
            )
    return render(
        request,
        "outreach/subscriber_import.html",
        {"region": region, "form": form, "max_mb": megabytes(max_bytes())},
        status=400 if form.errors else 200,
    )


def _expired(request: HttpRequest, region: Region) -> HttpResponse:
    messages.warning(
        request, _("The uploaded file is no longer available; please upload it again.")
    )
    return redirect("outreach:subscriber_import", slug=region.slug)


def _organisation(request: HttpRequest, region: Region, staged: StagedSubscriberList):
    organisation = (
        subscriber_import_organisation_choices(request.user, region)
        .filter(pk=staged.bound.get("organisation"))
        .first()
    )
    if organisation is None:  # no longer allowed since the upload
        raise PermissionDenied
    return organisation


@login_required
def subscriber_import_preview(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """GET shows what the import would do; POST imports (everything, or the valid rows)."""
    region = access_subscriber_import(request.user, slug)
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    staged = subscriber_list_get(token=token, user=request.user, region=region)
    if staged is None:
        return _expired(request, region)
    organisation = _organisation(request, region, staged)
    content = subscriber_list_content(staged)
    if content is None:
        subscriber_list_discard(staged=staged)
        return _expired(request, region)
    if request.method == "POST":
        form = ConfirmForm(request.POST)
        if not form.is_valid() or form.cleaned_data["sha256"] != staged.sha256:
            messages.error(request, _("Please confirm the import on the preview page."))
            return redirect("outreach:subscriber_import_preview", slug=region.slug, token=token)
        result = subscribers_import(
            region=region,
            organisation=organisation,
            source=content,
            filename=staged.filename,
            actor=request.user,
            only_valid=form.cleaned_data["mode"] == ConfirmForm.VALID,
        )
        if not result.refused:
            subscriber_list_discard(staged=staged)
            messages.success(
                request,
                _(
                    "%(created)s subscribers added to %(region)s. Skipped: %(suppressed)s "
                    "unsubscribed or undeliverable, %(existing)s already subscribed, "
                    "%(invalid)s rows with errors."
                )
                % {
                    "created": result.created,
                    "region": region.name,
                    "suppressed": result.skipped_suppressed,
                    "existing": result.skipped_existing,
                    "invalid": result.invalid,
                },
            )
            return redirect("outreach:subscriber_import", slug=region.slug)
        # Errors (everything was asked for, or the file was read differently): the report.
        report = result.report
        status = 400
    else:
        report = subscribers_validate(
            source=content, filename=staged.filename, region=region, organisation=organisation
        )
        status = 200
    labels = _labels()
    problems = report.problem_rows
    new_rows = report.importable_rows
    return render(
        request,
        "outreach/subscriber_import_preview.html",
        {
            "region": region,
            "organisation": organisation,
            "upload": staged,
            "report": report,
            "counts": report.counts,
            "labels": labels,
            "problems": problems[:PREVIEW_ROWS],
            "problems_hidden": max(len(problems) - PREVIEW_ROWS, 0),
            "new_rows": new_rows[:PREVIEW_ROWS],
            "new_hidden": max(len(new_rows) - PREVIEW_ROWS, 0),
            "confirm_form": ConfirmForm(initial={"sha256": staged.sha256}),
        },
        status=status,
    )
