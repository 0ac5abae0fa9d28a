"""Learning together: the overview, programme pages, the member directory and members."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kennisnetwerk.core import hooks
from kennisnetwerk.core.permissions import is_network_facilitator

from . import services
from .constants import ApplicationStatus
from .forms import MemberAddForm, ProgrammeForm, VisibilityForm
from .models import PracticeExample, RegionApplication
from .permissions import (
    access_directory_choices,
    access_programme_manage,
    access_programme_view,
    application_region_choices,
    is_professional,
    is_programme_organiser,
    programme_member,
    visible_programmes,
)
from .selectors import (
    member_directory,
    open_agreements,
    programme_members,
    programme_sessions,
    upcoming_sessions_for,
)


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The start of learning together: a person's programmes and sessions, and the ways
    into the library, lessons, questions and suggestions."""
    user = request.user
    programmes = (
        visible_programmes(user).prefetch_related("regions").order_by("status", "title")
        if user.is_authenticated
        else []
    )
    return render(
        request,
        "learning/index.html",
        {
            "programmes": programmes,
            "sessions": upcoming_sessions_for(user) if user.is_authenticated else [],
            "professional": is_professional(user),
            "can_apply": user.is_authenticated and application_region_choices(user).exists(),
            "is_facilitator": is_network_facilitator(user),
            "open_applications": RegionApplication.objects.filter(
                status=ApplicationStatus.SUBMITTED
            ).count()
            if is_network_facilitator(user)
            else 0,
            "recent_examples": PracticeExample.objects.filter(is_published=True)
            .select_related("organisation", "region")
            .order_by("-created_at")[:4],
        },
    )


@login_required
@require_GET
def programme(request: HttpRequest, slug: str) -> HttpResponse:
    programme = access_programme_view(request.user, slug)
    upcoming, past = programme_sessions(programme)
    members = list(programme_members(programme))
    return render(
        request,
        "learning/programme.html",
        {
            "programme": programme,
            "upcoming": upcoming,
            "past": past,
            "core_team": [m for m in members if m.role == "kernteam"],
            "participant_count": sum(1 for m in members if m.role == "deelnemer"),
            "questions": programme.learning_questions.order_by("-created_at")[:10],
            "agreements": open_agreements(programme=programme)[:20],
            "examples": PracticeExample.objects.filter(
                reports__session__programme=programme
            ).distinct(),
            "documents": programme.documents.all()[:10],
            "is_organiser": is_programme_organiser(request.user, programme),
            "member": programme_member(request.user, programme),
            # Other apps' parts of the page (the latest topics).
            "sections": [
                s for fn in hooks.get_hooks("detail_sections") if (s := fn(request, programme))
            ],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def programme_edit(request: HttpRequest, slug: str) -> HttpResponse:
    programme = access_programme_manage(request.user, slug)
    form = ProgrammeForm(request.POST or None, initial=ProgrammeForm.initial_for(programme))
    if request.method == "POST" and form.is_valid():
        try:
            services.programme_update(
                programme=programme, data=form.programme_data(), actor=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The programme has been saved."))
            return redirect("learning:programme", slug=programme.slug)
    return render(request, "learning/programme_form.html", {"form": form, "programme": programme})


@login_required
@require_GET
def directory(request: HttpRequest, slug: str) -> HttpResponse:
    """The member directory: only for members, showing what each person chose to show."""
    programme = access_programme_view(request.user, slug)
    return render(
        request,
        "learning/directory.html",
        {
            "programme": programme,
            "members": member_directory(programme),
            "member": programme_member(request.user, programme),
            "is_organiser": is_programme_organiser(request.user, programme),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def members_manage(request: HttpRequest, slug: str) -> HttpResponse:
    """Organisers add people to the programme, change their role, or remove them."""
    programme = access_programme_manage(request.user, slug)
    form = MemberAddForm(request.POST if request.POST.get("action") == "add" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "add" and form.is_valid():
            services.member_add(
                programme=programme,
                user=form.user,
                role=form.cleaned_data["role"],
                actor=request.user,
            )
            messages.success(
                request,
                _("%(name)s is now a member.")
                % {"name": form.user.get_full_name() or form.user.email},
            )
            return redirect("learning:members_manage", slug=programme.slug)
        if action == "remove":
            member = get_object_or_404(programme.members, pk=request.POST.get("member"))
            services.member_remove(member=member, actor=request.user)
            messages.success(request, _("The member has been removed from the programme."))
            return redirect("learning:members_manage", slug=programme.slug)
    return render(
        request,
        "learning/members_manage.html",
        {"programme": programme, "members": programme_members(programme), "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def visibility(request: HttpRequest, slug: str) -> HttpResponse:
    """A member chooses what the directory shows about them."""
    member = access_directory_choices(request.user, slug)
    initial = {
        "listed": member.listed,
        "show_organisation": member.show_organisation,
        "show_email": member.show_email,
        "show_themes": member.show_themes,
        "job_title": member.job_title,
        "themes": list(member.themes.all()),
    }
    # All boxes unticked is a valid answer, so an empty POST is still a submission.
    form = VisibilityForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.member_visibility_update(member=member, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Your choices have been saved."))
        return redirect("learning:directory", slug=member.programme.slug)
    return render(
        request, "learning/visibility.html", {"form": form, "programme": member.programme}
    )
