import pytest

from kennisnetwerk.accounts.tests.factories import RegionFactory, make_coordinator, make_facilitator
from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.geo.models import Region

pytestmark = pytest.mark.django_db


def test_region_list_and_detail_are_public(client):
    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss", "Vught"])
    listing = client.get("/geo/regios/")
    assert listing.status_code == 200
    assert "Noordoost-Brabant" in listing.content.decode()
    detail = client.get(f"/geo/regios/{region.slug}/")
    assert detail.status_code == 200
    assert "Vught" in detail.content.decode()


def test_facilitator_creates_a_region_with_old_and_place_names(client):
    client.force_login(make_facilitator())
    response = client.post(
        "/geo/regios/nieuw/",
        {
            "name": "Maasland",
            "kind": "mkb_deal",
            "description": "",
            "municipalities": "Oss\nUden\nBoxmeer\nRosmalen",
        },
    )
    region = Region.objects.get(name="Maasland")
    assert response.status_code == 302
    assert sorted(region.municipalities.values_list("name", flat=True)) == [
        "'s-Hertogenbosch",
        "Land van Cuijk",
        "Maashorst",
        "Oss",
    ]
    entry = AuditLogEntry.objects.get(object_id=str(region.pk), action="create")
    assert entry.changes["municipalities"][1] == [
        "'s-Hertogenbosch",
        "Land van Cuijk",
        "Maashorst",
        "Oss",
    ]


def test_unknown_municipality_gets_a_dutch_error_and_nothing_is_saved(client):
    client.force_login(make_facilitator())
    response = client.post(
        "/geo/regios/nieuw/",
        {
            "name": "Fantasia",
            "kind": "custom",
            "municipalities": "Oss\nAtlantis\nZevenhuizen",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Onbekende gemeente of plaats: Atlantis" in body
    assert "Zevenhuizen" in body
    assert 'aria-invalid="true"' in body
    assert not Region.objects.filter(name="Fantasia").exists()


def test_coordinator_edits_own_region_but_not_another(client):
    own = RegionFactory(municipalities=["Oss"])
    other = RegionFactory(municipalities=["Vught"])
    client.force_login(make_coordinator(own))
    response = client.post(
        f"/geo/regios/{own.slug}/bewerken/",
        {"name": "Maasland", "description": "Samen sterk", "municipalities": "Oss\nRotterdam"},
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert (own.name, own.description) == ("Maasland", "Samen sterk")
    # Municipalities decide whom a coordinator may invite: only facilitators change them.
    assert list(own.municipalities.values_list("name", flat=True)) == ["Oss"]
    log = AuditLogEntry.objects.get(object_id=str(own.pk), action="update")
    assert set(log.changes) == {"name", "description"}

    assert client.get(f"/geo/regios/{other.slug}/bewerken/").status_code == 403
    assert (
        client.post(
            f"/geo/regios/{other.slug}/bewerken/", {"name": "Gekaapt", "municipalities": "Oss"}
        ).status_code
        == 403
    )
    other.refresh_from_db()
    assert other.name != "Gekaapt"
    assert client.get("/geo/regios/nieuw/").status_code == 403


def test_facilitator_changes_the_municipalities_of_a_region(client):
    region = RegionFactory(municipalities=["Oss"])
    client.force_login(make_facilitator())
    response = client.post(
        f"/geo/regios/{region.slug}/bewerken/",
        {"name": region.name, "description": "", "municipalities": "Oss\nBernheze"},
    )
    assert response.status_code == 302
    assert set(region.municipalities.values_list("name", flat=True)) == {"Oss", "Bernheze"}
    log = AuditLogEntry.objects.get(object_id=str(region.pk), action="update")
    assert log.changes["municipalities"] == [["Oss"], ["Bernheze", "Oss"]]


def test_municipalities_of_a_province_follow_the_reference_data(client):
    province = Region.objects.get(kind="province", source_code="PV30")
    count = province.municipalities.count()
    client.force_login(make_facilitator())
    response = client.post(
        f"/geo/regios/{province.slug}/bewerken/",
        {
            "name": province.name,
            "description": "Brabant",
            "municipalities": "Oss",
        },
    )
    assert response.status_code == 302
    province.refresh_from_db()
    assert province.description == "Brabant"
    assert province.name == "Noord-Brabant"  # the CBS name stays
    assert province.municipalities.count() == count
