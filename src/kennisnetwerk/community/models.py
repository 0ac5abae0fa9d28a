"""Conversations (threads and posts) and the live questions of webinars.

A thread is either a topic in a programme (a title and a first post by a member) or the
conversation under one object: a session, a practice example, a learning question or an action
of a DOE agenda. Exactly one of its five links is set (a database constraint).

The live questions live in models_live.py; importing them here registers them with this app.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core.models import TimeStampedModel
from kennisnetwerk.learning.models import StoredFile

from .models_live import *  # noqa: F403

# Longest post a person may write (characters of the text they typed).
POST_MAX_LENGTH = 10_000
TITLE_MAX_LENGTH = 200


class ThreadKind(models.TextChoices):
    TOPIC = "topic", _("topic")
    SESSION = "session", _("session")
    PRACTICE = "practice", _("practice example")
    QUESTION = "question", _("learning question")
    ACTION = "action", _("DOE agenda action")


# The field of each kind that points at what the thread is about.
KIND_FIELDS = {
    ThreadKind.TOPIC: "programme",
    ThreadKind.SESSION: "session",
    ThreadKind.PRACTICE: "practice_example",
    ThreadKind.QUESTION: "learning_question",
    ThreadKind.ACTION: "action",
}


def _exactly_one_link() -> Q:
    cases = Q()
    for kind, field in KIND_FIELDS.items():
        case = Q(kind=kind, **{f"{field}__isnull": False})
        for other in KIND_FIELDS.values():
            if other != field:
                case &= Q(**{f"{other}__isnull": True})
        cases |= case
    return cases


class Thread(TimeStampedModel):
    """A conversation: a topic in a programme, or the thread under a session, practice
    example, learning question or DOE agenda action."""

    kind = models.CharField(_("kind"), max_length=20, choices=ThreadKind.choices)
    title = models.CharField(
        _("title"),
        max_length=TITLE_MAX_LENGTH,
        blank=True,
        help_text=_("Topics have a title; a thread under an object takes the object's name."),
    )
    programme = models.ForeignKey(
        "learning.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="topics",
    )
    session = models.OneToOneField(
        "learning.Session",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="thread",
    )
    practice_example = models.OneToOneField(
        "learning.PracticeExample",
        verbose_name=_("practice example"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="thread",
    )
    learning_question = models.OneToOneField(
        "learning.LearningQuestion",
        verbose_name=_("learning question"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="thread",
    )
    action = models.OneToOneField(
        "agenda.Action",
        verbose_name=_("DOE agenda action"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="thread",
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_locked = models.BooleanField(
        _("locked"), default=False, help_text=_("A locked thread takes no new posts.")
    )
    last_post_at = models.DateTimeField(_("last post at"), null=True, blank=True, db_index=True)
    accepted_post = models.OneToOneField(
        "Post",
        verbose_name=_("accepted answer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accepted_in",
    )

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-last_post_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=_exactly_one_link(), name="community_thread_exactly_one_link"
            ),
            models.CheckConstraint(
                condition=~Q(kind=ThreadKind.TOPIC) | ~Q(title=""),
                name="community_topic_has_title",
            ),
        ]
        indexes = [models.Index(fields=["programme", "-last_post_at"])]

    def __str__(self) -> str:
        return self.display_title

    @property
    def subject(self) -> models.Model | None:
        """What the thread is about (the programme for a topic)."""
        return getattr(self, KIND_FIELDS[ThreadKind(self.kind)])

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        subject = self.subject
        return str(subject) if subject is not None else ""


class Post(models.Model):
    """One contribution to a thread. ``source`` is what the author typed (kept for editing);
    ``html`` is the safe rendering of it, made on input and sanitised with nh3."""

    thread = models.ForeignKey(
        Thread, verbose_name=_("conversation"), on_delete=models.CASCADE, related_name="posts"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="community_posts",
        help_text=_("Empty when the author's account was erased: shown as a removed participant."),
    )
    source = models.TextField(_("text"), max_length=POST_MAX_LENGTH)
    html = models.TextField(_("text as shown"))
    quote_of = models.ForeignKey(
        "self",
        verbose_name=_("quotes"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quoted_by",
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    mentions = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentioned people"),
        blank=True,
        related_name="community_mentions",
    )

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["thread", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(is_hidden=True) | ~Q(hidden_reason=""),
                name="community_hidden_post_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} in {self.thread_id}"


def _post_attachment_path(instance: "PostAttachment", filename: str) -> str:
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"community/attachments/{uuid.uuid4().hex}.{suffix}"


class PostAttachment(StoredFile):
    """A file attached to a post, checked by the platform's upload rules (size, type read
    from the content)."""

    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=_post_attachment_path, max_length=200)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.filename


class PostReport(models.Model):
    """Someone reported a post to the moderators (the programme's coordinators and core
    team)."""

    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="reports"
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="community_reports",
    )
    reason = models.CharField(_("reason"), max_length=500)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"report #{self.pk} on post #{self.post_id}"


class ReadPosition(models.Model):
    """How far a person has read a thread: the last post they saw. Newer posts are new to
    them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="community_read_positions",
    )
    thread = models.ForeignKey(
        Thread, verbose_name=_("conversation"), on_delete=models.CASCADE, related_name="+"
    )
    last_read_post_id = models.PositiveBigIntegerField(_("last post read"), default=0)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("read position")
        verbose_name_plural = _("read positions")
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="community_one_read_position")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.thread_id} up to {self.last_read_post_id}"
