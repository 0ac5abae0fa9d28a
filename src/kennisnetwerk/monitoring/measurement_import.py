"""Importing measurements of one indicator from a spreadsheet (.xlsx, or .csv): a period and
a value per row, optionally the unit and a note. The file is read with the atlas import's safe
readers (type by content, size and row limits, formulas never run); every row is checked
first with the reason for each problem, and the measurements are saved in one transaction —
all or nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kennisnetwerk.ecosystem.import_files import ErrorValue, Formula, ImportFileError, read_sheet
from kennisnetwerk.ecosystem.import_values import fold

from .constants import Source
from .models import Indicator
from .services import measurement_check, measurement_record

COLUMNS: dict[str, tuple[str, ...]] = {
    "period": ("periode", "period", "jaar", "kwartaal", "maand", "year", "quarter", "month"),
    "value": ("waarde", "value", "meting", "aantal", "realisatie", "score"),
    "unit": ("eenheid", "unit"),
    "note": ("toelichting", "opmerking", "notitie", "note", "bron"),
}
_BY_HEADER = {header: name for name, headers in COLUMNS.items() for header in headers}

NEW = "new"
UPDATE = "update"
UNCHANGED = "unchanged"


@dataclass
class RowReport:
    number: int
    period: str = ""
    value: Decimal | None = None
    unit: str = ""
    note: str = ""
    outcome: str = ""  # NEW, UPDATE or UNCHANGED for a valid row
    errors: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    format: str = ""
    file_errors: list[str] = field(default_factory=list)
    rows: list[RowReport] = field(default_factory=list)
    saved: int = 0

    @property
    def is_valid(self) -> bool:
        return not self.file_errors and bool(self.rows) and not any(r.errors for r in self.rows)

    @property
    def error_rows(self) -> list[RowReport]:
        return [r for r in self.rows if r.errors]


def _find_header(row: list[Any]) -> dict[str, Any] | None:
    known: dict[str, int] = {}
    unknown: list[str] = []
    for index, cell in enumerate(row):
        if not isinstance(cell, str) or not cell.strip():
            continue
        name = _BY_HEADER.get(fold(cell))
        if name is None:
            unknown.append(cell.strip())
        elif name not in known:
            known[name] = index
    if "period" not in known or "value" not in known:
        return None
    return {"known": known, "unknown": unknown}


def _cell(cells: list[Any], index: int | None) -> Any:
    if index is None or index >= len(cells):
        return None
    return cells[index]


def _text(value: Any) -> str:
    """A cell as text: a whole number typed as 2025 in Excel reads as "2025", a date cell as
    its month ("2026-03")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year}-{value.month:02d}"
    return str(value).strip()


def measurements_validate(*, indicator: Indicator, source: bytes, filename: str) -> ImportReport:
    """Check a file of measurements completely; nothing is saved."""
    report = ImportReport()
    if indicator.source in (Source.COMPUTED, Source.REACH):
        report.file_errors.append(
            _(
                "The figures of this indicator are computed by the platform; they cannot be "
                "entered or imported."
            )
        )
        return report
    no_header = ImportFileError(
        _(
            "No column headers found. The first rows must name at least the columns Periode "
            "and Waarde (optionally Eenheid and Toelichting)."
        ),
        "no_header",
    )
    try:
        sheet = read_sheet(source, find_header=_find_header, no_header=no_header, filename=filename)
    except ImportFileError as error:
        report.file_errors.append(error.message)
        return report
    report.format = sheet.format
    columns: dict[str, int] = sheet.found["known"]
    headers = {name: str(sheet.header_row[index]).strip() for name, index in columns.items()}
    if sheet.found["unknown"]:
        report.file_errors.append(
            _(
                "Unknown columns: %(unknown)s. Use Periode, Waarde, Eenheid and Toelichting, "
                "or remove the other columns."
            )
            % {"unknown": ", ".join(f"“{h}”" for h in sheet.found["unknown"])[:500]}
        )
    if not sheet.rows:
        report.file_errors.append(_("The file has column headers but no rows with figures."))
        return report
    existing = {m.period: m.value for m in indicator.measurements.all()}
    seen: dict[str, int] = {}
    for number, cells in sheet.rows:
        row = RowReport(number=number)
        raw = {name: _cell(cells, columns.get(name)) for name in COLUMNS}
        for name, value in raw.items():
            if isinstance(value, Formula | ErrorValue):
                row.errors.append(
                    _("The cell %(column)s holds a formula or error (%(text)s); enter the value.")
                    % {"column": headers.get(name, name), "text": value.text[:40]}
                )
                raw[name] = None
        row.period, row.unit, row.note = (
            _text(raw["period"]),
            _text(raw["unit"]),
            _text(raw["note"])[:250],
        )
        value = raw["value"]
        if value is None or _text(value) == "":
            row.errors.append(_("The value is missing."))
        else:
            try:
                row.period, row.value = measurement_check(
                    indicator=indicator,
                    period=row.period,
                    value=value,
                    unit=row.unit,
                )
            except ValidationError as error:
                row.errors.extend(m for messages in error.message_dict.values() for m in messages)
        if not row.errors:
            if row.period in seen:
                row.errors.append(
                    _("The period %(period)s is also in row %(row)s.")
                    % {"period": row.period, "row": seen[row.period]}
                )
            seen.setdefault(row.period, number)
        if not row.errors:
            if row.period not in existing:
                row.outcome = NEW
            elif existing[row.period] == row.value:
                row.outcome = UNCHANGED
            else:
                row.outcome = UPDATE
        report.rows.append(row)
    return report


def measurements_import(
    *, indicator: Indicator, source: bytes, filename: str, actor: Any
) -> ImportReport:
    """Save every measurement of the file for ``indicator`` (source: import), or — when the
    file or any row has an error — nothing at all."""
    report = measurements_validate(indicator=indicator, source=source, filename=filename)
    if not report.is_valid:
        return report
    with transaction.atomic():
        for row in report.rows:
            if row.outcome == UNCHANGED:
                continue
            measurement_record(
                indicator=indicator,
                period=row.period,
                value=row.value,
                actor=actor,
                source=Source.IMPORT,
                note=row.note
                or _("Imported from %(file)s, row %(row)s")
                % {"file": filename[:150], "row": row.number},
            )
            report.saved += 1
    return report
