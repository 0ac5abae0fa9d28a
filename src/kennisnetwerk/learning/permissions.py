"""Who may see and do what in learning together. Web views and the API call these; each
raises 404 for what does not exist (or may not be known to exist) and 403 for what the
person may not do.

- Network facilitators run every programme and review applications.
- A programme's core team and the coordinators of its regions organise it: sessions,
  attendance, reports, the member list.
- Members (core team and participants) see the programme page, sessions, directory and
  register for sessions.
- Professionals (anyone with an organisation, a region role or staff) see lessons and
  learning questions, raise questions and add practice examples for their organisation.
- Everyone sees the published practice examples.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from kennisnetwerk.accounts.models import Membership, RegionRole
from kennisnetwerk.accounts.selectors import user_coordinated_regions, user_regions
from kennisnetwerk.core.permissions import is_network_facilitator
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.constants import AUTOMATIC_REGION_KINDS
from kennisnetwerk.geo.models import Region

from .constants import MemberRole
from .models import (
    LearningQuestion,
    PracticeExample,
    Programme,
    ProgrammeDocument,
    ProgrammeMember,
    RegionApplication,
    Registration,
    Session,
)


def is_professional(user: Any) -> bool:
    """Someone working in the network: facilitator, coordinator or party member."""
    if not user.is_authenticated:
        return False
    if is_network_facilitator(user):
        return True
    return (
        Membership.objects.filter(user=user).exists()
        or RegionRole.objects.filter(user=user).exists()
    )


def programme_member(user: Any, programme: Programme) -> ProgrammeMember | None:
    if not user.is_authenticated:
        return None
    return ProgrammeMember.objects.filter(programme=programme, user=user).first()


def is_programme_organiser(user: Any, programme: Programme) -> bool:
    """Facilitators, the core team, and the coordinators of the programme's regions."""
    if not user.is_authenticated:
        return False
    if is_network_facilitator(user):
        return True
    if ProgrammeMember.objects.filter(
        programme=programme, user=user, role=MemberRole.CORE_TEAM
    ).exists():
        return True
    return programme.regions.filter(pk__in=user_coordinated_regions(user).values("pk")).exists()


def can_view_programme(user: Any, programme: Programme) -> bool:
    return is_programme_organiser(user, programme) or programme_member(user, programme) is not None


def visible_programmes(user: Any) -> QuerySet[Programme]:
    """The programmes whose page a person may open."""
    if is_network_facilitator(user):
        return Programme.objects.all()
    if not user.is_authenticated:
        return Programme.objects.none()
    return Programme.objects.filter(
        Q(members__user=user) | Q(regions__in=user_coordinated_regions(user).values("pk"))
    ).distinct()


def access_programme_view(user: Any, slug: str) -> Programme:
    programme = get_object_or_404(Programme, slug=slug)
    if not can_view_programme(user, programme):
        raise Http404  # not revealed to those who may not see it
    return programme


def access_programme_manage(user: Any, slug: str) -> Programme:
    programme = get_object_or_404(Programme, slug=slug)
    if not is_programme_organiser(user, programme):
        if not can_view_programme(user, programme):
            raise Http404
        raise PermissionDenied
    return programme


def access_directory_choices(user: Any, slug: str) -> ProgrammeMember:
    """A member chooses what the directory shows about them; only they themselves."""
    programme = get_object_or_404(Programme, slug=slug)
    member = programme_member(user, programme)
    if member is None:
        raise PermissionDenied
    return member


def _session(pk: int) -> Session:
    return get_object_or_404(Session.objects.select_related("programme", "organiser"), pk=pk)


def access_session_view(user: Any, pk: int) -> Session:
    session = _session(pk)
    if not can_view_programme(user, session.programme):
        raise Http404  # not revealed to those who may not see it
    return session


def access_session_manage(user: Any, pk: int) -> Session:
    session = _session(pk)
    if not is_programme_organiser(user, session.programme):
        if not can_view_programme(user, session.programme):
            raise Http404
        raise PermissionDenied
    return session


def access_session_register(user: Any, pk: int) -> Session:
    """Members of the programme (and its organisers) register themselves."""
    return access_session_view(user, pk)


def access_registration_cancel(user: Any, pk: int) -> Registration:
    """A person cancels their own registration; organisers cancel anyone's."""
    registration = get_object_or_404(
        Registration.objects.select_related("session", "session__programme"), pk=pk
    )
    if user.is_authenticated and (
        registration.user_id == user.pk or registration.email.lower() == user.email.lower()
    ):
        return registration
    if not is_programme_organiser(user, registration.session.programme):
        raise PermissionDenied
    return registration


