"""Demo conversations: a few realistic topics with replies in the demo programmes (read from
community.json). Written directly, without notifications: they are history, not news."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.utils import timezone

from kennisnetwerk.community import text as post_text
from kennisnetwerk.community.models import Post, Thread, ThreadKind
from kennisnetwerk.learning.models import Programme

from .learning import _user

DATA = Path(__file__).with_name("community.json")


def _mentioned(source: str, people: list) -> list:
    names = {
        name.lower() for occurrence in post_text.mention_occurrences(source) for name in occurrence
    }
    return [person for person in people if person.full_name.lower() in names]


def community_demo_load(*, people: dict, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for spec in data["topics"]:
        programme = Programme.objects.filter(slug=spec["programme"]).first()
        if (
            programme is None
            or Thread.objects.filter(programme=programme, title=spec["title"]).exists()
        ):
            continue
        members = [m.user for m in programme.members.select_related("user")]
        thread = Thread.objects.create(
            kind=ThreadKind.TOPIC,
            programme=programme,
            title=spec["title"],
            started_by=_user(spec["author"], people),
        )
        written: list[Post] = []
        for item in [spec, *spec.get("replies", [])]:
            mentioned = _mentioned(item["text"], members)
            quote = item.get("quote")
            post = Post.objects.create(
                thread=thread,
                author=_user(item["author"], people),
                source=item["text"],
                html=post_text.render(item["text"], mentions=[u.full_name for u in mentioned]),
                quote_of=written[quote] if quote is not None else None,
            )
            post.mentions.set(mentioned)
            at = now - dt.timedelta(days=item["days_ago"])
            Post.objects.filter(pk=post.pk).update(created_at=at)
            written.append(post)
        Thread.objects.filter(pk=thread.pk).update(
            last_post_at=at, created_at=now - dt.timedelta(days=spec["days_ago"])
        )
