"""Answers to a learning question (any professional answers; the asker or core team accepts
one), editing within the set time, and attachments through the upload rules."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kennisnetwerk.community import services
from kennisnetwerk.community.models import Post, PostAttachment, Thread
from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.learning.models import LearningQuestion

from .factories import make_cop, make_reply, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def cop(reference_data):
    return make_cop()


@pytest.fixture
def question(cop):
    return LearningQuestion.objects.create(
        title="Hoe houden we ondernemers vast na de eerste afspraak?",
        raised_by=cop.anna,
        programme=cop.programme,
    )


def _thread_of(client, question):
    response = client.get(reverse("community:subject_thread", args=["leervraag", question.pk]))
    assert response.status_code == 302
    return Thread.objects.get(learning_question=question)


def test_any_professional_answers_and_the_asker_accepts(client, cop, question):
    client.force_login(cop.outsider)  # a professional of another region
    thread = _thread_of(client, question)
    response = client.post(
        reverse("community:reply", args=[thread.pk]), {"text": "Bel na een week terug."}
    )
    assert response.status_code == 302
    answer = thread.posts.get()
    # The outsider may not accept; the asker may.
    assert client.post(reverse("community:post_accept", args=[answer.pk])).status_code == 403
    client.force_login(cop.anna)
    client.post(reverse("community:post_accept", args=[answer.pk]), {"accept": "1"})
    thread.refresh_from_db()
    assert thread.accepted_post == answer
    page = client.get(reverse("learning:question", args=[question.pk])).content.decode()
    assert "Antwoorden uit het netwerk" in page
    assert "er is een antwoord geaccepteerd" in page
    assert AuditLogEntry.objects.filter(message="answer accepted").exists()


def test_the_core_team_accepts_but_a_participant_does_not(client, cop, question):
    thread = services.thread_for_subject(subject=question)
    answer = make_reply(thread, cop.bram, "Een nieuwsbrief helpt.")
    client.force_login(cop.bram)
    assert client.post(reverse("community:post_accept", args=[answer.pk])).status_code == 403
    client.force_login(cop.core)
    client.post(reverse("community:post_accept", args=[answer.pk]), {"accept": "1"})
    thread.refresh_from_db()
    assert thread.accepted_post == answer


def test_a_topic_post_cannot_be_accepted(client, cop):
    post = make_reply(make_topic(cop), cop.bram)
    client.force_login(cop.core)
    assert client.post(reverse("community:post_accept", args=[post.pk])).status_code == 403


def test_the_author_edits_within_the_set_time_and_the_edit_is_marked(client, cop, settings):
    settings.COMMUNITY_EDIT_MINUTES = 30
    thread = make_topic(cop)
    post = make_reply(thread, cop.bram, "Eerste versie")
    client.force_login(cop.bram)
    response = client.post(
        reverse("community:post_edit", args=[post.pk]), {"text": "Tweede versie"}
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.source == "Tweede versie" and post.edited_at is not None
    page = client.get(reverse("community:thread", args=[thread.pk])).content.decode()
    assert "bewerkt" in page
    # Someone else may not edit it.
    client.force_login(cop.anna)
    assert client.get(reverse("community:post_edit", args=[post.pk])).status_code == 403


def test_after_the_set_time_the_post_can_no_longer_be_edited(client, cop, settings):
    settings.COMMUNITY_EDIT_MINUTES = 30
    post = make_reply(make_topic(cop), cop.bram, "Oud")
    Post.objects.filter(pk=post.pk).update(created_at=timezone.now() - dt.timedelta(minutes=31))
    client.force_login(cop.bram)
    response = client.post(reverse("community:post_edit", args=[post.pk]), {"text": "Nieuw"})
    assert response.status_code == 403
    post.refresh_from_db()
    assert post.source == "Oud" and post.edited_at is None


def test_an_empty_edit_is_refused(client, cop):
    post = make_reply(make_topic(cop), cop.bram, "Tekst")
    client.force_login(cop.bram)
    response = client.post(reverse("community:post_edit", args=[post.pk]), {"text": ""})
    assert response.status_code == 400
    assert "Schrijf een bericht" in response.content.decode()
    post.refresh_from_db()
    assert post.source == "Tekst"


def _pdf(name="verslag.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n% test\n", content_type="application/pdf")


def test_a_pdf_attachment_is_stored_and_served_to_readers_only(client, cop, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    thread = make_topic(cop)
    client.force_login(cop.bram)
    response = client.post(
        reverse("community:reply", args=[thread.pk]),
        {"text": "Zie het verslag.", "attachments": [_pdf()]},
    )
    assert response.status_code == 302
    attachment = PostAttachment.objects.get()
    assert attachment.content_type == "application/pdf" and attachment.filename == "verslag.pdf"
    download = client.get(reverse("community:attachment", args=[attachment.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    client.force_login(cop.outsider)
    assert client.get(reverse("community:attachment", args=[attachment.pk])).status_code == 404


def test_a_file_that_is_not_what_its_name_says_is_refused_and_nothing_saved(
    client, cop, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    thread = make_topic(cop)
    client.force_login(cop.bram)
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(
        reverse("community:reply", args=[thread.pk]),
        {"text": "Zie bijlage.", "attachments": [fake]},
    )
    assert response.status_code == 400
    assert "virus.pdf is geen bestandstype dat wij accepteren" in response.content.decode()
    assert thread.posts.count() == 1
    assert not PostAttachment.objects.exists()
