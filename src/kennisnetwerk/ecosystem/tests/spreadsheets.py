"""Building spreadsheets for the import tests in memory."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook


def xlsx(
    rows: Iterable[Sequence[Any]],
    *,
    merges: Sequence[str] = (),
    title: str = "Aanbod",
    extra_sheets: dict[str, list[list[Any]]] | None = None,
) -> bytes:
    """A workbook written the way Excel does (not write-only), so that merged cells and
    formulas are stored as in a real file."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for cells in merges:
        sheet.merge_cells(cells)
    for name, sheet_rows in (extra_sheets or {}).items():
        other = workbook.create_sheet(name)
        for row in sheet_rows:
            other.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(
    rows: Iterable[Sequence[Any]], *, delimiter: str = ";", encoding: str = "utf-8"
) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue().encode(encoding)


HEADER = ["Titel", "Soort", "Eigenaar", "KVK-nummer eigenaar", "Werkgebied", "Budget"]
