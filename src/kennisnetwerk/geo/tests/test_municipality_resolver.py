import pytest

from kennisnetwerk.geo.selectors import MunicipalityResolver, municipality_resolve

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "expected", "via"),
    [
        ("Oss", "Oss", "municipality"),
        ("  oss ", "Oss", "municipality"),
        ("Gemeente Oss", "Oss", "municipality"),
        ("sint michielsgestel", "Sint-Michielsgestel", "municipality"),
        ("Sudwest Fryslan", "Súdwest-Fryslân", "municipality"),
        ("s-Hertogenbosch", "'s-Hertogenbosch", "municipality"),
        ("’s-Hertogenbosch", "'s-Hertogenbosch", "municipality"),
        ("GM0828", "Oss", "code"),
        ("Uden", "Maashorst", "alias"),
        ("Landerd", "Maashorst", "alias"),
        ("Mill en Sint Hubert", "Land van Cuijk", "alias"),
        ("Den Bosch", "'s-Hertogenbosch", "alias"),
        ("Ten Boer", "Groningen", "alias"),
        ("Rosmalen", "'s-Hertogenbosch", "place"),
        ("Schaijk", "Maashorst", "place"),
    ],
)
def test_names_resolve_to_the_current_municipality(name, expected, via):
    resolution = municipality_resolve(name)
    assert resolution.municipality is not None
    assert resolution.municipality.name == expected
    assert resolution.via == via


def test_place_name_in_several_municipalities_is_ambiguous():
    resolution = municipality_resolve("Zevenhuizen")
    assert resolution.municipality is None
    assert resolution.ambiguous
    assert len(resolution.candidates) > 1


def test_former_municipality_that_is_also_a_place_elsewhere_is_ambiguous():
    # Haren merged into Groningen in 2019; there is also a village Haren in Oss.
    resolution = municipality_resolve("Haren")
    assert resolution.municipality is None
    assert {m.name for m in resolution.candidates} >= {"Groningen", "Oss"}


def test_unknown_and_empty_names_resolve_to_nothing():
    assert municipality_resolve("Atlantis").municipality is None
    assert not municipality_resolve("Atlantis").ambiguous
    assert municipality_resolve("").municipality is None


def test_resolver_loads_names_once(django_assert_max_num_queries):
    resolver = MunicipalityResolver()
    with django_assert_max_num_queries(0):
        for name in ["Uden", "Oss", "Rosmalen", "Atlantis"] * 250:
            resolver.resolve(name)


def test_lookup_page_explains_the_resolution(client):
    response = client.get("/geo/gemeente-zoeken/", {"naam": "Uden"})
    assert response.status_code == 200
    assert "Maashorst" in response.content.decode()
    fragment = client.get("/geo/gemeente-zoeken/", {"naam": "Uden"}, HTTP_HX_REQUEST="true")
    body = fragment.content.decode()
    assert "Maashorst" in body
    assert "<html" not in body
