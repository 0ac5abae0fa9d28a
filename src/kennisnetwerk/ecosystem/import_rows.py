"""Checking the rows of an inventory file one by one against the platform's organisations,
vocabularies, places and the region's current inventory. Reads only."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext as _

from kennisnetwerk.core.formatting import format_date
from kennisnetwerk.geo.models import Region

from .import_columns import LIST_FIELDS, Column, field_label
from .import_files import ErrorValue, Formula, Table
from .import_lookups import Inventory, Lookups
from .import_matching import NameMatching
from .import_report import (
    INVALID,
    NEW,
    SKIPPED,
    UNCHANGED,
    UPDATE,
    ImportReport,
    NewOrganisation,
    OrganisationRef,
    RowPlan,
    RowReport,
    ref_key,
)
from .import_values import (
    ValueProblem,
    clean_text,
    fold,
    parse_amount,
    parse_bool,
    parse_date,
    parse_kvk,
    parse_period,
)
from .models import Initiative, Organisation

_TEXT_FIELDS = (
    "funding_source", "contact_name", "contact_phone", "evidence_source",
)  # fmt: skip
_MULTILINE_FIELDS = ("description", "evidence")
_TOTAL_ROW_TITLES = {"totaal", "subtotaal", "totalen", "total", "som", "eindtotaal"}
_url_validator = URLValidator(schemes=["http", "https"])
_MAX_LENGTHS = {
    f.name: f.max_length
    for f in Initiative._meta.fields
    if f.max_length and f.get_internal_type() in ("CharField", "EmailField", "URLField")
}
_ORGANISATION_NAME_LENGTH = Organisation._meta.get_field("name").max_length


def _import_key(region: Region, owner_ident: str, title: str) -> str:
    raw = f"{region.pk}\x1f{owner_ident}\x1f{fold(title)}"
    return hashlib.sha256(raw.encode()).hexdigest()


def _owner_ident(owner: OrganisationRef) -> str:
    if isinstance(owner, NewOrganisation):
        return owner.ident
    return f"kvk:{owner.kvk_number}" if owner.kvk_number else f"naam:{fold(owner.name)}"


class RowValidator(NameMatching):
    """Validates the rows of one table against the lookups; keeps what rows share (new
    organisations, the import keys seen)."""

    def __init__(
        self,
        *,
        report: ImportReport,
        table: Table,
        lookups: Lookups,
        inventory: Inventory,
        may_create_organisations: bool,
    ):
        self.report = report
        self.lookups = lookups
        self.inventory = inventory
        self.may_create = may_create_organisations
        self.columns: dict[str, list[Column]] = {}
        for column in table.header.columns:
            if column.field:
                self.columns.setdefault(column.field, []).append(column)
        self.new_by_kvk: dict[str, NewOrganisation] = {}
        self.new_by_name: dict[str, NewOrganisation] = {}
        self.seen: dict[str, RowReport] = {}

    # --- Cells -------------------------------------------------------------------------------

    def has(self, name: str) -> bool:
        return name in self.columns

    def label(self, name: str) -> str:
        columns = self.columns.get(name)
        return columns[0].label if columns else field_label(name)

    def peek(self, cells: list[Any], name: str) -> Any:
        """The first cell of field ``name`` as it is, without checking it."""
        columns = self.columns.get(name)
        if not columns or columns[0].index >= len(cells):
            return None
        value = cells[columns[0].index]
        return clean_text(value) if isinstance(value, str) else value

    def raw(self, row: RowReport, cells: list[Any], name: str) -> Any:
        """The cell of field ``name`` (for a list field: the cells of all its columns joined
        by line breaks). Formulas and Excel errors are reported, never used."""
        columns = self.columns.get(name)
        if not columns:
            return "" if name in LIST_FIELDS else None
        if name not in LIST_FIELDS:
            return self._checked(row, cells, columns[0])
        values = (self._checked(row, cells, column) for column in columns)
        return "\n".join(clean_text(v, multiline=True) for v in values if v is not None)

    def _checked(self, row: RowReport, cells: list[Any], column: Column) -> Any:
        value = cells[column.index] if column.index < len(cells) else None
        if value is None or value == "":
            return None
        if type(value) is str:
            if value[0] != "=" and not (value[0].isspace() and value.lstrip().startswith("=")):
                return value  # the usual case
            row.error(
                column.label,
                _(
                    "This cell starts with “=” like a formula (%(formula)s). Formulas are "
                    "not run; type the value itself."
                )
                % {"formula": value.strip()[:80]},
                "formula",
            )
            return None
        if isinstance(value, Formula):
            row.error(
                column.label,
                _(
                    "This cell contains a formula (%(formula)s). Formulas are not run; "
                    "type the value itself."
                )
                % {"formula": value.text[:80]},
                "formula",
            )
            return None
        if isinstance(value, ErrorValue):
            row.error(
                column.label,
                _("This cell contains the Excel error %(value)s.") % {"value": value.text},
                "excel_error",
            )
            return None
        return value

    def text(
        self,
        row: RowReport,
        cells: list[Any],
        name: str,
        *,
        multiline: bool = False,
        limit: int | None = None,
    ) -> str:
        value = clean_text(self.raw(row, cells, name), multiline=multiline)
        limit = limit or _MAX_LENGTHS.get(name)
        if limit and len(value) > limit:
            row.error(
                self.label(name),
                _("This text has %(n)s characters; at most %(max)s fit.")
                % {"n": len(value), "max": limit},
                "too_long",
            )
        return value

    # --- One row -----------------------------------------------------------------------------

    def validate(self, number: int, cells: list[Any]) -> RowReport | None:
        if all(
            (cells[c.index] if c.index < len(cells) else None) in (None, "")
            for c in self.report.columns
            if c.field
        ):
            return None  # an empty row, or one with notes in unrecognised columns only
        row = RowReport(number=number)
        title = self.text(row, cells, "title")
        owner_name = self.text(row, cells, "owner", limit=_ORGANISATION_NAME_LENGTH)
        row.title, row.owner = title, owner_name
        kvk = ""
        try:
            kvk = parse_kvk(self.raw(row, cells, "owner_kvk"))
        except ValueProblem as problem:
            row.error(self.label("owner_kvk"), problem.message, problem.code)
        if fold(title) in _TOTAL_ROW_TITLES and not owner_name:
            row.action = SKIPPED
            row.warn(self.label("title"), _("This looks like a total row and is skipped."), "total")
            return row

        if not title:
            row.error(self.label("title"), _("Every row needs a title."), "required")
        owner_type = self.choice(row, cells, "owner_type", self.lookups.organisation_types)
        owner: OrganisationRef | None = None
        if not owner_name and not kvk:
            row.error(self.label("owner"), _("Every row needs an owner organisation."), "required")
        else:
            owner = self.organisation(
                row, self.label("owner"), owner_name, kvk, owner_type or "overig"
            )
        if owner is not None and title:
            row.import_key = _import_key(self.report.region, _owner_ident(owner), title)

        existing_id = None
        if row.import_key:
            candidates = self.inventory.find(
                key=row.import_key,
                owner_id=owner.pk if isinstance(owner, Organisation) else None,
                title=title,
            )
            if len(candidates) > 1:
                row.error(
                    self.label("title"),
                    _(
                        "The inventory already has several initiatives of this organisation "
                        "with this title; rename them in the atlas first."
                    ),
                    "ambiguous_initiative",
                )
            elif candidates:
                existing_id = candidates[0]
        existing = self.inventory.states.get(existing_id) if existing_id else None

        values = self.values(row, cells, existing)
        partners = values.pop("_partners")
        if owner is not None and any(ref_key(p) == ref_key(owner) for p in partners):
            row.error(self.label("partners"), _("The owner cannot also be a partner."), "partner")
        kind_given = self.has("kind") and self.peek(cells, "kind") not in (None, "")
        if existing is None and not values.get("kind") and not kind_given:
            if self.has("kind"):
                row.error(self.label("kind"), _("Every new initiative needs a kind."), "required")
            else:
                row.error(
                    field_label("kind"),
                    _("Add a column Soort: every new initiative needs a kind (%(kinds)s).")
                    % {"kinds": self.lookups.known_names("kind")},
                    "required",
                )
        if row.errors or owner is None:
            row.action = INVALID
            return row
        row.plan = RowPlan(existing_id=existing_id, owner=owner, partners=partners, values=values)
        row.action, row.changed = self.compare(existing, owner, partners, values)
        return row

    def choice(self, row: RowReport, cells: list[Any], name: str, index: dict[str, str]) -> str:
        text = clean_text(self.raw(row, cells, name))
        if not text:
            return ""
        value = index.get(fold(text))
        if value is None:
            kind = {"owner_type": "organisation_type"}.get(name, name)
            row.error(
                self.label(name),
                _("Unknown value %(value)s; choose one of: %(choices)s.")
                % {"value": text, "choices": self.lookups.known_names(kind)},
                "unknown_choice",
            )
            return ""
        return value

    def values(
        self, row: RowReport, cells: list[Any], existing: dict[str, Any] | None
    ) -> dict[str, Any]:
        """The fields of InitiativeData for this row. A column missing from the file leaves
        the existing value alone (or the default for a new initiative); an empty cell in a
        column that is there empties the field."""
        lookups = self.lookups
        values: dict[str, Any] = {}

        def keep(name: str, default: Any) -> Any:
            if existing is None:
                return default
            return existing[name]

        values["title"] = row.title
        # Kind and status cannot be empty: an empty cell keeps what is there.
        kind = self.choice(row, cells, "kind", lookups.kinds)
        values["kind"] = kind or keep("kind", "")
        status = self.choice(row, cells, "status", lookups.statuses)
        values["status"] = status or keep("status", "actief")
        for name in _TEXT_FIELDS:
            values[name] = self.text(row, cells, name) if self.has(name) else keep(name, "")
        for name in _MULTILINE_FIELDS:
            values[name] = (
                self.text(row, cells, name, multiline=True) if self.has(name) else keep(name, "")
            )
        values["contact_email"] = (
            self.email(row, cells) if self.has("contact_email") else keep("contact_email", "")
        )
        values["url"] = self.url(row, cells) if self.has("url") else keep("url", "")
        values["budget"] = self.parsed(row, cells, "budget", parse_amount, keep)
        self.period(row, cells, values, keep)
        published = self.parsed(row, cells, "is_published", parse_bool, keep, default=True)
        values["is_published"] = True if published is None else published
        self.inventory_region(row, cells)

        values["themes"] = self.listed(row, cells, "themes", self.theme, keep, lookups.themes)
        values["target_groups"] = self.listed(
            row, cells, "target_groups", self.target_group, keep, lookups.target_groups
        )
        values["sbi_sections"] = self.listed(
            row, cells, "sbi_sections", self.sbi_section, keep, lookups.sbi_sections
        )
        self.area(row, cells, values, existing)
        if self.has("partners"):
            values["_partners"] = self.partners(row, cells)
        else:
            ids = existing["partners"] if existing else frozenset()
            values["_partners"] = sorted(
                (lookups.organisations[pk] for pk in ids), key=lambda o: o.name
            )
        return values

    def parsed(
        self,
        row: RowReport,
        cells: list[Any],
        name: str,
        parser: Callable[[Any], Any],
        keep: Callable[[str, Any], Any],
        default: Any = None,
    ) -> Any:
        if not self.has(name):
            return keep(name, default)
        try:
            return parser(self.raw(row, cells, name))
        except ValueProblem as problem:
            row.error(self.label(name), problem.message, problem.code)
            return None

    def period(self, row: RowReport, cells: list[Any], values: dict[str, Any], keep: Any) -> None:
        start = end = None
        if self.has("start_date") or self.has("end_date") or self.has("period"):
            try:
                start, end = parse_period(self.raw(row, cells, "period"))
            except ValueProblem as problem:
                row.error(self.label("period"), problem.message, problem.code)
            if self.has("start_date"):
                try:
                    start = parse_date(self.raw(row, cells, "start_date")) or start
                except ValueProblem as problem:
                    row.error(self.label("start_date"), problem.message, problem.code)
            if self.has("end_date"):
                try:
                    end = parse_date(self.raw(row, cells, "end_date"), end=True) or end
                except ValueProblem as problem:
                    row.error(self.label("end_date"), problem.message, problem.code)
            has_start = self.has("start_date") or self.has("period")
            has_end = self.has("end_date") or self.has("period")
            start = start if has_start else keep("start_date", None)
            end = end if has_end else keep("end_date", None)
        else:
            start, end = keep("start_date", None), keep("end_date", None)
        if start and end and end < start:
            row.error(
                self.label("end_date" if self.has("end_date") else "period"),
                _("The end date %(end)s lies before the start date %(start)s.")
                % {"end": format_date(end), "start": format_date(start)},
                "period",
            )
        values["start_date"], values["end_date"] = start, end

    def email(self, row: RowReport, cells: list[Any]) -> str:
        text = self.text(row, cells, "contact_email")
        text = text.removeprefix("mailto:").strip()
        if text:
            try:
                validate_email(text)
            except ValidationError:
                row.error(
                    self.label("contact_email"),
                    _("%(value)s is not a valid e-mail address.") % {"value": text},
                    "email",
                )
        return text

    def url(self, row: RowReport, cells: list[Any]) -> str:
        text = self.text(row, cells, "url").replace(" ", "")
        if text and "://" not in text:
            text = "https://" + text.removeprefix("//")
        if text:
            try:
                _url_validator(text)
            except ValidationError:
                row.error(
                    self.label("url"),
                    _("%(value)s is not a valid web address.") % {"value": text},
                    "url",
                )
        return text

    # --- Comparison --------------------------------------------------------------------------

    def compare(
        self,
        existing: dict[str, Any] | None,
        owner: OrganisationRef,
        partners: list[OrganisationRef],
        values: dict[str, Any],
    ) -> tuple[str, list[str]]:
        if existing is None:
            return NEW, []
        target = {
            **{k: v for k, v in values.items() if k not in Inventory.RELATIONS},
            "owner_id": ref_key(owner),
        }
        changed = []
        for name, value in target.items():
            if existing.get(name) != value:
                changed.append(name)
        for name in Inventory.RELATIONS:
            if name == "partners":
                wanted = frozenset(ref_key(p) for p in partners)
            else:
                wanted = frozenset(obj.pk for obj in values[name])
            if existing[name] != wanted:
                changed.append(name)
        if not changed:
            return UNCHANGED, []
        return UPDATE, sorted({self.label(_FIELD_OF.get(n, n)) for n in changed})


_FIELD_OF = {
    "owner_id": "owner",
    "regions": "area",
    "municipalities": "area",
}
