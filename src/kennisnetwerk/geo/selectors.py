"""Reads of the geo app, including name resolution that imports use."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from .models import Municipality, MunicipalityAlias, PlaceName, Region
from .normalise import name_key


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving a name: the municipality (or None) and how it was found."""

    municipality: Municipality | None
    via: str = ""  # "municipality", "alias", "place"
    candidates: tuple[Municipality, ...] = field(default_factory=tuple)

    @property
    def ambiguous(self) -> bool:
        return self.municipality is None and len(self.candidates) > 1


class MunicipalityResolver:
    """Resolves municipality names, former municipality names and place names to the current
    municipality. Loads all names once, so an import of many rows costs three queries."""

    def __init__(self) -> None:
        current = Municipality.objects.filter(is_current=True).select_related("province")
        self._by_name = {name_key(m.name): m for m in current}
        self._by_code = {m.code: m for m in current}
        by_pk = {m.pk: m for m in current}
        self._by_alias = {
            name_key(a.name): by_pk[a.municipality_id]
            for a in MunicipalityAlias.objects.all()
            if a.municipality_id in by_pk
        }
        places: dict[str, dict[int, Municipality]] = defaultdict(dict)
        for p in PlaceName.objects.all():
            if p.municipality_id in by_pk:
                places[name_key(p.name)][p.municipality_id] = by_pk[p.municipality_id]
        self._by_place = {k: tuple(v.values()) for k, v in places.items()}

    def resolve(self, name: str) -> Resolution:
        text = (name or "").strip()
        if not text:
            return Resolution(None)
        if text.upper() in self._by_code:
            return Resolution(self._by_code[text.upper()], "code")
        key = name_key(text)
        if key in self._by_name:
            return Resolution(self._by_name[key], "municipality")
        places = self._by_place.get(key, ())
        alias = self._by_alias.get(key)
        if alias is not None:
            # "Haren" was a municipality (now Groningen) and is also a village in Oss:
            # a name that points to several places is not guessed.
            others = tuple(m for m in places if m.pk != alias.pk)
            if not others:
                return Resolution(alias, "alias")
            return Resolution(None, "", tuple(sorted((alias, *others), key=lambda m: m.name)))
        if len(places) == 1:
            return Resolution(places[0], "place")
        return Resolution(None, "", tuple(sorted(places, key=lambda m: m.name)))


def municipality_resolve(name: str) -> Resolution:
    """Resolve one name; for many names build a ``MunicipalityResolver`` once."""
    return MunicipalityResolver().resolve(name)


def municipality_list() -> QuerySet[Municipality]:
    return Municipality.objects.filter(is_current=True).select_related("province", "corop_area")


def region_list(*, kind: str = "") -> QuerySet[Region]:
    qs = Region.objects.annotate(municipality_count=Count("municipalities"))
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("kind", "name")


def region_get(*, slug: str) -> Region:
    return Region.objects.get(slug=slug)


def region_municipalities(region: Region) -> QuerySet[Municipality]:
    return region.municipalities.filter(is_current=True).select_related("province", "corop_area")
