"""A region applies to join ("Verkenning deelname regio's"); a facilitator reviews."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kennisnetwerk.core.forms import add_service_errors
from kennisnetwerk.core.permissions import is_network_facilitator

from . import services
from .constants import ApplicationStatus
from .forms import ApplicationForm, ReviewForm
from .models import RegionApplication
from .permissions import (
    access_application_create,
    access_application_list,
    access_application_review,
    access_application_view,
)


def _split_errors(form, error: ValidationError) -> list[str]:
    """Attach the service's errors to the form; those about the key persons are returned,
    as the template shows them above the key persons' fieldset."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return []
    key_person_errors = []
    for name, messages_ in error.message_dict.items():
        if name == "key_persons":
            key_person_errors.extend(messages_)
        else:
            form.add_error(name if name in form.fields else None, messages_)
    return key_person_errors


@login_required
@require_http_methods(["GET", "POST"])
def application_create(request: HttpRequest) -> HttpResponse:
    regions = access_application_create(request.user)
    form = ApplicationForm(request.POST or None, regions=regions)
    key_person_errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_submit(
                data=form.application_data(), actor=request.user
            )
        except ValidationError as error:
            key_person_errors = _split_errors(form, error)
        else:
            messages.success(
                request,
                _("The application of %(region)s has been submitted to the network facilitators.")
                % {"region": application.region.name},
            )
            return redirect("learning:application", pk=application.pk)
    return render(
        request,
        "learning/application_form.html",
        {"form": form, "key_person_errors": key_person_errors},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The applicant supplements an application the facilitator asked more about."""
    application = access_application_view(request.user, pk)
    if application.submitted_by_id != request.user.pk:
        raise PermissionDenied
    if application.status != ApplicationStatus.MORE_INFO:
        messages.info(request, _("This application can no longer be changed."))
        return redirect("learning:application", pk=application.pk)
    regions = access_application_create(request.user)
    form = ApplicationForm(
        request.POST or None, regions=regions, initial=ApplicationForm.initial_for(application)
    )
    key_person_errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.application_update(
                application=application, data=form.application_data(), actor=request.user
            )
        except ValidationError as error:
            key_person_errors = _split_errors(form, error)
        else:
            messages.success(request, _("Your additions have been sent to the facilitators."))
            return redirect("learning:application", pk=application.pk)
    return render(
        request,
        "learning/application_form.html",
        {"form": form, "key_person_errors": key_person_errors, "application": application},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def application_list(request: HttpRequest) -> HttpResponse:
    access_application_list(request.user)
    applications = RegionApplication.objects.select_related(
        "region", "submitted_by", "programme"
    ).order_by("status", "-created_at")
    return render(request, "learning/application_list.html", {"applications": applications})


@login_required
@require_http_methods(["GET", "POST"])
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The application; for facilitators with the review (accept, ask for more, decline)."""
    if request.method == "POST":
        application = access_application_review(request.user, pk)
    else:
        application = access_application_view(request.user, pk)
    facilitator = is_network_facilitator(request.user)
    form = ReviewForm(request.POST or None) if facilitator else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            application = services.application_review(
                application=application,
                decision=form.cleaned_data["decision"],
                note=form.cleaned_data["note"],
                actor=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if application.status == ApplicationStatus.ACCEPTED:
                messages.success(
                    request,
                    _("The application has been accepted; the programme has been created."),
                )
                return redirect("learning:programme", slug=application.programme.slug)
            messages.success(request, _("Your decision has been saved; the applicant sees it."))
            return redirect("learning:application", pk=application.pk)
    return render(
        request,
        "learning/application_detail.html",
        {
            "application": application,
            "key_persons": application.key_persons.all(),
            "form": form,
            "reviewable": application.status in services.REVIEWABLE,
        },
        status=400 if request.method == "POST" else 200,
    )
