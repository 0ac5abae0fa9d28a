"""An entrepreneur's question with consent to contact reaches the region's coordinators and
account managers (with the question and its best matches), and the entrepreneur gets a
confirmation mail with the signed link to their answer page."""

import re

import pytest
from django.urls import reverse

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    make_coordinator,
    make_facilitator,
    make_member,
)
from kennisnetwerk.notifications.models import Notification

from .factories import build_world, municipality, reindex

pytestmark = pytest.mark.django_db

QUESTION = "Ik kan geen personeel vinden en wil mijn mensen laten bijscholen"


@pytest.fixture
def world(reference_data):
    world = build_world()
    reindex()
    world["coordinator"] = make_coordinator(world["nob"])
    world["account_manager"] = make_member(world["party"])
    leiden = OrganisationFactory(name="Gemeente Leiden (test)")
    leiden.municipality = municipality("Leiden")
    leiden.save()
    world["other_region"] = make_member(leiden)
    world["other_coordinator"] = make_coordinator(world["zh"])
    world["facilitator"] = make_facilitator()
    return world


def _ask(client, world, **data):
    values = {"question": QUESTION, "municipality": "Oss", "size_class": "klein", **data}
    return client.post(reverse("needs:intake", args=[world["nob"].slug]), values)


def test_a_question_with_consent_notifies_the_region_and_confirms_to_the_entrepreneur(
    client, world, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _ask(
            client,
            world,
            contact_email="info@metaal.example",
            contact_name="Fatima Bakker",
            follow_up_consent="on",
        )
    assert response.status_code == 302
    notified = set(Notification.objects.values_list("recipient_id", flat=True))
    assert notified == {world["coordinator"].pk, world["account_manager"].pk}
    notification = Notification.objects.filter(recipient=world["coordinator"]).get()
    assert "Noordoost-Brabant" in notification.title
    assert QUESTION in notification.body and "Leerwerkplaats Techniek" in notification.body
    assert "Werkgeversdesk personeel Leiden" not in notification.body

    mails = {m["To"]: m for m in smtp_server.wait_for(3)}
    assert set(mails) == {
        world["coordinator"].email,
        world["account_manager"].email,
        "info@metaal.example",
    }
    confirmation = mails["info@metaal.example"]
    assert confirmation["Subject"] == "Uw vraag aan Noordoost-Brabant is ontvangen"
    text = confirmation.get_body(("plain",)).get_content()
    assert "Beste Fatima Bakker" in text and QUESTION in text
    [link] = re.findall(r"http://\S+/vraag/antwoord/\S+/|http://\S+antwoord/\S+/", text)
    page = client.get(link.split("://", 1)[1].split("/", 1)[1].join(["/", ""]))
    assert page.status_code == 200 and "Leerwerkplaats Techniek" in page.content.decode()
    # The coordinator's notification opens the question, which they may see.
    client.force_login(world["coordinator"])
    opened = client.get(reverse("notifications:open", args=[notification.pk]), follow=True)
    assert opened.status_code == 200 and QUESTION in opened.content.decode()


def test_without_consent_nobody_is_notified(
    client, world, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _ask(client, world, contact_email="info@metaal.example")
    assert not Notification.objects.exists()
    assert smtp_server.wait_for(1, timeout=0.5) == []
