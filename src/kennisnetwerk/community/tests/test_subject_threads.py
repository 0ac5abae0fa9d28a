"""The conversation under a session, practice example and DOE action: visible to whoever may
see the object (a practice example's conversation only to professionals), moderated by its
organisers, and shown as a section on the object's page."""

import datetime as dt

import pytest
from django.urls import reverse

from kennisnetwerk.agenda import services as agenda_services
from kennisnetwerk.community import services
from kennisnetwerk.community.models import Thread
from kennisnetwerk.learning.tests.factories import PracticeExampleFactory, SessionFactory

from .factories import make_cop, make_entrepreneur, make_reply

pytestmark = pytest.mark.django_db


@pytest.fixture
def cop(reference_data):
    return make_cop()


def _open(client, kind, pk):
    return client.get(reverse("community:subject_thread", args=[kind, pk]))


def test_the_session_thread_is_for_the_programme_and_shown_on_the_session_page(client, cop):
    session = SessionFactory(programme=cop.programme, title="Aftrap digitalisering")
    client.force_login(cop.outsider)
    assert _open(client, "bijeenkomst", session.pk).status_code == 404
    assert not Thread.objects.exists()
    client.force_login(cop.bram)
    response = _open(client, "bijeenkomst", session.pk)
    thread = Thread.objects.get(session=session)
    assert response["Location"] == reverse("community:thread", args=[thread.pk])
    make_reply(thread, cop.anna, "Wie neemt de presentatie mee?")
    page = client.get(reverse("learning:session", args=[session.pk])).content.decode()
    assert "Wie neemt de presentatie mee?" in page
    assert "1 nieuw" in page
    # Its moderators are the programme's organisers.
    client.force_login(cop.core)
    post = thread.posts.get()
    assert client.get(reverse("community:post_hide", args=[post.pk])).status_code == 200


def test_a_practice_example_conversation_is_for_professionals_only(client, cop):
    example = PracticeExampleFactory(title="Ondernemersloket in de bibliotheek", is_published=True)
    entrepreneur = make_entrepreneur()
    client.force_login(entrepreneur)
    assert _open(client, "praktijkvoorbeeld", example.pk).status_code == 404
    page = client.get(reverse("learning:practice", args=[example.slug])).content.decode()
    assert "Gesprek" not in page
    client.logout()
    assert (
        "Gesprek"
        not in client.get(reverse("learning:practice", args=[example.slug])).content.decode()
    )
    client.force_login(cop.outsider)  # a professional of another region
    assert _open(client, "praktijkvoorbeeld", example.pk).status_code == 302
    page = client.get(reverse("learning:practice", args=[example.slug])).content.decode()
    assert "Naar het gesprek" in page


def test_an_action_thread_follows_the_agenda_rules(client, cop):
    region = cop.programme.regions.get()
    agenda = agenda_services.agenda_create(
        region=region,
        title="DOE-agenda 2026",
        start_date=dt.date(2026, 1, 1),
        actor=cop.coordinator,
    )
    owner = cop.anna.memberships.get().organisation
    action = agenda_services.action_create(
        agenda=agenda,
        data=agenda_services.ActionData(title="Loket voor zzp'ers openen", owner=owner),
        actor=cop.coordinator,
    )
    client.force_login(cop.outsider)
    assert _open(client, "actie", action.pk).status_code == 404
    client.force_login(cop.anna)  # her organisation owns the action
    assert _open(client, "actie", action.pk).status_code == 302
    thread = Thread.objects.get(action=action)
    services.post_create(
        thread=thread, data=services.PostData(text="Start in maart."), actor=cop.anna
    )
    page = client.get(reverse("agenda:action", args=[action.pk])).content.decode()
    assert "Start in maart." in page


def test_an_unknown_kind_is_404(client, cop):
    client.force_login(cop.anna)
    assert _open(client, "onbekend", 1).status_code == 404
