"""Who hears of what in conversations: followers of a thread, people mentioned (only those who
may see the thread), the members of a programme for a new topic. Notifications are written
after the commit, by the notifications app."""

import pytest
from django.urls import reverse

from kennisnetwerk.community import services
from kennisnetwerk.notifications.models import Notification
from kennisnetwerk.notifications.selectors import is_following

from .factories import make_cop, make_reply, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def cop(reference_data):
    return make_cop()


def _kinds(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_a_new_topic_tells_the_programme_members_but_not_its_author(
    cop, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        thread = make_topic(cop, author=cop.anna)
    assert _kinds(cop.bram) == ["community.new_topic"]
    assert _kinds(cop.core) == ["community.new_topic"]
    assert _kinds(cop.anna) == []
    assert _kinds(cop.outsider) == []
    notification = Notification.objects.get(recipient=cop.bram)
    assert notification.url == reverse("community:post", args=[thread.posts.get().pk])
    assert is_following(user=cop.anna, target=thread)


def test_writing_follows_the_thread_and_followers_hear_of_replies(
    cop, django_capture_on_commit_callbacks
):
    thread = make_topic(cop, author=cop.anna)
    with django_capture_on_commit_callbacks(execute=True):
        make_reply(thread, cop.bram)
    assert is_following(user=cop.bram, target=thread)
    assert _kinds(cop.anna) == ["community.reply"]
    assert _kinds(cop.core) == []  # not following
    with django_capture_on_commit_callbacks(execute=True):
        make_reply(thread, cop.anna, "Dank je!")
    assert _kinds(cop.bram) == ["community.reply"]


def test_a_mention_in_the_text_notifies_the_person_once(
    client, cop, django_capture_on_commit_callbacks
):
    thread = make_topic(cop, author=cop.anna)
    client.force_login(cop.anna)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("community:reply", args=[thread.pk]),
            {"text": "Wat denk jij, @Bram Jansen? En @karin kernteam ook."},
        )
    assert response.status_code == 302
    post = thread.posts.last()
    assert set(post.mentions.all()) == {cop.bram, cop.core}
    assert "<strong>@Bram Jansen</strong>" in post.html
    assert _kinds(cop.bram) == ["community.mention"]
    assert _kinds(cop.core) == ["community.mention"]


def test_a_mention_of_someone_outside_the_thread_notifies_no_one(
    client, cop, django_capture_on_commit_callbacks
):
    thread = make_topic(cop, author=cop.anna)
    client.force_login(cop.anna)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("community:reply", args=[thread.pk]),
            {"text": "Misschien weet @Olga Buiten dit?"},
            follow=True,
        )
    assert "Niet iedereen die u noemde krijgt een melding: @Olga" in response.content.decode()
    post = thread.posts.last()
    assert not post.mentions.exists()
    assert "<strong>" not in post.html
    assert _kinds(cop.outsider) == []


def test_the_mention_field_works_without_javascript(
    client, cop, django_capture_on_commit_callbacks
):
    thread = make_topic(cop, author=cop.anna)
    client.force_login(cop.anna)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("community:reply", args=[thread.pk]),
            {"text": "Zie hieronder.", "mention": "Bram Jansen"},
        )
    assert _kinds(cop.bram) == ["community.mention"]


def test_type_ahead_suggests_only_people_who_can_read_the_thread(client, cop):
    thread = make_topic(cop, author=cop.anna)
    client.force_login(cop.anna)
    response = client.get(
        reverse("community:mention_suggestions", args=[thread.pk]),
        {"mention": "br"},
        HTTP_HX_REQUEST="true",
    )
    assert '<option value="Bram Jansen">' in response.content.decode()
    response = client.get(
        reverse("community:mention_suggestions", args=[thread.pk]), {"mention": "olga"}
    )
    assert "Olga" not in response.content.decode()


def test_a_thread_under_a_learning_question_notifies_only_professionals(
    cop, django_capture_on_commit_callbacks
):
    from kennisnetwerk.accounts.tests.factories import UserFactory
    from kennisnetwerk.learning.models import LearningQuestion

    outsider_person = UserFactory(full_name="Piet Particulier")  # no organisation or role
    question = LearningQuestion.objects.create(title="Hoe meten we bereik?", raised_by=cop.anna)
    thread = services.thread_for_subject(subject=question)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_create(
            thread=thread,
            data=services.PostData(text="@Piet Particulier en @Olga Buiten, weten jullie dit?"),
            actor=cop.anna,
        )
    assert _kinds(outsider_person) == []
    assert _kinds(cop.outsider) == ["community.mention"]  # a professional elsewhere may see it
