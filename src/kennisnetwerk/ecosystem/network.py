"""The network of parties and initiatives: one graph, drawn on the network page and written
as files that network tools read — GraphML (networkx, yEd, Cytoscape), GEXF (Gephi) and the
element/connection JSON of Kumu.

Organisations and initiatives are nodes; an edge runs from an organisation to an initiative
it owns ("eigenaar") or takes part in ("partner").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree as ET

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from .constants import InitiativeKind
from .exports import export_queryset
from .models import Initiative

ORGANISATION = "organisatie"
INITIATIVE = "initiatief"
OWNER = "eigenaar"
PARTNER = "partner"

# Characters XML 1.0 does not allow, even escaped; they are left out of the files.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# The attributes every node has in the files, in this order (name, description).
NODE_ATTRIBUTES = (
    ("type", "organisatie of initiatief"),
    ("kind", "soort (code)"),
    ("kind_label", "soort"),
    ("status", "status van het initiatief"),
    ("themes", "thema's, gescheiden door '; '"),
    ("url", "pagina op het platform"),
)
EDGE_ATTRIBUTES = (("relation", "eigenaar of partner"),)


@dataclass
class Node:
    id: str
    label: str
    type: str  # ORGANISATION or INITIATIVE
    kind: str  # organisation type or initiative kind (code)
    kind_label: str
    path: str  # of its page on the platform
    status: str = ""
    themes: list[str] = field(default_factory=list)  # theme names
    theme_slugs: list[str] = field(default_factory=list)

    def attributes(self) -> dict[str, str]:
        return {
            "type": self.type,
            "kind": self.kind,
            "kind_label": self.kind_label,
            "status": self.status,
            "themes": "; ".join(self.themes),
            "url": self.url,
        }

    @property
    def url(self) -> str:
        return settings.SITE_URL.rstrip("/") + self.path


@dataclass
class Edge:
    source: str
    target: str
    relation: str  # OWNER or PARTNER


@dataclass
class NetworkGraph:
    nodes: list[Node]
    edges: list[Edge]

    @property
    def organisations(self) -> list[Node]:
        return [n for n in self.nodes if n.type == ORGANISATION]

    @property
    def initiatives(self) -> list[Node]:
        return [n for n in self.nodes if n.type == INITIATIVE]


def network_graph(queryset: QuerySet[Initiative]) -> NetworkGraph:
    """The organisations and initiatives of ``queryset`` (the initiatives a person sees,
    filtered) with their ownership and partnership."""
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    for i in export_queryset(queryset).order_by("title"):
        key = f"initiatief-{i.pk}"
        themes = list(i.themes.all())
        nodes[key] = Node(
            id=key,
            label=i.title,
            type=INITIATIVE,
            kind=i.kind,
            kind_label=i.get_kind_display(),
            status=i.get_status_display(),
            themes=[t.name for t in themes],
            theme_slugs=[t.slug for t in themes],
            path=reverse("ecosystem:initiative", args=[i.slug]),
        )
        for organisation, relation in [
            (i.owner, OWNER),
            *((p, PARTNER) for p in i.partners.all()),
        ]:
            org_key = f"organisatie-{organisation.pk}"
            if org_key not in nodes:
                nodes[org_key] = Node(
                    id=org_key,
                    label=organisation.name,
                    type=ORGANISATION,
                    kind=organisation.type,
                    kind_label=organisation.get_type_display(),
                    path=reverse("ecosystem:organisation", args=[organisation.slug]),
                )
            edges.append(Edge(org_key, key, relation))
    return NetworkGraph(list(nodes.values()), edges)


def graph_kumu(graph: NetworkGraph) -> dict[str, list[dict[str, Any]]]:
    """Elements and connections, the JSON that Kumu imports."""
    elements = []
    for node in graph.nodes:
        element: dict[str, Any] = {
            "id": node.id,
            "label": node.label,
            "type": "Organisatie" if node.type == ORGANISATION else "Initiatief",
            "kind": node.kind_label,
            "url": node.url,
        }
        if node.type == INITIATIVE:
            element["status"] = node.status
            element["tags"] = node.themes
        elements.append(element)
    connections = [{"from": e.source, "to": e.target, "type": e.relation} for e in graph.edges]
    return {"elements": elements, "connections": connections}


def graph_drawing(graph: NetworkGraph) -> dict[str, Any]:
    """What the network page draws: nodes, edges, and the kinds and themes to filter on."""
    kinds = {n.kind for n in graph.initiatives}
    themes: dict[str, str] = {}
    for node in graph.initiatives:
        themes.update(zip(node.theme_slugs, node.themes, strict=True))
    return {
        "nodes": [
            {
                "id": n.id,
                "label": n.label,
                "type": n.type,
                "kind": n.kind,
                "themes": n.theme_slugs,
            }
            for n in graph.nodes
        ],
        "edges": [
            {"source": e.source, "target": e.target, "relation": e.relation} for e in graph.edges
        ],
        "kinds": [[value, label] for value, label in InitiativeKind.choices if value in kinds],
        "themes": sorted(themes.items(), key=lambda item: item[1].lower()),
    }


def _text(value: str) -> str:
    return _NOT_XML.sub("", value)


def _xml(root: ET.Element) -> bytes:
    # The elements are written without a prefix and the root declares the default namespace
    # itself (ElementTree's own namespace handling would add "ns0:" or a global registry).
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def graph_graphml(graph: NetworkGraph) -> bytes:
    """The graph as GraphML (http://graphml.graphdrawing.org/), directed, with every node
    attribute and the relation of every edge as typed keys."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", {"xmlns": ns})
    keys = [("label", "node", "naam")] + [(name, "node", d) for name, d in NODE_ATTRIBUTES]
    keys += [(name, "edge", d) for name, d in EDGE_ATTRIBUTES]
    for name, domain, description in keys:
        key = ET.SubElement(
            root,
            "key",
            {"id": f"{domain}_{name}", "for": domain, "attr.name": name, "attr.type": "string"},
        )
        ET.SubElement(key, "desc").text = description
    element = ET.SubElement(root, "graph", {"id": "netwerk", "edgedefault": "directed"})

    def data(parent: ET.Element, domain: str, values: dict[str, str]) -> None:
        for name, value in values.items():
            ET.SubElement(parent, "data", {"key": f"{domain}_{name}"}).text = _text(value)

    for node in graph.nodes:
        child = ET.SubElement(element, "node", {"id": node.id})
        data(child, "node", {"label": node.label, **node.attributes()})
    for index, edge in enumerate(graph.edges):
        child = ET.SubElement(
            element,
            "edge",
            {"id": f"e{index}", "source": edge.source, "target": edge.target},
        )
        data(child, "edge", {"relation": edge.relation})
    return _xml(root)


