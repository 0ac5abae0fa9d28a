"""Live webinar questions through their services, selectors and access functions: asking,
votes (one per person, toggled, not on one's own question), the moderators' acts, and the
access rules (registered people and moderators only; a hidden question only for
moderators)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from kennisnetwerk.community import services_live as services
from kennisnetwerk.community.models_live import LiveQuestion, LiveVote
from kennisnetwerk.community.permissions import (
    access_live_question_moderate,
    access_live_question_vote,
    access_live_session,
)
from kennisnetwerk.community.selectors_live import live_archive, live_board, live_state
from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.learning.constants import SessionFormat
from kennisnetwerk.learning.tests.factories import SessionFactory

from .live_fixtures import *  # noqa: F403

pytestmark = pytest.mark.django_db


def _ask(webinar, user, text="Hoe vinden we technisch personeel?"):
    return services.live_question_ask(session=webinar, author=user, text=text)


def test_a_question_is_stored_tidied_and_audit_logged(webinar, participants):
    question = _ask(webinar, participants[0], "  Hoe   vinden we\n personeel?  ")
    assert question.text == "Hoe vinden we personeel?"
    assert AuditLogEntry.objects.filter(object_id=str(question.pk), action="create").exists()


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_an_empty_question_is_refused_in_dutch(webinar, participants, text):
    with pytest.raises(ValidationError) as error:
        _ask(webinar, participants[0], text)
    assert error.value.message_dict["text"] == ["Typ eerst uw vraag."]
    assert not LiveQuestion.objects.exists()


def test_an_overlong_question_is_refused_in_dutch(webinar, participants):
    with pytest.raises(ValidationError) as error:
        _ask(webinar, participants[0], "waarom " * 100)
    assert error.value.message_dict["text"] == [
        "Uw vraag is te lang (699 tekens); houd het bij maximaal 500 tekens."
    ]
    assert not LiveQuestion.objects.exists()


def test_no_questions_after_the_webinar_has_ended(webinar, participants):
    webinar.ends_at = timezone.now() - dt.timedelta(minutes=1)
    webinar.save()
    with pytest.raises(ValidationError, match="afgelopen"):
        _ask(webinar, participants[0])
    assert not LiveQuestion.objects.exists()


def test_votes_order_the_list_and_a_second_vote_takes_it_back(webinar, participants, moderator):
    first = _ask(webinar, participants[0], "Eerste vraag")
    second = _ask(webinar, participants[1], "Tweede vraag")
    board = live_board(session=webinar, viewer=moderator, moderator=True)
    assert [q.pk for q in board.open] == [first.pk, second.pk]  # oldest first at equal votes

    assert services.live_vote_toggle(question=second, user=participants[2]) is True
    board = live_board(session=webinar, viewer=participants[2], moderator=False)
    assert [q.pk for q in board.open] == [second.pk, first.pk]
    assert board.open[0].votes == 1 and board.open[0].voted

    assert services.live_vote_toggle(question=second, user=participants[2]) is False
    second.refresh_from_db()
    assert second.votes == 0
    assert not LiveVote.objects.exists()


def test_nobody_votes_for_their_own_question(webinar, participants):
    question = _ask(webinar, participants[0])
    with pytest.raises(ValidationError) as error:
        services.live_vote_toggle(question=question, user=participants[0])
    assert error.value.messages == ["U kunt niet op uw eigen vraag stemmen."]
    question.refresh_from_db()
    assert question.votes == 0


def test_answered_questions_move_to_their_own_list_with_the_answer(
    webinar, participants, moderator
):
    question = _ask(webinar, participants[0])
    services.live_question_answer(question=question, actor=moderator, answer="Zie de dia's.")
    board = live_board(session=webinar, viewer=participants[1], moderator=False)
    assert board.open == [] and [q.answer for q in board.answered] == ["Zie de dia's."]
    entry = AuditLogEntry.objects.filter(object_id=str(question.pk), action="update").get()
    assert entry.actor == moderator and "answered" in entry.message
    with pytest.raises(ValidationError, match="geen stemmen meer"):
        services.live_vote_toggle(question=question, user=participants[1])

    services.live_question_answer(question=question, actor=moderator, answered=False)
    question.refresh_from_db()
    assert question.answered_at is None and question.answer == ""


def test_merging_carries_the_votes_over_once(
    webinar, participants, moderator, member_not_registered
):
    kept = _ask(webinar, participants[0], "Hoe houden we personeel vast?")
    duplicate = _ask(webinar, participants[1], "Hoe binden we personeel?")
    services.live_vote_toggle(question=kept, user=participants[2])
    services.live_vote_toggle(question=duplicate, user=participants[2])  # counted once
    services.live_vote_toggle(question=duplicate, user=moderator)
    services.live_vote_toggle(question=duplicate, user=participants[0])  # kept's own author

    services.live_question_merge(duplicate=duplicate, kept=kept, actor=moderator)

    kept.refresh_from_db()
    duplicate.refresh_from_db()
    assert kept.votes == 2
    assert set(kept.vote_set.values_list("user", flat=True)) == {participants[2].pk, moderator.pk}
    assert duplicate.merged_into == kept and duplicate.votes == 0
    board = live_board(session=webinar, viewer=participants[2], moderator=False)
    assert [q.pk for q in board.open] == [kept.pk]
    assert [d.pk for d in board.open[0].merged_questions] == [duplicate.pk]
    assert AuditLogEntry.objects.filter(
        object_id=str(duplicate.pk), message__startswith="moderation: merged"
    ).exists()


def test_a_question_is_not_merged_into_itself_or_another_webinar(
    webinar, participants, moderator, programme
):
    question = _ask(webinar, participants[0])
    with pytest.raises(ValidationError, match="niet met zichzelf"):
        services.live_question_merge(duplicate=question, kept=question, actor=moderator)
    other = SessionFactory(programme=programme, formats=[SessionFormat.WEBINAR])
    elsewhere = LiveQuestion.objects.create(session=other, author=moderator, text="Elders")
    with pytest.raises(ValidationError, match="dezelfde webinar"):
        services.live_question_merge(duplicate=question, kept=elsewhere, actor=moderator)
    question.refresh_from_db()
    assert question.merged_into is None


def test_a_hidden_question_is_seen_by_moderators_only(webinar, participants, moderator):
    question = _ask(webinar, participants[0], "Iets ongepasts")
    services.live_question_hide(question=question, actor=moderator)
    assert live_board(session=webinar, viewer=participants[1], moderator=False).count == 0
    assert [q.pk for q in live_board(session=webinar, viewer=moderator, moderator=True).hidden] == [
        question.pk
    ]
    assert live_archive(session=webinar).count == 0
    with pytest.raises(Http404):
        access_live_question_vote(participants[1], question.pk)
    with pytest.raises(Http404):
        access_live_question_moderate(participants[0], question.pk)
    assert access_live_question_moderate(moderator, question.pk)[0] == question


def test_the_state_changes_with_every_change(webinar, participants, moderator):
    empty = live_state(session=webinar)
    question = _ask(webinar, participants[0])
    asked = live_state(session=webinar)
    services.live_vote_toggle(question=question, user=participants[1])
    voted = live_state(session=webinar)
    services.live_question_answer(question=question, actor=moderator)
    answered = live_state(session=webinar)
    assert len({empty, asked, voted, answered}) == 4


def test_who_may_use_the_live_page(
    webinar, participants, moderator, waiting, member_not_registered, outsider, entrepreneur
):
    assert access_live_session(participants[0], webinar.pk).moderator is False
    assert access_live_session(moderator, webinar.pk).moderator is True
    for person in (waiting, member_not_registered, outsider, entrepreneur):
        with pytest.raises(Http404):
            access_live_session(person, webinar.pk)


def test_the_programmes_coordinator_moderates(webinar, region):
    from kennisnetwerk.accounts.tests.factories import make_coordinator

    coordinator = make_coordinator(region, email="coordinator@oss.example")
    assert access_live_session(coordinator, webinar.pk).moderator is True


def test_a_session_without_the_webinar_format_has_no_live_page(webinar, participants, moderator):
    webinar.formats = [SessionFormat.GUEST_EXPERT]
    webinar.save()
    for person in (participants[0], moderator):
        with pytest.raises(Http404):
            access_live_session(person, webinar.pk)


def test_participants_may_not_moderate(webinar, participants):
    question = _ask(webinar, participants[0])
    with pytest.raises(PermissionDenied):
        access_live_question_moderate(participants[1], question.pk)


def test_personal_data_export_and_erasure_of_live_questions(webinar, participants, moderator):
    from kennisnetwerk.community.hooks_live import erase_live_questions, export_live_questions

    question = _ask(webinar, participants[0], "Mijn vraag")
    other = _ask(webinar, participants[1], "Andere vraag")
    services.live_vote_toggle(question=other, user=participants[0])
    section, data = export_live_questions(participants[0])
    assert section == "live_questions"
    assert [q["text"] for q in data["questions"]] == ["Mijn vraag"]
    assert [v["question"] for v in data["votes"]] == ["Andere vraag"]

    erase_live_questions(participants[0])
    question.refresh_from_db()
    other.refresh_from_db()
    assert question.author is None and question.text == "Mijn vraag"
    assert not LiveVote.objects.filter(user=participants[0]).exists()
    board = live_archive(session=webinar)
    assert question.pk in [q.pk for q in board.open]
