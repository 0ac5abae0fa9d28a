"""Monitoring in the API, with the same permissions and rules as the web pages: the region's
people read its indicators and measurements, the coordinator enters a measurement (a wrong
unit is refused in Dutch), and the reach estimates are suppressed exactly as on the page."""

import pytest

from kennisnetwerk.accounts.tests.factories import OrganisationFactory, make_member
from kennisnetwerk.api.services import api_token_create
from kennisnetwerk.geo.models import Municipality
from kennisnetwerk.monitoring.models import Measurement

from .factories import dashboard_world

pytestmark = pytest.mark.django_db


def _auth(user):
    _token, secret = api_token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def world(db):
    return dashboard_world()


def test_the_coordinator_reads_indicators_and_enters_a_measurement(client, world):
    auth = _auth(world["coordinator"])
    indicators = client.get(f"/api/v1/regions/{world['region'].slug}/indicators", **auth).json()
    by_code = {i["code"]: i for i in indicators["items"]}
    assert by_code["deelnemers"]["targets"] == [
        {"period": "2024", "value": 100.0},
        {"period": "2025", "value": 120.0},
    ]
    indicator = by_code["deelnemers"]["id"]
    url = f"/api/v1/indicators/{indicator}/measurements"

    created = client.post(
        url,
        {"period": "2023", "value": "64", "unit": "aantal", "note": "Nagekomen"},
        content_type="application/json",
        **auth,
    )

    assert created.status_code == 201
    assert created.json() == {
        "period": "2023", "value": 64.0, "target": None, "source": "handmatig", "note": "Nagekomen"
    }  # fmt: skip
    listed = client.get(url, **auth).json()["items"]
    assert [(m["period"], m["value"], m["target"]) for m in listed] == [
        ("2023", 64.0, None),
        ("2024", 80.0, 100.0),
        ("2025", 130.0, 120.0),
    ]
    wrong = client.post(
        url,
        {"period": "2025", "value": "3", "unit": "euro"},
        content_type="application/json",
        **auth,
    )
    assert wrong.status_code == 422
    assert wrong.json()["errors"]["unit"] == [
        "euro is niet de eenheid van deze indicator; die wordt gemeten in aantal."
    ]
    assert Measurement.objects.filter(indicator_id=indicator, period="2025").get().value == 130


def test_reach_is_suppressed_as_on_the_page_and_closed_to_outsiders(client, world):
    url = f"/api/v1/indicators/{world['indicator'].pk}/reach/2025"

    reach = client.get(url, **_auth(world["coordinator"])).json()

    assert reach["union"] == {"text": "300", "value": 300, "lower": 300, "upper": 300}
    parties = {p["party"]: p for p in reach["parties"]}
    exclusive = parties["Ontwikkelingsmaatschappij (fictief)"]["exclusive"]
    assert exclusive == {"text": "< 10", "value": None, "lower": None, "upper": None}
    assert reach["overlaps"][0]["overlap"]["value"] == 200
    assert "sketch" not in str(reach)
    leiden = Municipality.objects.get(name="Leiden")
    outsider = make_member(OrganisationFactory(name="Elders (fictief)", municipality=leiden))
    # The indicator is not revealed (404); the region is public, its indicators are not (403).
    for path, status in ((url, 404), (f"/api/v1/regions/{world['region'].slug}/indicators", 403)):
        assert client.get(path, **_auth(outsider)).status_code == status
        assert client.get(path).status_code == status
    bad = client.get(
        f"/api/v1/indicators/{world['indicator'].pk}/reach/2025-Q1", **_auth(world["coordinator"])
    )
    assert bad.status_code == 422
