"""What conversations add to other parts of the platform: the menu item, a programme's latest
topics and the thread under sessions, practice examples, learning questions and actions on
their pages, and a person's posts in their personal data export and erasure."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core import hooks, personal_data
from kennisnetwerk.core.menu import MenuItem
from kennisnetwerk.learning.models import Programme

from .models import KIND_FIELDS, ReadPosition, Thread, ThreadKind
from .permissions import can_view_thread
from .selectors import latest_topics, read_position, user_posts

# The kind of thread under each kind of object, and its word in the web address.
SUBJECT_KINDS = {
    "session": ThreadKind.SESSION,
    "practiceexample": ThreadKind.PRACTICE,
    "learningquestion": ThreadKind.QUESTION,
    "action": ThreadKind.ACTION,
}
URL_KINDS = {
    ThreadKind.SESSION: "bijeenkomst",
    ThreadKind.PRACTICE: "praktijkvoorbeeld",
    ThreadKind.QUESTION: "leervraag",
    ThreadKind.ACTION: "actie",
}


@hooks.register("main_menu_items", order=35)
def community_item(request: HttpRequest) -> MenuItem | None:
    if not request.user.is_authenticated:
        return None
    return MenuItem(_("Meet"), reverse("community:index"), "ontmoeten", 35)


@hooks.register("detail_sections", order=50)
def conversation_section(request: HttpRequest, obj):
    """A programme's latest topics; the conversation under a session, practice example,
    learning question or action — for whoever may read it."""
    user = request.user
    if isinstance(obj, Programme):
        from .permissions import can_view_programme

        if not can_view_programme(user, obj):
            return None
        return render_to_string(
            "community/_programme_section.html",
            {"programme": obj, "topics": latest_topics(obj, user)},
            request=request,
        )
    kind = SUBJECT_KINDS.get(obj._meta.model_name)
    if kind is None:
        return None
    thread = Thread.objects.filter(**{KIND_FIELDS[kind]: obj}).first()
    probe = thread or Thread(kind=kind, **{KIND_FIELDS[kind]: obj})
    if not can_view_thread(user, probe):
        return None
    context = {"thread": thread, "is_question": kind == ThreadKind.QUESTION}
    if thread is None:
        context["url"] = reverse("community:subject_thread", args=[URL_KINDS[kind], obj.pk])
    else:
        visible = thread.posts.filter(is_hidden=False)
        position = read_position(thread, user)
        context.update(
            url=reverse("community:thread", args=[thread.pk]),
            count=visible.count(),
            unread=visible.filter(pk__gt=position).exclude(author=user).count(),
            latest=list(visible.select_related("author").order_by("-created_at", "-pk")[:2])[::-1],
        )
    return render_to_string("community/_subject_section.html", context, request=request)


for _field, _export, _erasure in (
    (
        "community.Post.author",
        "community.posts",
        'kept as "verwijderde deelnemer" with their text, or removed when the person asks',
    ),
    (
        "community.Post.mentions",
        "community.mentioned_in",
        'the mention reads "@verwijderde deelnemer"; the link is removed',
    ),
    (
        "community.Post.hidden_by",
        "activity (the audit log of moderation acts)",
        "the link to the moderator is removed; the post stays hidden",
    ),
    ("community.Thread.started_by", "community.topics_started", "the link is removed"),
    ("community.PostReport.reported_by", "community.reports", "the link is removed"),
    ("community.ReadPosition.user", "community.read_positions", "deleted"),
):
    personal_data.rule(_field, export=_export, erasure=_erasure)


@hooks.register("personal_data_export")
def export_community(user):
    return "community", {
        "posts": [
            {
                "conversation": post.thread.display_title,
                "written_at": post.created_at.isoformat(),
                "edited_at": post.edited_at.isoformat() if post.edited_at else None,
                "text": post.source,
                "hidden_by_moderator": post.is_hidden,
                "hidden_reason": post.hidden_reason,
                "attachments": [a.filename for a in post.attachments.all()],
            }
            for post in user_posts(user).prefetch_related("attachments")
        ],
        "topics_started": [
            thread.display_title for thread in Thread.objects.filter(started_by=user)
        ],
        "mentioned_in": [
            {"conversation": post.thread.display_title, "written_at": post.created_at.isoformat()}
            for post in user.community_mentions.select_related("thread")
        ],
        "reports": [
            {"post": report.post_id, "reason": report.reason, "at": report.created_at.isoformat()}
            for report in user.community_reports.all()
        ],
        "read_positions": [
            {"conversation": r.thread.display_title, "read_at": r.updated_at.isoformat()}
            for r in ReadPosition.objects.filter(user=user).select_related("thread")
        ],
    }


@hooks.register("personal_data_erase")
def erase_community(user):
    """Posts stay without the name ("removed participant") and with their text, unless the
    person asked on the erasure form to remove them too; then they and their files go."""
    from .services import posts_erase

    posts_erase(user=user)
