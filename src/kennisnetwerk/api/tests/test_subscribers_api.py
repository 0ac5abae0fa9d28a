"""Subscriber self-service through the API: the same rules as the web pages."""

import json

import pytest
from django.test import Client

from kennisnetwerk.accounts.tests.factories import RegionFactory
from kennisnetwerk.outreach.constants import SubscriberStatus
from kennisnetwerk.outreach.links import Purpose, subscriber_token
from kennisnetwerk.outreach.models import Subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def region():
    return RegionFactory(
        name="Noordoost-Brabant", slug="nob-api", municipalities=["Oss", "Maashorst"]
    )


def _post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_sign_up_confirm_change_and_unsubscribe(
    region, smtp_server, django_capture_on_commit_callbacks
):
    client = Client()
    body = {
        "email": "api@voorbeeld.example",
        "company_name": "API BV",
        "municipality": "Uden",
        "kvk_number": "12345678",
        "themes": ["digitalisering"],
        "consent": True,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, f"/api/v1/regions/{region.slug}/subscribers", body)
    assert response.status_code == 202, response.content
    subscriber = Subscriber.objects.get()
    assert subscriber.status == SubscriberStatus.PENDING
    assert subscriber.municipality.name == "Maashorst"
    assert len(smtp_server.wait_for(1)) == 1  # the confirmation mail (double opt-in)

    token = subscriber_token(subscriber, Purpose.PREFERENCES)
    page = client.get("/api/v1/subscribers/me", {"token": token}).json()
    assert page["themes"] == ["digitalisering"] and page["status"] == "wacht"

    changed = client.put(
        f"/api/v1/subscribers/me?token={token}",
        json.dumps({"company_name": "API BV", "municipality": "Oss", "frequency": "wekelijks"}),
        content_type="application/json",
    )
    assert changed.status_code == 200 and changed.json()["frequency"] == "wekelijks"

    unsubscribe = subscriber_token(subscriber, Purpose.UNSUBSCRIBE)
    assert _post(client, "/api/v1/subscribers/unsubscribe", {"token": token}).status_code == 404
    done = _post(client, "/api/v1/subscribers/unsubscribe", {"token": unsubscribe})
    assert done.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED


def test_bad_input_gets_dutch_messages_and_saves_nothing(region, smtp_server):
    body = {
        "email": "geen-adres",
        "company_name": "X",
        "municipality": "Leiden",
        "kvk_number": "12AB5678",
        "consent": False,
    }
    response = _post(Client(), f"/api/v1/regions/{region.slug}/subscribers", body)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) >= {"email", "municipality", "kvk_number", "consent"}
    assert "Leiden hoort niet bij Noordoost-Brabant." in errors["municipality"]
    assert not Subscriber.objects.exists()
    assert Client().get("/api/v1/subscribers/me", {"token": "vervalst"}).status_code == 404
