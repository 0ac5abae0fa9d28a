"""Conversations in the API: a programme's topics, a thread's posts, starting a topic and
replying. The same access rules (community/permissions.py) and services as the web pages, so
the same Dutch errors come back (404 for a programme or thread the person may not see, 422 for
an empty or too long post or a locked thread). Posts are written in the platform's text
format (see the web form's help); ``html`` is the safe rendering."""

import datetime as dt
from typing import Annotated

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema, Status
from ninja.pagination import paginate

from kennisnetwerk.community import selectors as community_selectors
from kennisnetwerk.community import services as community_services
from kennisnetwerk.community.models import Post, Thread
from kennisnetwerk.community.permissions import (
    access_programme_topics,
    access_thread_post,
    access_thread_view,
    can_moderate_thread,
)
from kennisnetwerk.learning.links import absolute

from .api import Pagination, _reader, write_auth
from .schemas import ErrorOut, Text

router = Router(tags=["community"])
MAX_ID = 2_147_483_647
ObjectId = Annotated[int, Path(ge=1, le=MAX_ID)]
REMOVED = "verwijderde deelnemer"


class TopicOut(Schema):
    id: int
    title: str
    programme: str
    started_at: dt.datetime
    last_post_at: dt.datetime | None
    posts: int
    unread: int
    locked: bool
    url: str

    @staticmethod
    def resolve_programme(obj) -> str:
        return obj.programme.slug

    @staticmethod
    def resolve_started_at(obj) -> dt.datetime:
        return obj.created_at

    @staticmethod
    def resolve_posts(obj) -> int:
        return getattr(obj, "post_count", 0)

    @staticmethod
    def resolve_unread(obj) -> int:
        return getattr(obj, "unread", 0)

    @staticmethod
    def resolve_locked(obj) -> bool:
        return obj.is_locked

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute(reverse("community:thread", args=[obj.pk]))


class PostOut(Schema):
    id: int
    thread: int
    author: str
    written_at: dt.datetime
    edited_at: dt.datetime | None
    text: str
    html: str
    quotes: int | None
    hidden: bool
    accepted: bool
    url: str


class PostIn(Schema):
    text: Text = Field(description="The post in the platform's text format.")
    quotes: Annotated[int, Field(ge=1, le=MAX_ID)] | None = None


class TopicIn(PostIn):
    title: Text


def _post_out(post: Post, thread: Thread) -> dict:
    author = post.author
    return {
        "id": post.pk,
        "thread": post.thread_id,
        "author": (author.full_name or author.email) if author else REMOVED,
        "written_at": post.created_at,
        "edited_at": post.edited_at,
        "text": post.source,
        "html": post.html,
        "quotes": post.quote_of_id,
        "hidden": post.is_hidden,
        "accepted": thread.accepted_post_id == post.pk,
        "url": absolute(reverse("community:post", args=[post.pk])),
    }


def _quote(thread: Thread, quote_id: int | None) -> Post | None:
    if quote_id is None:
        return None
    post = Post.objects.filter(pk=quote_id, thread=thread, is_hidden=False).first()
    if post is None:
        raise ValidationError(
            {"quotes": [_("You can only quote a visible post of this conversation.")]}
        )
    return post


@router.get(
    "/programmes/{slug}/topics",
    response={200: list[TopicOut], 404: ErrorOut, 422: ErrorOut},
)
@paginate(Pagination)
def list_topics(request, slug: Annotated[str, Path(max_length=200)]):
    """The programme's topics, latest activity first, with the number of posts and how many
    are new to the person; 404 for a programme they are not in."""
    user = _reader(request)
    programme = access_programme_topics(user, slug)
    return community_selectors.programme_topics(programme, user).select_related("programme")


@router.post(
    "/programmes/{slug}/topics",
    response={201: TopicOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
)
def create_topic(request, slug: Annotated[str, Path(max_length=200)], payload: TopicIn):
    """Start a topic with its first post (members, core team, coordinators, facilitators)."""
    programme = access_programme_topics(request.auth, slug)
    thread = community_services.topic_create(
        programme=programme,
        title=payload.title,
        data=community_services.PostData(text=payload.text),
        actor=request.auth,
    )
    thread.post_count = 1
    thread.unread = 0
    return Status(201, thread)


@router.get(
    "/threads/{thread_id}/posts",
    response={200: list[PostOut], 404: ErrorOut, 422: ErrorOut},
)
@paginate(Pagination)
def list_posts(request, thread_id: ObjectId):
    """The thread's posts in order (hidden ones only for its moderators)."""
    user = _reader(request)
    thread = access_thread_view(user, thread_id)
    posts = community_selectors.thread_posts(thread, moderator=can_moderate_thread(user, thread))
    return [_post_out(post, thread) for post in posts]


@router.post(
    "/threads/{thread_id}/posts",
    response={201: PostOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
)
def create_post(request, thread_id: ObjectId, payload: PostIn):
    """Reply in a thread; "@Voornaam Achternaam" mentions someone who may see it."""
    thread = access_thread_post(request.auth, thread_id)
    post = community_services.post_create(
        thread=thread,
        data=community_services.PostData(
            text=payload.text, quote_of=_quote(thread, payload.quotes)
        ),
        actor=request.auth,
    )
    return Status(201, _post_out(post, post.thread))
