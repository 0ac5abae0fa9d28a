"""Questions in the API: asking (public, rate-limited, Dutch 422s), reading a region's
questions and matches (same permissions as the web), feedback stored."""

import pytest

from kennisnetwerk.accounts.tests.factories import make_coordinator, make_member
from kennisnetwerk.needs.models import MatchFeedback, Need

from .factories import build_world, reindex

pytestmark = pytest.mark.django_db

QUESTION = "Ik kan geen personeel vinden en wil mijn mensen laten bijscholen"


@pytest.fixture
def world(reference_data):
    world = build_world()
    reindex()
    return world


def _submit(client, world, **payload):
    body = {"question": QUESTION, "municipality": "Oss", **payload}
    return client.post(
        f"/api/v1/regions/{world['nob'].slug}/needs", body, content_type="application/json"
    )


def test_asking_through_the_api_answers_with_the_matches(client, world):
    response = _submit(client, world, size_class="klein")
    assert response.status_code == 201
    body = response.json()
    assert body["matches"][0]["initiative"] == world["training"].slug
    assert "bijscholen" in body["matches"][0]["reason"]["words"]
    assert "/vraag/antwoord/" in body["answer_url"]
    assert Need.objects.get(pk=body["id"]).source == "formulier"


def test_bad_questions_get_dutch_422s_and_save_nothing(client, world):
    empty = _submit(client, world, question="   ")
    assert empty.status_code == 422
    assert empty.json()["errors"]["question"] == ["Beschrijf uw vraag of knelpunt."]
    long = _submit(client, world, question="x" * 20_000)
    assert long.status_code == 422
    outside = _submit(client, world, municipality="Leiden")
    assert outside.json()["errors"]["municipality"] == ["Leiden hoort niet bij Noordoost-Brabant."]
    no_consent = _submit(client, world, contact_email="a@b.example")
    assert no_consent.status_code == 422
    assert not Need.objects.exists()


def test_the_api_is_rate_limited_like_the_form(client, world, settings):
    settings.NEEDS_INTAKE_MAX_PER_HOUR = 1
    assert _submit(client, world).status_code == 201
    assert _submit(client, world).status_code == 429


def test_reading_questions_and_giving_feedback_needs_the_region(client, world):
    need_id = _submit(client, world).json()["id"]
    slug = world["nob"].slug
    assert client.get(f"/api/v1/regions/{slug}/needs").status_code == 403
    client.force_login(make_coordinator(world["zh"]))
    assert client.get(f"/api/v1/needs/{need_id}/matches").status_code == 404  # not revealed
    manager = make_member(world["party"])
    client.force_login(manager)
    listing = client.get(f"/api/v1/regions/{slug}/needs")
    assert listing.status_code == 200 and listing.json()["items"][0]["id"] == need_id
    matches = client.get(f"/api/v1/needs/{need_id}/matches").json()
    assert matches[0]["initiative"] == world["training"].slug
    response = client.post(
        f"/api/v1/needs/{need_id}/feedback",
        {"initiative": world["training"].slug, "kind": "doorverwezen"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()[0]["feedback"] == ["doorverwezen"]
    assert MatchFeedback.objects.get().user == manager
    assert Need.objects.get().status == "doorverwezen"
