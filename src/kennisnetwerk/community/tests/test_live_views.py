"""The live page of a webinar through the test client: the full page and the htmx fragment
from one template, polling with an empty 204 while nothing changed, the forms without
JavaScript, the moderators' buttons, and who gets a 404."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kennisnetwerk.community import services_live as services
from kennisnetwerk.community.models_live import LiveQuestion
from kennisnetwerk.community.selectors_live import live_state

from .live_fixtures import *  # noqa: F403

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def _live(webinar):
    return reverse("community:live", args=[webinar.pk])


def test_a_participant_sees_the_meeting_link_the_box_and_the_questions(
    client, webinar, participants, moderator
):
    services.live_question_ask(session=webinar, author=participants[1], text="Wat kost het?")
    client.force_login(participants[0])
    response = client.get(_live(webinar))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="https://vergaderen.example/webinar-personeel" target="_blank"' in html
    assert 'rel="noopener noreferrer"' in html
    assert "<iframe" not in html
    assert "Stel een vraag" in html and "Wat kost het?" in html
    assert 'hx-trigger="every 3s"' in html
    assert "Beantwoord</button>" not in html  # no moderation for participants


def test_the_fragment_comes_from_the_same_template_and_204_while_nothing_changed(
    client, webinar, participants, django_assert_max_num_queries
):
    client.force_login(participants[0])
    state = live_state(session=webinar)
    with django_assert_max_num_queries(8):
        unchanged = client.get(_live(webinar), {"stand": state}, **HTMX)
    assert unchanged.status_code == 204
    services.live_question_ask(session=webinar, author=participants[1], text="Nieuwe vraag")
    fragment = client.get(_live(webinar), {"stand": state}, **HTMX)
    html = fragment.content.decode()
    assert fragment.status_code == 200
    assert html.lstrip().startswith('<section id="live-questions"')
    assert "<html" not in html and "Nieuwe vraag" in html
    assert f"stand={live_state(session=webinar)}" in html


def test_asking_without_javascript_comes_back_to_the_page(client, webinar, participants):
    client.force_login(participants[0])
    response = client.post(
        reverse("community:live_ask", args=[webinar.pk]), {"text": "Hoe pakt Oss dit aan?"}
    )
    question = LiveQuestion.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"{_live(webinar)}#vraag-{question.pk}")
    page = client.get(response["Location"]).content.decode()
    assert "Uw vraag is toegevoegd." in page and "Hoe pakt Oss dit aan?" in page


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   ", "Typ eerst uw vraag."),
        ("x" * 501, "Uw vraag is te lang (501 tekens); houd het bij maximaal 500 tekens."),
    ],
)
def test_bad_questions_get_a_dutch_message_and_nothing_is_saved(
    client, webinar, participants, text, message
):
    client.force_login(participants[0])
    response = client.post(reverse("community:live_ask", args=[webinar.pk]), {"text": text})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not LiveQuestion.objects.exists()


def test_an_upvote_with_htmx_answers_with_the_reordered_list(client, webinar, participants):
    first = services.live_question_ask(session=webinar, author=participants[0], text="Eerste")
    second = services.live_question_ask(session=webinar, author=participants[1], text="Tweede")
    client.force_login(participants[2])
    response = client.post(reverse("community:live_vote", args=[second.pk]), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Tweede") < html.index("Eerste")
    assert 'aria-pressed="true"' in html
    assert first.pk != second.pk


def test_voting_for_ones_own_question_shows_the_reason(client, webinar, participants):
    question = services.live_question_ask(session=webinar, author=participants[0], text="Eigen")
    client.force_login(participants[0])
    response = client.post(reverse("community:live_vote", args=[question.pk]), **HTMX)
    assert "U kunt niet op uw eigen vraag stemmen." in response.content.decode()
    response = client.post(reverse("community:live_vote", args=[question.pk]), follow=True)
    assert "U kunt niet op uw eigen vraag stemmen." in response.content.decode()
    question.refresh_from_db()
    assert question.votes == 0


def test_the_moderator_marks_answered_merges_and_hides(client, webinar, participants, moderator):
    kept = services.live_question_ask(session=webinar, author=participants[0], text="Subsidie?")
    duplicate = services.live_question_ask(
        session=webinar, author=participants[1], text="Welke subsidie is er?"
    )
    rude = services.live_question_ask(session=webinar, author=participants[2], text="Onzin")
    client.force_login(moderator)
    page = client.get(_live(webinar)).content.decode()
    assert "Beantwoord<span" in page and "Samenvoegen" in page and "Verbergen" in page

    client.post(reverse("community:live_merge", args=[duplicate.pk]), {"kept": kept.pk}, **HTMX)
    client.post(reverse("community:live_hide", args=[rude.pk]), **HTMX)
    response = client.post(
        reverse("community:live_answer", args=[kept.pk]), {"answer": "De MIT-regeling."}, **HTMX
    )
    html = response.content.decode()
    assert "Antwoord:</strong> De MIT-regeling." in html
    assert "Samengevoegd:</span> Welke subsidie is er?" in html
    assert "Verborgen (alleen moderatoren zien deze)" in html

    client.force_login(participants[0])
    html = client.get(_live(webinar)).content.decode()
    assert "Onzin" not in html and "De MIT-regeling." in html


def test_a_participant_cannot_moderate(client, webinar, participants):
    question = services.live_question_ask(session=webinar, author=participants[0], text="Vraag")
    client.force_login(participants[1])
    for name in ("live_answer", "live_hide"):
        assert client.post(reverse(f"community:{name}", args=[question.pk])).status_code == 403
    question.refresh_from_db()
    assert question.answered_at is None and question.hidden_at is None


def test_a_hidden_question_by_its_url_is_a_404_for_participants(
    client, webinar, participants, moderator
):
    question = services.live_question_ask(session=webinar, author=participants[0], text="Weg")
    services.live_question_hide(question=question, actor=moderator)
    client.force_login(participants[1])
    assert client.post(reverse("community:live_vote", args=[question.pk])).status_code == 404
    assert client.post(reverse("community:live_answer", args=[question.pk])).status_code == 404


def test_people_not_registered_get_a_404(
    client, webinar, participants, waiting, member_not_registered, outsider, entrepreneur
):
    question = services.live_question_ask(session=webinar, author=participants[0], text="Vraag")
    for person in (waiting, member_not_registered, outsider, entrepreneur):
        client.force_login(person)
        assert client.get(_live(webinar)).status_code == 404
        assert (
            client.post(
                reverse("community:live_ask", args=[webinar.pk]), {"text": "Hoi"}
            ).status_code
            == 404
        )
        assert client.post(reverse("community:live_vote", args=[question.pk])).status_code == 404
    assert LiveQuestion.objects.count() == 1
    client.logout()
    response = client.get(_live(webinar))
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_the_session_page_links_the_live_page_and_keeps_the_qa_afterwards(
    client, webinar, participants, moderator, member_not_registered
):
    answered = services.live_question_ask(session=webinar, author=participants[0], text="Wat?")
    hidden = services.live_question_ask(session=webinar, author=participants[1], text="Spam")
    services.live_question_answer(question=answered, actor=moderator, answer="Dit.")
    services.live_question_hide(question=hidden, actor=moderator)
    session_url = reverse("learning:session", args=[webinar.pk])
    client.force_login(participants[0])
    assert _live(webinar) in client.get(session_url).content.decode()

    webinar.ends_at = timezone.now() - dt.timedelta(minutes=5)
    webinar.starts_at = webinar.ends_at - dt.timedelta(hours=1)
    webinar.save()
    client.force_login(member_not_registered)
    html = client.get(session_url).content.decode()
    assert "Vragen en antwoorden" in html and "Wat?" in html and "Dit." in html
    assert "Spam" not in html
    # The live page itself is read-only now: no question box, no votes.
    client.force_login(participants[1])
    live = client.get(_live(webinar)).content.decode()
    assert "Deze webinar is afgelopen" in live and 'name="text"' not in live
    assert "Stem ▲" not in live
