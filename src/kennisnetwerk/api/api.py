"""The JSON API under /api/v1/, with its OpenAPI 3 document. Reads follow the same visibility
as the web pages; writes use the same permission functions and services."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy
from ninja import Query, Schema, Status
from ninja.pagination import paginate

from kennisnetwerk.ecosystem import services as ecosystem_services
from kennisnetwerk.ecosystem.constants import InitiativeKind, InitiativeStatus, OrganisationType
from kennisnetwerk.ecosystem.models import Organisation, TargetGroup, Theme
from kennisnetwerk.ecosystem.permissions import (
    access_initiative_create,
    access_initiative_for_edit,
    access_initiative_for_view,
)
from kennisnetwerk.ecosystem.selectors import InitiativeFilters, initiative_detail, initiative_list
from kennisnetwerk.geo.models import Region, SbiSection

from .common import (
    Lookups,
    Pagination,
    lookup,
    municipality,
    reader,
    write_auth,
)
from .contract import PlatformAPI
from .schemas import ErrorOut, InitiativeIn, InitiativeOut, OrganisationOut, Text

api = PlatformAPI(
    title="Kennisnetwerk API",
    version="1",
    description=gettext_lazy(
        "Organisations, initiatives, messages, questions, learning, DOE agendas and monitoring "
        "of the regional networks. Reading needs no login and shows what a visitor of the "
        "website sees; a key that is sent must be valid. Writing needs a session or a personal "
        "API key (Authorization: Bearer kn_…), with the same permissions as on the website. "
        "Errors are JSON with a Dutch message in ``detail`` and, for invalid data, every error "
        "per place in ``errors``."
    ),
    urls_namespace="api",
)

# The names routers have always imported from here; the helpers live in .common.
_reader = reader
_lookup = lookup
_municipality = municipality


class OrganisationFilters(Schema):
    type: OrganisationType | None = None
    q: Text | None = None


@api.get(
    "/organisations",
    response={200: list[OrganisationOut], 422: ErrorOut},
    tags=["organisations"],
    summary=gettext_lazy("Organisations"),
)
@paginate(Pagination)
def list_organisations(request, filters: Query[OrganisationFilters]):
    qs = Organisation.objects.select_related("municipality").order_by("name")
    if filters.type:
        qs = qs.filter(type=filters.type)
    if filters.q:
        qs = qs.filter(name__icontains=filters.q)
    return qs


@api.get(
    "/organisations/{slug}",
    response={200: OrganisationOut, 404: ErrorOut},
    tags=["organisations"],
    summary=gettext_lazy("One organisation"),
)
def get_organisation(request, slug: Text):
    return get_object_or_404(Organisation.objects.select_related("municipality"), slug=slug)


class InitiativeQuery(Schema):
    q: Text = ""
    kind: InitiativeKind | None = None
    status: InitiativeStatus | None = None
    theme: Text | None = None
    target_group: Text | None = None
    municipality: Text | None = None
    organisation: Text | None = None
    region: Text | None = None


@api.get(
    "/initiatives",
    response={200: list[InitiativeOut], 422: ErrorOut},
    tags=["initiatives"],
    summary=gettext_lazy("Initiatives (the offer)"),
)
@paginate(Pagination)
def list_initiatives(request, query: Query[InitiativeQuery]):
    lookups = Lookups()
    filters = InitiativeFilters(
        query=query.q,
        kind=query.kind or "",
        status=query.status or "",
        theme=lookups.one(Theme, "slug", query.theme, "theme"),
        target_group=lookups.one(TargetGroup, "code", query.target_group, "target_group"),
        organisation=lookups.one(Organisation, "slug", query.organisation, "organisation"),
        region=lookups.one(Region, "slug", query.region, "region"),
        municipality=municipality(query.municipality, lookups),
    )
    lookups.check()
    return initiative_list(user=reader(request), filters=filters).prefetch_related(
        "partners", "target_groups", "sbi_sections", "regions", "municipalities"
    )


@api.get(
    "/initiatives/{slug}",
    response={200: InitiativeOut, 404: ErrorOut},
    tags=["initiatives"],
    summary=gettext_lazy("One initiative"),
)
def get_initiative(request, slug: Text):
    return initiative_detail(access_initiative_for_view(reader(request), slug))


def _data(payload: InitiativeIn) -> ecosystem_services.InitiativeData:
    lookups = Lookups()
    municipalities = [
        municipality(name, lookups, "municipalities") for name in payload.municipalities
    ]
    values = payload.dict()
    values.update(
        owner=lookups.one(Organisation, "slug", payload.owner, "owner"),
        inventory_region=lookups.one(Region, "slug", payload.inventory_region, "inventory_region"),
        partners=lookups.many(Organisation, "slug", payload.partners, "partners"),
        themes=lookups.many(Theme, "slug", payload.themes, "themes"),
        target_groups=lookups.many(TargetGroup, "code", payload.target_groups, "target_groups"),
        sbi_sections=lookups.many(SbiSection, "code", payload.sbi_sections, "sbi_sections"),
        regions=lookups.many(Region, "slug", payload.regions, "regions"),
        municipalities=[m for m in municipalities if m is not None],
    )
    lookups.check()
    return ecosystem_services.InitiativeData(**values)


@api.post(
    "/initiatives",
    response={201: InitiativeOut, 403: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    tags=["initiatives"],
    summary=gettext_lazy("Add an initiative"),
)
def create_initiative(request, payload: InitiativeIn):
    data = _data(payload)
    access_initiative_create(request.auth, owner=data.owner, region=data.inventory_region)
    initiative = ecosystem_services.initiative_create(data=data, actor=request.auth)
    return Status(201, initiative_detail(initiative))


@api.put(
    "/initiatives/{slug}",
    response={200: InitiativeOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    tags=["initiatives"],
    summary=gettext_lazy("Change an initiative"),
)
def update_initiative(request, slug: Text, payload: InitiativeIn):
    initiative = access_initiative_for_edit(request.auth, slug)
    data = _data(payload)
    if (
        data.owner.pk != initiative.owner_id
        or data.inventory_region.pk != initiative.inventory_region_id
    ):
        access_initiative_create(request.auth, owner=data.owner, region=data.inventory_region)
    data.import_key = initiative.import_key
    ecosystem_services.initiative_update(initiative=initiative, data=data, actor=request.auth)
    return Status(200, initiative_detail(initiative))


# Routers of other apps use the helpers above, so they are added last.
from .agenda import router as agenda_router  # noqa: E402
from .community import router as community_router  # noqa: E402
from .learning import router as learning_router  # noqa: E402
from .messages import router as messages_router  # noqa: E402
from .monitoring import router as monitoring_router  # noqa: E402
from .needs import router as needs_router  # noqa: E402
from .subscribers import router as subscribers_router  # noqa: E402

api.add_router("", messages_router)
api.add_router("", subscribers_router)
api.add_router("", needs_router)
api.add_router("", learning_router)
api.add_router("", monitoring_router)
api.add_router("", agenda_router)
api.add_router("", community_router)

__all__ = ["Pagination", "_lookup", "_municipality", "_reader", "api", "write_auth"]
