from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from kennisnetwerk.core.audit import audit_log, diff, snapshot
from kennisnetwerk.core.models import AuditAction
from kennisnetwerk.geo.models import Municipality, Region, SbiSection

from .models import Initiative, Organisation, TargetGroup, Theme
from .search_index import initiative_index_on_commit

ORGANISATION_FIELDS = ("name", "type", "municipality", "website", "kvk_number")


def _unique_slug(name: str) -> str:
    base = slugify(name)[:180] or "organisatie"
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def organisation_create(
    *,
    name: str,
    type: str,
    actor: Any,
    municipality: Municipality | None = None,
    website: str = "",
    kvk_number: str = "",
) -> Organisation:
    """Add a party to the network; the creation is audit-logged."""
    organisation = Organisation(
        name=name,
        slug=_unique_slug(name),
        type=type,
        municipality=municipality,
        website=website,
        kvk_number=kvk_number,
    )
    organisation.full_clean()
    organisation.save()
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=organisation,
        changes={k: [None, v] for k, v in snapshot(organisation, ORGANISATION_FIELDS).items()},
    )
    return organisation


@dataclass
class InitiativeData:
    """Everything a person fills in about an initiative."""

    title: str
    kind: str
    owner: Organisation
    inventory_region: Region
    status: str = "actief"
    description: str = ""
    partners: Sequence[Organisation] = field(default_factory=list)
    themes: Sequence[Theme] = field(default_factory=list)
    target_groups: Sequence[TargetGroup] = field(default_factory=list)
    sbi_sections: Sequence[SbiSection] = field(default_factory=list)
    regions: Sequence[Region] = field(default_factory=list)
    municipalities: Sequence[Municipality] = field(default_factory=list)
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    budget: Decimal | None = None
    funding_source: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    url: str = ""
    evidence: str = ""
    evidence_source: str = ""
    is_published: bool = True
    import_key: str = ""


RELATIONS = ("partners", "themes", "target_groups", "sbi_sections", "regions", "municipalities")
_SCALARS = tuple(f.name for f in fields(InitiativeData) if f.name not in RELATIONS)


def _initiative_state(initiative: Initiative) -> dict[str, Any]:
    state = snapshot(initiative, _SCALARS)
    for name in RELATIONS:
        state[name] = sorted(str(obj) for obj in getattr(initiative, name).all())
    return state


def _unique_initiative_slug(title: str) -> str:
    base = slugify(title)[:230] or "initiatief"
    slug, n = base, 2
    while Initiative.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _apply(initiative: Initiative, data: InitiativeData) -> None:
    for name in _SCALARS:
        setattr(initiative, name, getattr(data, name))
    initiative.full_clean(exclude=["slug"])
    initiative.save()
    for name in RELATIONS:
        getattr(initiative, name).set(list(getattr(data, name)))


@transaction.atomic
def initiative_create(*, data: InitiativeData, actor: Any) -> Initiative:
    """Add an initiative to a region's inventory; the creation is audit-logged."""
    initiative = Initiative(slug=_unique_initiative_slug(data.title))
    _apply(initiative, data)
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=initiative,
        changes={
            k: [None, v]
            for k, v in _initiative_state(initiative).items()
            if v not in ("", [], None)
        },
    )
    initiative_index_on_commit(initiative)
    return initiative


@transaction.atomic
def initiative_update(*, initiative: Initiative, data: InitiativeData, actor: Any) -> Initiative:
    """Change an initiative; only the fields that changed are audit-logged."""
    before = _initiative_state(initiative)
    _apply(initiative, data)
    changes = diff(before, _initiative_state(initiative))
    if changes:
        audit_log(actor=actor, action=AuditAction.UPDATE, obj=initiative, changes=changes)
        initiative_index_on_commit(initiative)
    return initiative


def vocabularies_initial_ensure() -> None:
    """Make sure the starting themes and target groups exist (the data migration adds them;
    a flushed database, as in browser tests, has lost them)."""
    from .constants import INITIAL_TARGET_GROUPS, INITIAL_THEMES

    for order, (slug, name) in enumerate(INITIAL_THEMES):
        Theme.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})
    for order, (dimension, code, name) in enumerate(INITIAL_TARGET_GROUPS):
        TargetGroup.objects.get_or_create(
            dimension=dimension, code=code, defaults={"name": name, "order": order}
        )
