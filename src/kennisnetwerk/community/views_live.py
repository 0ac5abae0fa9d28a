"""The live page of a webinar: the meeting link, the question box and the questions, which
htmx asks for again every few seconds (an empty 204 answer while nothing changed). Without
JavaScript every form posts and comes back to the page, and a reload shows what is new.
Votes and the moderators' acts answer htmx with the question list itself."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from kennisnetwerk.core.forms import add_service_errors

from . import services_live as services
from .forms_live import LiveAnswerForm, LiveMergeForm, LiveQuestionForm
from .models_live import LiveQuestion
from .permissions import (
    LiveAccess,
    access_live_question_moderate,
    access_live_question_vote,
    access_live_session,
)
from .selectors_live import live_board, live_state

TEMPLATE = "community/live.html"
POLL_SECONDS = 3


def _render(
    request: HttpRequest,
    access: LiveAccess,
    *,
    form: LiveQuestionForm | None = None,
    error: str = "",
    fragment: bool = False,
    status: int = 200,
) -> HttpResponse:
    session = access.session
    context = {
        "session": session,
        "programme": session.programme,
        "moderator": access.moderator,
        "board": live_board(session=session, viewer=request.user, moderator=access.moderator),
        "state": live_state(session=session),
        "refusal": services.live_refusal(session=session),
        "form": form or LiveQuestionForm(),
        "answer_form": LiveAnswerForm(),
        "error": error,
        "poll_seconds": POLL_SECONDS,
    }
    response = render(
        request, f"{TEMPLATE}#questions" if fragment else TEMPLATE, context, status=status
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


@never_cache
@login_required
@require_GET
def live(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_live_session(request.user, pk)
    if request.htmx and request.GET.get("stand") == live_state(session=access.session):
        # Nothing new: htmx keeps the list as it is (no focus lost, nothing announced) and
        # asks again in a few seconds.
        response = HttpResponse(status=204)
        patch_vary_headers(response, ["HX-Request"])
        return response
    return _render(request, access, fragment=bool(request.htmx))


@login_required
@require_POST
def live_ask(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_live_session(request.user, pk)
    form = LiveQuestionForm(request.POST)
    if form.is_valid():
        try:
            question = services.live_question_ask(
                session=access.session, author=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your question has been added."))
            return redirect(f"{reverse('community:live', args=[pk])}#vraag-{question.pk}")
    return _render(request, access, form=form, status=400)


def _done(
    request: HttpRequest, access: LiveAccess, question: LiveQuestion, error: str = ""
) -> HttpResponse:
    """htmx gets the question list (with the error above it); a plain form goes back to the
    page at the question."""
    if request.htmx:
        return _render(request, access, error=error, fragment=True)
    if error:
        messages.error(request, error)
    anchor = question.merged_into_id or question.pk
    return redirect(f"{reverse('community:live', args=[access.session.pk])}#vraag-{anchor}")


@login_required
@require_POST
def live_vote(request: HttpRequest, pk: int) -> HttpResponse:
    question, access = access_live_question_vote(request.user, pk)
    try:
        services.live_vote_toggle(question=question, user=request.user)
    except ValidationError as error:
        return _done(request, access, question, " ".join(error.messages))
    return _done(request, access, question)


@login_required
@require_POST
def live_answer(request: HttpRequest, pk: int) -> HttpResponse:
    question, access = access_live_question_moderate(request.user, pk)
    form = LiveAnswerForm(request.POST)
    form.is_valid()
    try:
        services.live_question_answer(
            question=question,
            actor=request.user,
            answered=request.POST.get("answered", "1") != "0",
            answer=form.cleaned_data.get("answer", ""),
        )
    except ValidationError as error:
        return _done(request, access, question, " ".join(error.messages))
    return _done(request, access, question)


@login_required
@require_POST
def live_hide(request: HttpRequest, pk: int) -> HttpResponse:
    question, access = access_live_question_moderate(request.user, pk)
    services.live_question_hide(
        question=question, actor=request.user, hidden=request.POST.get("hidden", "1") != "0"
    )
    return _done(request, access, question)


@login_required
@require_POST
def live_merge(request: HttpRequest, pk: int) -> HttpResponse:
    question, access = access_live_question_moderate(request.user, pk)
    form = LiveMergeForm(request.POST)
    if not form.is_valid():
        return _done(request, access, question, " ".join(form.errors["kept"]))
    kept = LiveQuestion.objects.filter(pk=form.cleaned_data["kept"]).first()
    if kept is None:
        return _done(request, access, question, _("Choose the question to keep."))
    try:
        services.live_question_merge(duplicate=question, kept=kept, actor=request.user)
    except ValidationError as error:
        return _done(request, access, question, " ".join(error.messages))
    question.merged_into_id = kept.pk
    return _done(request, access, question)
