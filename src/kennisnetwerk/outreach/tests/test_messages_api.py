"""Messages and calendar events in the JSON API, with the permissions of the web pages."""

import json

import pytest
from django.test import Client
from django.utils import timezone

from kennisnetwerk.api.services import api_token_create
from kennisnetwerk.outreach.constants import MessageStatus
from kennisnetwerk.outreach.models import Message
from kennisnetwerk.outreach.services_messages import message_cancel

from .message_factories import approved, at, make_world, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def _api(user) -> Client:
    _token, secret = api_token_create(user=user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def _payload(world, **overrides):
    data = {
        "sender": world.kvk.slug,
        "kind": "evenement",
        "title": "Webinar: digitaliseren in het mkb",
        "body": "Webinar over boekhoudsoftware, e-facturen en online bankieren.",
        "valid_from": timezone.localdate().isoformat(),
        "themes": ["digitalisering"],
        "municipalities": ["Uden"],
        "event_start": at(10).isoformat(),
        "event_end": at(10, 16).isoformat(),
        "location": "Online",
    }
    data.update(overrides)
    return data


def _post(client, world, **overrides):
    return client.post(
        f"/api/v1/regions/{world.region.slug}/messages",
        json.dumps(_payload(world, **overrides)),
        content_type="application/json",
    )


def test_a_party_member_submits_and_hears_of_near_duplicates(world):
    first = approved(world)
    response = _post(_api(world.kvk_member), world)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == MessageStatus.SUBMITTED
    assert body["sender"] == world.kvk.slug
    assert body["municipalities"] == ["GM1991"]  # Uden is now Maashorst
    assert [d["id"] for d in body["possible_duplicates"]] == [first.pk]
    message = Message.objects.get(pk=body["id"])
    assert message.submitted_by == world.kvk_member


def test_submitting_needs_a_party_in_the_region(world, client):
    assert _post(client, world).status_code == 401
    assert _post(_api(world.outsider), world, sender=world.leiden.slug).status_code == 403
    # A member of the KVK may not send on behalf of the municipality.
    assert _post(_api(world.kvk_member), world, sender=world.oss.slug).status_code == 403
    assert not Message.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"valid_until": "2020-01-01", "valid_from": "2019-12-01"}, "valid_until"),
        ({"event_start": None}, "event_start"),
        ({"event_end": at(9).isoformat()}, "event_end"),
        ({"body": "x" * 20_000}, "body"),
        ({"themes": ["bestaat-niet"]}, "themes"),
        ({"municipalities": ["Leiden"]}, "municipalities"),
        ({"link": "javascript:alert(1)"}, "link"),
    ],
)
def test_bad_input_is_a_422_and_saves_nothing(world, overrides, field):
    response = _post(_api(world.kvk_member), world, **overrides)
    assert response.status_code == 422, response.content
    assert field in response.json()["errors"]
    assert not Message.objects.exists()


def test_visitors_read_approved_messages_and_events(world, client):
    live = approved(world, title="Live")
    cancelled = approved(world, title="Afgelast", event_start=at(12), event_end=at(12, 16))
    message_cancel(message=cancelled, actor=world.coordinator)
    waiting = submitted(world, title="Wacht")
    listed = client.get(f"/api/v1/regions/{world.region.slug}/messages").json()
    assert [m["title"] for m in listed["items"]] == ["Live"]
    assert listed["items"][0]["senders_label"] == "Gemeente Oss (fictief)"
    events = client.get(f"/api/v1/regions/{world.region.slug}/events").json()
    assert {(e["title"], e["status"]) for e in events} == {
        ("Live", MessageStatus.APPROVED),
        ("Afgelast", MessageStatus.CANCELLED),
    }
    by_theme = client.get(
        f"/api/v1/regions/{world.region.slug}/events", {"theme": "internationalisering"}
    )
    assert by_theme.json() == []
    assert client.get(f"/api/v1/messages/{live.pk}").status_code == 200
    assert client.get(f"/api/v1/messages/{waiting.pk}").status_code == 404
    assert _api(world.member).get(f"/api/v1/messages/{waiting.pk}").status_code == 200
    assert client.get("/api/v1/regions/onbekend/events").status_code == 404
    assert (
        client.get(f"/api/v1/regions/{world.region.slug}/events", {"theme": "x"}).status_code == 422
    )


def test_moments_outside_sensible_years_are_refused(world):
    response = _post(
        _api(world.kvk_member),
        world,
        event_start="0001-01-01T00:00:00",
        valid_from="0001-01-01",
    )
    assert response.status_code == 422
