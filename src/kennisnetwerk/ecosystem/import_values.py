"""Reading the values people type in inventory spreadsheets: Dutch dates and amounts, yes/no,
KVK numbers, lists. Pure functions without database access; each raises ``ValueProblem`` with
a message for the person when a value cannot be read."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from kennisnetwerk.core.formatting import format_date


class ValueProblem(Exception):
    """A cell whose value cannot be used; ``message`` says why, for the person."""

    def __init__(self, message: str, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.code = code


# Characters Excel and web pages leave behind: non-breaking and other wide spaces, zero-width
# characters, control characters.
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Exports escape cells that would run as a formula with a leading apostrophe.
_ESCAPED_FORMULA = ("'=", "'+", "'-", "'@")
_NEEDS_CLEANING = re.compile(
    r"[\x00-\x1f\x7f\u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]|  |^\s|\s$|^'"
)

# What people write when a value is unknown or does not apply.
EMPTY_MARKERS = {"-", "--", "?", "nvt", "n.v.t.", "n.v.t", "nb", "n.b.", "onbekend", "geen"}


def clean_text(value: Any, *, multiline: bool = False) -> str:
    """Text without surrounding, doubled or non-breaking spaces. Line breaks survive in
    multi-line fields (descriptions) and become spaces elsewhere."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if not _NEEDS_CLEANING.search(text):
        return text  # most cells: nothing to clean
    text = _CONTROL.sub("", _INVISIBLE.sub("", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if multiline:
        lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    else:
        text = _SPACES.sub(" ", text.replace("\n", " "))
    text = text.strip()
    if text.startswith(_ESCAPED_FORMULA):
        text = text[1:]
    return text


def is_empty_marker(text: str) -> bool:
    return text.strip().casefold() in EMPTY_MARKERS


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case, accents, punctuation and spacing do not matter: "Thema's" = "themas",
    "Circulaire  Economie" = "circulaire economie"."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "").replace("'", ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


# --- Lists ----------------------------------------------------------------------------------

_LIST_SPLIT = re.compile(r"\s*[;\n]\s*")


def split_list(text: str) -> list[str]:
    """Items separated by semicolons or line breaks. Commas are left to the caller,
    since names may contain them ("Gemeente Oss, afdeling EZ")."""
    return [item.strip(" ,") for item in _LIST_SPLIT.split(text) if item.strip(" ,")]


def split_commas(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


# --- Dates ----------------------------------------------------------------------------------

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "febr": 2, "february": 2,
    "maart": 3, "mrt": 3, "mar": 3, "maa": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "augustus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS = (
    "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo"
    "|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$")
_WRITTEN = re.compile(rf"^(?:(?:{_WEEKDAYS})\.?,?\s+)?(\d{{1,2}})e?\s*([a-z]+)\.?\s*(\d{{4}})$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?\s*(\d{4})$")
_QUARTER = re.compile(r"^(?:q|kw)\s*([1-4])\s*[-/]?\s*(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
# Excel counts days from 30 December 1899 (its 1900 leap-year bug included).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2100, 12, 31)


def _last_day(year: int, month: int) -> dt.date:
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def _in_range(date: dt.date) -> dt.date:
    if not EARLIEST <= date <= LATEST:
        raise ValueProblem(
            _("The date %(date)s lies outside the years 1900 to 2100.")
            % {"date": format_date(date)},
            "date",
        )
    return date


def parse_date(value: Any, *, end: bool = False) -> dt.date | None:
    """A date as Dutch people write it: 1-2-2025 (day first), 01/02/2025, 2025-02-01,
    1 februari 2025, 1 feb. 2025, or an Excel date cell. A month or year alone means its
    first day, or its last day for an end date (``end``)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return _in_range(value.date())
    if isinstance(value, dt.date):
        return _in_range(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1900 <= value <= 2100 and float(value).is_integer():
            year = int(value)
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if 1 <= value < 2958466:  # a date cell without a date format: Excel's day number
            return _in_range(_EXCEL_EPOCH + dt.timedelta(days=int(value)))
        raise _date_problem(str(value))
    text = clean_text(value)
    if not text or is_empty_marker(text) or fold(text) in {"doorlopend", "lopend", "continu"}:
        return None
    lowered = " ".join(text.casefold().replace(",", " ").split())
    try:
        if match := _ISO.match(lowered):
            year, month, day = (int(g) for g in match.groups()[:3])
            return _in_range(dt.date(year, month, day))
        if match := _NUMERIC.match(lowered):
            day, month, year = (int(g) for g in match.groups())
            if len(match.group(3)) == 2:
                year += 2000
            return _in_range(dt.date(year, month, day))
        if (match := _WRITTEN.match(lowered)) and match.group(2) in MONTHS:
            day, month, year = int(match.group(1)), MONTHS[match.group(2)], int(match.group(3))
            return _in_range(dt.date(year, month, day))
        if (match := _MONTH_YEAR.match(lowered)) and match.group(1) in MONTHS:
            month, year = MONTHS[match.group(1)], int(match.group(2))
            return _in_range(_last_day(year, month) if end else dt.date(year, month, 1))
        if match := _QUARTER.match(lowered):
            quarter, year = int(match.group(1)), int(match.group(2))
            if end:
                return _in_range(_last_day(year, quarter * 3))
            return _in_range(dt.date(year, quarter * 3 - 2, 1))
        if match := _YEAR.match(lowered):
            year = int(match.group(1))
            return _in_range(dt.date(year, 12, 31) if end else dt.date(year, 1, 1))
    except ValueError as error:  # 31-2-2025
        raise ValueProblem(
            _("%(value)s is not an existing date.") % {"value": text}, "date"
        ) from error
    raise _date_problem(text)


def _date_problem(text: str) -> ValueProblem:
    return ValueProblem(
        _("%(value)s is not a date we can read; write it as 1-2-2025 or 1 februari 2025.")
        % {"value": text},
        "date",
    )


_PERIOD_SPLIT = re.compile(r"\s+(?:t/m|tm|tot en met|tot|until|to)\s+|\s*[–—]\s*|\s+-\s+")


def parse_period(value: Any) -> tuple[dt.date | None, dt.date | None]:
    """A period in one cell: "2023 - 2026", "1-1-2025 t/m 31-12-2026", "jan 2025 – dec 2026"."""
    if value is None:
        return None, None
    if isinstance(value, dt.date | int | float):
        return parse_date(value), None
    text = clean_text(value)
    if not text or is_empty_marker(text):
        return None, None
    parts = _PERIOD_SPLIT.split(text, maxsplit=1)
    if len(parts) == 1:
        # "2023-2026" has no spaces around the dash.
        if match := re.fullmatch(r"(\d{4})\s*-\s*(\d{4})", text):
            parts = [match.group(1), match.group(2)]
        elif text.casefold().startswith(("vanaf ", "per ")):
            return parse_date(text.split(" ", 1)[1]), None
        else:
            return parse_date(text), None
    return parse_date(parts[0]), parse_date(parts[1], end=True)


# --- Amounts --------------------------------------------------------------------------------

_MULTIPLIERS = {
    "k": 1_000, "duizend": 1_000, "dzd": 1_000,
    "m": 1_000_000, "mln": 1_000_000, "mio": 1_000_000, "miljoen": 1_000_000,
    "mld": 1_000_000_000, "miljard": 1_000_000_000,
}  # fmt: skip
_AMOUNT = re.compile(r"^(?P<number>[0-9][0-9.,\s]*?)\s*(?P<unit>[a-z]+)?\.?$")
MAX_AMOUNT = Decimal("999999999999.99")


def _amount_problem(text: str) -> ValueProblem:
    return ValueProblem(
        _("%(value)s is not an amount we can read; write it as € 1.000.000 or 1000000,50.")
        % {"value": text},
        "amount",
    )


def _number(text: str) -> Decimal:
    """Dutch first: a dot separates thousands and a comma decimals (1.000.000,50); when both
    appear the last one is the decimal separator; 1,000,000 (English) also works."""
    digits = text.replace(" ", "")
    if "," in digits and "." in digits:
        decimal_sep = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        digits = digits.replace(thousands, "").replace(decimal_sep, ".")
    elif digits.count(",") > 1:
        digits = digits.replace(",", "")
    elif "," in digits:
        digits = digits.replace(",", ".")
    elif digits.count(".") > 1 or re.fullmatch(r"\d{1,3}\.\d{3}", digits):
        digits = digits.replace(".", "")
    if not re.fullmatch(r"\d+(\.\d+)?", digits):
        raise InvalidOperation(digits)
    return Decimal(digits)


def parse_amount(value: Any) -> Decimal | None:
    """An amount in euro: € 1.000.000,-  1.000.000  1000000,50  €1,5 mln  250k."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise _amount_problem(str(value))
    if isinstance(value, int | float | Decimal):
        amount = Decimal(str(value))
    else:
        text = clean_text(value)
        if not text or is_empty_marker(text):
            return None
        lowered = text.casefold()
        for word in ("ca.", "circa", "ongeveer", "±", "~", "€", "eur.", "euro", "eur"):
            lowered = lowered.replace(word, " ")
        lowered = re.sub(r"[,.]\s*-+$", "", lowered.strip())  # € 1.000,-
        lowered = lowered.strip().rstrip("-").strip()
        if lowered.startswith("-"):
            raise ValueProblem(_("An amount cannot be negative."), "amount")
        match = _AMOUNT.match(lowered)
        if not match or (match.group("unit") and match.group("unit") not in _MULTIPLIERS):
            raise _amount_problem(text)
        try:
            amount = _number(match.group("number"))
        except InvalidOperation as error:
            raise _amount_problem(text) from error
        if match.group("unit"):
            amount *= _MULTIPLIERS[match.group("unit")]
    if amount < 0:
        raise ValueProblem(_("An amount cannot be negative."), "amount")
    amount = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if amount > MAX_AMOUNT:
        raise ValueProblem(_("The amount is too large."), "amount")
    return amount


# --- Yes/no, KVK numbers ---------------------------------------------------------------------

_YES = {"ja", "j", "yes", "y", "true", "waar", "1", "x", "gepubliceerd", "openbaar", "zichtbaar"}
_NO = {"nee", "n", "no", "false", "onwaar", "0", "niet gepubliceerd", "verborgen", "concept"}


def parse_bool(value: Any) -> bool | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value)
    text = fold(clean_text(value))
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueProblem(
        _("%(value)s is not yes or no; write ja or nee.") % {"value": clean_text(value)}, "bool"
    )


def parse_kvk(value: Any) -> str:
    """An 8-digit KVK number; leading zeros that a spreadsheet dropped are restored."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = clean_text(value)
    if not text or is_empty_marker(text):
        return ""
    digits = re.sub(r"^(?:kvk|kvk-nummer|kvk nummer|kvk-nr|kvk nr)\.?:?\s*", "", text.casefold())
    digits = re.sub(r"[\s.\-]", "", digits)
    if not digits.isdigit() or len(digits) > 8:
        raise ValueProblem(
            _("%(value)s is not a KVK number; a KVK number has 8 digits.") % {"value": text},
            "kvk",
        )
    return digits.zfill(8)
