"""Writes of conversations: topics, posts, mentions, moderation, accepted answers and read
positions. Every change a person makes is audit-logged; notifications go out after the
commit through the notifications app."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from kennisnetwerk.core.audit import audit_log
from kennisnetwerk.core.models import AuditAction
from kennisnetwerk.learning.models import Programme
from kennisnetwerk.learning.uploads import attachment_type
from kennisnetwerk.notifications.selectors import follower_ids
from kennisnetwerk.notifications.services import follow_set, notification_emit

from . import text as post_text
from .models import (
    KIND_FIELDS,
    POST_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Post,
    PostAttachment,
    PostReport,
    ReadPosition,
    Thread,
    ThreadKind,
)
from .permissions import can_edit_post, can_view_thread
from .selectors import moderator_ids, programme_viewer_ids, viewer_ids

REASON_MAX_LENGTH = 500


@dataclass
class PostData:
    """What a person writes: the text, optionally a quoted post, names to mention beside the
    "@Name" in the text, and files."""

    text: str
    quote_of: Post | None = None
    mention_names: Sequence[str] = ()
    attachments: Sequence[Any] = field(default_factory=list)


def _number(value: int) -> str:
    return formats.number_format(value, force_grouping=True)


def _check_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": [_("Write a message; an empty post cannot be placed.")]})
    if len(text) > POST_MAX_LENGTH:
        raise ValidationError(
            {
                "text": [
                    _(
                        "A post is at most %(max)s characters long; this one has %(length)s. "
                        "Shorten it, or add the long text as an attachment."
                    )
                    % {"max": _number(POST_MAX_LENGTH), "length": _number(len(text))}
                ]
            }
        )
    return text


def _check_attachments(uploads: Sequence[Any]) -> list[tuple[Any, str, str]]:
    limit = int(settings.COMMUNITY_MAX_ATTACHMENTS)
    errors: list[str] = []
    checked = []
    if len(uploads) > limit:
        errors.append(_("A post has at most %(max)d attachments.") % {"max": limit})
    for upload in uploads:
        try:
            checked.append((upload, *attachment_type(upload)))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError({"attachments": errors})
    return checked


def _resolve_mentions(
    *, thread: Thread, source: str, names: Sequence[str]
) -> tuple[list[Any], list[str]]:
    """The people mentioned who may see the thread, and the mentions that reach no one
    (written as typed, so the author learns nothing about people who may not see it)."""
    occurrences = post_text.mention_occurrences(source)
    explicit = [" ".join(name.split()).lstrip("@") for name in names if name.strip()]
    wanted = {c.lower() for occurrence in occurrences for c in occurrence} | {
        name.lower() for name in explicit
    }
    if not wanted:
        return [], []
    users_by_name: dict[str, list[Any]] = {}
    for user in (
        get_user_model()
        .objects.annotate(lname=Lower("full_name"))
        .filter(lname__in=wanted, is_active=True)
    ):
        if can_view_thread(user, thread):
            users_by_name.setdefault(user.lname, []).append(user)
    found: dict[int, Any] = {}
    unresolved: list[str] = []
    for occurrence in occurrences:  # longest name first within an occurrence
        match = next((c for c in occurrence if c.lower() in users_by_name), None)
        if match is None:
            unresolved.append(occurrence[-1])
            continue
        for user in users_by_name[match.lower()]:
            found[user.pk] = user
    for name in explicit:
        people = users_by_name.get(name.lower())
        if not people:
            unresolved.append(name)
        for user in people or []:
            found[user.pk] = user
    return list(found.values()), list(dict.fromkeys(unresolved))


def post_url(post: Post) -> str:
    return reverse("community:post", args=[post.pk])


def _place_post(*, thread: Thread, data: PostData, actor: Any) -> Post:
    source = _check_text(data.text)
    if thread.is_locked:
        raise ValidationError(
            {"text": [_("This conversation is locked by a moderator; it takes no new posts.")]}
        )
    if data.quote_of is not None and (
        data.quote_of.thread_id != thread.pk or data.quote_of.is_hidden
    ):
        raise ValidationError(
            {"quote_of": [_("You can only quote a visible post of this conversation.")]}
        )
    checked = _check_attachments(data.attachments)
    mentioned, unresolved = _resolve_mentions(
        thread=thread, source=source, names=data.mention_names
    )
    post = Post.objects.create(
        thread=thread,
        author=actor,
        source=source,
        html=post_text.render(source, mentions=[u.full_name for u in mentioned]),
        quote_of=data.quote_of,
    )
    post.mentions.set(mentioned)
    for upload, suffix, content_type in checked:
        attachment = PostAttachment(
            post=post,
            filename=upload.name[:200],
            content_type=content_type,
            size=upload.size,
        )
        attachment.file.save(f"bijlage.{suffix}", upload, save=False)
        attachment.save()
    Thread.objects.filter(pk=thread.pk).update(last_post_at=post.created_at)
    thread.last_post_at = post.created_at
    read_position_mark(user=actor, thread=thread, post_id=post.pk)
    follow_set(user=actor, target=thread, follow=True)
    post.unresolved_mentions = unresolved  # type: ignore[attr-defined]
    post.mentioned = mentioned  # type: ignore[attr-defined]
    return post


def _notify_post(*, post: Post, is_new_topic: bool) -> None:
    thread = post.thread
    actor = post.author
    mentioned_ids = {user.pk for user in post.mentioned}  # type: ignore[attr-defined]
    url = post_url(post)
    excerpt = post_text.excerpt(post.source)
    name = actor.get_full_name() or actor.email
    if mentioned_ids:
        notification_emit(
            kind="community.mention",
            recipients=mentioned_ids,
            title=_("%(name)s mentioned you in “%(thread)s”")
            % {"name": name, "thread": thread.display_title},
            url=url,
            actor_id=actor.pk,
            body=excerpt,
            target=thread,
        )
    if is_new_topic:
        recipients = programme_viewer_ids(thread.programme, members_only=True) | follower_ids(
            target=thread.programme
        )
        recipients = viewer_ids(thread, recipients)
        notification_emit(
            kind="community.new_topic",
            recipients=recipients - mentioned_ids,
            title=_("New topic in %(programme)s: %(thread)s")
            % {"programme": thread.programme.title, "thread": thread.display_title},
            url=url,
            actor_id=actor.pk,
            body=excerpt,
            target=thread,
        )
        return
    followers = viewer_ids(thread, follower_ids(target=thread)) - mentioned_ids
    notification_emit(
        kind="community.reply",
        recipients=followers,
        title=_("%(name)s replied in “%(thread)s”")
        % {"name": name, "thread": thread.display_title},
        url=url,
        actor_id=actor.pk,
        body=excerpt,
        target=thread,
    )


def _check_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError({"title": [_("Give the topic a title.")]})
    if len(title) > TITLE_MAX_LENGTH:
        raise ValidationError(
            {
                "title": [
                    _("A title is at most %(max)d characters long.") % {"max": TITLE_MAX_LENGTH}
                ]
            }
        )
    return title


@transaction.atomic
def topic_create(*, programme: Programme, title: str, data: PostData, actor: Any) -> Thread:
    """Start a topic in a programme with its first post. The programme's members hear of it
    (kind "community.new_topic"); the author follows it."""
    errors: dict[str, list[str]] = {}
    try:
        title = _check_title(title)
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        _check_text(data.text)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    thread = Thread.objects.create(
        kind=ThreadKind.TOPIC, programme=programme, title=title, started_by=actor
    )
    post = _place_post(thread=thread, data=data, actor=actor)
    thread.first_post = post  # type: ignore[attr-defined]
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=thread,
        changes={"programme": [None, programme.title], "title": [None, title]},
        message="topic started",
    )
    _notify_post(post=post, is_new_topic=True)
    return thread


def thread_for_subject(*, subject: Any) -> Thread:
    """The thread under a session, practice example, learning question or action, made the
    first time someone opens it."""
    kind = {
        "session": ThreadKind.SESSION,
        "practiceexample": ThreadKind.PRACTICE,
        "learningquestion": ThreadKind.QUESTION,
        "action": ThreadKind.ACTION,
    }[subject._meta.model_name]
    thread, _created = Thread.objects.get_or_create(
        kind=kind, **{KIND_FIELDS[kind]: subject}, defaults={}
    )
    return thread


@transaction.atomic
def post_create(*, thread: Thread, data: PostData, actor: Any) -> Post:
    """Reply in a thread. The thread's followers hear of it ("community.reply"), the people
    mentioned who may see the thread get "community.mention" (others no one), and the author
    follows the thread. ``post.unresolved_mentions`` lists the mentions that reached no one."""
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    thread = Thread.objects.select_related(
        "programme",
        "session__programme",
        "practice_example",
        "learning_question__programme",
        "action__agenda",
    ).get(pk=thread.pk)
    post = _place_post(thread=thread, data=data, actor=actor)
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=post,
        object_repr=f"bericht in {thread.display_title}",
        message="post placed",
    )
    _notify_post(post=post, is_new_topic=False)
    return post


@transaction.atomic
def post_edit(*, post: Post, text: str, actor: Any) -> Post:
    """The author changes a post within the edit window; the post shows that it was edited.
    New mentions in the changed text are notified."""
    if not can_edit_post(actor, post):
        raise ValidationError(
            {"text": [_("This post can no longer be changed: the time for changes has passed.")]}
        )
    source = _check_text(text)
    before = set(post.mentions.values_list("pk", flat=True))
    mentioned, unresolved = _resolve_mentions(thread=post.thread, source=source, names=())
    old_length = len(post.source)
    post.source = source
    post.html = post_text.render(source, mentions=[u.full_name for u in mentioned])
    post.edited_at = timezone.now()
    post.save(update_fields=["source", "html", "edited_at"])
    post.mentions.set(mentioned)
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=post,
        object_repr=f"bericht in {post.thread.display_title}",
        # The text itself stays out of the log: it is personal data the author may remove.
        changes={"length": [old_length, len(source)]},
        message="post edited",
    )
    new_ids = {user.pk for user in mentioned} - before
    if new_ids:
        notification_emit(
            kind="community.mention",
            recipients=new_ids,
            title=_("%(name)s mentioned you in “%(thread)s”")
            % {"name": actor.get_full_name() or actor.email, "thread": post.thread.display_title},
            url=post_url(post),
            actor_id=actor.pk,
            body=post_text.excerpt(source),
            target=post.thread,
        )
    post.unresolved_mentions = unresolved  # type: ignore[attr-defined]
    return post


def _check_reason(reason: str, field_name: str = "reason") -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError({field_name: [_("Give a reason.")]})
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            {
                field_name: [
                    _("A reason is at most %(max)d characters long.") % {"max": REASON_MAX_LENGTH}
                ]
            }
        )
    return reason


@transaction.atomic
def post_report(*, post: Post, reason: str, actor: Any) -> PostReport:
    """Someone reports a post; the thread's moderators hear of it."""
    reason = _check_reason(reason)
    report = PostReport.objects.create(post=post, reported_by=actor, reason=reason)
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=report,
        object_repr=f"melding over bericht #{post.pk}",
        message="post reported",
    )
    notification_emit(
        kind="community.post_reported",
        recipients=moderator_ids(post.thread),
        title=_("A post in “%(thread)s” was reported") % {"thread": post.thread.display_title},
        url=post_url(post),
        actor_id=actor.pk,
        body=reason,
        target=post.thread,
    )
    return report