def graph_gexf(graph: NetworkGraph) -> bytes:
    """The graph as GEXF 1.2 (https://gexf.net/, namespace of 1.2draft as Gephi writes it),
    the format of Gephi: directed, node labels, every node attribute and the relation of
    every edge as declared attributes."""
    ns = "http://www.gexf.net/1.2draft"
    root = ET.Element("gexf", {"xmlns": ns, "version": "1.2"})
    meta = ET.SubElement(root, "meta", {"lastmodifieddate": timezone.localdate().isoformat()})
    ET.SubElement(meta, "creator").text = _text(settings.NETWORK_NAME)
    ET.SubElement(meta, "description").text = "Netwerk van partijen en initiatieven"
    element = ET.SubElement(root, "graph", {"mode": "static", "defaultedgetype": "directed"})

    def declare(kind: str, names: Iterable[tuple[str, str]]) -> None:
        attributes = ET.SubElement(element, "attributes", {"class": kind})
        for name, _description in names:
            ET.SubElement(attributes, "attribute", {"id": name, "title": name, "type": "string"})

    def values(parent: ET.Element, items: dict[str, str]) -> None:
        holder = ET.SubElement(parent, "attvalues")
        for name, value in items.items():
            ET.SubElement(holder, "attvalue", {"for": name, "value": _text(value)})

    declare("node", NODE_ATTRIBUTES)
    declare("edge", EDGE_ATTRIBUTES)
    nodes = ET.SubElement(element, "nodes")
    for node in graph.nodes:
        child = ET.SubElement(nodes, "node", {"id": node.id, "label": _text(node.label)})
        values(child, node.attributes())
    edges = ET.SubElement(element, "edges")
    for index, edge in enumerate(graph.edges):
        child = ET.SubElement(
            edges,
            "edge",
            {"id": f"e{index}", "source": edge.source, "target": edge.target},
        )
        values(child, {"relation": edge.relation})
    return _xml(root)
