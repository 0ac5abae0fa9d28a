"""Reading an uploaded inventory file into rows of cell values. The type is decided by the
content, never by the file name: an Excel workbook (.xlsx, a zip with xl/workbook.xml) or a
CSV text in UTF-8 (with or without BOM), UTF-16 or Windows-1252, separated by semicolons,
commas or tabs. Formulas are read as text and never evaluated."""

from __future__ import annotations

import csv
import io
import itertools
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from .import_columns import HEADER_SEARCH_ROWS, Header, find_header

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_ROWS = 50_000
# A workbook is a zip; one that unpacks to far more than any inventory needs is refused
# before it is read (a "zip bomb").
DEFAULT_MAX_UNPACKED_BYTES = 500 * 1024 * 1024

XLSX = "xlsx"
CSV = "csv"


def max_bytes() -> int:
    return int(getattr(settings, "INVENTORY_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


def max_rows() -> int:
    return int(getattr(settings, "INVENTORY_IMPORT_MAX_ROWS", DEFAULT_MAX_ROWS))


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}" if size >= 1024 * 1024 else f"{size / (1024 * 1024):.2f}"


class ImportFileError(Exception):
    """The file as a whole cannot be imported; ``message`` says why, for the person."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class Formula:
    """A cell holding a formula, kept as its text and never evaluated."""

    text: str


@dataclass(frozen=True)
class ErrorValue:
    """A cell holding an Excel error such as #N/A or #REF!."""

    text: str


@dataclass
class Table:
    format: str
    header: Header
    rows: list[tuple[int, list[Any]]]  # (row number as the spreadsheet shows it, cells)
    sheet_name: str = ""
    encoding: str = ""
    delimiter: str = ""  # of a CSV file: ";", "," or a tab
    notes: list[str] = field(default_factory=list)  # warnings about the file as a whole


def file_size_problem(size: int) -> ImportFileError | None:
    """The problem with a file of ``size`` bytes before it is read, if any."""
    if size == 0:
        return ImportFileError(_("The file is empty (0 bytes)."), "empty_file")
    limit = max_bytes()
    if size > limit:
        return ImportFileError(
            _("The file is %(size)s MB; files up to %(max)s MB can be imported.")
            % {"size": megabytes(size), "max": megabytes(limit)},
            "too_large",
        )
    return None


def read_source(source: bytes | str | Path) -> bytes:
    """The bytes of ``source``: bytes as they are, or a path, whose size is checked before
    it is read."""
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
    else:
        path = Path(source)
        try:
            size = path.stat().st_size
        except OSError as error:
            raise ImportFileError(
                _("The file %(name)s cannot be opened.") % {"name": path.name}, "unreadable"
            ) from error
        if problem := file_size_problem(size):
            raise problem
        data = path.read_bytes()
    if problem := file_size_problem(len(data)):
        raise problem
    return data


_BINARY_KINDS = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"Rar!", "RAR"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf", "7-Zip"),
)


def _not_a_spreadsheet(kind: str = "") -> ImportFileError:
    if kind:
        message = _(
            "This is a %(kind)s file, not a spreadsheet. Upload an Excel workbook (.xlsx) or "
            "a CSV file."
        ) % {"kind": kind}
    else:
        message = _(
            "This file is not a spreadsheet. Upload an Excel workbook (.xlsx) or a CSV file."
        )
    return ImportFileError(message, "not_spreadsheet")


def sniff(data: bytes, *, filename: str = "") -> str:
    """The kind of file by its content: XLSX or CSV. Raises ``ImportFileError`` for an
    empty or oversized file and for anything that is not a spreadsheet. Cheap: only the
    start of the file and, for a zip, its table of contents are read."""
    if problem := file_size_problem(len(data)):
        raise problem
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        _check_zip(data)
        return XLSX
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            _(
                "This is an old Excel file (.xls) or a workbook protected with a password. "
                "Save it in Excel as .xlsx (without password) or as CSV and upload it again."
            ),
            "old_excel",
        )
    for magic, kind in _BINARY_KINDS:
        if data.startswith(magic):
            raise _not_a_spreadsheet(kind)
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _not_a_spreadsheet()
    if filename.lower().endswith((".xlsx", ".xlsm", ".xls")):
        raise ImportFileError(
            _(
                "%(name)s is not an Excel workbook, although its name says so. Save it again "
                "from Excel as .xlsx or CSV."
            )
            % {"name": filename},
            "not_spreadsheet",
        )
    return CSV


def read_table(source: bytes | str | Path, *, filename: str = "") -> Table:
    """Read the rows of an inventory file and find its header. Raises ``ImportFileError``
    with a message for the person when the file cannot be used."""
    data = read_source(source)
    if sniff(data, filename=filename) == XLSX:
        return _read_xlsx(data)
    text, encoding = _decode(data)
    return _read_csv(text, encoding)