@transaction.atomic
def post_hide(*, post: Post, reason: str, actor: Any) -> Post:
    """A moderator hides a post with a reason: only moderators still see it; its author is
    told why ("community.post_hidden"); open reports on it are handled."""
    reason = _check_reason(reason)
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.is_hidden:
        raise ValidationError({"reason": [_("This post is hidden already.")]})
    post.is_hidden = True
    post.hidden_reason = reason
    post.hidden_by = actor
    post.hidden_at = timezone.now()
    post.save(update_fields=["is_hidden", "hidden_reason", "hidden_by", "hidden_at"])
    PostReport.objects.filter(post=post, handled_at__isnull=True).update(handled_at=post.hidden_at)
    thread = post.thread
    if thread.accepted_post_id == post.pk:
        Thread.objects.filter(pk=thread.pk).update(accepted_post=None)
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=post,
        object_repr=f"bericht in {thread.display_title}",
        changes={"is_hidden": [False, True], "hidden_reason": ["", reason]},
        message="post hidden by moderator",
    )
    if post.author_id:
        notification_emit(
            kind="community.post_hidden",
            recipients=[post.author_id],
            title=_("A moderator hid your post in “%(thread)s”") % {"thread": thread.display_title},
            url=reverse("community:thread", args=[thread.pk]),
            actor_id=actor.pk,
            body=_("Reason: %(reason)s") % {"reason": reason},
            target=thread,
        )
    return post


