"""A person's posts in their personal data export, and what erasure does with them: they stay
as "verwijderde deelnemer" with their text, or go when the person asked for that."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.urls import reverse

from kennisnetwerk.accounts.models import ErasureRequest
from kennisnetwerk.accounts.services import personal_data_erase, personal_data_export
from kennisnetwerk.accounts.tests.factories import PASSWORD
from kennisnetwerk.community.models import Post, Thread
from kennisnetwerk.core.audit import audit_log
from kennisnetwerk.core.models import AuditAction
from kennisnetwerk.learning.models import LearningQuestion

from .factories import make_cop, make_reply, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def cop(reference_data):
    return make_cop()


def test_posts_are_in_the_personal_data_export(cop):
    thread = make_topic(cop, author=cop.anna, title="Subsidies", text="Mijn vraag over subsidies")
    make_reply(thread, cop.bram, "Vraag het @Anna de Vries")
    export = personal_data_export(user=cop.anna)["community"]
    assert export["posts"][0]["text"] == "Mijn vraag over subsidies"
    assert export["topics_started"] == ["Subsidies"]
    assert export["mentioned_in"][0]["conversation"] == "Subsidies"


def test_after_erasure_posts_stay_as_removed_participant_with_their_text(client, cop):
    thread = make_topic(cop, author=cop.anna, text="Ervaring uit Oss")
    make_reply(thread, cop.bram, "Goed punt, @Anna de Vries!")
    personal_data_erase(request=ErasureRequest.objects.create(user=cop.anna))
    first = thread.posts.first()
    assert first.author is None and first.source == "Ervaring uit Oss"
    reply = thread.posts.last()
    assert "Anna" not in reply.source and "@verwijderde deelnemer" in reply.source
    assert not reply.mentions.exists()
    client.force_login(cop.bram)
    page = client.get(reverse("community:thread", args=[thread.pk])).content.decode()
    assert "verwijderde deelnemer" in page and "Ervaring uit Oss" in page
    assert "Anna de Vries" not in page


def test_on_request_erasure_removes_the_posts_too(client, cop):
    own_topic = make_topic(cop, author=cop.anna, title="Alleen van Anna")
    shared = make_topic(cop, author=cop.anna, title="Samen", text="Anna begint")
    make_reply(shared, cop.bram, "Bram reageert")
    make_reply(make_topic(cop, author=cop.bram, title="Van Bram"), cop.anna, "Anna antwoordt")
    client.force_login(cop.anna)
    response = client.post(
        reverse("accounts:personal_data_erase"),
        {"password": PASSWORD, "confirm": "on", "remove_contributions": "on"},
    )
    assert response.status_code == 200
    request = ErasureRequest.objects.get(user=cop.anna)
    assert request.remove_contributions
    personal_data_erase(request=request)  # the background job
    assert not Post.objects.filter(source__startswith="Anna").exists()
    assert not Thread.objects.filter(pk=own_topic.pk).exists()
    assert list(shared.posts.values_list("source", flat=True)) == ["Bram reageert"]


def test_the_erasure_form_explains_what_happens_to_posts(client, cop):
    client.force_login(cop.anna)
    page = client.get(reverse("accounts:personal_data")).content.decode()
    assert "verwijderde deelnemer" in page
    assert "Verwijder ook mijn berichten in gesprekken" in page


def test_existing_answers_to_learning_questions_move_into_their_thread(cop):
    question = LearningQuestion.objects.create(
        title="Hoe bereiken we achterblijvers?", raised_by=cop.anna, answer="Via de brancheclub."
    )
    audit_log(
        actor=cop.core,
        action=AuditAction.UPDATE,
        obj=question,
        changes={"answer": ["", "Via de brancheclub."]},
    )
    Thread.objects.all().delete()
    migration = importlib.import_module(
        "kennisnetwerk.community.migrations.0003_learning_question_answers"
    )
    migration.forwards(django_apps, None)
    thread = Thread.objects.get(learning_question=question)
    post = thread.posts.get()
    assert post.source == "Via de brancheclub." and post.author == cop.core
    assert thread.accepted_post == post
    assert post.html == "<p>Via de brancheclub.</p>"
    # Running it again adds nothing.
    migration.forwards(django_apps, None)
    assert thread.posts.count() == 1


def test_the_privacy_page_says_what_happens_to_posts(client, db):
    page = client.get(reverse("core:privacy")).content.decode()
    assert "Uw berichten in gesprekken" in page
    assert "verwijderde deelnemer" in page
