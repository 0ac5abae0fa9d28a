"""Learning together in the API: programmes and their sessions (for their members),
registering and cancelling (the same permissions and service as the web page, so capacity
and the waiting list hold), the practice library (public) and learning questions (for the
network's professionals)."""

import datetime as dt
from typing import Annotated

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy
from ninja import Path, Router, Schema, Status
from ninja.pagination import paginate

from kennisnetwerk.ecosystem.models import Theme
from kennisnetwerk.geo.models import Region
from kennisnetwerk.learning import services as learning_services
from kennisnetwerk.learning import services_sessions
from kennisnetwerk.learning.constants import QuestionStatus, RegistrationStatus
from kennisnetwerk.learning.links import absolute
from kennisnetwerk.learning.models import LearningQuestion
from kennisnetwerk.learning.permissions import (
    access_network_knowledge,
    access_practice_view,
    access_programme_view,
    access_session_register,
    access_session_view,
    is_programme_organiser,
    question_region_choices,
    visible_programmes,
)
from kennisnetwerk.learning.selectors import (
    PracticeFilters,
    practice_list,
    sessions_with_counts,
    user_registration,
)

from .common import Lookups, Pagination, reader, write_auth
from .schemas import ErrorOut, Text, stored_text

router = Router(tags=["learning"])
MAX_ID = 2_147_483_647
SessionId = Annotated[int, Path(ge=1, le=MAX_ID)]


class ProgrammeOut(Schema):
    slug: str
    title: str
    kind: str
    status: str
    description: str
    goals: str
    needed: str
    regions: list[str]
    themes: list[str]
    start_date: dt.date | None
    end_date: dt.date | None
    url: str

    @staticmethod
    def resolve_regions(obj) -> list[str]:
        return [r.slug for r in obj.regions.all()]

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return [t.slug for t in obj.themes.all()]

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute(reverse("learning:programme", args=[obj.slug]))


class SessionOut(Schema):
    id: int
    programme: str
    title: str
    description: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str
    online_url: str | None
    formats: list[str]
    capacity: int
    registered: int
    waiting: int
    status: str
    my_registration: str | None
    url: str


class RegistrationOut(Schema):
    session: int
    status: str
    waiting_position: int | None
    promoted: list[str] = []


class PracticeOut(Schema):
    slug: str
    title: str
    organisation: str
    region: str
    themes: list[str]
    summary: str
    approach: str
    results: str
    dos: str
    donts: str
    contact_name: str
    contact_email: str
    url: str

    @staticmethod
    def resolve_organisation(obj) -> str:
        return obj.organisation.slug

    @staticmethod
    def resolve_region(obj) -> str:
        return obj.region.slug

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return [t.slug for t in obj.themes.all()]

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute(reverse("learning:practice", args=[obj.slug]))


class QuestionOut(Schema):
    id: int
    title: str
    description: str
    region: str | None
    status: str
    themes: list[str]
    answer: str
    created_at: dt.datetime

    @staticmethod
    def resolve_region(obj) -> str | None:
        return obj.region.slug if obj.region_id else None

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return [t.slug for t in obj.themes.all()]


class QuestionIn(Schema):
    title: stored_text(LearningQuestion, "title")
    description: Text = ""
    region: Text | None = None
    themes: list[Text] = []


class RegisterIn(Schema):
    waiting_list: bool = True


def _session_out(session, user) -> dict:
    registration = user_registration(session, user)
    sees_link = is_programme_organiser(user, session.programme) or (
        registration is not None and registration.status == RegistrationStatus.REGISTERED
    )
    return {
        "id": session.pk,
        "programme": session.programme.slug,
        "title": session.title,
        "description": session.description,
        "starts_at": session.starts_at,
        "ends_at": session.ends_at,
        "place": session.place,
        "online_url": session.online_url if sees_link and session.online_url else None,
        "formats": session.formats,
        "capacity": session.capacity,
        "registered": session.registered_count,
        "waiting": session.waiting_count,
        "status": session.status,
        "my_registration": registration.status if registration else None,
        "url": absolute(reverse("learning:session", args=[session.pk])),
    }


@router.get(
    "/programmes",
    response={200: list[ProgrammeOut], 422: ErrorOut},
    summary=gettext_lazy("Programmes"),
    description=gettext_lazy(
        "The programmes the person takes part in or organises (all for facilitators)."
    ),
)
@paginate(Pagination)
def list_programmes(request):
    return (
        visible_programmes(reader(request)).prefetch_related("regions", "themes").order_by("title")
    )


@router.get(
    "/programmes/{slug}",
    response={200: ProgrammeOut, 404: ErrorOut},
    summary=gettext_lazy("One programme"),
)
def get_programme(request, slug: Text):
    return access_programme_view(reader(request), slug)


