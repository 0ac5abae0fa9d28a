"""Downloads of the inventory and the network of parties and initiatives, and the network
page."""

from collections import defaultdict

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from kennisnetwerk.core.exports import csv_response

from .exports import COLUMNS, initiative_rows, initiatives_xlsx
from .network import Node, graph_drawing, graph_gexf, graph_graphml, graph_kumu, network_graph
from .views import dutch_filter_names, filtered_initiatives


def _stamp() -> str:
    return timezone.localtime().strftime("%Y%m%d")


@require_GET
@dutch_filter_names
def export_xlsx(request: HttpRequest) -> HttpResponse:
    _form, initiatives = filtered_initiatives(request)
    response = HttpResponse(
        initiatives_xlsx(initiatives),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="aanbod-{_stamp()}.xlsx"'
    return response


@require_GET
@dutch_filter_names
def export_csv(request: HttpRequest) -> HttpResponse:
    _form, initiatives = filtered_initiatives(request)
    return csv_response(f"aanbod-{_stamp()}.csv", COLUMNS, initiative_rows(initiatives))


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
@dutch_filter_names
def export_graph(request: HttpRequest) -> JsonResponse:
    """The network as elements and connections, the JSON that Kumu imports."""
    _form, initiatives = filtered_initiatives(request)
    response = JsonResponse(
        graph_kumu(network_graph(initiatives)), json_dumps_params={"ensure_ascii": False}
    )
    response["Content-Disposition"] = f'attachment; filename="netwerk-{_stamp()}.json"'
    return response


@require_GET
@dutch_filter_names
def export_graphml(request: HttpRequest) -> HttpResponse:
    """The network as GraphML, for networkx, yEd and Cytoscape."""
    _form, initiatives = filtered_initiatives(request)
    return _download(
        graph_graphml(network_graph(initiatives)),
        "application/graphml+xml; charset=utf-8",
        f"netwerk-{_stamp()}.graphml",
    )


@require_GET
@dutch_filter_names
def export_gexf(request: HttpRequest) -> HttpResponse:
    """The network as GEXF, for Gephi."""
    _form, initiatives = filtered_initiatives(request)
    return _download(
        graph_gexf(network_graph(initiatives)),
        "application/gexf+xml; charset=utf-8",
        f"netwerk-{_stamp()}.gexf",
    )


@require_GET
@dutch_filter_names
def network(request: HttpRequest) -> HttpResponse:
    """The network of parties and initiatives: an interactive drawing and the same connections
    as a list, for screen readers and without JavaScript."""
    form, initiatives = filtered_initiatives(request)
    graph = network_graph(initiatives)
    by_id = {node.id: node for node in graph.nodes}
    by_organisation: dict[str, list[tuple[Node, str]]] = defaultdict(list)
    for edge in graph.edges:
        by_organisation[edge.source].append((by_id[edge.target], edge.relation))
    organisations = sorted(
        ((by_id[key], items) for key, items in by_organisation.items()),
        key=lambda pair: pair[0].label.lower(),
    )
    return render(
        request,
        "ecosystem/network.html",
        {
            "form": form,
            "organisations": organisations,
            "graph": graph,
            "drawing": graph_drawing(graph),
            "query": request.GET.urlencode(),
        },
    )
