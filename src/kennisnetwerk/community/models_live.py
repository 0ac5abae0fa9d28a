"""Live questions during webinars: the people registered for a session with the webinar
format ask questions on its live page, vote them up, and the moderators (the programme's
organisers) mark them answered, merge duplicates or hide them. After the session the
questions and answers stay as its Q&A on the session page."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.core.models import TimeStampedModel

# Long enough for a real question, short enough to read aloud in a webinar.
LIVE_QUESTION_MAX_LENGTH = 500
LIVE_ANSWER_MAX_LENGTH = 1000


class LiveQuestion(TimeStampedModel):
    """A question asked during a webinar. ``votes`` is the number of ``LiveVote`` rows (kept
    by the services, so the list can be ordered without counting on every poll)."""

    session = models.ForeignKey(
        "learning.Session",
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="live_questions",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="live_questions",
    )
    text = models.CharField(_("question"), max_length=LIVE_QUESTION_MAX_LENGTH)
    votes = models.PositiveIntegerField(_("votes"), default=0)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer = models.TextField(
        _("answer"),
        max_length=LIVE_ANSWER_MAX_LENGTH,
        blank=True,
        help_text=_("A short answer for the record, shown with the question afterwards."),
    )
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        help_text=_("The question this duplicate was merged into."),
    )

    class Meta:
        verbose_name = _("live question")
        verbose_name_plural = _("live questions")
        ordering = ["-votes", "created_at", "pk"]
        indexes = [models.Index(fields=["session", "updated_at"], name="community_live_q_changed")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(text=""), name="community_live_question_not_empty"
            ),
            models.CheckConstraint(
                condition=~models.Q(merged_into=models.F("pk")),
                name="community_live_question_not_merged_into_itself",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class LiveVote(models.Model):
    """One person's upvote of a live question (at most one each; voting again takes it back)."""

    question = models.ForeignKey(
        LiveQuestion, verbose_name=_("question"), on_delete=models.CASCADE, related_name="vote_set"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="live_votes",
    )
    created_at = models.DateTimeField(_("voted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("vote on a live question")
        verbose_name_plural = _("votes on live questions")
        constraints = [
            models.UniqueConstraint(fields=["question", "user"], name="community_live_vote_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.question}"


__all__ = ["LIVE_ANSWER_MAX_LENGTH", "LIVE_QUESTION_MAX_LENGTH", "LiveQuestion", "LiveVote"]
