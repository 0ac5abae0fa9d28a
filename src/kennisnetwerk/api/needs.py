"""Entrepreneurs' questions in the API: asking a question (as on the public intake form, with
its matches in the answer), the questions of a region and the matches of a question (for the
region's account managers and coordinators), and feedback on a match — with the same
permissions and services as the web pages."""

import datetime as dt
from typing import Annotated

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Path, Router, Schema, Status
from ninja.pagination import paginate

from kennisnetwerk.ecosystem.models import Initiative, Theme
from kennisnetwerk.geo.models import Region, SbiSection
from kennisnetwerk.needs import services
from kennisnetwerk.needs.constants import (
    QUESTION_MAX_LENGTH,
    FeedbackKind,
    NeedStatus,
    SizeClass,
    Urgency,
)
from kennisnetwerk.needs.matching import Match
from kennisnetwerk.needs.permissions import access_need, access_needs
from kennisnetwerk.needs.selectors import NeedFilters, need_feedback, need_list, need_matches
from kennisnetwerk.needs.views import answer_token
from kennisnetwerk.outreach.feeds import absolute_url

from .common import Lookups, Pagination, lookup, municipality, reader, write_auth
from .schemas import ErrorOut, Text, limited_text

router = Router(tags=["needs"])
MAX_ID = 2_147_483_647


class NeedIn(Schema):
    """A question as on the public intake form. Contact details are kept only with
    ``follow_up_consent``; then an e-mail address or telephone number is required."""

    question: limited_text(QUESTION_MAX_LENGTH)
    municipality: Text = ""
    size_class: SizeClass | None = None
    sbi_section: Text = ""
    themes: list[Text] = []
    urgency: Urgency | None = None
    company_name: limited_text(200) = ""
    contact_name: limited_text(200) = ""
    contact_email: limited_text(254) = ""
    contact_phone: limited_text(50) = ""
    follow_up_consent: bool = False


class ReasonOut(Schema):
    words: list[str]
    synonyms: list[dict[str, str]]
    themes: list[str]
    target_group: str
    area: str


class MatchOut(Schema):
    initiative: str
    title: str
    owner: str
    url: str
    score: float
    reason: ReasonOut
    feedback: list[str] = []


class NeedOut(Schema):
    id: int
    region: str
    question: str
    status: str
    source: str
    municipality: str | None
    size_class: str
    sbi_section: str | None
    themes: list[str]
    urgency: str
    company_name: str
    contact_name: str
    contact_email: str
    contact_phone: str
    follow_up_consent: bool
    best_score: float | None
    created_at: dt.datetime

    @staticmethod
    def resolve_region(obj) -> str:
        return obj.region.slug

    @staticmethod
    def resolve_municipality(obj) -> str | None:
        return obj.municipality.code if obj.municipality_id else None

    @staticmethod
    def resolve_sbi_section(obj) -> str | None:
        return obj.sbi_section.code if obj.sbi_section_id else None

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return [t.slug for t in obj.themes.all()]


class SubmittedOut(Schema):
    id: int
    status: str
    answer_url: str
    matches: list[MatchOut]


class FeedbackIn(Schema):
    initiative: Text
    kind: FeedbackKind
    given: bool = True


def _match_out(match: Match, feedback: dict[int, list] | None = None) -> dict:
    reason = match.reason
    return {
        "initiative": match.initiative.slug,
        "title": match.initiative.title,
        "owner": match.initiative.owner.name,
        "url": absolute_url(reverse("ecosystem:initiative", args=[match.initiative.slug])),
        "score": round(match.score, 4),
        "reason": {
            "words": reason.words,
            "synonyms": [{"word": word, "for": via} for word, via in reason.synonyms],
            "themes": reason.themes,
            "target_group": reason.target_group,
            "area": reason.area,
        },
        "feedback": sorted(f.kind for f in (feedback or {}).get(match.initiative.pk, [])),
    }


