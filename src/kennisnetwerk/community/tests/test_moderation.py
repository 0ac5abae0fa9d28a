"""Reporting, hiding, locking and moving; a hidden post reached by its address; every
moderation act in the audit log."""

import pytest
from django.urls import reverse

from kennisnetwerk.community import services
from kennisnetwerk.community.models import PostReport
from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.learning.tests.factories import ProgrammeFactory, add_member
from kennisnetwerk.notifications.models import Notification

from .factories import make_cop, make_reply, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def cop(reference_data):
    return make_cop()


def test_a_member_reports_and_the_coordinator_hides_with_a_reason(
    client, cop, django_capture_on_commit_callbacks
):
    thread = make_topic(cop, author=cop.anna)
    post = make_reply(thread, cop.bram, "Koop onze cursus! Korting via mijn site.")
    client.force_login(cop.anna)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("community:post_report", args=[post.pk]), {"reason": "Reclame"}
        )
    assert response.status_code == 302
    assert PostReport.objects.get().reason == "Reclame"
    assert Notification.objects.filter(
        recipient=cop.coordinator, kind="community.post_reported"
    ).exists()

    client.force_login(cop.coordinator)
    reports = client.get(reverse("community:reports")).content.decode()
    assert "Reclame" in reports
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("community:post_hide", args=[post.pk]), {"reason": "Reclame is niet toegestaan"}
        )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.is_hidden and post.hidden_by == cop.coordinator
    told = Notification.objects.get(recipient=cop.bram, kind="community.post_hidden")
    assert "Reclame is niet toegestaan" in told.body
    assert PostReport.objects.get().handled_at is not None
    assert AuditLogEntry.objects.filter(message="post hidden by moderator").count() == 1

    # Members no longer see it; the moderator still does, marked as hidden.
    client.force_login(cop.anna)
    assert (
        "Koop onze cursus"
        not in client.get(reverse("community:thread", args=[thread.pk])).content.decode()
    )
    client.force_login(cop.coordinator)
    page = client.get(reverse("community:thread", args=[thread.pk])).content.decode()
    assert "Koop onze cursus" in page and "Verborgen door een moderator" in page


def test_hiding_needs_a_reason_and_changes_nothing_without(client, cop):
    post = make_reply(make_topic(cop), cop.bram)
    client.force_login(cop.core)
    response = client.post(reverse("community:post_hide", args=[post.pk]), {"reason": " "})
    assert response.status_code == 400
    assert "Geef een reden." in response.content.decode()
    post.refresh_from_db()
    assert not post.is_hidden


def test_a_participant_cannot_hide_lock_or_move(client, cop):
    thread = make_topic(cop)
    post = make_reply(thread, cop.core)
    client.force_login(cop.bram)
    assert (
        client.post(reverse("community:post_hide", args=[post.pk]), {"reason": "x"}).status_code
        == 403
    )
    assert client.post(reverse("community:thread_lock", args=[thread.pk])).status_code == 403
    assert client.get(reverse("community:thread_move", args=[thread.pk])).status_code == 403
    post.refresh_from_db()
    thread.refresh_from_db()
    assert not post.is_hidden and not thread.is_locked


def test_a_hidden_post_by_its_url_is_for_moderators_only(client, cop):
    thread = make_topic(cop)
    post = make_reply(thread, cop.bram, "Iets ongepasts")
    services.post_hide(post=post, reason="Ongepast", actor=cop.core)
    client.force_login(cop.anna)
    response = client.get(reverse("community:post", args=[post.pk]))
    assert response.status_code == 404
    body = response.content.decode()
    assert "Een moderator heeft dit bericht verborgen" in body
    assert "Iets ongepasts" not in body
    # The report and edit pages of a hidden post are closed too.
    assert client.get(reverse("community:post_report", args=[post.pk])).status_code == 404
    client.force_login(cop.bram)
    assert client.get(reverse("community:post_edit", args=[post.pk])).status_code == 404
    client.force_login(cop.core)
    response = client.get(reverse("community:post", args=[post.pk]))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#bericht-{post.pk}")


def test_a_moderator_locks_and_opens_a_thread(client, cop):
    thread = make_topic(cop)
    client.force_login(cop.core)
    client.post(reverse("community:thread_lock", args=[thread.pk]), {"locked": "1"})
    thread.refresh_from_db()
    assert thread.is_locked
    client.post(reverse("community:thread_lock", args=[thread.pk]), {"locked": "0"})
    thread.refresh_from_db()
    assert not thread.is_locked
    assert AuditLogEntry.objects.filter(message__startswith="thread ").count() == 2


def test_a_moderator_moves_a_topic_to_a_programme_they_moderate(client, cop):
    from kennisnetwerk.learning.constants import MemberRole

    thread = make_topic(cop)
    other = ProgrammeFactory(title="Netwerk accountmanagers", slug="netwerk-am")
    add_member(other, cop.core, MemberRole.CORE_TEAM)
    client.force_login(cop.core)
    response = client.post(
        reverse("community:thread_move", args=[thread.pk]), {"programme": other.pk}
    )
    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.programme == other
    entry = AuditLogEntry.objects.get(message="topic moved")
    assert entry.changes["programme"] == [cop.programme.title, other.title]
    # Anna is not in the other programme: the topic is out of her sight now.
    client.force_login(cop.anna)
    assert client.get(reverse("community:thread", args=[thread.pk])).status_code == 404


def test_a_report_needs_a_reason(client, cop):
    post = make_reply(make_topic(cop), cop.bram)
    client.force_login(cop.anna)
    response = client.post(reverse("community:post_report", args=[post.pk]), {"reason": ""})
    assert response.status_code == 400
    assert "Geef een reden." in response.content.decode()
    assert not PostReport.objects.exists()
