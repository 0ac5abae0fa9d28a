from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kennisnetwerk.core.permissions import is_network_facilitator

from . import services
from .constants import RegionKind
from .forms import MunicipalityLookupForm, RegionForm
from .models import Region
from .permissions import (
    access_region_create,
    access_region_for_edit,
    can_edit_region,
    region_municipalities_editable,
    region_name_editable,
)
from .selectors import MunicipalityResolver, region_list, region_municipalities


@require_GET
def region_list_view(request: HttpRequest) -> HttpResponse:
    regions = list(region_list())
    labels = dict(RegionKind.choices)
    order = [k for k, _label in RegionKind.choices]
    regions.sort(key=lambda r: (order.index(r.kind), r.name))
    groups = [(labels[k], list(items)) for k, items in groupby(regions, key=lambda r: r.kind)]
    return render(
        request,
        "geo/region_list.html",
        {
            "groups": groups,
            "can_create": is_network_facilitator(request.user),
        },
    )


@require_GET
def region_detail(request: HttpRequest, slug: str) -> HttpResponse:
    region = Region.objects.filter(slug=slug).first()
    if region is None:
        raise Http404
    municipalities = list(region_municipalities(region))
    return render(
        request,
        "geo/region_detail.html",
        {
            "region": region,
            "municipalities": municipalities,
            "can_edit": can_edit_region(request.user, region),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def region_create(request: HttpRequest) -> HttpResponse:
    access_region_create(request.user)
    form = RegionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        region = services.region_create(
            name=data["name"],
            kind=data["kind"],
            description=data["description"],
            municipalities=data["municipalities"],
            actor=request.user,
        )
        messages.success(request, _("Region %(name)s has been created.") % {"name": region})
        return redirect("geo:region_detail", slug=region.slug)
    return render(request, "geo/region_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def region_edit(request: HttpRequest, slug: str) -> HttpResponse:
    region = access_region_for_edit(request.user, slug)
    editable = region_municipalities_editable(request.user, region)
    initial = {
        "name": region.name,
        "kind": region.kind,
        "description": region.description,
        "municipalities": "\n".join(m.name for m in region_municipalities(region)),
    }
    form = RegionForm(
        request.POST or None,
        initial=initial,
        editable_municipalities=editable,
        kind_editable=False,
        name_editable=region_name_editable(region),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.region_update(
            region=region,
            actor=request.user,
            name=data.get("name"),
            description=data["description"],
            municipalities=data.get("municipalities"),
        )
        messages.success(request, _("Region %(name)s has been saved.") % {"name": region})
        return redirect("geo:region_detail", slug=region.slug)
    return render(
        request,
        "geo/region_form.html",
        {
            "form": form,
            "region": region,
            "municipalities_editable": editable,
            "automatic": not region_name_editable(region),
        },
    )


@require_GET
def municipality_lookup(request: HttpRequest) -> HttpResponse:
    form = MunicipalityLookupForm(request.GET or None)
    resolution = None
    if form.is_valid():
        resolution = MunicipalityResolver().resolve(form.cleaned_data["naam"])
    template = (
        "geo/municipality_lookup.html#result" if request.htmx else "geo/municipality_lookup.html"
    )
    return render(request, template, {"form": form, "resolution": resolution})
