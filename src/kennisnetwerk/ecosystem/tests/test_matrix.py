import csv
import io

import pytest

from kennisnetwerk.accounts.tests.factories import RegionFactory
from kennisnetwerk.ecosystem.models import TargetGroup, Theme
from kennisnetwerk.ecosystem.selectors import initiative_matrix

from .factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def inventory():
    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss"])
    digital = Theme.objects.get(slug="digitalisering")
    finance = Theme.objects.get(slug="financiering")
    zzp = TargetGroup.objects.get(code="zzp")
    micro = TargetGroup.objects.get(code="micro")
    a = InitiativeFactory(inventory_region=region, title="Webshop-hulp", themes=[digital])
    a.target_groups.set([zzp])
    b = InitiativeFactory(inventory_region=region, title="Digitale scan", themes=[digital])
    b.target_groups.set([zzp, micro])
    # No size class named: open to every size class.
    InitiativeFactory(inventory_region=region, title="Krediet voor iedereen", themes=[finance])
    # Not active: does not count.
    InitiativeFactory(inventory_region=region, title="Oud", themes=[digital], status="afgerond")
    # Another region's inventory.
    InitiativeFactory(title="Elders", themes=[digital])
    return region


def test_counts_per_theme_and_target_group(inventory):
    from django.contrib.auth.models import AnonymousUser

    matrix = initiative_matrix(user=AnonymousUser(), dimension="size", region=inventory)
    counts = {(c.theme.slug, c.group.code): c.count for _t, cells in matrix.rows for c in cells}
    assert counts[("digitalisering", "zzp")] == 2
    assert counts[("digitalisering", "micro")] == 1
    assert counts[("digitalisering", "klein")] == 0
    assert counts[("financiering", "middelgroot")] == 1
    assert counts[("innovatie", "zzp")] == 0
    assert ("digitalisering", "klein") in {(g.theme.slug, g.group.code) for g in matrix.gaps}


def test_matrix_page_links_cells_to_the_list(client, inventory):
    page = client.get("/atlas/matrix/", {"regio": inventory.slug}).content.decode()
    link = (
        "/atlas/?thema=digitalisering&amp;doelgroep=zzp&amp;status=actief"
        f"&amp;regio={inventory.slug}"
    )
    assert link in page
    listing = client.get(
        "/atlas/",
        {
            "thema": "digitalisering",
            "doelgroep": "zzp",
            "status": "actief",
            "regio": inventory.slug,
        },
    ).content.decode()
    assert "Webshop-hulp" in listing and "Digitale scan" in listing
    assert "Oud" not in listing and "Elders" not in listing


def test_matrix_needs_a_fixed_number_of_queries(client, inventory, django_assert_max_num_queries):
    for _ in range(20):
        InitiativeFactory(inventory_region=inventory, themes=list(Theme.objects.all()[:2]))
    with django_assert_max_num_queries(12):
        assert client.get("/atlas/matrix/", {"regio": inventory.slug}).status_code == 200


def test_gaps_download_as_csv(client, inventory):
    response = client.get("/atlas/witte-vlekken.csv", {"regio": inventory.slug})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Thema", "Doelgroep", "Dimensie", "Regio", "Gemeente"]
    gap = [
        "Digitalisering",
        "klein (10–49)",
        "Grootteklasse",
        "Noordoost-Brabant",
        "Alle gemeenten",
    ]
    assert gap in rows


def test_coverage_per_municipality(client):
    from kennisnetwerk.geo.models import Municipality, Region

    region = RegionFactory(name="Maasland", municipalities=["Oss", "Vught", "Boxtel"])
    digital = Theme.objects.get(slug="digitalisering")
    whole = InitiativeFactory(inventory_region=region, themes=[digital])  # serves all three
    local = InitiativeFactory(inventory_region=region, themes=[digital])
    local.municipalities.set([Municipality.objects.get(name="Oss")])
    national = InitiativeFactory(themes=[digital])
    national.regions.set([Region.objects.get(slug="nederland")])
    InitiativeFactory(inventory_region=region, status="gepland")  # not active
    assert whole and national

    page = client.get(f"/atlas/dekking/{region.slug}/")
    rows = {row.municipality.name: row for row in page.context["rows"]}
    assert rows["Oss"].total == 3
    assert rows["Vught"].total == 2
    assert rows["Boxtel"].by_theme[0] == 2


