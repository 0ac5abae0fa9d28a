import json

import pytest
from django.test import Client

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
    make_member,
)
from kennisnetwerk.api.models import ApiToken
from kennisnetwerk.api.services import api_token_create
from kennisnetwerk.ecosystem.models import Initiative, Theme
from kennisnetwerk.ecosystem.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def region():
    return RegionFactory(
        name="Noordoost-Brabant", slug="noordoost-brabant-api", municipalities=["Oss"]
    )


def _payload(owner, region, **overrides):
    data = {
        "title": "Digitale Werkplaats",
        "kind": "programma",
        "owner": owner.slug,
        "inventory_region": region.slug,
        "themes": ["digitalisering"],
        "target_groups": ["zzp"],
        "municipalities": ["Uden"],
        "start_date": "2026-01-01",
        "budget": "250000.00",
    }
    data.update(overrides)
    return data


def test_openapi_document_and_docs_are_served(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert "/api/v1/initiatives" in document["paths"]
    docs = client.get("/api/v1/docs").content.decode()
    assert "cdn." not in docs  # served by the platform itself


def test_visitors_read_published_initiatives_with_filters_and_pagination(client, region):
    digital = Theme.objects.get(slug="digitalisering")
    for n in range(3):
        InitiativeFactory(inventory_region=region, title=f"Open {n}", themes=[digital])
    InitiativeFactory(inventory_region=region, title="Concept", is_published=False)
    page = client.get("/api/v1/initiatives", {"theme": "digitalisering", "limit": 2}).json()
    assert page["count"] == 3
    assert [i["title"] for i in page["items"]] == ["Open 0", "Open 1"]
    assert page["items"][0]["themes"] == ["digitalisering"]
    hidden = Initiative.objects.get(title="Concept")
    assert client.get(f"/api/v1/initiatives/{hidden.slug}").status_code == 404


def test_a_party_member_creates_and_updates_with_a_token(region):
    owner = OrganisationFactory()
    member = make_member(owner)
    _token, secret = api_token_create(user=member, name="script")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    created = api.post(
        "/api/v1/initiatives", json.dumps(_payload(owner, region)), content_type="application/json"
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["municipalities"] == ["GM1991"]  # Uden is now Maashorst
    assert body["owner"] == owner.slug
    slug = body["slug"]
    updated = api.put(
        f"/api/v1/initiatives/{slug}",
        json.dumps(_payload(owner, region, title="Nieuwe titel")),
        content_type="application/json",
    )
    assert updated.status_code == 200
    assert Initiative.objects.get(slug=slug).title == "Nieuwe titel"
    assert ApiToken.objects.get().last_used_at is not None


def test_writes_use_the_same_permissions_as_the_web(region):
    owner = OrganisationFactory()
    initiative = InitiativeFactory(owner=owner, inventory_region=region, title="Van een ander")
    outsider = make_coordinator(RegionFactory(municipalities=["Leiden"]))
    _token, secret = api_token_create(user=outsider, name="x")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    response = api.put(
        f"/api/v1/initiatives/{initiative.slug}",
        json.dumps(_payload(owner, region, title="Gekaapt")),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert Initiative.objects.get(pk=initiative.pk).title == "Van een ander"
    anonymous = Client().post(
        "/api/v1/initiatives", json.dumps(_payload(owner, region)), content_type="application/json"
    )
    assert anonymous.status_code == 401
    bad = Client(HTTP_AUTHORIZATION="Bearer kn_verkeerd").post(
        "/api/v1/initiatives", json.dumps(_payload(owner, region)), content_type="application/json"
    )
    assert bad.status_code == 401


def test_invalid_data_gets_dutch_messages_and_saves_nothing(region):
    owner = OrganisationFactory()
    _token, secret = api_token_create(user=make_member(owner), name="x")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    response = api.post(
        "/api/v1/initiatives",
        json.dumps(_payload(owner, region, municipalities=["Atlantis"], themes=["onbekend"])),
        content_type="application/json",
    )
    assert response.status_code == 422
    text = response.content.decode()
    assert "Onbekende gemeente of plaats: Atlantis" in text
    assert not Initiative.objects.exists()


def test_session_writes_need_the_csrf_token(region):
    owner = OrganisationFactory()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(make_member(owner))
    response = browser.post(
        "/api/v1/initiatives", json.dumps(_payload(owner, region)), content_type="application/json"
    )
    assert response.status_code in (401, 403)
    assert not Initiative.objects.exists()


def test_tokens_page_shows_a_new_token_once_and_revokes(client):
    from kennisnetwerk.accounts.tests.factories import UserFactory

    user = UserFactory()
    client.force_login(user)
    page = client.post("/api-sleutels/", {"name": "Koppeling CRM"}).content.decode()
    token = ApiToken.objects.get(user=user)
    assert "kn_" in page and "Koppeling CRM" in page
    assert "kn_" not in client.get("/api-sleutels/").content.decode().replace(token.prefix, "")
    client.post(f"/api-sleutels/{token.pk}/intrekken/")
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_schema_errors_are_reported_per_field_in_dutch(region):
    owner = OrganisationFactory()
    _token, secret = api_token_create(user=make_member(owner), name="x")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    payload = _payload(owner, region, start_date="1 februari", budget="veel")
    del payload["title"]
    response = api.post("/api/v1/initiatives", json.dumps(payload), content_type="application/json")
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors["title"] == ["Dit veld is verplicht."]
    assert "start_date" in errors and "budget" in errors
    broken = api.post("/api/v1/initiatives", "{niet json", content_type="application/json")
    assert broken.status_code in (400, 422)
    assert not Initiative.objects.exists()


def test_end_before_start_is_refused_by_the_model_rules(region):
    owner = OrganisationFactory()
    _token, secret = api_token_create(user=make_member(owner), name="x")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    payload = _payload(owner, region, start_date="2026-05-01", end_date="2026-01-01")
    response = api.post("/api/v1/initiatives", json.dumps(payload), content_type="application/json")
    assert response.status_code == 422
    assert "einddatum" in json.dumps(response.json()["errors"]).lower()
    payload = _payload(owner, region, kind="x")
    response = api.post("/api/v1/initiatives", json.dumps(payload), content_type="application/json")
    assert response.status_code == 422
    assert "kind" in response.json()["errors"]
    assert not Initiative.objects.exists()


def test_revoked_tokens_and_tokens_of_inactive_people_stop_working(region):
    owner = OrganisationFactory()
    member = make_member(owner)
    token, secret = api_token_create(user=member, name="x")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    body = json.dumps(_payload(owner, region))
    assert api.post("/api/v1/initiatives", body, content_type="application/json").status_code == 201
    from kennisnetwerk.api.services import api_token_revoke

    api_token_revoke(token=token, actor=member)
    again = api.post("/api/v1/initiatives", body, content_type="application/json")
    assert again.status_code == 401
    assert Initiative.objects.count() == 1


def test_the_list_filters_on_municipality_by_name_or_code(client, region):
    from kennisnetwerk.geo.models import Municipality

    local = InitiativeFactory(inventory_region=region, title="In Maashorst")
    local.municipalities.set([Municipality.objects.get(name="Maashorst")])
    InitiativeFactory(title="Ergens anders")
    for name in ("Uden", "Maashorst", "GM1991"):
        page = client.get("/api/v1/initiatives", {"municipality": name}).json()
        assert [i["title"] for i in page["items"]] == ["In Maashorst"], name
    unknown = client.get("/api/v1/initiatives", {"municipality": "Atlantis"})
    assert unknown.status_code == 422


def test_nul_characters_are_refused_with_a_422_not_a_server_error(client, region):
    owner = OrganisationFactory()
    InitiativeFactory(owner=owner, inventory_region=region)
    assert client.get("/api/v1/organisations", {"q": "a\x00b"}).status_code == 422
    assert client.get("/api/v1/initiatives", {"q": "a\x00b"}).status_code == 422
    assert client.get("/api/v1/initiatives/a%00b").status_code in (404, 422)
    _token, secret = api_token_create(user=make_member(owner), name="x")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    body = json.dumps(_payload(owner, region, title="Nul\x00teken"))
    response = api.post("/api/v1/initiatives", body, content_type="application/json")
    assert response.status_code == 422
    assert "title" in response.json()["errors"]