def _data(region: Region, payload: NeedIn) -> services.NeedData:
    lookups = Lookups()
    has_contact = bool(payload.contact_email or payload.contact_phone)
    if payload.follow_up_consent and not has_contact:
        lookups.error(
            "contact_email",
            _("Enter an e-mail address or telephone number so that we can contact you."),
        )
    if has_contact and not payload.follow_up_consent:
        lookups.error(
            "follow_up_consent", _("Contact details are only kept with consent for follow-up.")
        )
    data = services.NeedData(
        question=payload.question,
        municipality=municipality(payload.municipality, lookups),
        size_class=payload.size_class or "",
        sbi_section=lookups.one(SbiSection, "code", payload.sbi_section, "sbi_section"),
        themes=lookups.many(Theme, "slug", payload.themes, "themes"),
        urgency=payload.urgency or "",
        company_name=payload.company_name,
        contact_name=payload.contact_name,
        contact_email=payload.contact_email,
        contact_phone=payload.contact_phone,
        follow_up_consent=payload.follow_up_consent,
    )
    lookups.check()
    return data


@router.post(
    "/regions/{slug}/needs",
    response={201: SubmittedOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    summary=gettext_lazy("Ask a question"),
    description=gettext_lazy(
        "Ask a question, as on the region's public intake form (no account; at most "
        "``NEEDS_INTAKE_MAX_PER_HOUR`` an hour from one address). The answer holds the matching "
        "offers and the address of the answer page."
    ),
)
def submit_need(request, slug: Text, payload: NeedIn):
    region = get_object_or_404(Region, slug=slug)
    data = _data(region, payload)
    try:
        need = services.need_submit_public(
            region=region,
            data=data,
            consent_text=_("Consent for follow-up given through the API."),
            ip_address=request.META.get("REMOTE_ADDR"),
        )
    except services.TooManyQuestions:
        return Status(
            429, {"detail": _("Too many questions from this address; try again in an hour.")}
        )
    matches = need_matches(need)
    return Status(
        201,
        {
            "id": need.pk,
            "status": need.status,
            "answer_url": absolute_url(reverse("needs:answer", args=[answer_token(need)])),
            "matches": [_match_out(m) for m in matches],
        },
    )


@router.get(
    "/regions/{slug}/needs",
    response={200: list[NeedOut], 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary=gettext_lazy("A region's questions"),
    description=gettext_lazy(
        "The questions of a region, newest first: for its account managers and coordinators."
    ),
)
@paginate(Pagination)
def list_needs(request, slug: Text, status: NeedStatus | None = None):
    region = access_needs(reader(request), slug)
    return need_list(region=region, filters=NeedFilters(status=status or "")).select_related(
        "region", "sbi_section"
    )


@router.get(
    "/needs/{need_id}/matches",
    response={200: list[MatchOut], 404: ErrorOut, 422: ErrorOut},
    summary=gettext_lazy("Matching offers of a question"),
    description=gettext_lazy(
        "The offers matching a question now, best first, with the reason and the feedback."
    ),
)
def list_need_matches(request, need_id: Annotated[int, Path(ge=1, le=MAX_ID)]):
    need = access_need(reader(request), need_id)
    feedback = need_feedback(need)
    return [_match_out(m, feedback) for m in need_matches(need)]


@router.post(
    "/needs/{need_id}/feedback",
    response={200: list[MatchOut], 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    summary=gettext_lazy("Feedback on a match"),
    description=gettext_lazy(
        "Mark a matching offer as referred, helpful or not helpful (``given`` false takes it "
        "back). Answers with the matches and their feedback."
    ),
)
def give_feedback(request, need_id: Annotated[int, Path(ge=1, le=MAX_ID)], payload: FeedbackIn):
    need = access_need(request.auth, need_id)
    initiative = lookup(Initiative, "slug", [payload.initiative], "initiative")[0]
    services.match_feedback_set(
        need=need, initiative=initiative, kind=payload.kind, given=payload.given, actor=request.auth
    )
    feedback = need_feedback(need)
    return [_match_out(m, feedback) for m in need_matches(need)]


__all__ = ["router"]
