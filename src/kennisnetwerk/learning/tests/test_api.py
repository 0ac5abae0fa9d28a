"""Learning together in the API, with the same permissions and rules as the web: members
read their programme and sessions (the online link only once registered), register and
cancel with the waiting list; visitors read and search the practice library; professionals
read and raise learning questions."""

import datetime as dt

import pytest
from django.utils import timezone

from kennisnetwerk.api.services import api_token_create
from kennisnetwerk.learning.models import LearningQuestion

from .factories import PracticeExampleFactory

pytestmark = pytest.mark.django_db


def _auth(user):
    _token, secret = api_token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_a_member_reads_registers_and_cancels_through_the_api(client, session, members, outsider):
    auth = _auth(members[0])
    programmes = client.get("/api/v1/programmes", **auth).json()
    assert [p["slug"] for p in programmes["items"]] == [session.programme.slug]
    sessions = client.get(f"/api/v1/programmes/{session.programme.slug}/sessions", **auth).json()
    assert sessions[0]["online_url"] is None
    assert sessions[0]["capacity"] == 2

    response = client.post(
        f"/api/v1/sessions/{session.pk}/registration", {}, content_type="application/json", **auth
    )
    assert response.status_code == 201
    assert response.json()["status"] == "aangemeld"
    detail = client.get(f"/api/v1/sessions/{session.pk}", **auth).json()
    assert detail["online_url"] == "https://vergadering.example/cop-3"
    assert detail["my_registration"] == "aangemeld"

    again = client.post(
        f"/api/v1/sessions/{session.pk}/registration", {}, content_type="application/json", **auth
    )
    assert again.status_code == 422
    assert again.json()["errors"]["__all__"] == ["U bent al aangemeld voor deze bijeenkomst."]

    response = client.post(f"/api/v1/sessions/{session.pk}/cancellation", **auth)
    assert response.status_code == 200
    assert response.json()["status"] == "afgemeld"

    # Someone outside the programme reads and registers nothing; the session is not revealed.
    other = _auth(outsider)
    assert client.get(f"/api/v1/sessions/{session.pk}", **other).status_code == 404
    assert (
        client.post(
            f"/api/v1/sessions/{session.pk}/registration",
            {},
            content_type="application/json",
            **other,
        ).status_code
        == 404
    )
    assert client.get("/api/v1/programmes", **other).json()["items"] == []


def test_full_and_past_sessions_are_refused_in_dutch(client, session, members):
    for member in members[:2]:
        client.post(
            f"/api/v1/sessions/{session.pk}/registration",
            {},
            content_type="application/json",
            **_auth(member),
        )
    third = _auth(members[2])
    full = client.post(
        f"/api/v1/sessions/{session.pk}/registration",
        {"waiting_list": False},
        content_type="application/json",
        **third,
    )
    assert full.status_code == 422
    assert full.json()["errors"]["__all__"] == ["Deze bijeenkomst is vol."]
    waiting = client.post(
        f"/api/v1/sessions/{session.pk}/registration", {}, content_type="application/json", **third
    )
    assert waiting.json() == {
        "session": session.pk,
        "status": "wachtlijst",
        "waiting_position": 1,
        "promoted": [],
    }
    start = timezone.now() - dt.timedelta(days=1)
    type(session).objects.filter(pk=session.pk).update(
        starts_at=start, ends_at=start + dt.timedelta(hours=2)
    )
    past = client.post(
        f"/api/v1/sessions/{session.pk}/registration",
        {},
        content_type="application/json",
        **_auth(members[3]),
    )
    assert past.status_code == 422
    assert "al plaatsgevonden" in past.json()["errors"]["__all__"][0]


def test_visitors_search_the_practice_library(client, region, organisation):
    PracticeExampleFactory(
        title="Werkgeversnetwerk techniek",
        approach="Werkgevers leiden samen zij-instromers op.",
        region=region,
        organisation=organisation,
    )
    PracticeExampleFactory(
        title="Concept", is_published=False, region=region, organisation=organisation
    )
    from kennisnetwerk.search.services import search_index_rebuild

    search_index_rebuild(kinds=["practice_example"])
    page = client.get("/api/v1/practice-examples").json()
    assert [e["title"] for e in page["items"]] == ["Werkgeversnetwerk techniek"]
    found = client.get("/api/v1/practice-examples", {"q": "zij-instroom werkgever"}).json()
    assert found["count"] == 1
    assert client.get("/api/v1/practice-examples/concept").status_code in (404,)


def test_professionals_raise_learning_questions(client, members, region, outsider):
    auth = _auth(members[0])
    response = client.post(
        "/api/v1/learning-questions",
        {
            "title": "Hoe houden we zzp'ers betrokken?",
            "region": region.slug,
            "themes": ["innovatie"],
        },
        content_type="application/json",
        **auth,
    )
    assert response.status_code == 201
    assert response.json()["region"] == region.slug
    listed = client.get("/api/v1/learning-questions", **auth).json()
    assert listed["items"][0]["title"] == "Hoe houden we zzp'ers betrokken?"
    # Not on behalf of a region one does not belong to; not without being a professional.
    response = client.post(
        "/api/v1/learning-questions",
        {"title": "Namens een ander", "region": region.slug},
        content_type="application/json",
        **_auth(outsider),
    )
    assert response.status_code == 403
    assert client.get("/api/v1/learning-questions").status_code == 403
    assert LearningQuestion.objects.count() == 1
