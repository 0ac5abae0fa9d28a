"""Reads of the live questions of a webinar: the board on the live page (in two queries),
the state the pollers compare, and the Q&A that stays on the session page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max
from django.utils import timezone

from kennisnetwerk.learning.models import Session

from .models_live import LiveQuestion, LiveVote


@dataclass
class LiveBoard:
    """The questions of a webinar as one person sees them. ``open`` is ordered by votes
    (most first, then oldest first), ``answered`` by when they were answered; each question
    carries ``merged_questions`` (the questions merged into it), ``voted`` (this person voted for
    it) and ``own`` (this person asked it)."""

    open: list[LiveQuestion] = field(default_factory=list)
    answered: list[LiveQuestion] = field(default_factory=list)
    hidden: list[LiveQuestion] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.open) + len(self.answered)


def live_board(*, session: Session, viewer: Any | None, moderator: bool) -> LiveBoard:
    questions = list(
        LiveQuestion.objects.filter(session=session)
        .select_related("author")
        .order_by("-votes", "created_at", "pk")
    )
    voted = (
        set(
            LiveVote.objects.filter(question__session=session, user=viewer).values_list(
                "question_id", flat=True
            )
        )
        if viewer is not None
        else set()
    )
    viewer_pk = viewer.pk if viewer is not None else None
    by_pk = {q.pk: q for q in questions}
    board = LiveBoard()
    for question in questions:
        question.merged_questions = []
        question.voted = question.pk in voted
        question.own = viewer_pk is not None and question.author_id == viewer_pk
    for question in questions:
        if question.is_hidden and not moderator:
            continue
        if question.merged_into_id and question.merged_into_id in by_pk:
            by_pk[question.merged_into_id].merged_questions.append(question)
        elif question.is_hidden:
            board.hidden.append(question)
        elif question.is_answered:
            board.answered.append(question)
        else:
            board.open.append(question)
    board.answered.sort(key=lambda q: q.answered_at, reverse=True)
    for question in questions:
        question.merged_questions.sort(key=lambda q: q.created_at)
    return board


def live_state(*, session: Session, now=None) -> str:
    """A short token that changes whenever anything on the live page changes (a question
    asked, a vote, a moderator's act, the end of the webinar): the pollers send it back and
    get an empty answer while it is the same."""
    now = now or timezone.now()
    figures = LiveQuestion.objects.filter(session=session).aggregate(
        n=Count("pk"), changed=Max("updated_at")
    )
    changed = figures["changed"].timestamp() if figures["changed"] else 0
    ended = "e" if session.ends_at <= now or session.status == "geannuleerd" else "l"
    return f"{figures['n']}-{changed:.6f}-{ended}"


def live_archive(*, session: Session) -> LiveBoard:
    """The Q&A of a webinar after it: what was asked and answered, never the hidden
    questions."""
    return live_board(session=session, viewer=None, moderator=False)
