"""The API's contract as a client without the test client's shortcuts sees it (CSRF checks on,
as for curl or a script): 401 with WWW-Authenticate without a valid key, 404 for what the
person may not see, every error of a request at once in Dutch with its location, and a
documented 400 for a body that is not JSON."""

import datetime as dt
import json

import pytest
from django.test import Client
from ninja import Router, Schema

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
    make_member,
)
from kennisnetwerk.agenda import services as agenda_services
from kennisnetwerk.api.common import write_auth
from kennisnetwerk.api.contract import PlatformAPI
from kennisnetwerk.api.services import api_token_create
from kennisnetwerk.ecosystem.constants import InitiativeKind
from kennisnetwerk.ecosystem.models import Initiative
from kennisnetwerk.ecosystem.tests.factories import InitiativeFactory
from kennisnetwerk.geo.models import Municipality
from kennisnetwerk.learning.tests.factories import ProgrammeFactory, SessionFactory
from kennisnetwerk.monitoring.tests.factories import indicator_make
from kennisnetwerk.needs.models import Need

pytestmark = pytest.mark.django_db


def _client(user=None, secret=None) -> Client:
    if user is not None:
        _token, secret = api_token_create(user=user, name="script")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"} if secret else {}
    return Client(enforce_csrf_checks=True, **headers)


def _post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


@pytest.fixture
def world():
    region = RegionFactory(name="Noordoost-Brabant", slug="nob-contract", municipalities=["Oss"])
    owner = OrganisationFactory(name="Gemeente Oss (fictief)")
    elsewhere = RegionFactory(
        name="Leidse regio", slug="leiden-contract", municipalities=["Leiden"]
    )
    stranger = make_member(
        OrganisationFactory(
            name="Elders (fictief)", municipality=Municipality.objects.get(name="Leiden")
        )
    )
    return {
        "region": region,
        "owner": owner,
        "member": make_member(owner),
        "coordinator": make_coordinator(region),
        "elsewhere": elsewhere,
        "stranger": stranger,
    }


def _initiative_payload(world, **overrides):
    data = {
        "title": "Digitale Werkplaats",
        "kind": "programma",
        "owner": world["owner"].slug,
        "inventory_region": world["region"].slug,
    }
    data.update(overrides)
    return data


def test_a_write_without_a_key_gets_401_with_www_authenticate_not_a_csrf_403(world):
    response = _post(_client(), "/api/v1/initiatives", _initiative_payload(world))

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "API-sleutel" in response.json()["detail"]
    assert not Initiative.objects.exists()


def test_an_invalid_key_gets_401_on_reads_and_writes(world):
    wrong = _client(secret="kn_verkeerd")
    initiative = InitiativeFactory(owner=world["owner"], inventory_region=world["region"])

    for response in (
        wrong.get("/api/v1/organisations"),
        wrong.get(f"/api/v1/initiatives/{initiative.slug}"),
        wrong.get("/api/v1/programmes"),
        _post(wrong, "/api/v1/initiatives", _initiative_payload(world)),
    ):
        assert response.status_code == 401, response.request["PATH_INFO"]
        assert response["WWW-Authenticate"].startswith("Bearer")
        assert response.json()["detail"].startswith("De API-sleutel is niet geldig")


def test_objects_a_person_may_not_see_answer_404_as_if_they_did_not_exist(world):
    stranger = _client(world["stranger"])
    programme = ProgrammeFactory()
    programme.regions.add(world["region"])
    session = SessionFactory(programme=programme)
    agenda = agenda_services.agenda_create(
        region=world["region"],
        title="DOE-agenda 2026",
        start_date=dt.date(2026, 1, 1),
        actor=world["coordinator"],
    )
    action = agenda_services.action_create(
        agenda=agenda,
        data=agenda_services.ActionData(title="Loket", owner=world["owner"]),
        actor=world["coordinator"],
    )
    indicator = indicator_make(world["region"])
    need = Need.objects.create(region=world["region"], question="Hoe vind ik personeel?")
    draft = InitiativeFactory(
        owner=world["owner"], inventory_region=world["region"], is_published=False
    )

    hidden = [
        stranger.get(f"/api/v1/programmes/{programme.slug}"),
        stranger.get(f"/api/v1/programmes/{programme.slug}/sessions"),
        stranger.get(f"/api/v1/sessions/{session.pk}"),
        _post(stranger, f"/api/v1/sessions/{session.pk}/registration", {}),
        stranger.get(f"/api/v1/agendas/{agenda.pk}"),
        stranger.get(f"/api/v1/actions/{action.pk}"),
        _post(
            stranger,
            f"/api/v1/actions/{action.pk}/progress-updates",
            {"text": "Klaar", "progress": 10, "status": "bezig"},
        ),
        stranger.get(f"/api/v1/indicators/{indicator.pk}"),
        _post(
            stranger,
            f"/api/v1/indicators/{indicator.pk}/measurements",
            {"period": "2026", "value": 1},
        ),
        stranger.get(f"/api/v1/needs/{need.pk}/matches"),
        stranger.put(
            f"/api/v1/initiatives/{draft.slug}",
            json.dumps(_initiative_payload(world)),
            content_type="application/json",
        ),
    ]
    for response in hidden:
        assert response.status_code == 404, (response.request["PATH_INFO"], response.content)
        assert response.json() == {"detail": "Niet gevonden."}
    # What the person may see but not change is still a 403.
    published = InitiativeFactory(owner=world["owner"], inventory_region=world["region"])
    refused = stranger.put(
        f"/api/v1/initiatives/{published.slug}",
        json.dumps(_initiative_payload(world)),
        content_type="application/json",
    )
    assert refused.status_code == 403
    assert not action.updates.exists() and not indicator.measurements.exists()


