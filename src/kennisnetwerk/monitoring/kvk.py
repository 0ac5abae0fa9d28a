"""Reading KVK numbers from a party's own .csv or .xlsx file, line by line, on the party's own
machine (used by ``kennisnetwerk-sketch``; no database, no platform settings).

A KVK number has 8 digits. Spaces, dots and hyphens inside a number are dropped; a number of 7
digits has lost its leading zero (a spreadsheet stored it as a number) and gets it back, which
is reported. Everything else that is not 8 digits is refused and reported with its line: letters,
9 or more digits, fewer than 7. Blank lines are reported and skipped; a number that occurs again
is counted once. Formulas in a workbook are never evaluated (they are text with letters)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

KVK_LENGTH = 8
_SEPARATORS = re.compile(r"[\s.\-]")
_HEADER_HINT = re.compile(r"kvk|kamer|handelsregister|nummer|number", re.IGNORECASE)


class KvkFileError(ValueError):
    """The file as a whole cannot be read (not a .csv or .xlsx, no column of KVK numbers)."""


@dataclass(frozen=True)
class LineProblem:
    line: int
    value: str
    reason: str
    accepted: bool = False  # a notice about a number that was used (e.g. a zero restored)


@dataclass
class KvkReading:
    numbers: list[str] = field(default_factory=list)  # valid, normalised, each once
    problems: list[LineProblem] = field(default_factory=list)
    lines: int = 0
    blank: int = 0
    duplicates: int = 0
    column: str = ""

    @property
    def refused(self) -> list[LineProblem]:
        return [p for p in self.problems if not p.accepted]


def normalise_kvk(value: object) -> tuple[str | None, str, bool]:
    """``(number, reason, notice)``: the 8-digit number or None with the reason it is refused;
    ``notice`` when the number was accepted after a correction worth reporting."""
    if isinstance(value, bool):
        return None, _("not a KVK number"), False
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        if not value.is_integer():
            return None, _("not a whole number"), False
        text = str(int(value))
    else:
        text = _SEPARATORS.sub("", str(value or ""))
    if not text:
        return None, _("empty"), False
    if not text.isdigit() or not text.isascii():
        return None, _("contains letters or other characters than digits"), False
    if len(text) > KVK_LENGTH:
        return None, _("%(n)d digits; a KVK number has 8") % {"n": len(text)}, False
    if len(text) == KVK_LENGTH - 1:
        return "0" + text, _("7 digits: leading zero restored"), True
    if len(text) < KVK_LENGTH:
        return None, _("%(n)d digits; a KVK number has 8") % {"n": len(text)}, False
    if text == "0" * KVK_LENGTH:
        return None, _("not a KVK number"), False
    return text, "", False


def _looks_like_header(cells: list[object]) -> bool:
    texts = [str(c).strip() for c in cells if c not in (None, "")]
    return bool(texts) and all(not any(ch.isdigit() for ch in t) for t in texts)


def _pick_column(header: list[object], requested: str) -> int:
    names = [str(c or "").strip() for c in header]
    if requested:
        for index, name in enumerate(names):
            if name.lower() == requested.strip().lower():
                return index
        raise KvkFileError(
            _("The file has no column %(column)s; its columns are: %(columns)s.")
            % {"column": requested, "columns": ", ".join(n for n in names if n) or "—"}
        )
    hinted = [i for i, name in enumerate(names) if _HEADER_HINT.search(name)]
    if len(names) == 1 or not names:
        return 0
    if len(hinted) >= 1:
        return hinted[0]
    raise KvkFileError(
        _(
            "The file has several columns and none is called KVK number; name the column "
            "with --column (columns: %(columns)s)."
        )
        % {"columns": ", ".join(n for n in names if n) or "—"}
    )


def _rows_csv(data: bytes) -> Iterator[list[object]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if "\x00" in text:
        raise KvkFileError(_("The file is neither a .csv text file nor an .xlsx workbook."))
    sample = text[:4096]
    delimiter = max((";", ",", "\t"), key=sample.count) if any(d in sample for d in ";,\t") else ","
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _rows_xlsx(data: bytes) -> Iterator[list[object]]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise KvkFileError(_("The workbook cannot be read: %(error)s") % {"error": error}) from None
    try:
        sheet = workbook.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            yield list(row)
    finally:
        workbook.close()


def read_rows(data: bytes) -> Iterator[list[object]]:
    """The rows of a .xlsx workbook (first sheet) or a .csv text, decided by content."""
    if data[:4] == b"PK\x03\x04":
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise KvkFileError(_("The file is neither a .csv text file nor an .xlsx workbook."))
        return _rows_xlsx(data)
    return _rows_csv(data)


def read_kvk_numbers(source: bytes | str | Path, *, column: str = "") -> KvkReading:
    """Every line of the file checked; the valid numbers normalised and each kept once."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    reading = KvkReading()
    seen: set[str] = set()
    index: int | None = None
    for line, row in enumerate(read_rows(data), start=1):
        reading.lines = line
        if index is None:
            if not any(c not in (None, "") and str(c).strip() for c in row):
                reading.blank += 1
                reading.problems.append(LineProblem(line, "", _("empty line"), accepted=True))
                continue
            if _looks_like_header(row):
                index = _pick_column(row, column)
                reading.column = str(row[index] or "").strip()
                continue
            if column:
                raise KvkFileError(
                    _("The file has no header line, so there is no column %(column)s.")
                    % {"column": column}
                )
            index = 0
        value = row[index] if index < len(row) else None
        if value is None or not str(value).strip():
            reading.blank += 1
            reading.problems.append(LineProblem(line, "", _("empty line"), accepted=True))
            continue
        number, reason, notice = normalise_kvk(value)
        if number is None:
            reading.problems.append(LineProblem(line, str(value)[:40], reason))
            continue
        if notice:
            reading.problems.append(LineProblem(line, str(value)[:40], reason, accepted=True))
        if number in seen:
            reading.duplicates += 1
            continue
        seen.add(number)
        reading.numbers.append(number)
    return reading
