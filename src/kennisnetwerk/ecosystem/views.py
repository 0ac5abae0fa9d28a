from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponsePermanentRedirect,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kennisnetwerk.core.exports import csv_response
from kennisnetwerk.geo.models import Region

from . import services
from .constants import TargetDimension
from .forms import InitiativeFilterForm, InitiativeForm, MatrixForm, renamed_filters
from .models import Initiative, Organisation
from .permissions import (
    access_initiative_create,
    access_initiative_for_edit,
    access_initiative_for_view,
    can_create_initiative,
    can_edit_initiative,
    initiative_owner_choices,
    initiative_region_choices,
    visible_initiatives,
)
from .selectors import (
    initiative_coverage,
    initiative_detail,
    initiative_gaps_by_municipality,
    initiative_list,
    initiative_matrix,
)

PAGE_SIZE = 25


def dutch_filter_names(view):
    """Redirect an address with the former English filter names (``?theme=…``) to the same
    page with the Dutch ones (``?thema=…``), so old links and bookmarks keep working."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        renamed = renamed_filters(request.GET)
        if renamed is not None:
            return HttpResponsePermanentRedirect(f"{request.path}?{renamed.urlencode()}")
        return view(request, *args, **kwargs)

    return wrapper


def filtered_initiatives(request: HttpRequest) -> tuple[InitiativeFilterForm, QuerySet]:
    """The filter form of the request and the initiatives the person sees with it applied;
    none at all when a filter is invalid."""
    form = InitiativeFilterForm(request.GET or None)
    filters = form.filters()
    if filters is None:
        return form, Initiative.objects.none()
    return form, initiative_list(user=request.user, filters=filters)


@require_GET
@dutch_filter_names
def atlas(request: HttpRequest) -> HttpResponse:
    """The inventory: filterable list and search. Works without JavaScript; htmx swaps only
    the results."""
    form, initiatives = filtered_initiatives(request)
    page = Paginator(initiatives, PAGE_SIZE).get_page(request.GET.get("pagina"))
    template = "ecosystem/atlas.html#results" if request.htmx else "ecosystem/atlas.html"
    return render(
        request,
        template,
        {"form": form, "page": page, "can_create": can_create_initiative(request.user)},
    )


@require_GET
def initiative_view(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = initiative_detail(access_initiative_for_view(request.user, slug))
    return render(
        request,
        "ecosystem/initiative_detail.html",
        {"initiative": initiative, "can_edit": can_edit_initiative(request.user, initiative)},
    )


def _form_data(cleaned: dict) -> services.InitiativeData:
    values = {k: v for k, v in cleaned.items() if k in services.InitiativeData.__dataclass_fields__}
    for key in (
        "description",
        "funding_source",
        "contact_name",
        "contact_email",
        "contact_phone",
        "url",
        "evidence",
        "evidence_source",
    ):
        values[key] = values.get(key) or ""
    values["municipalities"] = values.get("municipalities") or []
    return services.InitiativeData(**values)


@login_required
@require_http_methods(["GET", "POST"])
def initiative_create(request: HttpRequest) -> HttpResponse:
    if not can_create_initiative(request.user):
        raise PermissionDenied
    form = InitiativeForm(
        request.POST or None,
        owners=initiative_owner_choices(request.user),
        regions=initiative_region_choices(request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = _form_data(form.cleaned_data)
        access_initiative_create(request.user, owner=data.owner, region=data.inventory_region)
        try:
            initiative = services.initiative_create(data=data, actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(title)s has been added.") % {"title": initiative})
            return redirect("ecosystem:initiative", slug=initiative.slug)
    return render(request, "ecosystem/initiative_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def initiative_edit(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = access_initiative_for_edit(request.user, slug)
    initial = {
        **{
            name: getattr(initiative, name)
            for name in services.InitiativeData.__dataclass_fields__
            if name not in services.RELATIONS and name != "import_key"
        },
        "themes": initiative.themes.all(),
        "target_groups": initiative.target_groups.all(),
        "sbi_sections": initiative.sbi_sections.all(),
        "partners": initiative.partners.all(),
        "regions": initiative.regions.all(),
        "municipalities": "\n".join(m.name for m in initiative.municipalities.all()),
    }
    # The current owner and inventory stay choosable even if the editor could not pick them.
    owners = Organisation.objects.filter(
        Q(pk__in=initiative_owner_choices(request.user).values("pk")) | Q(pk=initiative.owner_id)
    )
    regions = Region.objects.filter(
        Q(pk__in=initiative_region_choices(request.user).values("pk"))
        | Q(pk=initiative.inventory_region_id)
    )
    form = InitiativeForm(request.POST or None, initial=initial, owners=owners, regions=regions)
    if request.method == "POST" and form.is_valid():
        data = _form_data(form.cleaned_data)
        data.import_key = initiative.import_key
        try:
            services.initiative_update(initiative=initiative, data=data, actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(title)s has been saved.") % {"title": initiative})
            return redirect("ecosystem:initiative", slug=initiative.slug)
    return render(
        request, "ecosystem/initiative_form.html", {"form": form, "initiative": initiative}
    )


@require_GET
def organisation_view(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.select_related("municipality"), slug=slug)
    visible = visible_initiatives(request.user)
    return render(
        request,
        "ecosystem/organisation_detail.html",
        {
            "organisation": organisation,
            "owned": visible.filter(owner=organisation).order_by("title"),
            "partnered": visible.filter(partners=organisation)
            .select_related("owner")
            .order_by("title"),
        },
    )


def _matrix(request: HttpRequest):
    """The matrix of the request's filters; None when a filter is invalid (its field shows
    the message), rather than the matrix of everything as if it were filtered."""
    form = MatrixForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return form, None, None, TargetDimension.SIZE, None
    data = form.cleaned_data if form.is_bound else {}
    dimension = data.get("dimensie") or TargetDimension.SIZE
    region = data.get("regio")
    municipality = data.get("gemeente")
    result = initiative_matrix(
        user=request.user, dimension=dimension, region=region, municipality=municipality
    )
    return form, region, municipality, dimension, result


@require_GET
def matrix(request: HttpRequest) -> HttpResponse:
    """Themes × target groups with the number of active initiatives per cell; empty cells are
    the gaps."""
    form, region, municipality, dimension, result = _matrix(request)
    return render(
        request,
        "ecosystem/matrix.html",
        {
            "form": form,
            "matrix": result,
            "region": region,
            "municipality": municipality,
            "dimension": dimension,
        },
    )


@require_GET
def gaps_csv(request: HttpRequest) -> HttpResponse:
    form, region, municipality, _dimension, result = _matrix(request)
    if result is None:
        errors = " ".join(str(e) for errors in form.errors.values() for e in errors)
        return HttpResponseBadRequest(
            _("The filter could not be applied: %(errors)s") % {"errors": errors},
            content_type="text/plain; charset=utf-8",
        )
    return csv_response(
        "witte-vlekken.csv",
        [_("Theme"), _("Target group"), _("Dimension"), _("Region"), _("Municipality")],
        (
            (
                cell.theme.name,
                cell.group.name,
                cell.group.get_dimension_display(),
                region.name if region else _("All regions"),
                municipality.name if municipality else _("All municipalities"),
            )
            for cell in result.gaps
        ),
    )


@require_GET
def gaps_by_municipality_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """Theme × target group × municipality cells of a region that no active initiative fills."""
    region = get_object_or_404(Region, slug=slug)
    form = MatrixForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    dimension = data.get("dimensie") or TargetDimension.SIZE
    gaps = initiative_gaps_by_municipality(user=request.user, region=region, dimension=dimension)
    return csv_response(
        f"witte-vlekken-{region.slug}-per-gemeente.csv",
        [_("Municipality"), _("CBS code"), _("Theme"), _("Target group"), _("Dimension")],
        (
            (m.name, m.code, c.theme.name, c.group.name, c.group.get_dimension_display())
            for m, c in gaps
        ),
    )


@require_GET
def coverage(request: HttpRequest, slug: str) -> HttpResponse:
    """How well each municipality of a region is served, per theme."""
    region = get_object_or_404(Region, slug=slug)
    themes, rows = initiative_coverage(user=request.user, region=region)
    return render(
        request, "ecosystem/coverage.html", {"region": region, "themes": themes, "rows": rows}
    )
