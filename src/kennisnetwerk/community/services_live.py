"""Writes of the live questions of a webinar: asking, voting, and the moderators' acts
(marking answered, merging duplicates, hiding). Each runs in one transaction and is written
to the audit log; bad input raises ``ValidationError`` with a Dutch message and changes
nothing.

Votes: one per person per question, a second vote takes the first back. Nobody votes on
their own question: the order of the list should show what the others want answered."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisnetwerk.core.audit import audit_log
from kennisnetwerk.core.models import AuditAction
from kennisnetwerk.learning.constants import SessionStatus
from kennisnetwerk.learning.models import Session

from .models_live import LIVE_ANSWER_MAX_LENGTH, LIVE_QUESTION_MAX_LENGTH, LiveQuestion, LiveVote


def live_refusal(*, session: Session, now=None) -> str:
    """Why nobody can ask or vote on the live page of ``session`` now, or ''."""
    now = now or timezone.now()
    if session.status == SessionStatus.CANCELLED:
        return _("This webinar has been cancelled.")
    if session.ends_at <= now:
        return _("This webinar has ended; questions can no longer be asked or voted on.")
    return ""


def _refuse_if_closed(session: Session) -> None:
    refusal = live_refusal(session=session)
    if refusal:
        raise ValidationError(refusal)


def _touch(question: LiveQuestion, **fields: Any) -> None:
    # updated_at is what the pollers compare, so every change sets it.
    LiveQuestion.objects.filter(pk=question.pk).update(updated_at=timezone.now(), **fields)


@transaction.atomic
def live_question_ask(*, session: Session, author: Any, text: str) -> LiveQuestion:
    """Ask a question on the live page; everyone on the page sees it within seconds."""
    text = " ".join(text.split())
    if not text:
        raise ValidationError({"text": [_("Type your question first.")]})
    if len(text) > LIVE_QUESTION_MAX_LENGTH:
        raise ValidationError(
            {
                "text": [
                    _(
                        "Your question is too long (%(length)d characters); keep it to "
                        "%(max)d characters."
                    )
                    % {"length": len(text), "max": LIVE_QUESTION_MAX_LENGTH}
                ]
            }
        )
    _refuse_if_closed(session)
    question = LiveQuestion.objects.create(session=session, author=author, text=text)
    audit_log(actor=author, action=AuditAction.CREATE, obj=question, changes={"text": text})
    return question


@transaction.atomic
def live_vote_toggle(*, question: LiveQuestion, user: Any) -> bool:
    """Vote a question up, or take the vote back. Returns whether the person now votes for
    it. Only open questions take votes."""
    question = (
        LiveQuestion.objects.select_for_update().select_related("session").get(pk=question.pk)
    )
    _refuse_if_closed(question.session)
    if question.author_id == user.pk:
        raise ValidationError(_("You cannot vote for your own question."))
    if question.is_hidden or question.merged_into_id or question.is_answered:
        raise ValidationError(_("This question no longer takes votes."))
    deleted, _rows = LiveVote.objects.filter(question=question, user=user).delete()
    if deleted:
        _touch(question, votes=F("votes") - 1)
        voted = False
    else:
        try:
            with transaction.atomic():
                LiveVote.objects.create(question=question, user=user)
        except IntegrityError:  # the same vote from a second click, already counted
            return True
        _touch(question, votes=F("votes") + 1)
        voted = True
    audit_log(
        actor=user,
        action=AuditAction.CREATE if voted else AuditAction.DELETE,
        obj=question,
        message="vote" if voted else "vote withdrawn",
    )
    return voted


@transaction.atomic
def live_question_answer(
    *, question: LiveQuestion, actor: Any, answered: bool = True, answer: str = ""
) -> LiveQuestion:
    """A moderator marks a question answered (with an optional short answer for the
    record), or open again."""
    answer = answer.strip()
    if len(answer) > LIVE_ANSWER_MAX_LENGTH:
        raise ValidationError(
            {
                "answer": [
                    _("The answer is too long (%(length)d characters); at most %(max)d.")
                    % {"length": len(answer), "max": LIVE_ANSWER_MAX_LENGTH}
                ]
            }
        )
    question = LiveQuestion.objects.select_for_update().get(pk=question.pk)
    if question.merged_into_id:
        raise ValidationError(_("This question has been merged; answer the question it is in."))
    before = {"answered": question.is_answered, "answer": question.answer}
    question.answered_at = (question.answered_at or timezone.now()) if answered else None
    question.answer = answer if answered else ""
    question.save(update_fields=["answered_at", "answer", "updated_at"])
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=question,
        changes={
            key: [before[key], value]
            for key, value in (("answered", answered), ("answer", question.answer))
            if before[key] != value
        },
        message="moderation: answered" if answered else "moderation: open again",
    )
    return question


@transaction.atomic
def live_question_hide(*, question: LiveQuestion, actor: Any, hidden: bool = True) -> LiveQuestion:
    """A moderator hides a question (only moderators still see it), or shows it again."""
    question = LiveQuestion.objects.select_for_update().get(pk=question.pk)
    was_hidden = question.is_hidden
    question.hidden_at = (question.hidden_at or timezone.now()) if hidden else None
    question.save(update_fields=["hidden_at", "updated_at"])
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=question,
        changes={"hidden": [was_hidden, hidden]} if was_hidden != hidden else {},
        message="moderation: hidden" if hidden else "moderation: shown again",
    )
    return question


@transaction.atomic
def live_question_merge(*, duplicate: LiveQuestion, kept: LiveQuestion, actor: Any) -> LiveQuestion:
    """A moderator merges ``duplicate`` into ``kept``: its votes go over to ``kept`` (a
    person's vote counts once, and nobody votes for their own question), and it is shown
    under ``kept`` from then on."""
    questions = {
        q.pk: q
        for q in LiveQuestion.objects.select_for_update().filter(pk__in=[duplicate.pk, kept.pk])
    }
    duplicate, kept = questions.get(duplicate.pk), questions.get(kept.pk)
    if duplicate is None or kept is None or duplicate.session_id != kept.session_id:
        raise ValidationError({"kept": [_("Choose a question of the same webinar.")]})
    if duplicate.pk == kept.pk:
        raise ValidationError({"kept": [_("A question cannot be merged with itself.")]})
    if kept.merged_into_id or kept.is_hidden:
        raise ValidationError({"kept": [_("Choose a question that is still shown.")]})
    if duplicate.merged_into_id:
        raise ValidationError(_("This question has already been merged."))
    voters = set(LiveVote.objects.filter(question=kept).values_list("user_id", flat=True))
    moving = [
        user_id
        for user_id in LiveVote.objects.filter(question=duplicate).values_list("user_id", flat=True)
        if user_id not in voters and user_id != kept.author_id
    ]
    LiveVote.objects.filter(question=duplicate).delete()
    LiveVote.objects.bulk_create(LiveVote(question=kept, user_id=user_id) for user_id in moving)
    # Duplicates merged into ``duplicate`` earlier now sit under ``kept``.
    LiveQuestion.objects.filter(merged_into=duplicate).update(
        merged_into=kept, updated_at=timezone.now()
    )
    duplicate.merged_into = kept
    duplicate.votes = 0
    duplicate.save(update_fields=["merged_into", "votes", "updated_at"])
    kept.votes = LiveVote.objects.filter(question=kept).count()
    kept.save(update_fields=["votes", "updated_at"])
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=duplicate,
        changes={"merged_into": [None, str(kept)]},
        message=f"moderation: merged into question {kept.pk}, {len(moving)} votes carried over",
    )
    return kept
