"""Downloads of the inventory and the network of parties and initiatives."""

from collections import defaultdict

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from kennisnetwerk.core.exports import csv_response

from .exports import COLUMNS, initiative_rows, initiatives_graph, initiatives_xlsx
from .forms import InitiativeFilterForm
from .selectors import initiative_list


def _selection(request: HttpRequest):
    """The initiatives the person sees with the atlas filters of the request applied."""
    form = InitiativeFilterForm(request.GET or None)
    return form, initiative_list(user=request.user, filters=form.filters())


def _stamp() -> str:
    return timezone.localtime().strftime("%Y%m%d")


@require_GET
def export_xlsx(request: HttpRequest) -> HttpResponse:
    _form, initiatives = _selection(request)
    response = HttpResponse(
        initiatives_xlsx(initiatives),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="aanbod-{_stamp()}.xlsx"'
    return response


@require_GET
def export_csv(request: HttpRequest) -> HttpResponse:
    _form, initiatives = _selection(request)
    return csv_response(f"aanbod-{_stamp()}.csv", COLUMNS, initiative_rows(initiatives))


@require_GET
def export_graph(request: HttpRequest) -> JsonResponse:
    _form, initiatives = _selection(request)
    response = JsonResponse(
        initiatives_graph(initiatives), json_dumps_params={"ensure_ascii": False}
    )
    response["Content-Disposition"] = f'attachment; filename="netwerk-{_stamp()}.json"'
    return response


@require_GET
def network(request: HttpRequest) -> HttpResponse:
    """The network of parties and initiatives: an interactive picture and the same connections
    as an accessible list."""
    form, initiatives = _selection(request)
    graph = initiatives_graph(initiatives)
    labels = {e["id"]: e for e in graph["elements"]}
    by_organisation: dict[str, list[tuple[dict, str]]] = defaultdict(list)
    for connection in graph["connections"]:
        by_organisation[connection["from"]].append((labels[connection["to"]], connection["type"]))
    organisations = sorted(
        ((labels[key], items) for key, items in by_organisation.items()),
        key=lambda pair: pair[0]["label"].lower(),
    )
    return render(
        request,
        "ecosystem/network.html",
        {
            "form": form,
            "organisations": organisations,
            "graph": graph,
            "query": request.GET.urlencode(),
        },
    )
