"""Matching the names in an inventory file: owner and partner organisations (by KVK number
or name, new ones added when allowed), themes, target groups, sectors, and the area served
(regions and municipalities, former municipality and place names included)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from kennisnetwerk.geo.models import Municipality, Region

from .import_columns import Column
from .import_lookups import Lookups
from .import_report import ImportReport, NewOrganisation, OrganisationRef, RowReport, ref_key
from .import_values import ValueProblem, clean_text, fold, parse_kvk, split_commas, split_list

# Words before a region's name that say a region is meant ("provincie Utrecht").
_REGION_PREFIXES = ("provincie", "regio", "corop", "corop gebied", "mkb deal", "arbeidsmarktregio")


class NameMatching:
    """The name matching of ``RowValidator``; shares its lookups and the organisations the
    file adds."""

    report: ImportReport
    lookups: Lookups
    may_create: bool
    columns: dict[str, list[Column]]
    new_by_kvk: dict[str, NewOrganisation]
    new_by_name: dict[str, NewOrganisation]

    def has(self, name: str) -> bool:
        raise NotImplementedError

    def label(self, name: str) -> str:
        raise NotImplementedError

    def raw(self, row: RowReport, cells: list[Any], name: str) -> Any:
        raise NotImplementedError

    # --- Organisations ------------------------------------------------------------------------

    def _new_organisation(
        self, row: RowReport, column: str, name: str, kvk: str, type_: str
    ) -> NewOrganisation | None:
        existing = (self.new_by_kvk.get(kvk) if kvk else None) or self.new_by_name.get(fold(name))
        if existing is None or (kvk and existing.kvk_number and existing.kvk_number != kvk):
            if not self.may_create:
                row.error(
                    column,
                    _(
                        "Unknown organisation %(name)s. Ask the regional coordinator to add "
                        "it, or add the KVK number of an organisation that is known."
                    )
                    % {"name": name or kvk},
                    "unknown_organisation",
                )
                return None
            similar = self.lookups.similar_organisation(name)
            existing = NewOrganisation(name=name, kvk_number=kvk, type=type_, similar=similar)
            self.report.new_organisations.append(existing)
            if kvk:
                self.new_by_kvk[kvk] = existing
            self.new_by_name.setdefault(fold(name), existing)
        elif kvk and not existing.kvk_number:
            existing.kvk_number = kvk
            self.new_by_kvk[kvk] = existing
        existing.rows.append(row.number)
        message = _("New organisation: %(name)s will be added to the platform.") % {
            "name": existing.name
        }
        if existing.similar:
            message += " " + _(
                "It looks like %(similar)s; write that name or its KVK number if you mean it."
            ) % {"similar": existing.similar}
        row.warn(column, message, "new_organisation")
        return existing

    def organisation(
        self, row: RowReport, column: str, name: str, kvk: str, type_: str = "overig"
    ) -> OrganisationRef | None:
        lookups = self.lookups
        if kvk:
            found = lookups.organisation_by_kvk.get(kvk)
            if found is not None:
                if name and fold(name) != fold(found.name):
                    row.warn(
                        column,
                        _("KVK number %(kvk)s belongs to %(name)s; that organisation is used.")
                        % {"kvk": kvk, "name": found.name},
                        "kvk_name_differs",
                    )
                return found
            if not name:
                if pending := self.new_by_kvk.get(kvk):
                    return pending
                row.error(
                    column,
                    _(
                        "No organisation with KVK number %(kvk)s is known; add the name of the "
                        "organisation."
                    )
                    % {"kvk": kvk},
                    "unknown_organisation",
                )
                return None
        matches = lookups.organisations_by_name.get(fold(name), [])
        if len(matches) > 1:
            row.error(
                column,
                _(
                    "Several organisations are called %(name)s; add the KVK number to say which "
                    "one is meant."
                )
                % {"name": name},
                "ambiguous_organisation",
            )
            return None
        if matches:
            found = matches[0]
            if kvk and found.kvk_number and found.kvk_number != kvk:
                row.error(
                    column,
                    _("%(name)s is registered with KVK number %(known)s, not %(kvk)s.")
                    % {"name": found.name, "known": found.kvk_number, "kvk": kvk},
                    "kvk_mismatch",
                )
                return None
            return found
        return self._new_organisation(row, column, name, kvk, type_)

    def inventory_region(self, row: RowReport, cells: list[Any]) -> None:
        """The export names each row's inventory; a row of another region does not belong
        in this import."""
        if not self.has("inventory_region"):
            return
        text = clean_text(self.raw(row, cells, "inventory_region"))
        region = self.report.region
        if not text or fold(text) in {fold(region.name), fold(region.slug)}:
            return
        others = self.lookups.regions_by_name.get(fold(text), [])
        if others:
            row.error(
                self.label("inventory_region"),
                _(
                    "This row belongs to the inventory of %(other)s, not of %(region)s. Import "
                    "it there, or empty this cell."
                )
                % {"other": others[0].name, "region": region.name},
                "other_region",
            )
        else:
            row.warn(
                self.label("inventory_region"),
                _("%(value)s is not a region and is not used; name places in Werkgebied.")
                % {"value": text},
            )

    # --- Lists -------------------------------------------------------------------------------

    def _items(self, text: str, resolve: Any) -> tuple[list[Any], list[str]]:
        """Resolve each item of a list cell; an item that is not found is tried again split
        at its commas ("digitalisering, innovatie")."""
        found, unknown = [], []
        for item in split_list(text):
            value = resolve(item)
            if value is not None:
                found.append(value)
                continue
            parts = split_commas(item)
            resolved = [resolve(p) for p in parts] if len(parts) > 1 else [None]
            if all(v is not None for v in resolved):
                found.extend(resolved)
            else:
                unknown.extend(p for p, v in zip(parts, resolved, strict=False) if v is None)
        return found, unknown

    def listed(
        self,
        row: RowReport,
        cells: list[Any],
        name: str,
        resolve: Callable[[RowReport, str], Any],
        keep: Callable[[str, Any], Any],
        by_pk: dict[int, Any],
    ) -> list[Any]:
        if not self.has(name):
            ids = keep(name, frozenset())
            return [by_pk[pk] for pk in sorted(ids)]
        found, unknown = self._items(self.raw(row, cells, name), lambda t: resolve(row, t))
        for item in unknown:
            message = {
                "themes": _("Unknown theme %(value)s; known themes: %(choices)s."),
                "target_groups": _("Unknown target group %(value)s; choose from: %(choices)s."),
                "sbi_sections": _(
                    "Unknown sector %(value)s; use the letter of an SBI section (A to U)."
                ),
            }[name]
            kind = {"themes": "theme", "target_groups": "target_group"}.get(name, "")
            row.error(
                self.label(name),
                message % {"value": item, "choices": self.lookups.known_names(kind)},
                "unknown_value",
            )
        unique = {obj.pk: obj for obj in found}
        return [unique[pk] for pk in sorted(unique)]

    def theme(self, row: RowReport, text: str) -> Any:
        theme = self.lookups.theme_by_name.get(fold(text))
        if theme is not None and not theme.is_active:
            row.warn(
                self.label("themes"),
                _("The theme %(name)s is no longer in use.") % {"name": theme.name},
            )
        return theme

    def target_group(self, row: RowReport, text: str) -> Any:
        groups = self.lookups.target_group_by_name.get(fold(text), [])
        return groups[0] if len(groups) == 1 else None

    def sbi_section(self, row: RowReport, text: str) -> Any:
        return self.lookups.sbi_section(text)

    def partners(self, row: RowReport, cells: list[Any]) -> list[OrganisationRef]:
        text = self.raw(row, cells, "partners")
        column = self.label("partners")
        result: list[OrganisationRef] = []

        def known(item: str) -> OrganisationRef | None:
            try:
                kvk = parse_kvk(item) if item.replace(" ", "").isdigit() else ""
            except ValueProblem:
                kvk = ""
            if kvk:
                return self.lookups.organisation_by_kvk.get(kvk) or self.new_by_kvk.get(kvk)
            matches = self.lookups.organisations_by_name.get(fold(item), [])
            if len(matches) == 1:
                return matches[0]
            return self.new_by_name.get(fold(item))

        for item in split_list(text):
            ref = known(item)
            if ref is None and "," in item:
                parts = [known(p) for p in split_commas(item)]
                if all(parts):
                    result.extend(p for p in parts if p is not None)
                    continue
            if ref is None:
                ref = self.organisation(row, column, item, "")
            if ref is not None and all(ref_key(ref) != ref_key(r) for r in result):
                result.append(ref)
        return result

    def area(
        self,
        row: RowReport,
        cells: list[Any],
        values: dict[str, Any],
        existing: dict[str, Any] | None,
    ) -> None:
        """Where the offer is available: region names (a province, an MKB-Deal area,
        "Nederland") and municipality names, including former municipalities and place
        names, resolved to today's municipality."""
        lookups = self.lookups
        if not self.has("area"):
            regions = existing["regions"] if existing else frozenset()
            municipalities = existing["municipalities"] if existing else frozenset()
            values["regions"] = [lookups.regions[pk] for pk in sorted(regions)]
            values["municipalities"] = [lookups.municipalities[pk] for pk in sorted(municipalities)]
            return
        column = self.label("area")
        regions: dict[int, Region] = {}
        municipalities: dict[int, Municipality] = {}
        text = self.raw(row, cells, "area")
        items = [part for item in split_list(text) for part in split_commas(item)]
        for item in items:
            lowered = fold(item)
            prefix = next((p for p in _REGION_PREFIXES if lowered.startswith(p + " ")), "")
            if prefix:
                rest = lowered[len(prefix) + 1 :]
                matches = lookups.regions_by_name.get(rest, []) or lookups.regions_by_name.get(
                    lowered, []
                )
                if prefix == "provincie":
                    matches = [r for r in matches if r.kind == "province"] or matches
                if matches:
                    regions[matches[0].pk] = matches[0]
                    continue
            region_matches = lookups.regions_by_name.get(lowered, [])
            resolution = lookups.resolver.resolve(item)
            municipality = resolution.municipality
            if region_matches and municipality is not None and resolution.via == "municipality":
                # "Utrecht" is a province and a municipality. What the initiative already has
                # decides (an export lists its regions first, then its municipalities).
                had = existing["regions"] if existing else frozenset()
                chosen = next((r for r in region_matches if r.pk in had), None)
                if chosen is not None and chosen.pk not in regions:
                    regions[chosen.pk] = chosen
                    continue
                municipalities[municipality.pk] = municipality
                if not existing or municipality.pk not in existing["municipalities"]:
                    row.warn(
                        column,
                        _(
                            "%(name)s is both a municipality and a region; the municipality is "
                            "used. Write “regio %(name)s” or “provincie %(name)s” for the region."
                        )
                        % {"name": item},
                        "area_both",
                    )
                continue
            if region_matches:
                regions[region_matches[0].pk] = region_matches[0]
                continue
            if municipality is not None:
                municipalities[municipality.pk] = municipality
                if resolution.via in {"alias", "place"} and fold(municipality.name) != lowered:
                    row.warn(
                        column,
                        _("%(name)s is read as the municipality of %(municipality)s.")
                        % {"name": item, "municipality": municipality.name},
                        "area_resolved",
                    )
            elif resolution.ambiguous:
                row.error(
                    column,
                    _(
                        "%(name)s occurs in several municipalities (%(candidates)s); write the "
                        "municipality instead."
                    )
                    % {
                        "name": item,
                        "candidates": ", ".join(m.name for m in resolution.candidates),
                    },
                    "ambiguous_municipality",
                )
            else:
                row.error(
                    column,
                    _("Unknown municipality, place or region: %(name)s.") % {"name": item},
                    "unknown_municipality",
                )
        values["regions"] = [regions[pk] for pk in sorted(regions)]
        values["municipalities"] = [municipalities[pk] for pk in sorted(municipalities)]
