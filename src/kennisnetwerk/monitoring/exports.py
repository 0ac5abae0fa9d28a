"""Downloads of the dashboards' tables: CSV (semicolons, UTF-8 with BOM, as Dutch Excel
expects) and Excel workbooks. Cells that could run as a formula are escaped."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from kennisnetwerk.core.exports import csv_response, safe_cell

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _plain(value: Any) -> Any:
    return "" if value is None else value


def table_csv(filename: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> HttpResponse:
    return csv_response(f"{filename}.csv", header, ([_plain(v) for v in row] for row in rows))


def table_xlsx(
    filename: str, title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]
) -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Tabel"
    sheet.append([safe_cell(str(h)) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(_plain(v)) for v in row])
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
