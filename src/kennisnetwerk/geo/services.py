"""Writes of the geo app: loading reference data and editing regions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from kennisnetwerk.core.audit import audit_log, diff, snapshot
from kennisnetwerk.core.models import AuditAction

from .constants import AUTOMATIC_REGION_KINDS, NATIONAL_REGION_SLUG, RegionKind
from .models import (
    CoropArea,
    Municipality,
    MunicipalityAlias,
    PlaceName,
    Province,
    Region,
    SbiCode,
    SbiSection,
)
from .reference_data import ReferenceData


@dataclass
class LoadReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return bool(sum(self.created.values()) or sum(self.updated.values()))


def _sync(
    model: type, key: str, wanted: dict[str, dict[str, Any]], report: LoadReport, label: str
) -> dict[str, Any]:
    """Make the rows of ``model`` keyed by ``key`` match ``wanted``; return all rows by key."""
    existing = {getattr(obj, key): obj for obj in model.objects.all()}
    to_create, to_update, fields_changed = [], [], set()
    for k, values in wanted.items():
        obj = existing.get(k)
        if obj is None:
            to_create.append(model(**{key: k}, **values))
            continue
        changed = [f for f, v in values.items() if getattr(obj, f) != v]
        if changed:
            for f in changed:
                setattr(obj, f, values[f])
            fields_changed.update(changed)
            to_update.append(obj)
        else:
            report.unchanged[label] += 1
    model.objects.bulk_create(to_create, batch_size=500)
    if to_update:
        model.objects.bulk_update(to_update, sorted(fields_changed), batch_size=500)
    report.created[label] += len(to_create)
    report.updated[label] += len(to_update)
    return {getattr(obj, key): obj for obj in model.objects.all()}


def _sync_region(
    *, kind: str, source_code: str, name: str, slug: str, members: set[int], report: LoadReport
) -> None:
    region = Region.objects.filter(kind=kind, source_code=source_code).first()
    if region is None:
        region = Region.objects.create(kind=kind, source_code=source_code, name=name, slug=slug)
        report.created["regions"] += 1
        current: set[int] = set()
    else:
        current = set(region.municipalities.values_list("pk", flat=True))
        if region.name != name:
            region.name = name
            region.save(update_fields=["name", "updated_at"])
            report.updated["regions"] += 1
        elif current == members:
            report.unchanged["regions"] += 1
        else:
            report.updated["regions"] += 1
    if current != members:
        region.municipalities.remove(*(current - members))
        region.municipalities.add(*(members - current))


def _free_slug(base: str, kind: str, source_code: str) -> str:
    """A unique slug; an automatic region keeps the one it has."""
    own = Region.objects.filter(kind=kind, source_code=source_code).values_list("slug", flat=True)
    if own:
        return own[0]
    slug, n = base, 2
    while Region.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def reference_data_apply(*, data: ReferenceData) -> LoadReport:
    """Bring the database in line with validated reference data, in one transaction.
    Running it twice with the same data changes nothing the second time."""
    report = LoadReport()
    provinces = _sync(
        Province, "code", {c: {"name": n} for c, n in data.provinces.items()}, report, "provinces"
    )
    corops = _sync(
        CoropArea,
        "code",
        {c: {"name": n, "province": provinces[p]} for c, (n, p) in data.corop_areas.items()},
        report,
        "corop_areas",
    )
    municipalities = _sync(
        Municipality,
        "code",
        {
            c: {"name": n, "corop_area": corops[cr], "province": provinces[p], "is_current": True}
            for c, (n, cr, p) in data.municipalities.items()
        },
        report,
        "municipalities",
    )
    gone = Municipality.objects.filter(is_current=True).exclude(code__in=data.municipalities)
    report.updated["municipalities"] += gone.update(is_current=False)
    _sync(
        PlaceName,
        "code",
        {c: {"name": n, "municipality": municipalities[m]} for c, (n, m) in data.places.items()},
        report,
        "place_names",
    )
    existing_aliases = {a.name.casefold(): a for a in MunicipalityAlias.objects.all()}
    wanted_aliases = {}
    for name, code, kind, date in data.aliases.values():
        alias = existing_aliases.get(name.casefold())
        key = alias.name if alias else name
        wanted_aliases[key] = {
            "municipality": municipalities[code],
            "kind": kind,
            "valid_until": date,
        }
    _sync(MunicipalityAlias, "name", wanted_aliases, report, "aliases")
    sections = _sync(
        SbiSection,
        "code",
        {
            s: {"name": n, "division_from": lo, "division_to": hi}
            for s, (n, lo, hi) in data.sbi_sections.items()
        },
        report,
        "sbi_sections",
    )
    _sync(
        SbiCode,
        "code",
        {
            c: {"description": d, "section": sections.get(s) if s else None}
            for c, (d, s) in data.sbi_codes.items()
        },
        report,
        "sbi_codes",
    )
    current = [m for c, m in municipalities.items() if c in data.municipalities]
    _sync_region(
        kind=RegionKind.NATIONAL,
        source_code="NL",
        name="Nederland",
        slug=_free_slug(NATIONAL_REGION_SLUG, RegionKind.NATIONAL, "NL"),
        members={m.pk for m in current},
        report=report,
    )
    groupings = [
        (RegionKind.PROVINCE, "provincie", provinces, "province_id"),
        (RegionKind.COROP, "corop", corops, "corop_area_id"),
    ]
    for kind, prefix, areas, attribute in groupings:
        for code, area in areas.items():
            _sync_region(
                kind=kind,
                source_code=code,
                name=area.name,
                slug=_free_slug(f"{prefix}-{slugify(area.name)}", kind, code),
                members={m.pk for m in current if getattr(m, attribute) == area.pk},
                report=report,
            )
    return report


REGION_FIELDS = ("name", "kind", "description", "municipalities")


def _region_state(region: Region) -> dict[str, Any]:
    state = snapshot(region, ("name", "kind", "description"))
    state["municipalities"] = sorted(region.municipalities.values_list("name", flat=True))
    return state


@transaction.atomic
def region_create(
    *,
    name: str,
    kind: str,
    municipalities: Iterable[Municipality],
    actor: Any,
    description: str = "",
) -> Region:
    """Create a region as a named set of municipalities; it is audit-logged."""
    base = slugify(name) or "regio"
    slug, n = base, 2
    while Region.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    region = Region.objects.create(name=name, kind=kind, description=description, slug=slug)
    region.municipalities.set(list(municipalities))
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=region,
        changes={k: [None, v] for k, v in _region_state(region).items()},
    )
    return region


@transaction.atomic
def region_update(
    *,
    region: Region,
    actor: Any,
    name: str | None = None,
    description: str | None = None,
    municipalities: Iterable[Municipality] | None = None,
) -> Region:
    """Change a region's name, description or municipalities; the change is audit-logged.
    Regions kept from the reference data (provinces, COROP, Nederland) keep their CBS name
    and municipalities."""
    before = _region_state(region)
    automatic = region.kind in AUTOMATIC_REGION_KINDS
    if name is not None and not automatic:
        region.name = name
    if description is not None:
        region.description = description
    region.save()
    if municipalities is not None and not automatic:
        region.municipalities.set(list(municipalities))
    changes = diff(before, _region_state(region))
    if changes:
        audit_log(actor=actor, action=AuditAction.UPDATE, obj=region, changes=changes)
    return region
