"""Reads of learning together: programme pages, sessions and their registrations, the
member directory, lessons across programmes, the practice library with Dutch search."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from kennisnetwerk.search.selectors import search

from .constants import RegistrationStatus, SessionStatus
from .models import (
    Lesson,
    PracticeExample,
    Programme,
    ProgrammeMember,
    Registration,
    Session,
    SessionAgreement,
)
from .search_index import LESSON_KIND, PRACTICE_KIND

SEARCH_LIMIT = 200


def sessions_with_counts(queryset: QuerySet[Session]) -> QuerySet[Session]:
    return queryset.select_related("programme").annotate(
        registered_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)
        ),
        waiting_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)
        ),
    )


def programme_sessions(programme: Programme) -> tuple[list[Session], list[Session]]:
    """(upcoming, past) sessions of a programme."""
    now = timezone.now()
    sessions = list(
        sessions_with_counts(programme.sessions.all())
        .select_related("report")
        .order_by("starts_at")
    )
    return [s for s in sessions if s.ends_at >= now], [s for s in sessions if s.ends_at < now][::-1]


def programme_members(programme: Programme) -> QuerySet[ProgrammeMember]:
    return (
        programme.members.select_related("user", "organisation")
        .prefetch_related("themes")
        .order_by("role", "user__full_name", "user__email")
    )


def member_directory(programme: Programme) -> list[ProgrammeMember]:
    """The members who chose to be listed; what else shows is their choice (the template
    reads the ``show_*`` flags)."""
    return list(programme_members(programme).filter(listed=True))


def user_registration(session: Session, user: Any) -> Registration | None:
    if not user.is_authenticated:
        return None
    return (
        session.registrations.filter(
            Q(user=user) | Q(email__iexact=user.email),
            status__in=(RegistrationStatus.REGISTERED, RegistrationStatus.WAITING),
        )
        .order_by("pk")
        .first()
    )


def session_detail(pk: int) -> Session:
    return (
        sessions_with_counts(Session.objects.filter(pk=pk))
        .select_related("organiser")
        .prefetch_related(
            "guest_experts",
            "agenda_items",
            "logistics__organisation",
        )
        .get()
    )


def session_registrations(session: Session) -> list[Registration]:
    return list(
        session.registrations.exclude(status=RegistrationStatus.CANCELLED)
        .select_related("user")
        .order_by("status", "created_at", "pk")
    )


def upcoming_sessions_for(user: Any, limit: int = 10) -> list[Session]:
    from .permissions import visible_programmes

    return list(
        sessions_with_counts(
            Session.objects.filter(
                programme__in=visible_programmes(user),
                ends_at__gte=timezone.now(),
            ).exclude(status=SessionStatus.CANCELLED)
        ).order_by("starts_at")[:limit]
    )


def session_agreements(session: Session) -> QuerySet[SessionAgreement]:
    return session.agreements.select_related("owner_organisation")


def open_agreements(*, programme: Programme | None = None) -> QuerySet[SessionAgreement]:
    """Follow-up agreements not yet done, for the programme page and, later, the DOE agenda."""
    qs = SessionAgreement.objects.select_related(
        "owner_organisation", "session", "session__programme"
    ).exclude(status__in=("afgerond",))
    if programme is not None:
        qs = qs.filter(session__programme=programme)
    return qs.order_by("due_date", "pk")


# --- Lessons ----------------------------------------------------------------------------------


@dataclass
class LessonFilters:
    query: str = ""
    theme: str = ""
    kind: str = ""
    programme: str = ""


def lesson_list(filters: LessonFilters) -> list[Lesson]:
    qs = Lesson.objects.select_related("session", "session__programme").prefetch_related("themes")
    if filters.theme:
        qs = qs.filter(themes__slug=filters.theme)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.programme:
        qs = qs.filter(session__programme__slug=filters.programme)
    if filters.query.strip():
        hits = search(query=filters.query, kinds=LESSON_KIND, limit=SEARCH_LIMIT)
        order = {int(hit.object_id): n for n, hit in enumerate(hits)}
        return sorted(qs.filter(pk__in=order).distinct(), key=lambda lesson: order[lesson.pk])
    return list(qs.distinct().order_by("-session__starts_at", "pk")[:SEARCH_LIMIT])


# --- Practice library ---------------------------------------------------------------------------


@dataclass
class PracticeFilters:
    query: str = ""
    theme: str = ""
    region: str = ""


def practice_list(
    filters: PracticeFilters, *, include_unpublished_of=None
) -> list[PracticeExample]:
    qs = PracticeExample.objects.select_related("organisation", "region").prefetch_related("themes")
    visible = Q(is_published=True)
    if include_unpublished_of is not None and include_unpublished_of.is_authenticated:
        visible |= Q(created_by=include_unpublished_of)
    qs = qs.filter(visible)
    if filters.theme:
        qs = qs.filter(themes__slug=filters.theme)
    if filters.region:
        qs = qs.filter(region__slug=filters.region)
    if filters.query.strip():
        hits = search(query=filters.query, kinds=PRACTICE_KIND, limit=SEARCH_LIMIT)
        order = {int(hit.object_id): n for n, hit in enumerate(hits)}
        return sorted(qs.filter(pk__in=order).distinct(), key=lambda e: order[e.pk])
    return list(qs.distinct().order_by("title"))


def practice_detail(example: PracticeExample) -> PracticeExample:
    return (
        PracticeExample.objects.select_related("organisation", "region")
        .prefetch_related("themes", "attachments", "reports__session__programme")
        .get(pk=example.pk)
    )
