"""What live webinars add to other parts of the platform: the live page's link and, after
the webinar, its questions and answers on the session page; a person's questions in their
personal data export and erasure."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from kennisnetwerk.core import hooks, personal_data
from kennisnetwerk.learning.models import Session

from .models_live import LiveQuestion, LiveVote
from .permissions import can_view_live_archive, is_webinar, live_access
from .selectors_live import live_archive


@hooks.register("detail_sections", order=10)
def session_live_section(request: HttpRequest, obj):
    """On a webinar's session page: the way to the live page for whoever may use it and,
    once the webinar has ended, its Q&A (read-only, without hidden questions)."""
    if not isinstance(obj, Session) or not is_webinar(obj):
        return None
    access = live_access(request.user, obj)
    ended = obj.ends_at <= timezone.now()
    archive = (
        live_archive(session=obj) if ended and can_view_live_archive(request.user, obj) else None
    )
    if access is None and archive is None:
        return None
    return render_to_string(
        "community/live_session_section.html",
        {"session": obj, "access": access, "ended": ended, "archive": archive},
        request=request,
    )


personal_data.rule(
    "community.LiveQuestion.author",
    export="live_questions.questions",
    erasure='kept in the Q&A as "verwijderde deelnemer"',
)
personal_data.rule("community.LiveVote.user", export="live_questions.votes", erasure="deleted")


@hooks.register("personal_data_export")
def export_live_questions(user):
    return "live_questions", {
        "questions": [
            {
                "session": q.session.title,
                "text": q.text,
                "asked_at": q.created_at.isoformat(),
                "answered": q.is_answered,
                "answer": q.answer,
                "hidden": q.is_hidden,
            }
            for q in LiveQuestion.objects.filter(author=user).select_related("session")
        ],
        "votes": [
            {"question": v.question.text, "voted_at": v.created_at.isoformat()}
            for v in LiveVote.objects.filter(user=user).select_related("question")
        ],
    }


@hooks.register("personal_data_erase")
def erase_live_questions(user):
    """Questions stay in the webinar's Q&A without the name (shown as "removed
    participant"), like posts; votes go."""
    LiveQuestion.objects.filter(author=user).update(author=None)
    LiveVote.objects.filter(user=user).delete()
