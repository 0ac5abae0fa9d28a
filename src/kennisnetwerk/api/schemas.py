"""The shapes the API reads and writes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from ninja import Schema
from pydantic import AfterValidator

from kennisnetwerk.ecosystem.constants import InitiativeKind, InitiativeStatus


def _without_nul(value: str) -> str:
    # Text with NUL characters cannot be stored or searched (PostgreSQL refuses them).
    if "\x00" in value:
        raise ValueError("NUL character")
    return value


# Every text the API reads.
Text = Annotated[str, AfterValidator(_without_nul)]


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

    title: Text
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
    budget: Decimal | None = None
    funding_source: Text = ""
    contact_name: Text = ""
    contact_email: Text = ""
    contact_phone: Text = ""
    url: Text = ""
    evidence: Text = ""
    evidence_source: Text = ""
    is_published: bool = True


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] = {}