# --- CSV -----------------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return _text_or_refuse(data.decode("utf-8-sig", errors="replace")), "UTF-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _text_or_refuse(data.decode("utf-16", errors="replace")), "UTF-16"
    if b"\x00" in data[:8192]:
        raise _not_a_spreadsheet()
    try:
        return _text_or_refuse(data.decode("utf-8")), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return _text_or_refuse(data.decode("cp1252")), "Windows-1252"
    except UnicodeDecodeError:
        return _text_or_refuse(data.decode("latin-1")), "ISO-8859-1"


def _text_or_refuse(text: str) -> str:
    sample = text[:20000]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    if "\x00" in sample or control > max(2, len(sample) // 100):
        raise _not_a_spreadsheet()
    if not text.strip(" \t\r\n;,\ufeff"):
        raise ImportFileError(_("The file contains no data."), "empty_file")
    return text


def _csv_rows(text: str, delimiter: str) -> Iterator[list[str]]:
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _read_csv(text: str, encoding: str) -> Table:
    # The separator is the one under which a header row is recognised best; semicolons
    # (Dutch Excel) win a tie.
    best: tuple[int, str, Header | None] = (-1, ";", None)
    for delimiter in (";", ",", "\t"):
        try:
            top = list(itertools.islice(_csv_rows(text, delimiter), HEADER_SEARCH_ROWS))
        except csv.Error:
            continue
        header = find_header(top)
        score = len(header.fields) if header else 0
        if score > best[0]:
            best = (score, delimiter, header)
    _score, delimiter, header = best
    if header is None:
        raise _no_header()
    rows: list[tuple[int, list[Any]]] = []
    limit = max_rows()
    try:
        for number, row in enumerate(_csv_rows(text, delimiter), start=1):
            if number <= header.row_index + 1:
                continue
            if not any(cell.strip() for cell in row):
                continue
            if len(rows) >= limit:
                raise _too_many_rows(limit)
            rows.append((number, row))
    except csv.Error as error:
        raise ImportFileError(
            _("The CSV file cannot be read: %(reason)s.") % {"reason": error}, "bad_csv"
        ) from error
    return Table(format=CSV, header=header, rows=rows, encoding=encoding, delimiter=delimiter)


def _no_header() -> ImportFileError:
    return ImportFileError(
        _(
            "No column headers found: none of the first %(n)s rows has headers such as Titel "
            "and Eigenaar. Start from the sample file."
        )
        % {"n": HEADER_SEARCH_ROWS},
        "no_header",
    )


def _too_many_rows(limit: int) -> ImportFileError:
    return ImportFileError(
        _("The file has more than %(max)s rows; split it into smaller files.") % {"max": limit},
        "too_many_rows",
    )


# --- Excel ---------------------------------------------------------------------------------


def _check_zip(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        unpacked = sum(info.file_size for info in archive.infolist())
        mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        raise ImportFileError(
            _("The file is damaged or not a complete Excel workbook."), "damaged"
        ) from error
    if b"opendocument.spreadsheet" in mimetype:
        raise ImportFileError(
            _(
                "This is an OpenDocument spreadsheet (.ods). Save it as Excel workbook (.xlsx) "
                "or as CSV and upload it again."
            ),
            "ods",
        )
    if "xl/workbook.xml" not in names:
        if "word/document.xml" in names:
            raise _not_a_spreadsheet("Word")
        if "ppt/presentation.xml" in names:
            raise _not_a_spreadsheet("PowerPoint")
        raise _not_a_spreadsheet("zip")
    limit = int(getattr(settings, "INVENTORY_IMPORT_MAX_UNPACKED_BYTES", 0)) or (
        DEFAULT_MAX_UNPACKED_BYTES
    )
    if unpacked > limit:
        raise ImportFileError(
            _("The workbook unpacks to more than %(max)s MB; split it into smaller files.")
            % {"max": megabytes(limit)},
            "too_large",
        )


# What a cell holding an Excel error shows.
_EXCEL_ERRORS = {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!"}


def _cell_value(value: Any) -> Any:
    """Formulas are read as their text (the workbook is opened with ``data_only=False``) and
    kept apart, never evaluated; so are Excel's error values."""
    if isinstance(value, str):
        if value.startswith("="):
            return Formula(value)
        if value in _EXCEL_ERRORS:
            return ErrorValue(value)
        return value
    if hasattr(value, "text"):  # an array or data-table formula
        return Formula(str(value.text or ""))
    return value


def _sheet_rows(sheet: Any, limit: int | None = None) -> Iterator[list[Any]]:
    for index, row in enumerate(sheet.iter_rows(values_only=True)):
        if limit is not None and index >= limit:
            return
        yield [_cell_value(value) for value in row]


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it does not read (data validation, styles).
            warnings.simplefilter("ignore")
            workbook = load_workbook(
                io.BytesIO(data), read_only=True, data_only=False, keep_links=False
            )
    except Exception as error:  # openpyxl raises many kinds on damaged files
        raise ImportFileError(
            _("The Excel workbook cannot be read; it may be damaged."), "damaged"
        ) from error
    try:
        return _read_workbook(workbook)
    except ImportFileError:
        raise
    except Exception as error:
        raise ImportFileError(
            _("The Excel workbook cannot be read; it may be damaged."), "damaged"
        ) from error
    finally:
        workbook.close()


def _read_workbook(workbook: Any) -> Table:
    sheets = [s for s in workbook.worksheets if hasattr(s, "iter_rows")]
    found: list[tuple[Any, Header]] = []
    any_data = False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for sheet in sheets:
            # Some programs write a wrong size into the file; read the real rows instead.
            sheet.reset_dimensions()
            top = list(_sheet_rows(sheet, HEADER_SEARCH_ROWS))
            any_data = any_data or any(v not in (None, "") for row in top for v in row)
            header = find_header(top)
            if header and header.fields & {"title", "owner"}:
                found.append((sheet, header))
        if not found:
            if not any_data:
                raise ImportFileError(_("The workbook contains no data."), "empty_file")
            raise _no_header()
        sheet, header = found[0]
        notes = []
        if len(found) > 1:
            notes.append(
                _("The workbook has several sheets with an inventory; only “%(sheet)s” was read.")
                % {"sheet": sheet.title}
            )
        rows: list[tuple[int, list[Any]]] = []
        limit = max_rows()
        for number, values in enumerate(_sheet_rows(sheet), start=1):
            if number <= header.row_index + 1:
                continue
            if any(v is not None and v != "" for v in values):
                if len(rows) >= limit:
                    raise _too_many_rows(limit)
                rows.append((number, values))
    return Table(format=XLSX, header=header, rows=rows, sheet_name=sheet.title, notes=notes)


# --- Other spreadsheets ----------------------------------------------------------------------


@dataclass
class Sheet:
    """The rows of a spreadsheet of another kind than the inventory (a survey, a list), read
    as safely as the inventory: type by content, size and row limits, formulas never run."""

    format: str
    header_index: int  # 0-based position of the header row among the rows
    header_row: list[Any]
    found: Any  # what ``find_header`` made of the header row
    rows: list[tuple[int, list[Any]]]
    encoding: str = ""
    sheet_name: str = ""


def read_sheet(
    source: bytes | str | Path,
    *,
    find_header: Any,
    no_header: ImportFileError,
    filename: str = "",
) -> Sheet:
    """Read a spreadsheet whose header ``find_header(row)`` recognises: it returns what it
    found in a row of cells, or None. The first of the top ``HEADER_SEARCH_ROWS`` rows it
    recognises is the header; for a CSV file the separator under which a header is found
    wins. Raises ``ImportFileError`` (``no_header`` when no header is found)."""
    data = read_source(source)
    if sniff(data, filename=filename) == XLSX:
        return _sheet_from_xlsx(data, find_header, no_header)
    text, encoding = _decode(data)
    for delimiter in (";", ",", "\t"):
        try:
            top = list(itertools.islice(_csv_rows(text, delimiter), HEADER_SEARCH_ROWS))
        except csv.Error:
            continue
        for index, row in enumerate(top):
            found = find_header(row)
            if found is not None:
                numbered = (
                    (n, [Formula(c) if c.startswith("=") else c for c in cells])
                    for n, cells in enumerate(_csv_rows(text, delimiter), start=1)
                )
                try:
                    rows = _data_rows(numbered, index)
                except csv.Error as error:
                    raise ImportFileError(
                        _("The CSV file cannot be read: %(reason)s.") % {"reason": error},
                        "bad_csv",
                    ) from error
                return Sheet(CSV, index, row, found, rows, encoding=encoding)
    raise no_header


def _data_rows(numbered: Any, header_index: int) -> list[tuple[int, list[Any]]]:
    rows: list[tuple[int, list[Any]]] = []
    limit = max_rows()
    for number, cells in numbered:
        if number <= header_index + 1:
            continue
        if not any(c is not None and str(c).strip() for c in cells):
            continue
        if len(rows) >= limit:
            raise _too_many_rows(limit)
        rows.append((number, cells))
    return rows


def _sheet_from_xlsx(data: bytes, find_header: Any, no_header: ImportFileError) -> Sheet:
    from openpyxl import load_workbook

    damaged = ImportFileError(_("The Excel workbook cannot be read; it may be damaged."), "damaged")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(
                io.BytesIO(data), read_only=True, data_only=False, keep_links=False
            )
    except Exception as error:  # openpyxl raises many kinds on damaged files
        raise damaged from error
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for sheet in workbook.worksheets:
                if not hasattr(sheet, "iter_rows"):
                    continue
                sheet.reset_dimensions()
                top = list(_sheet_rows(sheet, HEADER_SEARCH_ROWS))
                for index, row in enumerate(top):
                    found = find_header(row)
                    if found is not None:
                        rows = _data_rows(enumerate(_sheet_rows(sheet), start=1), index)
                        return Sheet(XLSX, index, row, found, rows, sheet_name=sheet.title)
    except ImportFileError:
        raise
    except Exception as error:
        raise damaged from error
    finally:
        workbook.close()
    raise no_header
