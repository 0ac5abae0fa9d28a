"""Periods of indicators as text: ``2026`` (year), ``2026-Q1`` (quarter), ``2026-03`` (month)."""

from __future__ import annotations

import datetime as dt
import re

from django.utils.translation import gettext as _

from .constants import Frequency

_PATTERNS = {
    Frequency.YEAR: re.compile(r"^(\d{4})$"),
    Frequency.QUARTER: re.compile(r"^(\d{4})-Q([1-4])$"),
    Frequency.MONTH: re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$"),
}
EXAMPLES = {Frequency.YEAR: "2026", Frequency.QUARTER: "2026-Q1", Frequency.MONTH: "2026-03"}


class PeriodError(ValueError):
    pass


def period_bounds(period: str, frequency: str) -> tuple[dt.date, dt.date]:
    """First and last day of ``period``; ``PeriodError`` when it does not fit ``frequency``."""
    text = (period or "").strip().upper()
    match = _PATTERNS[Frequency(frequency)].match(text)
    if not match or not 2000 <= int(match.group(1)) <= 2100:
        raise PeriodError(
            _("%(period)s is not a period of this indicator; write it as %(example)s.")
            % {"period": period or "—", "example": EXAMPLES[Frequency(frequency)]}
        )
    year = int(match.group(1))
    if frequency == Frequency.YEAR:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if frequency == Frequency.QUARTER:
        first_month = 3 * (int(match.group(2)) - 1) + 1
        start = dt.date(year, first_month, 1)
    else:
        start = dt.date(year, int(match.group(2)), 1)
        first_month = start.month
    months = 3 if frequency == Frequency.QUARTER else 1
    end_month = first_month + months
    end = dt.date(year + (end_month > 12), (end_month - 1) % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


def period_clean(period: str, frequency: str, *, today: dt.date | None = None) -> str:
    """The period in its canonical form; refused when malformed or not yet begun."""
    text = (period or "").strip().upper()
    start, _end = period_bounds(text, frequency)
    if today is not None and start > today:
        raise PeriodError(_("The period %(period)s has not begun yet.") % {"period": text})
    return text


def period_of(day: dt.date, frequency: str) -> str:
    if frequency == Frequency.YEAR:
        return f"{day.year}"
    if frequency == Frequency.QUARTER:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


def recent_periods(today: dt.date, frequency: str, count: int = 8) -> list[str]:
    """The current period and the ones before it, oldest first."""
    periods: list[str] = []
    day = today
    while len(periods) < count:
        period = period_of(day, frequency)
        if period not in periods:
            periods.append(period)
        start, _end = period_bounds(period, frequency)
        day = start - dt.timedelta(days=1)
    return list(reversed(periods))
