"""The network as files that tools nobody here wrote can read: GraphML and GEXF read back
with networkx, every node, edge and attribute compared with the inventory itself."""

import io

import networkx as nx
import pytest
from django.conf import settings

from kennisnetwerk.accounts.tests.factories import OrganisationFactory, RegionFactory
from kennisnetwerk.ecosystem.models import Initiative, Theme

from .factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def inventory():
    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss"])
    oss = OrganisationFactory(name='Gemeente Oss <demo> & "partners"', slug="oss")
    kvk = OrganisationFactory(
        name="KVK Zuid\x07 (fictief) – ’s-Hertogenbosch", slug="kvk", type="kvk"
    )
    bank = OrganisationFactory(name="Rabobank Maasland 🌱", slug="bank", type="bank")
    digital = Theme.objects.get(slug="digitalisering")
    finance = Theme.objects.get(slug="financiering")
    werkplaats = InitiativeFactory(
        owner=oss,
        inventory_region=region,
        title="Digitale Werkplaats",
        slug="werkplaats",
        themes=[digital, finance],
    )
    werkplaats.partners.set([kvk, bank])
    InitiativeFactory(
        owner=bank,
        inventory_region=region,
        title="Microkrediet",
        slug="krediet",
        kind="instrument",
        status="gepland",
        themes=[finance],
    )
    InitiativeFactory(
        owner=kvk, inventory_region=region, title="Loket zonder thema", slug="loket", kind="loket"
    )
    InitiativeFactory(owner=oss, inventory_region=region, title="Verborgen", is_published=False)
    return region


def expected_graph():
    """Nodes and edges straight from the models: what a visitor sees (published only)."""
    nodes, edges = {}, set()
    site = settings.SITE_URL.rstrip("/")
    for i in Initiative.objects.filter(is_published=True):
        nodes[f"initiatief-{i.pk}"] = {
            "label": i.title,
            "type": "initiatief",
            "kind": i.kind,
            "kind_label": i.get_kind_display(),
            "status": i.get_status_display(),
            "themes": "; ".join(t.name for t in i.themes.order_by("order")),
            "url": f"{site}/atlas/initiatieven/{i.slug}/",
        }
        for organisation, relation in [(i.owner, "eigenaar")] + [
            (p, "partner") for p in i.partners.all()
        ]:
            nodes[f"organisatie-{organisation.pk}"] = {
                "label": organisation.name.replace("\x07", ""),
                "type": "organisatie",
                "kind": organisation.type,
                "kind_label": organisation.get_type_display(),
                "status": "",
                "themes": "",
                "url": f"{site}/atlas/organisaties/{organisation.slug}/",
            }
            edges.add((f"organisatie-{organisation.pk}", f"initiatief-{i.pk}", relation))
    return nodes, edges


def assert_same_graph(graph: nx.DiGraph):
    nodes, edges = expected_graph()
    assert graph.is_directed()
    assert len(nodes) == 6  # 3 organisations, 3 published initiatives
    assert {node: dict(data) for node, data in graph.nodes(data=True)} == nodes
    assert graph.number_of_edges() == len(edges) == 5
    assert {(a, b, data["relation"]) for a, b, data in graph.edges(data=True)} == edges


def normalise_gexf(graph: nx.DiGraph) -> nx.DiGraph:
    """networkx adds the GEXF edge id and reads empty attribute values as absent."""
    for _a, _b, data in graph.edges(data=True):
        data.pop("id", None)
    for _node, data in graph.nodes(data=True):
        for name in ("status", "themes"):
            data.setdefault(name, "")
    return graph


def test_networkx_reads_every_node_edge_and_attribute_from_graphml(client, inventory):
    response = client.get("/atlas/export/netwerk.graphml")
    assert response["Content-Type"] == "application/graphml+xml; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="netwerk-')
    assert response["Content-Disposition"].endswith('.graphml"')
    graph = nx.read_graphml(io.BytesIO(response.content))
    assert_same_graph(graph)


def test_networkx_reads_every_node_edge_and_attribute_from_gexf(client, inventory):
    response = client.get("/atlas/export/netwerk.gexf")
    assert response["Content-Type"] == "application/gexf+xml; charset=utf-8"
    assert response["Content-Disposition"].endswith('.gexf"')
    graph = nx.read_gexf(io.BytesIO(response.content), version="1.2draft")
    assert_same_graph(normalise_gexf(graph))


@pytest.mark.parametrize("extension", ["graphml", "gexf"])
def test_the_files_follow_the_filters(client, inventory, extension):
    response = client.get(
        f"/atlas/export/netwerk.{extension}", {"thema": "financiering", "soort": "instrument"}
    )
    reader = nx.read_graphml if extension == "graphml" else nx.read_gexf
    graph = reader(io.BytesIO(response.content))
    assert sorted(data["label"] for _n, data in graph.nodes(data=True)) == [
        "Microkrediet",
        "Rabobank Maasland 🌱",
    ]


def test_the_network_page_links_to_the_files(client, inventory):
    page = client.get("/atlas/netwerk/", {"thema": "financiering"}).content.decode()
    assert "/atlas/export/netwerk.graphml?thema=financiering" in page
    assert "/atlas/export/netwerk.gexf?thema=financiering" in page
