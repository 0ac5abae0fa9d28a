"""The shapes the API reads and writes."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Annotated, Any

from django.db.models import Model
from django.utils import timezone
from ninja import Field, Schema
from pydantic import AfterValidator, BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from kennisnetwerk.ecosystem.constants import InitiativeKind, InitiativeStatus
from kennisnetwerk.ecosystem.models import Initiative

# Text with NUL characters cannot be stored or searched (PostgreSQL refuses them); the
# OpenAPI document states this as a pattern on every text the API reads.
WITHOUT_NUL = r"^[^\x00]*$"

# Every text the API reads.
Text = Annotated[str, Field(pattern=WITHOUT_NUL)]


# Dates and moments between 2000 and 2100 (beyond, a moment cannot be stored in every time
# zone), written as ISO 8601; the OpenAPI document states the same pattern the server checks.
DAY_PATTERN = r"(20[0-9]{2}|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
TIME_PATTERN = (
    r"[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?"
    r"(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?"
)


def _written_as(pattern: str, kind: str) -> BeforeValidator:
    compiled = re.compile(f"^{pattern}$")

    def check(value: Any) -> Any:
        if value is None:
            return value
        if not isinstance(value, str) or not compiled.match(value):
            raise PydanticCustomError(kind, "not written as required")
        return value

    return BeforeValidator(check)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    # Without an offset a moment is Dutch time.
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def _pattern_schema(pattern: str, format_: str, nullable: bool) -> WithJsonSchema:
    schema = {"type": "string", "format": format_, "pattern": f"^{pattern}$"}
    return WithJsonSchema({"anyOf": [schema, {"type": "null"}]} if nullable else schema)


Day = Annotated[
    dt.date | None,
    _written_as(DAY_PATTERN, "date_written"),
    _pattern_schema(DAY_PATTERN, "date", nullable=True),
]
RequiredDay = Annotated[
    dt.date,
    _written_as(DAY_PATTERN, "date_written"),
    _pattern_schema(DAY_PATTERN, "date", nullable=False),
]
Moment = Annotated[
    dt.datetime | None,
    _written_as(DAY_PATTERN + TIME_PATTERN, "datetime_written"),
    AfterValidator(_aware),
    _pattern_schema(DAY_PATTERN + TIME_PATTERN, "date-time", nullable=True),
]

# Amounts as stored (14 digits, 2 of them after the decimal point): a JSON number, rounded to
# cents, or a string with at most two decimals.
AMOUNT_LIMIT = Decimal("999999999999.99")
CENT = Decimal("0.01")


def amount(*, negative: bool) -> Any:
    """An amount of money or a measured value, as a ``DecimalField(max_digits=14,
    decimal_places=2)`` stores it; ``negative`` whether it may be below zero."""
    sign = "-?" if negative else ""
    compiled = re.compile(rf"^{sign}[0-9]{{1,12}}(\.[0-9]{{1,2}})?$")
    lowest = -AMOUNT_LIMIT if negative else Decimal(0)

    def check(value: Any) -> Any:
        if value is None:
            return value
        if isinstance(value, str):
            if not compiled.match(value):
                raise PydanticCustomError("amount", "not an amount")
            return Decimal(value)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise PydanticCustomError("amount", "not an amount")
        try:
            number = Decimal(repr(value)).quantize(CENT, rounding=ROUND_HALF_EVEN)
        except InvalidOperation:
            raise PydanticCustomError("amount", "not an amount") from None
        if not lowest <= number <= AMOUNT_LIMIT:
            raise PydanticCustomError("amount", "not an amount")
        return number

    schema = {
        "anyOf": [
            {"type": "number", "minimum": float(lowest), "maximum": float(AMOUNT_LIMIT)},
            {"type": "string", "pattern": compiled.pattern},
        ]
    }
    return Annotated[Decimal, BeforeValidator(check), WithJsonSchema(schema)]


def limited_text(max_length: int) -> Any:
    """Text of at most ``max_length`` characters (a 422 "use at most … characters" beyond)."""
    return Annotated[str, Field(max_length=max_length, pattern=WITHOUT_NUL)]


def stored_text(model: type[Model], field: str) -> Any:
    """Text stored in ``model.field``: its maximum length stated in the OpenAPI document exactly
    as the database and the model's validation enforce it."""
    max_length = model._meta.get_field(field).max_length
    if max_length is None:
        return Text
    return limited_text(max_length)


class OrganisationOut(Schema):
    slug: str
    name: str
    type: str
    municipality: str | None
    website: str
    kvk_number: str

    @staticmethod
    def resolve_municipality(obj) -> str | None:
        return obj.municipality.name if obj.municipality_id else None


class InitiativeOut(Schema):
    slug: str
    title: str
    kind: str
    status: str
    description: str
    owner: str
    partners: list[str]
    themes: list[str]
    target_groups: list[str]
    sbi_sections: list[str]
    inventory_region: str
    regions: list[str]
    municipalities: list[str]
    start_date: dt.date | None
    end_date: dt.date | None
    budget: Decimal | None
    funding_source: str
    contact_name: str
    contact_email: str
    contact_phone: str
    url: str
    evidence: str
    evidence_source: str
    is_published: bool

    @staticmethod
    def resolve_owner(obj) -> str:
        return obj.owner.slug

    @staticmethod
    def resolve_partners(obj) -> list[str]:
        return [o.slug for o in obj.partners.all()]

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return [t.slug for t in obj.themes.all()]

    @staticmethod
    def resolve_target_groups(obj) -> list[str]:
        return [g.code for g in obj.target_groups.all()]

    @staticmethod
    def resolve_sbi_sections(obj) -> list[str]:
        return [s.code for s in obj.sbi_sections.all()]

    @staticmethod
    def resolve_inventory_region(obj) -> str:
        return obj.inventory_region.slug

    @staticmethod
    def resolve_regions(obj) -> list[str]:
        return [r.slug for r in obj.regions.all()]

    @staticmethod
    def resolve_municipalities(obj) -> list[str]:
        return [m.code for m in obj.municipalities.all()]


class InitiativeIn(Schema):
    """Relations by their short names: organisation and region slugs, theme slugs, target-group
    codes, SBI section letters, CBS municipality codes (or names)."""

    title: stored_text(Initiative, "title")
    kind: InitiativeKind
    owner: Text
    inventory_region: Text
    status: InitiativeStatus = InitiativeStatus.ACTIVE
    description: Text = ""
    partners: list[Text] = []
    themes: list[Text] = []
    target_groups: list[Text] = []
    sbi_sections: list[Text] = []
    regions: list[Text] = []
    municipalities: list[Text] = []
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    budget: amount(negative=False) | None = None
    funding_source: stored_text(Initiative, "funding_source") = ""
    contact_name: stored_text(Initiative, "contact_name") = ""
    contact_email: stored_text(Initiative, "contact_email") = ""
    contact_phone: stored_text(Initiative, "contact_phone") = ""
    url: stored_text(Initiative, "url") = ""
    evidence: Text = ""
    evidence_source: stored_text(Initiative, "evidence_source") = ""
    is_published: bool = True


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] = {}