def test_a_422_names_every_unknown_reference_at_once(world):
    member = _client(world["member"])
    response = _post(
        member,
        "/api/v1/initiatives",
        _initiative_payload(
            world,
            owner="niemand",
            inventory_region="nergens",
            themes=["digitalisering", "onbekend-thema"],
            municipalities=["Atlantis"],
            partners=["geen-partij"],
        ),
    )

    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) == {"owner", "inventory_region", "themes", "municipalities", "partners"}
    assert errors["themes"] == ["Onbekend: onbekend-thema."]
    assert errors["municipalities"] == ["Onbekende gemeente of plaats: Atlantis."]
    assert not Initiative.objects.exists()
    filters = _client().get("/api/v1/initiatives", {"theme": "x-thema", "region": "x-regio"})
    assert filters.status_code == 422
    assert set(filters.json()["errors"]) == {"theme", "region"}


def test_schema_errors_come_all_at_once_in_dutch_with_their_location(world):
    member = _client(world["member"])
    too_long = _post(
        member, "/api/v1/initiatives", {"kind": "iets", "owner": 3, "title": "x" * 300}
    )
    query = _client().get("/api/v1/initiatives", {"limit": 1000, "offset": -1})

    assert too_long.status_code == 422
    assert too_long.json()["errors"] == {
        "title": ["Gebruik ten hoogste 250 tekens."],
        "kind": ["Kies een van: " + ", ".join(f"'{kind}'" for kind in InitiativeKind.values) + "."],
        "owner": ["Deze waarde heeft het verkeerde type."],
        "inventory_region": ["Dit veld is verplicht."],
    }
    assert query.status_code == 422
    assert query.json()["errors"] == {
        "query.limit": ["Voer een getal in van ten hoogste 100."],
        "query.offset": ["Voer een getal in van ten minste 0."],
    }


def test_a_body_that_is_not_json_gets_a_documented_400_in_dutch(world):
    member = _client(world["member"])
    response = member.post("/api/v1/initiatives", "{niet json", content_type="application/json")
    document = _client().get("/api/v1/openapi.json").json()

    assert response.status_code == 400
    assert response.json()["detail"] == "De inhoud van het verzoek is geen geldige JSON."
    assert "400" in document["paths"]["/api/v1/initiatives"]["post"]["responses"]
    assert not Initiative.objects.exists()


def test_the_openapi_document_lists_401_everywhere_and_open_reads(client):
    document = client.get("/api/v1/openapi.json").json()

    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            unauthorised = operation["responses"]["401"]
            assert "WWW-Authenticate" in unauthorised["headers"], (method, path)
            if method == "get":
                assert {} in operation["security"], path
    assert document["paths"]["/api/v1/initiatives"]["post"]["security"] == [
        {"TokenAuth": []},
        {"SessionAuth": []},
    ]
    # Dutch first, like the website.
    create = document["paths"]["/api/v1/initiatives"]["post"]
    assert create["summary"] == "Initiatief toevoegen"
    assert create["responses"]["401"]["description"] == "Geen geldige API-sleutel of sessie"
    assert document["info"]["description"].startswith("Organisaties, initiatieven")


def test_a_router_added_later_gets_the_same_contract():
    """Another app's router (as community will add) documents and answers the same way
    without doing anything itself."""
    later = PlatformAPI(title="Later", version="test", urls_namespace="api-contract-test")
    router = Router()

    class ReplyIn(Schema):
        text: str

    @router.post("/threads/{thread_id}/replies", response={201: ReplyIn}, auth=write_auth)
    def reply(request, thread_id: int, payload: ReplyIn):
        return 201, payload

    @router.get("/threads", response=list[ReplyIn])
    def threads(request):
        return []

    later.add_router("", router)
    paths = later.get_openapi_schema(path_prefix="/later/")["paths"]

    write = paths["/later/threads/{thread_id}/replies"]["post"]
    assert {"400", "401", "422"} <= {str(code) for code in write["responses"]}
    assert "WWW-Authenticate" in write["responses"][401]["headers"]
    assert paths["/later/threads"]["get"]["security"][0] == {}
