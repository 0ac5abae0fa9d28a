"""Numbers, money, dates and counts written the way readers of the active language expect.

Pages (through the template filters in ``core/templatetags/kn_format.py``), mails and
Word exports all write values through these functions, so a page and its download never
disagree. In Dutch: € 15.000,00 · 1.250 · 12,5 · 7 dec. 2026 · 7 december 2026 ·
maandag 7 december 2026, 14:30 · 1 persoon, 2 personen. In English the English forms are
used (€15,000.00 · 7 Dec 2026).

Values are rounded half up (0,5 → 1) as people round by hand, on the exact decimal value:
an amount of 250000,50 is written € 250.000,50, never rounded to whole euros."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.utils import dateformat, timezone
from django.utils.translation import get_language, npgettext

EMPTY = "—"

# Counted nouns ("1 persoon", "2 personen"), keyed by the English singular. Templates use the
# key (``{{ n|kn_count:"person" }}``), Python code ``format_count(n, "person")``. Each entry is a
# literal npgettext pair, so the catalogue holds both forms and the language picks the form.
_NOUNS: dict[str, Callable[[int], str]] = {
    "person": lambda n: npgettext("counted", "%(count)s person", "%(count)s people", n),
    "hour": lambda n: npgettext("counted", "%(count)s hour", "%(count)s hours", n),
}


def _dutch() -> bool:
    return (get_language() or "nl").split("-")[0] == "nl"


def _separators() -> tuple[str, str]:
    """(decimal separator, thousands separator) of the active language."""
    return (",", ".") if _dutch() else (".", ",")


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    try:
        # str() first, so 0.1 (a float) becomes 0.1 and not 0.1000000000000000055…
        return Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None


def _group(digits: str, thousands: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return thousands.join(groups)


def format_number(value: Any, decimals: int | None = None, *, grouping: bool = True) -> str:
    """1.234.567 · 12,5 · -3,25. ``decimals=None`` writes as many decimals as the value has
    (trailing zeros dropped); a number gives exactly that many, rounded half up. ``None`` or
    an empty value gives "—"; text that is not a number is returned as it is."""
    number = _decimal(value)
    if number is None:
        return EMPTY if value is None or value == "" else str(value)
    if not number.is_finite():
        return str(value)
    if decimals is None:
        number = number.normalize()
        if number == number.to_integral_value():
            number = number.quantize(Decimal(1))
    else:
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    decimal_sep, thousands = _separators()
    sign = "-" if number < 0 else ""
    whole, _dot, fraction = f"{abs(number):f}".partition(".")
    whole = _group(whole, thousands) if grouping else whole
    text = whole + (decimal_sep + fraction if fraction else "")
    if sign and set(text) <= set("0" + decimal_sep + thousands):
        sign = ""  # -0,00 after rounding is 0,00
    return sign + text


def format_money(value: Any, decimals: int = 2) -> str:
    """€ 15.000,00 · € -250,50 (Dutch) or €15,000.00 (English)."""
    number = _decimal(value)
    if number is None:
        return EMPTY
    amount = format_number(number, decimals)
    if _dutch():
        return f"€ {amount}"
    return f"-€{amount[1:]}" if amount.startswith("-") else f"€{amount}"


def format_percent(value: Any, decimals: int | None = 0) -> str:
    """45 % · 12,5 % for a value that is already a percentage (45, not 0,45)."""
    number = _decimal(value)
    if number is None:
        return EMPTY
    return (
        f"{format_number(number, decimals)} %"
        if _dutch()
        else f"{format_number(number, decimals)}%"
    )


def _local(value: dt.datetime) -> dt.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def _month_abbreviation(value: dt.date) -> str:
    """jan. feb. mrt. apr. mei jun. jul. aug. sep. okt. nov. dec."""
    short = dateformat.format(value, "b")
    return short if short == dateformat.format(value, "F").lower() else f"{short}."


def format_date(value: dt.date | dt.datetime | None, style: str = "short") -> str:
    """A day: "short" 7 dec. 2026 (tables and lists), "long" 7 december 2026 (running
    text), "full" maandag 7 december 2026, "month" december 2026. A moment is first put in
    the site's time zone, so a date just after midnight is the right day."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, dt.datetime):
        value = _local(value)
    if style == "long":
        return dateformat.format(value, "j F Y")
    if style == "full":
        return dateformat.format(value, "l j F Y")
    if style == "month":
        return dateformat.format(value, "F Y")
    if style != "short":
        raise ValueError(f"unknown date style {style!r}")
    if _dutch():
        return f"{value.day} {_month_abbreviation(value)} {value.year}"
    return dateformat.format(value, "j M Y")


def format_time(value: dt.datetime | dt.time | None) -> str:
    """14:30 (in the site's time zone)."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, dt.datetime):
        value = _local(value)
    return f"{value.hour:02d}:{value.minute:02d}"


def format_datetime(value: dt.datetime | None, style: str = "short") -> str:
    """7 dec. 2026, 14:30 · 7 december 2026, 14:30 · maandag 7 december 2026, 14:30."""
    if value is None or value == "":
        return EMPTY
    return f"{format_date(value, style)}, {format_time(value)}"


def format_count(count: Any, noun: str) -> str:
    """1 persoon · 2 personen · 1.250 personen · 1,5 uur: a number with the singular or
    plural of one of the nouns above."""
    try:
        forms = _NOUNS[noun]
    except KeyError:
        raise ValueError(f"unknown noun {noun!r}; add it to core.formatting") from None
    number = _decimal(count)
    if number is None:
        return EMPTY
    # The plural rule needs a whole number; 1,5 uur takes the plural as 2 would.
    rule = int(number) if number == number.to_integral_value() else 2
    return forms(rule) % {"count": format_number(number)}
