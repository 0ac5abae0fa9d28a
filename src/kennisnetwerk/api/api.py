"""The JSON API under /api/v1/, with its OpenAPI 3 document. Reads follow the same visibility
as the web pages; writes use the same permission functions and services."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Query, Schema, Status
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import HttpBearer, SessionAuth

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
from kennisnetwerk.geo.selectors import MunicipalityResolver

from .schemas import ErrorOut, InitiativeIn, InitiativeOut, OrganisationOut, Text
from .services import api_token_authenticate


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = api_token_authenticate(token)
        if user is not None:
            request.user = user
        return user


def _reader(request: HttpRequest) -> Any:
    """The person behind a read: a valid token, else the session (possibly anonymous)."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = api_token_authenticate(header[7:].strip())
        if user is None:
            raise PermissionDenied
        return user
    return request.user


api = NinjaAPI(
    title="Kennisnetwerk API",
    version="1",
    description=(
        "Organisaties en initiatieven van de regionale netwerken. Lezen mag zonder inloggen "
        "(gepubliceerd aanbod); schrijven met een sessie of een persoonlijke API-sleutel "
        "(Authorization: Bearer kn_…), met dezelfde rechten als in de webinterface."
    ),
    urls_namespace="api",
)
write_auth = [TokenAuth(), SessionAuth()]


def _field_message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    if kind == "missing":
        return _("This field is required.")
    if kind.startswith("date"):
        return _("Enter a date as YYYY-MM-DD.")
    if kind.startswith(("decimal", "int", "float")):
        return _("Enter a number.")
    if kind.startswith("bool"):
        return _("Enter true or false.")
    if kind in ("list_type", "string_type"):
        return _("This value has the wrong type.")
    if kind == "json_invalid":
        return _("The request body is not valid JSON.")
    return _("This value is not valid.")


@api.exception_handler(NinjaValidationError)
def _schema_invalid(request, exc):
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        location = [str(part) for part in error.get("loc", ()) if part not in ("body", "payload")]
        errors.setdefault(".".join(location) or "__all__", []).append(_field_message(error))
    return api.create_response(
        request, {"detail": _("The data is not valid."), "errors": errors}, status=422
    )


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return api.create_response(request, {"detail": _("You may not do this.")}, status=403)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(
        request, {"detail": _("The data is not valid."), "errors": errors}, status=422
    )


MAX_PAGE_SIZE = 100
MAX_OFFSET = 1_000_000


class Pagination(LimitOffsetPagination):
    """Limit and offset within bounds the database can take (a limit of 10^24 is refused
    with a 422 rather than overflowing the query)."""

    class Input(Schema):
        limit: int = Field(20, ge=1, le=MAX_PAGE_SIZE)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_PAGE_SIZE, **kwargs)


class OrganisationFilters(Schema):
    type: OrganisationType | None = None
    q: Text | None = None


@api.get(
    "/organisations",
    response={200: list[OrganisationOut], 422: ErrorOut},
    tags=["organisations"],
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
    "/organisations/{slug}", response={200: OrganisationOut, 404: ErrorOut}, tags=["organisations"]
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


def _municipality(name: str | None):
    if not name:
        return None
    resolution = MunicipalityResolver().resolve(name)
    if resolution.municipality is None:
        raise ValidationError(
            {"municipality": [_("Unknown municipality or place: %(names)s.") % {"names": name}]}
        )
    return resolution.municipality


def _one(model, field: str, value: str | None, label: str):
    """The object a filter names, or None without a filter; an unknown name is an error."""
    if not value:
        return None
    return _lookup(model, field, [value], label)[0]


@api.get(
    "/initiatives",
    response={200: list[InitiativeOut], 422: ErrorOut},
    tags=["initiatives"],
)
@paginate(Pagination)
def list_initiatives(request, query: Query[InitiativeQuery]):
    filters = InitiativeFilters(
        query=query.q,
        kind=query.kind or "",
        status=query.status or "",
        theme=_one(Theme, "slug", query.theme, "theme"),
        target_group=_one(TargetGroup, "code", query.target_group, "target_group"),
        organisation=_one(Organisation, "slug", query.organisation, "organisation"),
        region=_one(Region, "slug", query.region, "region"),
        municipality=_municipality(query.municipality),
    )
    return initiative_list(user=_reader(request), filters=filters).prefetch_related(
        "partners", "target_groups", "sbi_sections", "regions", "municipalities"
    )


@api.get(
    "/initiatives/{slug}",
    response={200: InitiativeOut, 403: ErrorOut, 404: ErrorOut},
    tags=["initiatives"],
)
def get_initiative(request, slug: Text):
    return initiative_detail(access_initiative_for_view(_reader(request), slug))


def _lookup(model, field: str, values: list[str], label: str) -> list:
    found = {getattr(o, field): o for o in model.objects.filter(**{f"{field}__in": values})}
    unknown = [v for v in values if v not in found]
    if unknown:
        raise ValidationError({label: [_("Unknown: %(values)s.") % {"values": ", ".join(unknown)}]})
    return [found[v] for v in values]


def _data(payload: InitiativeIn) -> ecosystem_services.InitiativeData:
    resolver = MunicipalityResolver()
    municipalities, unknown = [], []
    for name in payload.municipalities:
        resolution = resolver.resolve(name)
        if resolution.municipality is None:
            unknown.append(name)
        else:
            municipalities.append(resolution.municipality)
    if unknown:
        raise ValidationError(
            {
                "municipalities": [
                    _("Unknown municipality or place: %(names)s.") % {"names": ", ".join(unknown)}
                ]
            }
        )
    values = payload.dict()
    values.update(
        owner=_lookup(Organisation, "slug", [payload.owner], "owner")[0],
        inventory_region=_lookup(Region, "slug", [payload.inventory_region], "inventory_region")[0],
        partners=_lookup(Organisation, "slug", payload.partners, "partners"),
        themes=_lookup(Theme, "slug", payload.themes, "themes"),
        target_groups=_lookup(TargetGroup, "code", payload.target_groups, "target_groups"),
        sbi_sections=_lookup(SbiSection, "code", payload.sbi_sections, "sbi_sections"),
        regions=_lookup(Region, "slug", payload.regions, "regions"),
        municipalities=municipalities,
    )
    return ecosystem_services.InitiativeData(**values)


@api.post(
    "/initiatives",
    response={201: InitiativeOut, 403: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    tags=["initiatives"],
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
