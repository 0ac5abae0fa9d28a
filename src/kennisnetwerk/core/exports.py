"""Every CSV and .xlsx download of the platform is written here, so that Dutch Excel (and
LibreOffice in a Dutch locale) opens it as it is:

- CSV: UTF-8 with a byte-order mark, semicolons between fields, a decimal comma (1234,5) and
  dates as 7-12-2026; these are what Excel with Dutch regional settings expects when the
  file is opened with a double click.
- .xlsx (``xlsx_bytes``/``xlsx_response``): dates and moments as real date cells (in the
  site's time zone), numbers as numbers with a number format that Excel shows the Dutch way
  (15.000,00; amounts with a euro sign), a bold header row that is frozen, repeated on every
  printed page and has an auto-filter, and column widths that fit the contents.
- Every text cell goes through ``safe_cell`` (CSV/Excel formula injection)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisnetwerk.core.formatting import format_number

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# The characters a spreadsheet starts a formula with, and their full-width forms (U+FF1D,
# U+FF0B, U+FF0D, U+FF20), which Excel and LibreOffice also accept.
_FORMULA_START = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")


def safe_cell(value: Any) -> Any:
    """A text that starts with = + - @ — also after leading white space (spaces, tabs, line
    breaks, non-breaking spaces) and in their full-width forms ＝ ＋ － ＠ — is prefixed with
    an apostrophe, so that a spreadsheet shows it as text instead of running it (CSV/Excel
    injection). Every CSV and .xlsx export writes its cells through this function."""
    if not isinstance(value, str) or not value:
        return value
    if value[0] in "\t\r\n":
        return "'" + value
    stripped = value.lstrip()
    if stripped and stripped[0] in _FORMULA_START:
        return "'" + value
    return value


def _local(value: dt.datetime) -> dt.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def csv_value(value: Any) -> Any:
    """A value as Dutch Excel reads it from a CSV file: 1234,5 · 7-12-2026 · 7-12-2026 14:30 ·
    ja/nee; text escaped against formula injection."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.datetime):
        local = _local(value)
        return f"{local.day}-{local.month}-{local.year} {local.hour:02d}:{local.minute:02d}"
    if isinstance(value, dt.date):
        return f"{value.day}-{value.month}-{value.year}"
    if isinstance(value, Decimal):
        # As stored (an amount keeps its cents), with no thousands separator: Excel would
        # read 1.234 as a date or as text.
        return f"{value:f}".replace(".", ",")
    if isinstance(value, float):
        return format_number(value, grouping=False).replace(".", ",")
    if isinstance(value, int):
        return value
    return safe_cell(str(value))


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    """A CSV download in UTF-8 with BOM, semicolons and decimal commas, as Dutch Excel
    expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([csv_value(h) for h in header])
    for row in rows:
        writer.writerow([csv_value(v) for v in row])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# Number formats are stored in Excel's own notation (, groups, . decimals); Excel and
# LibreOffice show them with the reader's separators: 15.000,00 in Dutch.
DATE_FORMAT = "d-m-yyyy"
DATETIME_FORMAT = "d-m-yyyy hh:mm"
MONEY_FORMAT = "[$€-413] #,##0.00;[$€-413] -#,##0.00"
MIN_WIDTH, MAX_WIDTH = 8, 60


@dataclass
class SheetTable:
    """One sheet of a workbook: a header row and rows below it, optionally with a few lines
    above the table (a title, a date); ``money`` names the columns (0-based) that hold
    amounts in euro."""

    title: str
    header: Sequence[Any]
    rows: Iterable[Sequence[Any]]
    intro: Sequence[Sequence[Any]] = ()
    money: Collection[int] = field(default_factory=tuple)


def _number_format(value: Decimal | float | int) -> str:
    if isinstance(value, int):
        return "#,##0"
    exponent = Decimal(str(value)).normalize().as_tuple().exponent
    decimals = min(-exponent, 4) if isinstance(exponent, int) and exponent < 0 else 0
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _xlsx_value(value: Any, money: bool) -> tuple[Any, str | None, int]:
    """(cell value, number format, width in characters)."""
    if value is None or value == "":
        return None, None, 0
    if isinstance(value, bool):
        text = _("yes") if value else _("no")
        return text, None, len(text)
    if isinstance(value, dt.datetime):
        # Excel has no time zones: the moment as the site's clock showed it.
        return _local(value).replace(tzinfo=None), DATETIME_FORMAT, 16
    if isinstance(value, dt.date):
        return value, DATE_FORMAT, 10
    if isinstance(value, Decimal | float | int):
        if money:
            return value, MONEY_FORMAT, len(format_number(value, 2)) + 2
        return value, _number_format(value), len(format_number(value))
    text = safe_cell(str(value))
    return text, None, max((len(line) for line in text.splitlines()), default=0)


def _sheet_title(title: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", " ", str(title))[:31].strip() or "Tabel"


def _write_sheet(workbook: Any, table: SheetTable) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(_sheet_title(table.title))
    bold = Font(bold=True)
    wrapped = Alignment(wrap_text=True, vertical="top")
    header = [safe_cell(str(h)) for h in table.header]
    widths = [len(h) + 3 for h in header]  # room for the filter button
    rows = []
    for row in table.rows:
        cells = []
        for index, value in enumerate(row):
            converted, number_format, width = _xlsx_value(value, index in table.money)
            cells.append((converted, number_format, width > MAX_WIDTH))
            if index >= len(widths):
                widths.append(0)
            widths[index] = max(widths[index], width + 1)
        rows.append(cells)

    header_row = len(table.intro) + (2 if table.intro else 1)
    last_row = header_row + len(rows)
    columns = max(len(widths), 1)
    for index, width in enumerate(widths, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(MIN_WIDTH, min(MAX_WIDTH, width))
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(columns)}{last_row}"
    sheet.print_title_rows = f"{header_row}:{header_row}"

    for number, line in enumerate(table.intro):
        cells = []
        for value in line:
            converted, number_format, _width = _xlsx_value(value, False)
            cell = WriteOnlyCell(sheet, value=converted)
            if number_format:
                cell.number_format = number_format
            if number == 0:
                cell.font = bold
            cells.append(cell)
        sheet.append(cells)
    if table.intro:
        sheet.append([])
    heading = []
    for value in header:
        cell = WriteOnlyCell(sheet, value=value)
        cell.font = bold
        heading.append(cell)
    sheet.append(heading)
    for cells in rows:
        line = []
        for value, number_format, long_text in cells:
            cell = WriteOnlyCell(sheet, value=value)
            if number_format:
                cell.number_format = number_format
            if long_text:
                cell.alignment = wrapped
            line.append(cell)
        sheet.append(line)


def xlsx_bytes(*tables: SheetTable) -> bytes:
    """A workbook with one sheet per table (see the module's description)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for table in tables:
        _write_sheet(workbook, table)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(filename: str, *tables: SheetTable) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(*tables), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
