"""The DOE agenda in the API: the same visibility and permissions as the web pages, rolled-up
progress, and the Dutch errors of bad input."""

import datetime as dt
import json

import pytest
from django.test import Client

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
    make_member,
)
from kennisnetwerk.agenda import services
from kennisnetwerk.api.services import api_token_create
from kennisnetwerk.geo.models import Municipality


@pytest.fixture
def world(reference_data):
    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss"])
    coordinator = make_coordinator(region, email="coordinator@voorbeeld.example")
    owner = OrganisationFactory(name="Gemeente Oss (fictief)")
    member = make_member(owner, email="eigenaar@voorbeeld.example")
    agenda = services.agenda_create(
        region=region, title="DOE-agenda 2026", start_date=dt.date(2026, 1, 1), actor=coordinator
    )
    return {"coordinator": coordinator, "owner": owner, "member": member, "agenda": agenda}


def _api(user) -> Client:
    _token, secret = api_token_create(user=user, name="script")
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def _post(api, url, data):
    return api.post(url, json.dumps(data), content_type="application/json")


def test_the_coordinator_adds_actions_and_the_owner_posts_progress(world):
    coordinator, member = _api(world["coordinator"]), _api(world["member"])
    base = f"/api/v1/agendas/{world['agenda'].pk}"

    main = _post(coordinator, f"{base}/actions", {"title": "Loket", "owner": world["owner"].slug})
    sub = _post(
        coordinator,
        f"{base}/actions",
        {"title": "Website", "owner": world["owner"].slug, "parent": main.json()["id"]},
    )
    posted = _post(
        member,
        f"/api/v1/actions/{sub.json()['id']}/progress-updates",
        {"text": "Website staat online", "progress": 100, "status": "gereed"},
    )

    assert (main.status_code, sub.status_code, posted.status_code) == (201, 201, 201)
    assert posted.json()["author"] in (world["member"].get_full_name(), world["member"].email)
    actions = member.get(f"{base}/actions").json()
    assert [(a["title"], a["progress"]) for a in actions] == [("Loket", 100), ("Website", 100)]
    detail = member.get(base).json()
    assert (detail["title"], detail["progress"], detail["region"]) == (
        "DOE-agenda 2026",
        100,
        world["agenda"].region.slug,
    )
    updates = member.get(f"/api/v1/actions/{sub.json()['id']}/progress-updates").json()
    assert [u["text"] for u in updates["items"]] == ["Website staat online"]
    assert [a["id"] for a in member.get("/api/v1/agendas").json()["items"]] == [world["agenda"].pk]


def test_bad_input_and_other_parties_are_refused_in_dutch(world):
    coordinator = _api(world["coordinator"])
    base = f"/api/v1/agendas/{world['agenda'].pk}"
    leiden = Municipality.objects.get(name="Leiden")
    outsider = _api(make_member(OrganisationFactory(name="Elders (fictief)", municipality=leiden)))

    early = _post(
        coordinator,
        f"{base}/actions",
        {"title": "Loket", "owner": world["owner"].slug, "deadline": "2025-12-31"},
    )
    unknown_owner = _post(coordinator, f"{base}/actions", {"title": "Loket", "owner": "niemand"})
    by_member = _post(
        _api(world["member"]), f"{base}/actions", {"title": "X", "owner": world["owner"].slug}
    )

    assert early.status_code == 422
    assert "voor het begin van de agenda" in early.json()["errors"]["deadline"][0]
    assert (
        unknown_owner.status_code == 422 and "niemand" in unknown_owner.json()["errors"]["owner"][0]
    )
    assert by_member.status_code == 403
    # An agenda of another region is not revealed: 404, as for one that does not exist.
    assert outsider.get(base).status_code == 404
    assert outsider.get("/api/v1/agendas").json()["items"] == []
    assert Client().get(base).status_code == 404
    assert not world["agenda"].actions.exists()


def test_ids_and_percentages_out_of_range_are_refused_with_a_422(world):
    coordinator = _api(world["coordinator"])
    action = services.action_create(
        agenda=world["agenda"],
        data=services.ActionData(title="Loket", owner=world["owner"]),
        actor=world["coordinator"],
    )

    huge_parent = _post(
        coordinator,
        f"/api/v1/agendas/{world['agenda'].pk}/actions",
        {"title": "X", "owner": world["owner"].slug, "parent": 10**20},
    )
    too_much = _post(
        coordinator,
        f"/api/v1/actions/{action.pk}/progress-updates",
        {"text": "Klaar", "progress": 150, "status": "bezig"},
    )

    assert huge_parent.status_code == 422
    assert too_much.status_code == 422
    assert "tussen 0 en 100" in too_much.json()["errors"]["progress"][0]
    assert not action.updates.exists()