@transaction.atomic
def post_unhide(*, post: Post, actor: Any) -> Post:
    """A moderator shows a hidden post again."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    if not post.is_hidden:
        return post
    reason = post.hidden_reason
    post.is_hidden = False
    post.hidden_reason = ""
    post.hidden_by = None
    post.hidden_at = None
    post.save(update_fields=["is_hidden", "hidden_reason", "hidden_by", "hidden_at"])
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=post,
        object_repr=f"bericht in {post.thread.display_title}",
        changes={"is_hidden": [True, False], "hidden_reason": [reason, ""]},
        message="post shown again by moderator",
    )
    return post


@transaction.atomic
def report_dismiss(*, report: PostReport, actor: Any) -> PostReport:
    """A moderator handles a report without hiding the post."""
    if report.handled_at is None:
        report.handled_at = timezone.now()
        report.save(update_fields=["handled_at"])
        audit_log(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=report,
            object_repr=f"melding over bericht #{report.post_id}",
            message="report dismissed by moderator",
        )
    return report


@transaction.atomic
def thread_lock(*, thread: Thread, locked: bool, actor: Any) -> Thread:
    """A moderator locks a thread (no new posts) or opens it again."""
    if thread.is_locked != locked:
        thread.is_locked = locked
        thread.save(update_fields=["is_locked", "updated_at"])
        audit_log(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=thread,
            changes={"is_locked": [not locked, locked]},
            message="thread locked" if locked else "thread opened again",
        )
    return thread


@transaction.atomic
def thread_move(*, thread: Thread, programme: Programme, actor: Any) -> Thread:
    """A moderator moves a topic to another programme (one they moderate too); its posts and
    followers come along."""
    if thread.kind != ThreadKind.TOPIC:
        raise ValidationError(
            {"programme": [_("Only a topic can be moved; this conversation belongs to its page.")]}
        )
    if programme.pk == thread.programme_id:
        raise ValidationError({"programme": [_("The topic is in this programme already.")]})
    before = thread.programme.title
    thread.programme = programme
    thread.save(update_fields=["programme", "updated_at"])
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=thread,
        changes={"programme": [before, programme.title]},
        message="topic moved",
    )
    return thread


@transaction.atomic
def answer_accept(*, post: Post, accept: bool, actor: Any) -> Thread:
    """On a learning question the asker or core team marks the accepted answer (or takes
    the mark away)."""
    thread = Thread.objects.select_for_update().get(pk=post.thread_id)
    if thread.kind != ThreadKind.QUESTION:
        raise ValidationError(_("Only an answer to a learning question can be accepted."))
    before = thread.accepted_post_id
    thread.accepted_post = post if accept else None
    if before == thread.accepted_post_id:
        return thread
    thread.save(update_fields=["accepted_post", "updated_at"])
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=thread,
        changes={"accepted_post": [before, thread.accepted_post_id]},
        message="answer accepted" if accept else "accepted answer withdrawn",
    )
    return thread


def read_position_mark(*, user: Any, thread: Thread, post_id: int) -> None:
    """Remember that ``user`` has read ``thread`` up to ``post_id`` (one upsert). Not
    audit-logged: it records reading, not a change."""
    if not user.is_authenticated or not post_id:
        return
    ReadPosition.objects.bulk_create(
        [ReadPosition(user=user, thread=thread, last_read_post_id=post_id)],
        update_conflicts=True,
        unique_fields=["user", "thread"],
        update_fields=["last_read_post_id", "updated_at"],
    )


def thread_follow(*, user: Any, thread: Thread, follow: bool) -> None:
    follow_set(user=user, target=thread, follow=follow)


REMOVED_PARTICIPANT = "verwijderde deelnemer"


def posts_erase(*, user: Any) -> None:
    """Part of erasing a person: their posts stay with their text under "removed
    participant" (no link to them), or are removed with their files when they asked for that
    on the erasure form. Mentions of them in others' posts read "@verwijderde deelnemer";
    their reports, read positions and the mark of who started a topic lose the link."""
    request = user.erasure_requests.order_by("-requested_at", "-pk").first()
    remove = bool(request and request.remove_contributions)
    name = user.full_name
    for post in Post.objects.filter(mentions=user).exclude(author=user):
        if name:
            post.source = re.sub(
                re.escape(f"@{name}"), f"@{REMOVED_PARTICIPANT}", post.source, flags=re.IGNORECASE
            )
        post.html = post_text.render(
            post.source,
            mentions=[u.full_name for u in post.mentions.exclude(pk=user.pk)],
        )
        post.save(update_fields=["source", "html"])
    user.community_mentions.clear()
    own = Post.objects.filter(author=user)
    if remove:
        for attachment in PostAttachment.objects.filter(post__in=own):
            attachment.file.delete(save=False)
        # A topic only they wrote in goes with its posts; in others the replies stay.
        Thread.objects.filter(started_by=user, kind=ThreadKind.TOPIC).exclude(
            posts__in=Post.objects.exclude(author=user)
        ).delete()
        Thread.objects.filter(accepted_post__in=own).update(accepted_post=None)
        own.delete()
    else:
        own.update(author=None)
    Post.objects.filter(hidden_by=user).update(hidden_by=None)
    Thread.objects.filter(started_by=user).update(started_by=None)
    PostReport.objects.filter(reported_by=user).update(reported_by=None)
    ReadPosition.objects.filter(user=user).delete()
