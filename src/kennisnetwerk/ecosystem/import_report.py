"""The report of an inventory import: per row and column what is wrong or worth knowing,
and what importing each valid row would do."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from kennisnetwerk.geo.models import Region

from .import_columns import Column
from .import_values import fold
from .models import Organisation

NEW = "new"
UPDATE = "update"
UNCHANGED = "unchanged"
INVALID = "invalid"
DUPLICATE = "duplicate"
SKIPPED = "skipped"


@dataclass
class Issue:
    column: str  # the column header as the person wrote it; "" for the whole row or file
    message: str
    code: str = ""


@dataclass(eq=False)
class NewOrganisation:
    """An owner or partner that does not exist yet and that the import will add."""

    name: str
    kvk_number: str
    type: str
    similar: str = ""  # the name of a known organisation that looks the same
    rows: list[int] = field(default_factory=list)

    @property
    def ident(self) -> str:
        return f"kvk:{self.kvk_number}" if self.kvk_number else f"naam:{fold(self.name)}"


OrganisationRef = Organisation | NewOrganisation


@dataclass
class RowPlan:
    """What importing a valid row writes."""

    existing_id: int | None
    owner: OrganisationRef
    partners: list[OrganisationRef]
    values: dict[str, Any]  # the other fields of InitiativeData


@dataclass
class RowReport:
    number: int
    title: str = ""
    owner: str = ""
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    action: str = INVALID
    changed: list[str] = field(default_factory=list)  # column labels of changed fields
    import_key: str = ""
    duplicate_of: int | None = None
    plan: RowPlan | None = None

    def error(self, column: str, message: str, code: str = "invalid") -> None:
        self.errors.append(Issue(column, message, code))

    def warn(self, column: str, message: str, code: str = "") -> None:
        self.warnings.append(Issue(column, message, code))


@dataclass
class ImportReport:
    region: Region
    filename: str
    format: str = ""
    sheet_name: str = ""
    encoding: str = ""
    delimiter: str = ""
    columns: list[Column] = field(default_factory=list)
    file_errors: list[Issue] = field(default_factory=list)
    file_warnings: list[Issue] = field(default_factory=list)
    rows: list[RowReport] = field(default_factory=list)
    new_organisations: list[NewOrganisation] = field(default_factory=list)

    @property
    def delimiter_name(self) -> str:
        names = {";": _("semicolon"), ",": _("comma"), "\t": _("tab")}
        return str(names.get(self.delimiter, self.delimiter))

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {a: self.count(a) for a in (NEW, UPDATE, UNCHANGED, INVALID, DUPLICATE, SKIPPED)}

    @property
    def is_valid(self) -> bool:
        """Nothing stands in the way of importing the whole file."""
        return not self.file_errors and not any(r.action == INVALID for r in self.rows)

    @property
    def has_changes(self) -> bool:
        return not self.file_errors and any(r.action in (NEW, UPDATE) for r in self.rows)

    @property
    def problem_rows(self) -> list[RowReport]:
        return [r for r in self.rows if r.errors or r.warnings]

    @property
    def error_count(self) -> int:
        return len(self.file_errors) + sum(len(r.errors) for r in self.rows)


def ref_key(ref: OrganisationRef) -> Any:
    """What identifies an organisation a row refers to, existing or still to be added."""
    return ref.pk if isinstance(ref, Organisation) else ("new", ref.ident)
