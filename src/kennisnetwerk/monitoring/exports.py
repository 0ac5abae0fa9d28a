"""Downloads of the dashboards' tables as CSV and Excel, through the platform's one CSV and
.xlsx writer (``core.exports``): Dutch decimal commas, real dates, escaped text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.http import HttpResponse

from kennisnetwerk.core.exports import SheetTable, csv_response, xlsx_response


def table_csv(filename: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> HttpResponse:
    return csv_response(f"{filename}.csv", header, rows)


def table_xlsx(
    filename: str, title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]
) -> HttpResponse:
    return xlsx_response(f"{filename}.xlsx", SheetTable(title=title, header=header, rows=rows))
