"""The practice library (public), lessons across programmes, learning questions and who
can learn from whom (for the professionals of the network)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kennisnetwerk.accounts.models import User
from kennisnetwerk.core import hooks
from kennisnetwerk.core.forms import add_service_errors
from kennisnetwerk.ecosystem.models import Organisation, Theme
from kennisnetwerk.geo.models import Region

from . import services
from .constants import QuestionStatus
from .forms import (
    AnswerForm,
    LessonFilterForm,
    PracticeFilterForm,
    PracticeForm,
    QuestionForm,
    SuggestionForm,
)
from .models import LearningQuestion, PracticeAttachment, PracticeExample, Session
from .permissions import (
    access_network_knowledge,
    access_practice_create,
    access_practice_edit,
    access_practice_view,
    access_question_answer,
    access_question_view,
    can_answer_question,
    can_edit_practice,
    is_professional,
    question_region_choices,
)
from .selectors import LessonFilters, PracticeFilters, lesson_list, practice_detail, practice_list
from .suggestions import people_suggestions, region_suggestions, region_themes


@require_GET
def practice_list_view(request: HttpRequest) -> HttpResponse:
    form = PracticeFilterForm(request.GET or None)
    filters = PracticeFilters()
    if form.is_valid():
        filters = PracticeFilters(
            query=form.cleaned_data["q"],
            theme=form.cleaned_data["thema"],
            region=form.cleaned_data["regio"],
        )
    examples = practice_list(filters, include_unpublished_of=request.user)
    context = {
        "form": form,
        "examples": examples,
        "query": filters.query,
        "can_add": is_professional(request.user),
    }
    if request.htmx:
        return render(request, "learning/practice_list.html#results", context)
    return render(request, "learning/practice_list.html", context)


@require_GET
def practice_view(request: HttpRequest, slug: str) -> HttpResponse:
    example = practice_detail(access_practice_view(request.user, slug))
    return render(
        request,
        "learning/practice_detail.html",
        {
            "example": example,
            "can_edit": can_edit_practice(request.user, example),
            "sessions": [r.session for r in example.reports.all()]
            if is_professional(request.user)
            else [],
            # Other apps' parts of the page (the conversation under it).
            "sections": [
                s for fn in hooks.get_hooks("detail_sections") if (s := fn(request, example))
            ],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def practice_create(request: HttpRequest) -> HttpResponse:
    organisations = access_practice_create(request.user)
    form = PracticeForm(request.POST or None, request.FILES or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            example = services.practice_create(data=form.practice_data(), actor=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The practice example has been added to the library."))
            return redirect("learning:practice", slug=example.slug)
    return render(
        request,
        "learning/practice_form.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def practice_edit(request: HttpRequest, slug: str) -> HttpResponse:
    example = access_practice_edit(request.user, slug)
    existing = list(example.attachments.all())
    # The person's own choices plus the example's current organisation (which may lie outside
    # them, e.g. after a move). Combined by primary key: the choices are a distinct query,
    # which Django cannot OR with a plain one.
    choices = access_practice_create(request.user).values("pk")
    organisations = Organisation.objects.filter(
        Q(pk__in=choices) | Q(pk=example.organisation_id)
    ).order_by("name")
    form = PracticeForm(
        request.POST or None,
        request.FILES or None,
        organisations=organisations,
        existing=existing,
        initial=PracticeForm.initial_for(example),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.practice_update(
                example=example,
                data=form.practice_data(),
                remove_attachments=[
                    int(pk) for pk in form.cleaned_data.get("remove_attachments", [])
                ],
                actor=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The practice example has been saved."))
            return redirect("learning:practice", slug=example.slug)
    return render(
        request,
        "learning/practice_form.html",
        {"form": form, "example": example},
        status=400 if request.method == "POST" else 200,
    )


@require_GET
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    """An attachment, for whoever may see its practice example; with its original name."""
    attachment = get_object_or_404(PracticeAttachment.objects.select_related("example"), pk=pk)
    access_practice_view(request.user, attachment.example.slug)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.filename,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_GET
def lessons(request: HttpRequest) -> HttpResponse:
    """Lessons (do's and don'ts) of all programmes, searchable."""
    access_network_knowledge(request.user)
    form = LessonFilterForm(request.GET or None)
    filters = LessonFilters()
    if form.is_valid():
        filters = LessonFilters(
            query=form.cleaned_data["q"],
            theme=form.cleaned_data["thema"],
            kind=form.cleaned_data["soort"],
        )
    context = {"form": form, "lessons": lesson_list(filters), "query": filters.query}
    if request.htmx:
        return render(request, "learning/lessons.html#results", context)
    return render(request, "learning/lessons.html", context)


@login_required
@require_GET
def questions(request: HttpRequest) -> HttpResponse:
    access_network_knowledge(request.user)
    status = request.GET.get("status", "")
    qs = LearningQuestion.objects.select_related(
        "region", "programme", "raised_by"
    ).prefetch_related("themes")
    if status in QuestionStatus.values:
        qs = qs.filter(status=status)
    return render(
        request,
        "learning/questions.html",
        {"questions": qs[:200], "status": status, "statuses": QuestionStatus.choices},
    )


@login_required
@require_http_methods(["GET", "POST"])
def question_create(request: HttpRequest) -> HttpResponse:
    access_network_knowledge(request.user)
    form = QuestionForm(request.POST or None, regions=question_region_choices(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            question = services.question_create(data=form.question_data(), actor=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your learning question has been shared with the network."))
            return redirect("learning:question", pk=question.pk)
    return render(request, "learning/question_form.html", {"form": form})


@login_required
@require_GET
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    question = access_question_view(request.user, pk)
    themes = list(question.themes.all())
    return render(
        request,
        "learning/question.html",
        {
            "question": question,
            "themes": themes,
            "can_answer": can_answer_question(request.user, question),
            "regions": region_suggestions(themes=themes, exclude=question.region, limit=5),
            "people": people_suggestions(themes=themes, exclude_user=question.raised_by, limit=5),
            # Other apps' parts of the page (the conversation under it).
            "sections": [
                s for fn in hooks.get_hooks("detail_sections") if (s := fn(request, question))
            ],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def question_answer(request: HttpRequest, pk: int) -> HttpResponse:
    question = access_question_answer(request.user, pk)
    form = AnswerForm(
        request.POST or None,
        sessions=Session.objects.select_related("programme").order_by("-starts_at"),
        examples=PracticeExample.objects.filter(is_published=True).order_by("title"),
        people=User.objects.filter(Q(programme_memberships__isnull=False) | Q(is_staff=True))
        .distinct()
        .order_by("full_name"),
        initial={
            "status": question.status,
            "answer": question.answer,
            "sessions": list(question.sessions.all()),
            "practice_examples": list(question.practice_examples.all()),
            "people": list(question.people.all()),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.question_answer(question=question, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The learning question has been updated."))
            return redirect("learning:question", pk=question.pk)
    return render(request, "learning/question_answer.html", {"form": form, "question": question})


@login_required
@require_GET
def suggestions(request: HttpRequest) -> HttpResponse:
    """Who can learn from whom: for a region or deal (its themes) or for chosen themes."""
    access_network_knowledge(request.user)
    form = SuggestionForm(request.GET or None)
    region, themes = None, []
    if form.is_valid():
        if form.cleaned_data["regio"]:
            region = Region.objects.filter(slug=form.cleaned_data["regio"]).first()
        chosen = form.cleaned_data["thema"]
        if chosen:
            themes = list(Theme.objects.filter(slug__in=chosen))
        elif region is not None:
            themes = region_themes(region)
    return render(
        request,
        "learning/suggestions.html",
        {
            "form": form,
            "region": region,
            "themes": themes,
            "regions": region_suggestions(themes=themes, exclude=region),
            "people": people_suggestions(themes=themes, exclude_user=request.user),
            "asked": bool(request.GET),
        },
    )