def application_region_choices(user: Any) -> QuerySet[Region]:
    """Regions a person may apply for: facilitators any network region; coordinators their
    regions; party members the regions their organisation is located in."""
    if is_network_facilitator(user):
        return Region.objects.exclude(kind__in=AUTOMATIC_REGION_KINDS).order_by("name")
    if not user.is_authenticated:
        return Region.objects.none()
    return user_regions(user)


def access_application_create(user: Any) -> QuerySet[Region]:
    regions = application_region_choices(user)
    if not regions.exists():
        raise PermissionDenied
    return regions


def access_application_list(user: Any) -> None:
    if not is_network_facilitator(user):
        raise PermissionDenied


def access_application_view(user: Any, pk: int) -> RegionApplication:
    """The applicant and the facilitators."""
    application = get_object_or_404(
        RegionApplication.objects.select_related("region", "submitted_by", "programme"), pk=pk
    )
    if not (is_network_facilitator(user) or application.submitted_by_id == user.pk):
        raise PermissionDenied
    return application


def access_application_review(user: Any, pk: int) -> RegionApplication:
    application = get_object_or_404(RegionApplication.objects.select_related("region"), pk=pk)
    if not is_network_facilitator(user):
        raise PermissionDenied
    return application


# --- Practice library ---------------------------------------------------------------------


def practice_organisation_choices(user: Any) -> QuerySet[Organisation]:
    """Organisations a person may add practice examples for: their own; for coordinators
    also the parties in their regions; facilitators all."""
    if is_network_facilitator(user):
        return Organisation.objects.order_by("name")
    if not user.is_authenticated:
        return Organisation.objects.none()
    return (
        Organisation.objects.filter(
            Q(memberships__user=user)
            | Q(municipality__regions__in=user_coordinated_regions(user).values("pk"))
        )
        .distinct()
        .order_by("name")
    )


def can_edit_practice(user: Any, example: PracticeExample) -> bool:
    if not user.is_authenticated:
        return False
    return (
        example.created_by_id == user.pk
        or practice_organisation_choices(user).filter(pk=example.organisation_id).exists()
    )


def access_practice_view(user: Any, slug: str) -> PracticeExample:
    example = get_object_or_404(
        PracticeExample.objects.select_related("organisation", "region"), slug=slug
    )
    if not example.is_published and not can_edit_practice(user, example):
        raise Http404
    return example


def access_practice_create(user: Any) -> QuerySet[Organisation]:
    organisations = practice_organisation_choices(user)
    if not organisations.exists():
        raise PermissionDenied
    return organisations


def access_practice_edit(user: Any, slug: str) -> PracticeExample:
    example = get_object_or_404(PracticeExample, slug=slug)
    if not can_edit_practice(user, example):
        raise PermissionDenied
    return example


# --- Lessons, learning questions, suggestions ---------------------------------------------


def access_network_knowledge(user: Any) -> None:
    """Lessons, learning questions and suggestions are for the professionals of the network."""
    if not is_professional(user):
        raise PermissionDenied


def can_answer_question(user: Any, question: LearningQuestion) -> bool:
    if not user.is_authenticated:
        return False
    if is_network_facilitator(user) or question.raised_by_id == user.pk:
        return True
    if question.region_id and user_coordinated_regions(user).filter(pk=question.region_id).exists():
        return True
    return question.programme is not None and is_programme_organiser(user, question.programme)


def access_question_view(user: Any, pk: int) -> LearningQuestion:
    access_network_knowledge(user)
    return get_object_or_404(
        LearningQuestion.objects.select_related("region", "programme", "raised_by"), pk=pk
    )


def access_question_answer(user: Any, pk: int) -> LearningQuestion:
    question = get_object_or_404(LearningQuestion.objects.select_related("programme"), pk=pk)
    if not can_answer_question(user, question):
        raise PermissionDenied
    return question


def question_region_choices(user: Any) -> QuerySet[Region]:
    return application_region_choices(user)


def access_programme_document_add(user: Any, slug: str) -> Programme:
    """Members and organisers of a programme share documents in it."""
    return access_programme_view(user, slug)


def access_programme_document(user: Any, pk: int) -> ProgrammeDocument:
    """A programme's document, for whoever may see the programme."""
    document = get_object_or_404(ProgrammeDocument.objects.select_related("programme"), pk=pk)
    if not can_view_programme(user, document.programme):
        raise Http404  # not revealed to those who may not see the programme
    return document


def can_remove_programme_document(user: Any, document: ProgrammeDocument) -> bool:
    """Who added it, and the programme's organisers."""
    if not user.is_authenticated:
        return False
    return document.uploaded_by_id == user.pk or is_programme_organiser(user, document.programme)


def access_programme_document_remove(user: Any, pk: int) -> ProgrammeDocument:
    document = access_programme_document(user, pk)
    if not can_remove_programme_document(user, document):
        raise PermissionDenied
    return document
