"""Reads of conversations: a thread's posts, a programme's topics with what is new to the
reader, who may see a thread (for notifications), and a person's posts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from kennisnetwerk.accounts.models import RegionRole
from kennisnetwerk.learning.constants import MemberRole
from kennisnetwerk.learning.models import Programme, ProgrammeMember
from kennisnetwerk.learning.permissions import visible_programmes

from .models import Post, PostAttachment, PostReport, ReadPosition, Thread, ThreadKind


def _coordinator_role() -> str:
    from kennisnetwerk.accounts.constants import RegionRoleKind

    return RegionRoleKind.COORDINATOR


def programme_viewer_ids(programme: Programme, *, members_only: bool = False) -> set[int]:
    """Everyone who may see a programme's conversations: its members (core team and
    participants), and unless ``members_only`` the coordinators of its regions and the
    network facilitators."""
    ids = set(
        ProgrammeMember.objects.filter(programme=programme, user__is_active=True).values_list(
            "user_id", flat=True
        )
    )
    if not members_only:
        ids |= set(
            RegionRole.objects.filter(
                region__in=programme.regions.values("pk"), role=_coordinator_role()
            ).values_list("user_id", flat=True)
        )
        ids |= set(
            get_user_model()
            .objects.filter(is_staff=True, is_active=True)
            .values_list("pk", flat=True)
        )
    return ids


def _programme_of(thread: Thread) -> Programme | None:
    if thread.kind == ThreadKind.TOPIC:
        return thread.programme
    if thread.kind == ThreadKind.SESSION:
        return thread.session.programme
    return None


def viewer_ids(thread: Thread, candidates: Iterable[int]) -> set[int]:
    """Those of ``candidates`` who may (still) see ``thread``: notifications reach no one who
    may not read what they point at."""
    candidates = set(candidates)
    if not candidates:
        return set()
    programme = _programme_of(thread)
    if programme is not None:
        return candidates & programme_viewer_ids(programme)
    from .permissions import can_view_thread

    users = get_user_model().objects.filter(pk__in=candidates, is_active=True)
    return {user.pk for user in users if can_view_thread(user, thread)}


def moderator_ids(thread: Thread) -> set[int]:
    """Who hears of a reported post: the core team and coordinators where the thread lives;
    the network facilitators when there are none."""
    programme = _programme_of(thread)
    ids: set[int] = set()
    if programme is not None:
        ids |= set(
            ProgrammeMember.objects.filter(
                programme=programme, role=MemberRole.CORE_TEAM, user__is_active=True
            ).values_list("user_id", flat=True)
        )
        region_ids = list(programme.regions.values_list("pk", flat=True))
    else:
        subject = thread.subject
        region_id = getattr(subject, "region_id", None)
        if thread.kind == ThreadKind.ACTION:
            region_id = thread.action.agenda.region_id
        region_ids = [region_id] if region_id else []
    ids |= set(
        RegionRole.objects.filter(
            region_id__in=region_ids, role=_coordinator_role(), user__is_active=True
        ).values_list("user_id", flat=True)
    )
    if not ids:
        ids = set(
            get_user_model()
            .objects.filter(is_staff=True, is_active=True)
            .values_list("pk", flat=True)
        )
    return ids


def thread_posts(thread: Thread, *, moderator: bool) -> QuerySet[Post]:
    """The posts of a thread in order, hidden ones only for moderators, with their authors,
    quoted posts and attachments in a fixed number of queries."""
    posts = thread.posts.select_related("author", "quote_of", "quote_of__author", "hidden_by")
    if not moderator:
        posts = posts.filter(is_hidden=False)
    return posts.prefetch_related(
        Prefetch("attachments", queryset=PostAttachment.objects.order_by("pk"))
    ).annotate(open_reports=Count("reports", filter=Q(reports__handled_at__isnull=True)))


def _read_up_to(user: Any):
    return Subquery(
        ReadPosition.objects.filter(user=user, thread=OuterRef("pk")).values("last_read_post_id")[
            :1
        ],
        output_field=IntegerField(),
    )


def programme_topics(programme: Programme, user: Any) -> QuerySet[Thread]:
    threads = Thread.objects.filter(kind=ThreadKind.TOPIC, programme=programme).select_related(
        "started_by"
    )
    return _unread(threads, user).order_by("-last_post_at", "-pk")


def _unread(threads: QuerySet[Thread], user: Any) -> QuerySet[Thread]:
    threads = threads.annotate(
        post_count=Count("posts", filter=Q(posts__is_hidden=False), distinct=True)
    )
    if not user.is_authenticated:
        return threads.annotate(unread=Value(0, output_field=IntegerField()))
    new_posts = (
        Post.objects.filter(thread=OuterRef("pk"), is_hidden=False)
        .filter(pk__gt=Coalesce(_read_up_to_outer(user), Value(0)))
        .order_by()
        .values("thread")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return threads.annotate(
        unread=Coalesce(Subquery(new_posts, output_field=IntegerField()), Value(0))
    )


def _read_up_to_outer(user: Any):
    return Subquery(
        ReadPosition.objects.filter(user=user, thread=OuterRef(OuterRef("pk"))).values(
            "last_read_post_id"
        )[:1],
        output_field=IntegerField(),
    )


def latest_topics(programme: Programme, user: Any, limit: int = 5) -> list[Thread]:
    return list(programme_topics(programme, user)[:limit])


def programmes_with_topics(user: Any) -> list[Programme]:
    """The programmes a person may see, each with its three latest topics and how many
    posts are new to them."""
    programmes = list(visible_programmes(user).order_by("title"))
    for programme in programmes:
        programme.latest = latest_topics(programme, user, limit=3)
        programme.unread = sum(t.unread for t in programme.latest)
    return programmes


def open_reports() -> QuerySet[PostReport]:
    """Reports not handled yet, oldest first, with what the moderators' rule needs."""
    return (
        PostReport.objects.filter(handled_at__isnull=True, post__is_hidden=False)
        .select_related(
            "reported_by",
            "post__author",
            "post__thread__programme",
            "post__thread__session__programme",
            "post__thread__practice_example",
            "post__thread__learning_question__programme",
            "post__thread__action__agenda__region",
            "post__thread__action__agenda__programme",
        )
        .order_by("created_at")
    )


def read_position(thread: Thread, user: Any) -> int:
    """The last post ``user`` has read in ``thread`` (0: none)."""
    if not user.is_authenticated:
        return 0
    return (
        ReadPosition.objects.filter(user=user, thread=thread)
        .values_list("last_read_post_id", flat=True)
        .first()
    ) or 0


def subject_url(thread: Thread) -> str:
    """The page of what the thread is about."""
    from django.urls import reverse

    subject = thread.subject
    if thread.kind == ThreadKind.TOPIC:
        return reverse("community:programme", args=[subject.slug])
    if thread.kind == ThreadKind.SESSION:
        return reverse("learning:session", args=[subject.pk])
    if thread.kind == ThreadKind.PRACTICE:
        return reverse("learning:practice", args=[subject.slug])
    if thread.kind == ThreadKind.QUESTION:
        return reverse("learning:question", args=[subject.pk])
    return reverse("agenda:action", args=[subject.pk])


def thread_for(subject: Any) -> Thread | None:
    field = {
        "session": "session",
        "practiceexample": "practice_example",
        "learningquestion": "learning_question",
        "action": "action",
    }[subject._meta.model_name]
    return Thread.objects.filter(**{field: subject}).first()


def user_posts(user: Any) -> QuerySet[Post]:
    return Post.objects.filter(author=user).select_related("thread").order_by("created_at")
