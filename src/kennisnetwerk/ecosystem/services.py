from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.text import slugify

from kennisnetwerk.core.audit import audit_log, snapshot
from kennisnetwerk.core.models import AuditAction
from kennisnetwerk.geo.models import Municipality

from .models import Organisation

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
