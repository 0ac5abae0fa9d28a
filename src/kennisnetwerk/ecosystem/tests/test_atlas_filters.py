"""The filters of the atlas and the other ecosystem pages: the organisation by (part of) its
name with suggestions, a failed filter lists nothing, and one convention of Dutch names in
web addresses with the former English names redirected."""

import pytest

from kennisnetwerk.accounts.tests.factories import OrganisationFactory, RegionFactory
from kennisnetwerk.ecosystem.models import Theme

from .factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss", "Vught"])
    oss = OrganisationFactory(name="Gemeente Oss (fictief)", slug="gemeente-oss")
    vught = OrganisationFactory(name="Gemeente Vught (fictief)", slug="gemeente-vught")
    bank = OrganisationFactory(name="Rabobank Maasland (fictief)", slug="rabobank")
    OrganisationFactory(name="Zonder aanbod (fictief)", slug="zonder-aanbod")
    digital = Theme.objects.get(slug="digitalisering")
    scan = InitiativeFactory(
        title="Digitale scan", owner=oss, inventory_region=region, themes=[digital]
    )
    scan.partners.set([bank])
    InitiativeFactory(title="Microkrediet", owner=bank, inventory_region=region)
    InitiativeFactory(title="Vughtse vouchers", owner=vught, inventory_region=region)
    return region


def titles(response) -> list[str]:
    return sorted(i.title for i in response.context["page"])


def test_the_organisation_filter_takes_part_of_the_name_in_any_case(client, world):
    assert titles(client.get("/atlas/", {"organisatie": "gemeente oss"})) == ["Digitale scan"]
    assert titles(client.get("/atlas/", {"organisatie": "RABOBANK"})) == [
        "Digitale scan",
        "Microkrediet",
    ]
    assert titles(client.get("/atlas/", {"organisatie": "Gemeente Vught (fictief)"})) == [
        "Vughtse vouchers"
    ]
    assert titles(client.get("/atlas/", {"organisatie": "gemeente-oss"})) == ["Digitale scan"]


def test_the_organisation_box_suggests_the_parties_with_initiatives(client, world):
    page = client.get("/atlas/").content.decode()
    assert 'list="id_organisatie_options"' in page
    assert '<datalist id="id_organisatie_options">' in page
    positions = [
        page.index(f'<option value="{name}')
        for name in ["Rabobank Maasland", "Gemeente Oss (fictief)", "Gemeente Vught (fictief)"]
    ]
    # The most active party (owner and partner) first, then by name.
    assert positions == sorted(positions)
    assert "Zonder aanbod" not in page


def test_a_name_that_fits_several_organisations_names_them_and_lists_nothing(client, world):
    response = client.get("/atlas/", {"organisatie": "gemeente"})
    page = response.content.decode()
    assert "Meerdere organisaties passen bij gemeente" in page
    assert "Gemeente Oss (fictief), Gemeente Vught (fictief)" in page
    assert titles(response) == []
    assert "Geen initiatieven getoond" in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("organisatie", "Atlantis BV", "Er is geen organisatie met de naam Atlantis BV."),
        ("gemeente", "Atlantis", "Onbekende gemeente of plaats: Atlantis."),
    ],
)
def test_an_unknown_filter_value_lists_no_initiatives(client, world, field, value, message):
    response = client.get("/atlas/", {field: value})
    page = response.content.decode()
    assert message in page
    assert titles(response) == []
    assert "Geen initiatieven getoond: een filter kon niet worden toegepast" in page
    for title in ["Digitale scan", "Microkrediet", "Vughtse vouchers"]:
        assert title not in page
    # The downloads of the same address contain none either.
    csv = client.get("/atlas/export/aanbod.csv", {field: value}).content.decode("utf-8-sig")
    assert "Digitale scan" not in csv
    network = client.get("/atlas/netwerk/", {field: value}).content.decode()
    assert message in network and "Digitale scan" not in network


def test_an_unknown_municipality_in_the_matrix_shows_no_counts(client, world):
    response = client.get("/atlas/matrix/", {"gemeente": "Atlantis"})
    page = response.content.decode()
    assert "Onbekende gemeente of plaats: Atlantis." in page
    assert "Geen matrix getoond" in page
    assert response.context["matrix"] is None
    csv = client.get("/atlas/witte-vlekken.csv", {"gemeente": "Atlantis"})
    assert csv.status_code == 400
    assert "Onbekende gemeente of plaats: Atlantis." in csv.content.decode()


@pytest.mark.parametrize(
    "path", ["/atlas/", "/atlas/netwerk/", "/atlas/export/aanbod.csv", "/atlas/export/aanbod.xlsx"]
)
def test_the_former_english_names_redirect_to_the_dutch_ones(client, world, path):
    response = client.get(
        path,
        {
            "q": "scan",
            "theme": "digitalisering",
            "kind": "programma",
            "target_group": "zzp",
            "municipality": "Oss",
            "organisation": "gemeente-oss",
            "region": world.slug,
            "status": "actief",
        },
    )
    assert response.status_code == 301
    assert response["Location"] == (
        f"{path}?q=scan&thema=digitalisering&soort=programma&doelgroep=zzp&gemeente=Oss"
        f"&organisatie=gemeente-oss&regio={world.slug}&status=actief"
    )
    assert client.get(response["Location"]).status_code == 200


def test_a_dutch_name_given_beside_the_former_one_wins(client, world):
    response = client.get("/atlas/", {"theme": "financiering", "thema": "digitalisering"})
    assert response["Location"] == "/atlas/?thema=digitalisering"
    assert titles(client.get(response["Location"])) == ["Digitale scan"]


def test_the_atlas_form_uses_the_dutch_names(client, world):
    page = client.get("/atlas/").content.decode()
    for name in ["q", "soort", "status", "thema", "doelgroep", "gemeente", "organisatie", "regio"]:
        assert f'name="{name}"' in page
    for name in ["kind", "theme", "target_group", "municipality", "organisation", "region"]:
        assert f'name="{name}"' not in page
