"""Validating an inventory spreadsheet before anything is saved: a report per row and column
with the reason, and for each valid row what importing it would do (new, update, unchanged).
Reads only; ``services_import`` writes.

A row is known by a stable import key: a hash of the region, the owner organisation (its KVK
number, or else its name) and the title. Importing the same file again therefore finds the
same initiatives and changes nothing."""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext as _

from kennisnetwerk.geo.models import Region

from .import_columns import FIELDS, LIST_FIELDS, REQUIRED, Column, field_label
from .import_files import ImportFileError, Table, read_table
from .import_lookups import Inventory, Lookups
from .import_report import (
    DUPLICATE,
    INVALID,
    NEW,
    SKIPPED,
    UNCHANGED,
    UPDATE,
    ImportReport,
    Issue,
    NewOrganisation,
    RowPlan,
    RowReport,
    ref_key,
)
from .import_rows import RowValidator

__all__ = [
    "DUPLICATE",
    "INVALID",
    "NEW",
    "SKIPPED",
    "UNCHANGED",
    "UPDATE",
    "ImportReport",
    "Issue",
    "NewOrganisation",
    "RowPlan",
    "RowReport",
    "inventory_validate",
]


def _file_issues(report: ImportReport, table: Table) -> None:
    fields_seen: dict[str, Column] = {}
    for column in table.header.columns:
        if column.field is None:
            if column.header:
                report.file_warnings.append(
                    Issue(
                        column.label,
                        _("Column %(column)s (%(letter)s) is not recognised and not imported.")
                        % {"column": column.header, "letter": column.letter},
                        "unknown_column",
                    )
                )
            continue
        first = fields_seen.setdefault(column.field, column)
        if first is not column and column.field not in LIST_FIELDS:
            report.file_warnings.append(
                Issue(
                    column.label,
                    _("Column %(column)s means the same as %(first)s and is not used.")
                    % {"column": column.label, "first": first.label},
                    "duplicate_column",
                )
            )
    for name in REQUIRED:
        # A KVK number alone also identifies the owner.
        if name not in fields_seen and not (name == "owner" and "owner_kvk" in fields_seen):
            report.file_errors.append(
                Issue(
                    field_label(name),
                    _("The column %(column)s is missing. Headers such as %(examples)s are read.")
                    % {
                        "column": field_label(name),
                        "examples": ", ".join(s.capitalize() for s in FIELDS[name][1][:4]),
                    },
                    "missing_column",
                )
            )
    for note in table.notes:
        report.file_warnings.append(Issue("", note, "sheet"))
    # Values under a column without a header are not imported; say so once.
    unnamed = {c.index: c for c in table.header.columns if not c.header}
    width = len(table.header.columns)
    used_unnamed = {
        index
        for _number, cells in table.rows
        for index in range(len(cells))
        if (index in unnamed or index >= width) and cells[index] not in (None, "")
    }
    for index in sorted(used_unnamed):
        column = unnamed.get(index) or Column(index, "", None)
        report.file_warnings.append(
            Issue(
                column.letter,
                _("Column %(letter)s has no header; its values are not imported.")
                % {"letter": column.letter},
                "unnamed_column",
            )
        )


def inventory_validate(
    *,
    source: bytes | str | Path,
    filename: str,
    region: Region,
    may_create_organisations: bool = True,
) -> ImportReport:
    """Read and check an inventory file for ``region`` without saving anything: every problem
    per row and column, and what importing each valid row would do."""
    report = ImportReport(region=region, filename=filename)
    try:
        table = read_table(source, filename=filename)
    except ImportFileError as error:
        report.file_errors.append(Issue("", error.message, error.code))
        return report
    report.format, report.sheet_name = table.format, table.sheet_name
    report.encoding, report.delimiter = table.encoding, table.delimiter
    report.columns = table.header.columns
    _file_issues(report, table)
    if report.file_errors:
        return report
    validator = RowValidator(
        report=report,
        table=table,
        lookups=Lookups(region),
        inventory=Inventory(region),
        may_create_organisations=may_create_organisations,
    )
    for number, cells in table.rows:
        row = validator.validate(number, cells)
        if row is None:
            continue
        report.rows.append(row)
        _mark_duplicate(validator.seen, row)
    if not report.rows:
        report.file_errors.append(
            Issue("", _("The file has column headers but no rows with data."), "no_rows")
        )
    return report


def _mark_duplicate(seen: dict[str, RowReport], row: RowReport) -> None:
    """A second row for the same initiative (same owner and title) is not imported twice:
    skipped when it says the same, an error when it says something else."""
    if not row.import_key:
        return
    first = seen.get(row.import_key)
    if first is None:
        seen[row.import_key] = row
        return
    row.duplicate_of = first.number
    same = (
        first.plan is not None
        and row.plan is not None
        and first.plan.values == row.plan.values
        and [ref_key(p) for p in first.plan.partners] == [ref_key(p) for p in row.plan.partners]
    )
    if same and not row.errors:
        row.action = DUPLICATE
        row.plan = None
        row.warn(
            "",
            _("Same initiative as row %(row)s (same title and owner); it is imported once.")
            % {"row": first.number},
            "duplicate",
        )
    else:
        row.action = INVALID
        row.plan = None
        row.error(
            "",
            _(
                "Row %(row)s has the same title and owner but other values; keep one of the two "
                "rows."
            )
            % {"row": first.number},
            "duplicate",
        )
