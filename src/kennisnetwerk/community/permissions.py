"""Who may see, write in and moderate conversations. Web views and the API call these.

One rule per kind of thread, built on the access rules of what the thread is about:

- a topic of a programme, and the thread under one of its sessions: whoever may see the
  programme (its members, its core team, the coordinators of its regions, the network
  facilitators); the core team, those coordinators and the facilitators moderate;
- the thread under a learning question: the network's professionals (who may see learning
  questions); the coordinators of the question's region, the organisers of its programme and
  the facilitators moderate; the asker and the core team accept an answer;
- the thread under a practice example: the professionals who may see the example (the
  example itself may be public; the conversation about it is among professionals); the
  coordinators of its region and the facilitators moderate;
- the thread under a DOE agenda action: whoever may see the agenda; whoever may edit it
  moderates.

A thread or post that a person may not see answers 404, so its existence is not revealed.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from kennisnetwerk.accounts.selectors import user_coordinated_regions
from kennisnetwerk.agenda.models import Action
from kennisnetwerk.agenda.permissions import can_edit_agenda, can_view_agenda
from kennisnetwerk.core.permissions import is_network_facilitator
from kennisnetwerk.learning.models import LearningQuestion, PracticeExample, Programme, Session
from kennisnetwerk.learning.permissions import (
    can_answer_question,
    can_edit_practice,
    can_view_programme,
    is_professional,
    is_programme_organiser,
)

from .models import Post, PostAttachment, Thread, ThreadKind

_THREAD_RELATED = (
    "programme",
    "session__programme",
    "practice_example",
    "learning_question__programme",
    "action__agenda__region",
    "action__agenda__programme",
)


def _coordinates(user: Any, region_id: int | None) -> bool:
    return bool(region_id and user_coordinated_regions(user).filter(pk=region_id).exists())


def can_view_subject(user: Any, thread: Thread) -> bool:
    if not user.is_authenticated:
        return False
    kind = thread.kind
    if kind == ThreadKind.TOPIC:
        return can_view_programme(user, thread.programme)
    if kind == ThreadKind.SESSION:
        return can_view_programme(user, thread.session.programme)
    if kind == ThreadKind.QUESTION:
        return is_professional(user)
    if kind == ThreadKind.PRACTICE:
        example = thread.practice_example
        return is_professional(user) and (example.is_published or can_edit_practice(user, example))
    if kind == ThreadKind.ACTION:
        return can_view_agenda(user, thread.action.agenda)
    return False


def can_view_thread(user: Any, thread: Thread) -> bool:
    return can_view_subject(user, thread)


def can_moderate_thread(user: Any, thread: Thread) -> bool:
    """Hide posts, lock and move the thread: the coordinators and core team of where the
    thread lives, and the network facilitators."""
    if not user.is_authenticated:
        return False
    if is_network_facilitator(user):
        return True
    kind = thread.kind
    if kind == ThreadKind.TOPIC:
        return is_programme_organiser(user, thread.programme)
    if kind == ThreadKind.SESSION:
        return is_programme_organiser(user, thread.session.programme)
    if kind == ThreadKind.QUESTION:
        question = thread.learning_question
        return _coordinates(user, question.region_id) or (
            question.programme is not None and is_programme_organiser(user, question.programme)
        )
    if kind == ThreadKind.PRACTICE:
        return _coordinates(user, thread.practice_example.region_id)
    if kind == ThreadKind.ACTION:
        return can_edit_agenda(user, thread.action.agenda)
    return False


def can_accept_answer(user: Any, thread: Thread) -> bool:
    """On a learning question: the asker, the core team and coordinators (as before for the
    question's answer), and the facilitators."""
    return thread.kind == ThreadKind.QUESTION and can_answer_question(
        user, thread.learning_question
    )


def can_edit_post(user: Any, post: Post) -> bool:
    """The author, within the edit window, while the post is visible and the thread open."""
    if not user.is_authenticated or post.author_id != user.pk or post.is_hidden:
        return False
    if post.thread.is_locked:
        return False
    return timezone.now() - post.created_at <= edit_window()


def edit_window():
    import datetime as dt

    return dt.timedelta(minutes=int(settings.COMMUNITY_EDIT_MINUTES))


def _thread(pk: int) -> Thread:
    return get_object_or_404(Thread.objects.select_related(*_THREAD_RELATED), pk=pk)


def access_thread_view(user: Any, pk: int) -> Thread:
    thread = _thread(pk)
    if not can_view_thread(user, thread):
        raise Http404
    return thread


def access_thread_post(user: Any, pk: int) -> Thread:
    """Writing in a thread: whoever may see it (a locked thread refuses in the service, with a
    message)."""
    return access_thread_view(user, pk)


def access_thread_moderate(user: Any, pk: int) -> Thread:
    thread = access_thread_view(user, pk)
    if not can_moderate_thread(user, thread):
        raise PermissionDenied
    return thread


def access_programme_topics(user: Any, slug: str) -> Programme:
    """The topics of a programme, and starting one: whoever may see the programme; 404 to
    others."""
    programme = get_object_or_404(Programme, slug=slug)
    if not can_view_programme(user, programme):
        raise Http404
    return programme


def visible_subject_or_404(user: Any, kind: str, pk: int):
    """The session, practice example, learning question or action a thread is to be about,
    if the person may see its thread."""
    lookups = {
        ThreadKind.SESSION: (Session.objects.select_related("programme"), "session"),
        ThreadKind.PRACTICE: (PracticeExample.objects.all(), "practice_example"),
        ThreadKind.QUESTION: (
            LearningQuestion.objects.select_related("programme"),
            "learning_question",
        ),
        ThreadKind.ACTION: (
            Action.objects.select_related("agenda__region", "agenda__programme"),
            "action",
        ),
    }
    if kind not in lookups:
        raise Http404
    queryset, field = lookups[ThreadKind(kind)]
    subject = get_object_or_404(queryset, pk=pk)
    probe = Thread(kind=kind, **{field: subject})
    if not can_view_thread(user, probe):
        raise Http404
    return subject


def _post(pk: int) -> Post:
    return get_object_or_404(
        Post.objects.select_related("author", *(f"thread__{r}" for r in _THREAD_RELATED)),
        pk=pk,
    )


def can_view_post(user: Any, post: Post) -> bool:
    """A hidden post is seen by the moderators only."""
    if not can_view_thread(user, post.thread):
        return False
    return not post.is_hidden or can_moderate_thread(user, post.thread)


def access_post_view(user: Any, pk: int) -> Post:
    """The post if the person may see the thread (404 otherwise); a hidden post is returned
    too, and the view shows moderators the post and others that it was hidden."""
    post = _post(pk)
    if not can_view_thread(user, post.thread):
        raise Http404
    return post


def access_post_edit(user: Any, pk: int) -> Post:
    post = access_post_view(user, pk)
    if post.is_hidden and not can_moderate_thread(user, post.thread):
        raise Http404
    if not can_edit_post(user, post):
        raise PermissionDenied
    return post


def access_post_report(user: Any, pk: int) -> Post:
    """Anyone who may see a post may report it."""
    post = access_post_view(user, pk)
    if post.is_hidden and not can_moderate_thread(user, post.thread):
        raise Http404
    return post


def access_post_moderate(user: Any, pk: int) -> Post:
    post = access_post_view(user, pk)
    if not can_moderate_thread(user, post.thread):
        raise PermissionDenied
    return post


def access_post_accept(user: Any, pk: int) -> Post:
    post = access_post_view(user, pk)
    if post.is_hidden or not can_accept_answer(user, post.thread):
        raise PermissionDenied
    return post


def access_attachment(user: Any, pk: int) -> PostAttachment:
    attachment = get_object_or_404(
        PostAttachment.objects.select_related(
            "post", *(f"post__thread__{r}" for r in _THREAD_RELATED)
        ),
        pk=pk,
    )
    if not can_view_post(user, attachment.post):
        raise Http404
    return attachment


def moderated_programmes(user: Any) -> QuerySet[Programme]:
    """Programmes whose topics the person moderates (for moving a topic)."""
    if is_network_facilitator(user):
        return Programme.objects.order_by("title")
    if not user.is_authenticated:
        return Programme.objects.none()
    from django.db.models import Q

    from kennisnetwerk.learning.constants import MemberRole

    return (
        Programme.objects.filter(
            Q(members__user=user, members__role=MemberRole.CORE_TEAM)
            | Q(regions__in=user_coordinated_regions(user).values("pk"))
        )
        .distinct()
        .order_by("title")
    )


# --- Live webinars ---------------------------------------------------------------------------


# === Live webinars ========================================================================
# (This block belongs to the live webinar pages: views_live.py, services_live.py.)
# The live page of a session with the webinar format is for the people registered for it
# (not those on the waiting list) and for its moderators: the programme's organisers (network
# facilitators, core team, coordinators of its regions) and the session's organiser. To
# everyone else it does not exist (404), so that the page reveals nothing of a closed group.

from dataclasses import dataclass  # noqa: E402

from django.db.models import Q  # noqa: E402

from kennisnetwerk.learning.constants import RegistrationStatus, SessionFormat  # noqa: E402

from .models_live import LiveQuestion  # noqa: E402


@dataclass(frozen=True)
class LiveAccess:
    session: Session
    moderator: bool


def is_webinar(session: Session) -> bool:
    return SessionFormat.WEBINAR in (session.formats or [])


def is_live_moderator(user: Any, session: Session) -> bool:
    if not user.is_authenticated:
        return False
    return session.organiser_id == user.pk or is_programme_organiser(user, session.programme)


def is_live_participant(user: Any, session: Session) -> bool:
    if not user.is_authenticated:
        return False
    return session.registrations.filter(
        Q(user=user) | Q(email__iexact=user.email), status=RegistrationStatus.REGISTERED
    ).exists()


def live_access(user: Any, session: Session) -> LiveAccess | None:
    """How ``user`` takes part in the live page of ``session``, or None."""
    if not is_webinar(session):
        return None
    if is_live_moderator(user, session):
        return LiveAccess(session=session, moderator=True)
    if is_live_participant(user, session):
        return LiveAccess(session=session, moderator=False)
    return None


def access_live_session(user: Any, pk: int) -> LiveAccess:
    """The live page of session ``pk``: 404 unless it is a webinar and the person is
    registered for it or moderates it."""
    session = get_object_or_404(Session.objects.select_related("programme", "organiser"), pk=pk)
    access = live_access(user, session)
    if access is None:
        raise Http404
    return access


def _live_question(pk: int) -> LiveQuestion:
    return get_object_or_404(
        LiveQuestion.objects.select_related("session", "session__programme", "merged_into"),
        pk=pk,
    )


def access_live_question_vote(user: Any, pk: int) -> tuple[LiveQuestion, LiveAccess]:
    """A question someone may vote on: on a live page they may use, and not hidden (a
    hidden question does not exist for anyone but the moderators)."""
    question = _live_question(pk)
    access = live_access(user, question.session)
    if access is None or (question.is_hidden and not access.moderator):
        raise Http404
    return question, access


def access_live_question_moderate(user: Any, pk: int) -> tuple[LiveQuestion, LiveAccess]:
    """A question a moderator answers, merges or hides: 404 to whoever may not see the live
    page, 403 to participants."""
    question = _live_question(pk)
    access = live_access(user, question.session)
    if access is None or (question.is_hidden and not access.moderator):
        raise Http404
    if not access.moderator:
        raise PermissionDenied
    return question, access


def can_view_live_archive(user: Any, session: Session) -> bool:
    """The questions and answers of a webinar stay on its session page, for whoever may see
    that page."""
    return is_webinar(session) and (
        can_view_programme(user, session.programme) or live_access(user, session) is not None
    )


# === End of live webinars =================================================================
