"""The coordinator's review of likely duplicate offers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from .overlaps import overlap_candidates, overlap_mark_not_duplicate
from .permissions import access_inventory_review
from .selectors import initiative_detail


@login_required
@require_GET
def overlap_list(request: HttpRequest, slug: str) -> HttpResponse:
    region = access_inventory_review(request.user, slug)
    return render(
        request,
        "ecosystem/overlap_list.html",
        {"region": region, "overlaps": overlap_candidates(region=region)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def overlap_compare(request: HttpRequest, slug: str, first: int, second: int) -> HttpResponse:
    region = access_inventory_review(request.user, slug)
    pair = next(
        (
            o
            for o in overlap_candidates(region=region, threshold=0.0)
            if {o.first.pk, o.second.pk} == {first, second}
        ),
        None,
    )
    if pair is None:
        raise Http404
    if request.method == "POST":
        overlap_mark_not_duplicate(
            first=pair.first,
            second=pair.second,
            actor=request.user,
            note=request.POST.get("note", "")[:500],
        )
        messages.success(
            request, _("Marked as not a duplicate; this pair will not be shown again.")
        )
        return redirect("ecosystem:overlaps", slug=region.slug)
    return render(
        request,
        "ecosystem/overlap_compare.html",
        {
            "region": region,
            "pair": pair,
            "first": initiative_detail(pair.first),
            "second": initiative_detail(pair.second),
        },
    )
