"""What every router of the API shares: who is asking (a personal API key, the session, or
nobody), pagination within bounds, and looking up objects by their short names with every
unknown name reported at once. Routers import these from here, not from the module that
mounts them."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.pagination import LimitOffsetPagination
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from kennisnetwerk.geo.selectors import MunicipalityResolver

from .services import api_token_authenticate


class InvalidKey(AuthenticationError):
    """An Authorization header with a key that is unknown, revoked or of an inactive person."""


def _bearer(request: HttpRequest) -> str | None:
    """The key of an ``Authorization: Bearer …`` header, or None without one."""
    scheme, _space, key = request.headers.get("Authorization", "").partition(" ")
    return key.strip() if scheme.lower() == "bearer" else None


class TokenAuth(HttpBearer):
    """A personal API key (``Authorization: Bearer kn_…``). A key that is given but not valid
    is refused at once with a 401, also where the session would have been enough."""

    def __call__(self, request: HttpRequest) -> Any | None:
        key = _bearer(request)
        if key is None:
            return None
        return self.authenticate(request, key)

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = api_token_authenticate(token)
        if user is None:
            raise InvalidKey
        request.user = user
        return user


class SessionAuth(APIKeyCookie):
    """The person logged in on the website; writes then need the CSRF token. Without a logged-in
    session this scheme does not apply (so the answer is 401, not a CSRF 403)."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        if not getattr(request.user, "is_authenticated", False):
            return None
        if check_csrf(request) is not None:
            raise HttpError(403, "csrf")
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any | None:
        return request.user if key is not None and request.user.is_authenticated else None


class Reader:
    """Reads are open: without credentials they show what a visitor sees. A key that is given
    must be valid. The result is the person (or the anonymous visitor) behind the request."""

    def __call__(self, request: HttpRequest) -> Any:
        if _bearer(request) is not None:
            return TokenAuth()(request)
        user = getattr(request, "user", None)
        return user if user is not None else AnonymousUser()


read_auth = [Reader()]
write_auth = [TokenAuth(), SessionAuth()]


def reader(request: HttpRequest) -> Any:
    """The person behind a read (possibly anonymous)."""
    auth = getattr(request, "auth", None)
    return auth if auth is not None else request.user


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


class Lookups:
    """Objects named in a request, looked up by their short names. Unknown names are collected
    per field, so that one 422 names all of them (``check()`` raises it)."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def error(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def many(self, model: Any, attribute: str, values: list[str], field: str) -> list:
        found = {
            getattr(o, attribute): o for o in model.objects.filter(**{f"{attribute}__in": values})
        }
        unknown = list(dict.fromkeys(v for v in values if v not in found))
        if unknown:
            self.error(field, _("Unknown: %(values)s.") % {"values": ", ".join(unknown)})
        return [found[v] for v in values if v in found]

    def one(self, model: Any, attribute: str, value: str | None, field: str) -> Any:
        """The object ``value`` names, or None without a value (or when it is unknown)."""
        if not value:
            return None
        found = self.many(model, attribute, [value], field)
        return found[0] if found else None

    def check(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def lookup(model: Any, attribute: str, values: list[str], field: str) -> list:
    """The objects ``values`` name, in order; a 422 naming every unknown value otherwise."""
    lookups = Lookups()
    found = lookups.many(model, attribute, values, field)
    lookups.check()
    return found


def municipality(name: str | None, lookups: Lookups | None = None, field: str = "municipality"):
    """The municipality a name or CBS code (or a former name, a place) means, or None without
    a name; an unknown one is an error (collected in ``lookups`` when given)."""
    if not name:
        return None
    resolution = MunicipalityResolver().resolve(name)
    if resolution.municipality is None:
        message = _("Unknown municipality or place: %(names)s.") % {"names": name}
        if lookups is None:
            raise ValidationError({field: [message]})
        lookups.error(field, message)
    return resolution.municipality