@router.get(
    "/programmes/{slug}/sessions",
    response={200: list[SessionOut], 404: ErrorOut},
    summary=gettext_lazy("A programme's sessions"),
    description=gettext_lazy(
        "The programme's sessions, earliest first; the online link only for registered people."
    ),
)
def list_programme_sessions(request, slug: Text):
    user = reader(request)
    programme = access_programme_view(user, slug)
    sessions = sessions_with_counts(programme.sessions.all()).order_by("starts_at")
    return [_session_out(s, user) for s in sessions]


@router.get(
    "/sessions/{session_id}",
    response={200: SessionOut, 404: ErrorOut, 422: ErrorOut},
    summary=gettext_lazy("One session"),
)
def get_session(request, session_id: SessionId):
    user = reader(request)
    session = access_session_view(user, session_id)
    return _session_out(
        sessions_with_counts(type(session).objects.filter(pk=session.pk)).get(), user
    )


@router.post(
    "/sessions/{session_id}/registration",
    response={201: RegistrationOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    summary=gettext_lazy("Register for a session"),
    description=gettext_lazy(
        "Register the person: a place while there is one, else the waiting list (or a 422 "
        '"full" with ``waiting_list: false``). Full, past, closed and cancelled sessions are '
        "refused with a Dutch message."
    ),
)
def register_for_session(request, session_id: SessionId, payload: RegisterIn):
    user = request.auth
    session = access_session_register(user, session_id)
    membership = user.memberships.select_related("organisation").first()
    registration = services_sessions.session_register(
        session=session,
        user=user,
        name=user.get_full_name() or user.email,
        email=user.email,
        organisation_name=membership.organisation.name if membership else "",
        waiting_list=payload.waiting_list,
        actor=user,
    )
    return Status(
        201,
        {
            "session": session.pk,
            "status": registration.status,
            "waiting_position": services_sessions.waiting_position(registration),
        },
    )


@router.post(
    "/sessions/{session_id}/cancellation",
    response={200: RegistrationOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    summary=gettext_lazy("Cancel a registration"),
    description=gettext_lazy(
        "Cancel the person's registration (or leave the waiting list); a freed place goes to the "
        "first person waiting."
    ),
)
def cancel_session_registration(request, session_id: SessionId):
    user = request.auth
    session = access_session_view(user, session_id)
    registration = user_registration(session, user)
    if registration is None:
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext as _

        raise ValidationError(_("You are not registered for this session."))
    promoted = services_sessions.registration_cancel(registration=registration, actor=user)
    return Status(
        200,
        {
            "session": session.pk,
            "status": RegistrationStatus.CANCELLED,
            "waiting_position": None,
            "promoted": [r.name for r in promoted]
            if is_programme_organiser(user, session.programme)
            else [],
        },
    )


@router.get(
    "/practice-examples",
    response={200: list[PracticeOut], 422: ErrorOut},
    summary=gettext_lazy("Practice examples"),
    description=gettext_lazy(
        "The published practice examples; ``q`` searches them in Dutch (best match first)."
    ),
)
@paginate(Pagination)
def list_practice_examples(
    request,
    q: Text = "",
    theme: Text = "",
    region: Text = "",
):
    return practice_list(PracticeFilters(query=q[:200], theme=theme, region=region))


@router.get(
    "/practice-examples/{slug}",
    response={200: PracticeOut, 404: ErrorOut},
    summary=gettext_lazy("One practice example"),
)
def get_practice_example(request, slug: Text):
    return access_practice_view(reader(request), slug)


@router.get(
    "/learning-questions",
    response={200: list[QuestionOut], 403: ErrorOut, 422: ErrorOut},
    summary=gettext_lazy("Learning questions"),
)
@paginate(Pagination)
def list_learning_questions(request, status: QuestionStatus | None = None):
    access_network_knowledge(reader(request))
    qs = LearningQuestion.objects.select_related("region").prefetch_related("themes")
    if status is not None:
        qs = qs.filter(status=status)
    return qs.order_by("-created_at", "-pk")


@router.post(
    "/learning-questions",
    response={201: QuestionOut, 403: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    summary=gettext_lazy("Raise a learning question"),
    description=gettext_lazy(
        "Raise a learning question; ``region`` (a slug) for a region or deal you belong to."
    ),
)
def create_learning_question(request, payload: QuestionIn):
    user = request.auth
    access_network_knowledge(user)
    lookups = Lookups()
    region = lookups.one(Region, "slug", payload.region, "region")
    themes = lookups.many(Theme, "slug", payload.themes, "themes")
    lookups.check()
    if region is not None and not question_region_choices(user).filter(pk=region.pk).exists():
        raise PermissionDenied
    question = learning_services.question_create(
        data=learning_services.QuestionData(
            title=payload.title, description=payload.description, region=region, themes=themes
        ),
        actor=user,
    )
    return Status(201, question)
