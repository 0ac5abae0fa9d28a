"""The API's contract in one place, for every router (also those added later): errors as JSON
with a Dutch message (``detail``) and, for invalid data, every error per field (``errors``);
401 with ``WWW-Authenticate`` for a missing or invalid key; 400 for a body that is not JSON;
and an OpenAPI document that lists every answer an operation can give."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaValidationError

from .common import read_auth

ERROR_SCHEMA = "ErrorOut"
# The detail of a 422 for a request that does not have the form the OpenAPI document
# describes; other 422s (the platform's rules) say "The data is not valid."
SHAPE_INVALID = gettext_lazy("The data is not valid: see the API's OpenAPI document for its form.")
WWW_AUTHENTICATE = 'Bearer realm="api"'


def _field_message(error: dict[str, Any]) -> str:
    """A Dutch message for one error of the request's shape (pydantic's error types)."""
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind == "too_long":
        return _("Give at most %(count)s values.") % {"count": context.get("max_length")}
    if kind == "string_too_long":
        return _("Use at most %(count)s characters.") % {"count": context.get("max_length")}
    if kind == "string_too_short":
        return _("Use at least %(count)s characters.") % {"count": context.get("min_length")}
    if kind in ("greater_than_equal", "greater_than"):
        limit = context.get("ge", context.get("gt"))
        return _("Enter a number of at least %(limit)s.") % {"limit": limit}
    if kind in ("less_than_equal", "less_than"):
        limit = context.get("le", context.get("lt"))
        return _("Enter a number of at most %(limit)s.") % {"limit": limit}
    if kind == "enum":
        choices = str(context.get("expected", "")).replace(" or ", ", ")
        return _("Choose one of: %(choices)s.") % {"choices": choices}
    if kind == "string_pattern_mismatch":
        return _("This value does not have the required form.")
    if kind == "amount":
        return _("Enter an amount: a number, or text with at most two decimals after a point.")
    if kind.startswith("datetime"):
        return _("Enter a date and time between 2000 and 2100 as YYYY-MM-DDTHH:MM.")
    if kind == "date_written":
        return _("Enter a date between 2000 and 2100 as YYYY-MM-DD.")
    if kind.startswith("date"):
        return _("Enter a date as YYYY-MM-DD.")
    if kind.startswith(("decimal", "int", "float")):
        return _("Enter a number.")
    if kind.startswith("bool"):
        return _("Enter true or false.")
    if kind in ("list_type", "string_type", "dict_type", "model_type", "model_attributes_type"):
        return _("This value has the wrong type.")
    return _("This value is not valid.")


def _location(error: dict[str, Any]) -> str:
    """Where an error is: the field name for the body (``title``, ``themes.0``), ``query.limit``
    for a query parameter, ``path.slug`` for a part of the address."""
    parts = [str(part) for part in error.get("loc", ())]
    if parts[:1] == ["body"]:
        parts = parts[2:] if len(parts) > 1 else []
    return ".".join(parts) or "__all__"


class PlatformAPI(NinjaAPI):
    """django-ninja with the platform's error contract and a complete OpenAPI document."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("auth", read_auth)
        super().__init__(**kwargs)
        self.add_exception_handler(SchemaValidationError, self._schema_invalid)
        self.add_exception_handler(ValidationError, self._invalid)
        self.add_exception_handler(AuthenticationError, self._unauthenticated)
        self.add_exception_handler(HttpError, self._http_error)
        self.add_exception_handler(PermissionDenied, self._forbidden)
        self.add_exception_handler(Http404, self._not_found)

    # Errors ------------------------------------------------------------------------------

    def error(
        self, request: HttpRequest, status: int, detail: str, errors: dict | None = None
    ) -> HttpResponse:
        body: dict[str, Any] = {"detail": detail}
        if errors is not None:
            body["errors"] = errors
        return self.create_response(request, body, status=status)

    def _schema_invalid(self, request: HttpRequest, exc: SchemaValidationError) -> HttpResponse:
        errors: dict[str, list[str]] = {}
        for error in exc.errors:
            errors.setdefault(_location(error), []).append(_field_message(error))
        return self.error(request, 422, str(SHAPE_INVALID), errors)

    def _invalid(self, request: HttpRequest, exc: ValidationError) -> HttpResponse:
        if hasattr(exc, "error_dict"):
            errors = {field: list(messages) for field, messages in exc.message_dict.items()}
        else:
            errors = {"__all__": list(exc.messages)}
        return self.error(request, 422, _("The data is not valid."), errors)

    def _unauthenticated(self, request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        if request.headers.get("Authorization"):
            detail = _("The API key is not valid (unknown, revoked or of an inactive account).")
        else:
            detail = _(
                "Log in or send a personal API key: Authorization: Bearer followed by the key."
            )
        response = self.error(request, 401, detail)
        response["WWW-Authenticate"] = WWW_AUTHENTICATE
        return response

    def _http_error(self, request: HttpRequest, exc: HttpError) -> HttpResponse:
        if exc.status_code == 400:
            # The only 400 django-ninja raises: a body it cannot read as JSON.
            return self.error(
                request,
                400,
                _("The request body is not valid JSON."),
                {"__all__": [_("The request body is not valid JSON.")]},
            )
        if exc.status_code == 403:
            return self.error(
                request, 403, _("The CSRF token is missing or wrong; reload the page.")
            )
        if exc.status_code == 429:
            return self.error(request, 429, _("Too many requests; try again later."))
        return self.error(request, exc.status_code, str(exc))

    def _forbidden(self, request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return self.error(request, 403, _("You may not do this."))

    def _not_found(self, request: HttpRequest, exc: Http404) -> HttpResponse:
        return self.error(request, 404, _("Not found."))

    # The OpenAPI document ----------------------------------------------------------------

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(**kwargs)
        components = schema.setdefault("components", {})
        schemas = components.setdefault("schemas", {})
        schemas.setdefault(ERROR_SCHEMA, _error_schema())
        components.setdefault("securitySchemes", {}).update(
            {
                "TokenAuth": {"type": "http", "scheme": "bearer"},
                "SessionAuth": {"type": "apiKey", "in": "cookie", "name": "sessionid"},
            }
        )
        for methods in schema["paths"].values():
            for operation in methods.values():
                _complete(operation)
        return schema


def _error_schema() -> dict:
    return {
        "title": ERROR_SCHEMA,
        "type": "object",
        "properties": {
            "detail": {"title": "Detail", "type": "string"},
            "errors": {
                "title": "Errors",
                "type": "object",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            },
        },
        "required": ["detail"],
    }


def _error_response(description: str, headers: dict | None = None) -> dict:
    response: dict[str, Any] = {
        "description": description,
        "content": {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{ERROR_SCHEMA}"}}
        },
    }
    if headers:
        response["headers"] = headers
    return response


def _complete(operation: dict) -> None:
    """Add the answers every operation can give, and mark reads as open to everyone."""
    responses = operation.setdefault("responses", {})
    if "security" not in operation:
        # Reads: anonymous, or with a session or key (a key given must be valid).
        operation["security"] = [{}, {"TokenAuth": []}, {"SessionAuth": []}]
    responses.setdefault(
        401,
        _error_response(
            _("No valid API key or session"),
            {
                "WWW-Authenticate": {
                    "description": _("How to authenticate: Bearer."),
                    "required": True,
                    "schema": {"type": "string"},
                }
            },
        ),
    )
    if operation.get("parameters") or operation.get("requestBody"):
        responses.setdefault(
            422, _error_response(_("The data is not valid (every error per field)"))
        )
    if operation.get("requestBody"):
        responses.setdefault(400, _error_response(_("The request body is not valid JSON")))
