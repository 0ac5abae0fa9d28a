"""Messages and calendar events of a region's channel in the API: the approved messages and
events (public), one message (as on the web), and submitting a message (with the same
permissions and service as the web form)."""

import datetime as dt
import uuid
from typing import Annotated

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy
from ninja import Path, Router, Schema, Status
from ninja.pagination import paginate

from kennisnetwerk.ecosystem.models import Organisation, TargetGroup, Theme
from kennisnetwerk.geo.models import Region
from kennisnetwerk.outreach import services_messages
from kennisnetwerk.outreach.constants import MessageKind
from kennisnetwerk.outreach.duplicates import message_duplicates
from kennisnetwerk.outreach.feeds import absolute_url
from kennisnetwerk.outreach.models import Message
from kennisnetwerk.outreach.permissions import (
    access_message_submit,
    access_message_view,
    message_sender_choices,
)
from kennisnetwerk.outreach.selectors_messages import (
    current_messages,
    feed_events,
    message_detail,
    message_senders,
    senders_label,
)

from .common import Lookups, Pagination, lookup, municipality, reader, write_auth
from .schemas import Day, ErrorOut, Moment, RequiredDay, Text, stored_text

router = Router(tags=["messages"])

MAX_ID = 2_147_483_647


class MessageOut(Schema):
    id: int
    uid: uuid.UUID
    region: str
    kind: str
    status: str
    title: str
    body: str
    link: str
    sender: str
    senders: list[str]
    senders_label: str
    themes: list[str]
    target_groups: list[str]
    municipalities: list[str]
    valid_from: dt.date
    valid_until: dt.date
    deadline: dt.date | None
    event_start: dt.datetime | None
    event_end: dt.datetime | None
    location: str
    sequence: int
    url: str

    @staticmethod
    def resolve_region(obj) -> str:
        return obj.region.slug

    @staticmethod
    def resolve_sender(obj) -> str:
        return obj.sender.slug

    @staticmethod
    def resolve_senders(obj) -> list[str]:
        return [o.slug for o in message_senders(obj)]

    @staticmethod
    def resolve_senders_label(obj) -> str:
        return senders_label(obj)

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return [t.slug for t in obj.themes.all()]

    @staticmethod
    def resolve_target_groups(obj) -> list[str]:
        return [g.code for g in obj.target_groups.all()]

    @staticmethod
    def resolve_municipalities(obj) -> list[str]:
        return [m.code for m in obj.municipalities.all()]

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute_url(reverse("outreach:message", args=[obj.pk]))


class DuplicateOut(Schema):
    id: int
    title: str
    senders_label: str
    similarity: float


class SubmittedOut(MessageOut):
    possible_duplicates: list[DuplicateOut]


class MessageIn(Schema):
    """Relations by their short names: the sending organisation's slug, theme slugs,
    target-group codes, CBS municipality codes (or names). Moments in ISO 8601; without an
    offset they are Dutch time."""

    sender: Text
    kind: MessageKind
    title: stored_text(Message, "title")
    body: stored_text(Message, "body")
    valid_from: RequiredDay
    valid_until: Day = None
    link: stored_text(Message, "link") = ""
    themes: list[Text] = []
    target_groups: list[Text] = []
    municipalities: list[Text] = []
    deadline: Day = None
    event_start: Moment = None
    event_end: Moment = None
    location: stored_text(Message, "location") = ""


@router.get(
    "/regions/{slug}/messages",
    response={200: list[MessageOut], 404: ErrorOut, 422: ErrorOut},
    summary=gettext_lazy("A region's messages"),
    description=gettext_lazy("The approved messages of a region being shown now, newest first."),
)
@paginate(Pagination)
def list_messages(request, slug: Text):
    return current_messages(region=get_object_or_404(Region, slug=slug))


@router.get(
    "/regions/{slug}/events",
    response={200: list[MessageOut], 404: ErrorOut, 422: ErrorOut},
    summary=gettext_lazy("A region's calendar"),
    description=gettext_lazy(
        "The events of a region's calendar, as in its iCalendar feed: cancelled events stay "
        'for 30 days after their end with status "geannuleerd".'
    ),
)
def list_events(request, slug: Text, theme: Text | None = None):
    region = get_object_or_404(Region, slug=slug)
    chosen = lookup(Theme, "slug", [theme], "theme")[0] if theme else None
    return feed_events(region=region, theme=chosen)


@router.get(
    "/messages/{message_id}",
    response={200: MessageOut, 404: ErrorOut, 422: ErrorOut},
    summary=gettext_lazy("One message"),
    description=gettext_lazy(
        "A message: approved ones for everyone, others for their senders and the editors."
    ),
)
def get_message(request, message_id: Annotated[int, Path(ge=1, le=MAX_ID)]):
    return message_detail(access_message_view(reader(request), message_id).pk)


@router.post(
    "/regions/{slug}/messages",
    response={201: SubmittedOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    summary=gettext_lazy("Submit a message"),
    description=gettext_lazy(
        "Submit a message to the region's editorial queue. The answer names messages already in "
        "the queue or approved that look like the same announcement."
    ),
)
def submit_message(request, slug: Text, payload: MessageIn):
    region = access_message_submit(request.auth, slug)
    lookups = Lookups()
    sender = lookups.one(Organisation, "slug", payload.sender, "sender")
    data = services_messages.MessageData(
        kind=payload.kind,
        title=payload.title,
        body=payload.body,
        link=payload.link,
        themes=lookups.many(Theme, "slug", payload.themes, "themes"),
        target_groups=lookups.many(TargetGroup, "code", payload.target_groups, "target_groups"),
        municipalities=[
            m
            for name in payload.municipalities
            if (m := municipality(name, lookups, "municipalities")) is not None
        ],
        valid_from=payload.valid_from,
        valid_until=payload.valid_until,
        deadline=payload.deadline,
        event_start=payload.event_start,
        event_end=payload.event_end,
        location=payload.location,
    )
    lookups.check()
    if not message_sender_choices(request.auth, region).filter(pk=sender.pk).exists():
        raise PermissionDenied
    message = services_messages.message_submit(
        region=region, sender=sender, data=data, actor=request.auth
    )
    message = message_detail(message.pk)
    message.possible_duplicates = [
        {
            "id": d.message.pk,
            "title": d.message.title,
            "senders_label": senders_label(d.message),
            "similarity": d.similarity,
        }
        for d in message_duplicates(message)
    ]
    return Status(201, message)