def test_coverage_cells_link_to_a_list_with_the_same_initiatives(client):
    from kennisnetwerk.geo.models import Municipality, Region

    region = RegionFactory(name="Maasland", municipalities=["Oss", "Vught", "Maashorst"])
    digital = Theme.objects.get(slug="digitalisering")
    InitiativeFactory(inventory_region=region, themes=[digital], title="Voor de hele regio")
    local = InitiativeFactory(inventory_region=region, themes=[digital], title="Alleen Oss")
    local.municipalities.set([Municipality.objects.get(name="Oss")])
    national = InitiativeFactory(themes=[digital], title="Landelijk loket")
    national.regions.set([Region.objects.get(slug="nederland")])
    elsewhere = InitiativeFactory(themes=[digital], title="Alleen Leiden")
    elsewhere.municipalities.set([Municipality.objects.get(name="Leiden")])

    page = client.get(f"/atlas/dekking/{region.slug}/")
    rows = {row.municipality.name: row for row in page.context["rows"]}
    vught = Municipality.objects.get(name="Vught")
    link = f"/atlas/?gemeente={vught.code}&amp;thema=digitalisering&amp;status=actief"
    assert link in page.content.decode()

    listed = client.get(
        "/atlas/", {"gemeente": vught.code, "thema": "digitalisering", "status": "actief"}
    )
    titles = sorted(i.title for i in listed.context["page"])
    assert titles == ["Landelijk loket", "Voor de hele regio"]
    assert len(titles) == rows["Vught"].by_theme[0]
    # Former municipality and place names work in the filter: Uden is now Maashorst.
    uden = client.get("/atlas/", {"gemeente": "Uden"})
    assert sorted(i.title for i in uden.context["page"]) == [
        "Landelijk loket",
        "Voor de hele regio",
    ]
    oss = client.get("/atlas/", {"gemeente": "Oss"})
    assert "Alleen Oss" in [i.title for i in oss.context["page"]]


def test_an_unknown_municipality_in_the_filter_is_reported_and_lists_nothing(client):
    InitiativeFactory(title="Iets")
    page = client.get("/atlas/", {"gemeente": "Atlantis"})
    assert "Onbekende gemeente of plaats: Atlantis" in page.content.decode()
    # No list that looks filtered but is not.
    assert [i.title for i in page.context["page"]] == []
    assert "Iets" not in page.content.decode()
    assert "Geen initiatieven getoond" in page.content.decode()


def test_gaps_per_municipality_of_a_region(client):
    from kennisnetwerk.geo.models import Municipality

    region = RegionFactory(name="Maasland", municipalities=["Oss", "Vught"])
    digital = Theme.objects.get(slug="digitalisering")
    zzp = TargetGroup.objects.get(code="zzp")
    only_oss = InitiativeFactory(inventory_region=region, themes=[digital])
    only_oss.target_groups.set([zzp])
    only_oss.municipalities.set([Municipality.objects.get(name="Oss")])

    oss = client.get("/atlas/matrix/", {"regio": region.slug, "gemeente": "Oss"})
    vught = client.get("/atlas/matrix/", {"regio": region.slug, "gemeente": "Vught"})
    cell = {
        (c.theme.slug, c.group.code): c.count for _t, cs in oss.context["matrix"].rows for c in cs
    }
    assert cell[("digitalisering", "zzp")] == 1
    assert f"gemeente={Municipality.objects.get(name='Oss').code}" in oss.content.decode()
    assert all(c.count == 0 for _t, cs in vught.context["matrix"].rows for c in cs)

    response = client.get(f"/atlas/witte-vlekken/{region.slug}/per-gemeente.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["Gemeente", "CBS-code", "Thema"]
    per_municipality = {}
    for row in body:
        per_municipality.setdefault(row[0], set()).add((row[2], row[3]))
    themes = Theme.objects.filter(is_active=True).count()
    size_groups = TargetGroup.objects.filter(dimension=zzp.dimension).count()
    assert len(per_municipality["Vught"]) == themes * size_groups
    assert len(per_municipality["Oss"]) == themes * size_groups - 1
    assert ("Digitalisering", zzp.name) not in per_municipality["Oss"]
