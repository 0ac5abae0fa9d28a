"""The one formatting helper: money, numbers, dates and counts the Dutch way (English forms in
the English interface), the template filters, and no template formatting them on its own."""

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.template import engines
from django.utils import translation

from kennisnetwerk.core.exports import safe_cell
from kennisnetwerk.core.formatting import (
    format_count,
    format_date,
    format_datetime,
    format_money,
    format_number,
    format_percent,
)

PACKAGE = Path(__file__).resolve().parents[2]


@pytest.fixture
def dutch():
    with translation.override("nl"):
        yield


def test_money_in_dutch(dutch):
    assert format_money(Decimal("15000")) == "€ 15.000,00"
    assert format_money(Decimal("250000.50")) == "€ 250.000,50"  # not "€ 250.001"
    assert format_money(Decimal("1234567.895")) == "€ 1.234.567,90"
    assert format_money(Decimal("0.005")) == "€ 0,01"  # half up, as by hand
    assert format_money(-3.5) == "€ -3,50"
    assert format_money(None) == "—"


def test_numbers_in_dutch(dutch):
    assert format_number(1234567) == "1.234.567"
    assert format_number(Decimal("12.50")) == "12,5"
    assert format_number(12.5, 0) == "13"
    assert format_number(0.1 + 0.2, 2) == "0,30"
    assert format_number(Decimal("-0.001"), 2) == "0,00"
    assert format_number(Decimal("1250.5"), grouping=False) == "1250,5"
    assert format_percent(45) == "45 %"


def test_dates_in_dutch(dutch):
    assert format_date(dt.date(2026, 12, 7)) == "7 dec. 2026"
    assert format_date(dt.date(2026, 3, 1)) == "1 mrt. 2026"
    assert format_date(dt.date(2026, 5, 1)) == "1 mei 2026"
    assert format_date(dt.date(2026, 12, 7), "long") == "7 december 2026"
    assert format_date(dt.date(2026, 12, 7), "full") == "maandag 7 december 2026"
    assert format_date(dt.date(2026, 12, 7), "month") == "december 2026"
    assert format_date(None) == "—"
    # 23:30 UTC on 6 December is 00:30 on 7 December in Amsterdam.
    moment = dt.datetime(2026, 12, 6, 23, 30, tzinfo=dt.UTC)
    assert format_date(moment) == "7 dec. 2026"
    assert format_datetime(moment) == "7 dec. 2026, 00:30"
    assert format_datetime(moment, "full") == "maandag 7 december 2026, 00:30"


def test_counts_take_the_singular_and_plural(dutch):
    assert format_count(1, "person") == "1 persoon"
    assert format_count(2, "person") == "2 personen"
    assert format_count(1250, "person") == "1.250 personen"
    assert format_count(Decimal("1.5"), "hour") == "1,5 uur"
    with pytest.raises(ValueError):
        format_count(1, "unicorn")


def test_english_forms_in_the_english_interface():
    with translation.override("en"):
        assert format_money(Decimal("250000.50")) == "€250,000.50"
        assert format_number(Decimal("1234.5")) == "1,234.5"
        assert format_date(dt.date(2026, 12, 7)) == "7 Dec 2026"
        assert format_count(1, "person") == "1 person"
        assert format_count(3, "person") == "3 people"


def test_template_filters_need_no_load(dutch):
    template = engines["django"].from_string(
        "{{ budget|kn_money }} · {{ n|kn_number }} · {{ day|kn_date }} · {{ day|kn_date:'long' }}"
        " · {{ people|kn_count:'person' }} · {{ none|kn_date }}"
    )
    text = template.render(
        {"budget": Decimal("250000.50"), "n": 1250, "day": dt.date(2026, 12, 7), "people": 1}
    )
    assert text == "€ 250.000,50 · 1.250 · 7 dec. 2026 · 7 december 2026 · 1 persoon · —"


def test_cells_starting_a_formula_after_white_space_or_in_full_width_are_escaped():
    for text in [
        " =1+1",
        "\t=1+1",
        "\n@SUM(A1)",
        "\u00a0+31 6 1234",
        "\u3000-5",
        '＝HYPERLINK("http://voorbeeld.example")',
        "＋1",
        "－1",
        "＠SUM(A1)",
        "  ＝1",
    ]:
        assert safe_cell(text) == "'" + text, repr(text)
    assert safe_cell("  Oss") == "  Oss"
    assert safe_cell("") == ""
    assert safe_cell(Decimal("-5")) == Decimal("-5")


# Django's "M" writes "Dec" in Dutch, floatformat writes no thousands separator (15000,00)
# and rounds amounts to whole euros with "0": pages and mails use the kn_* filters instead.
AD_HOC = [
    # a day with its month and year; "Ymd" only compares two days, "c" is for machines
    (re.compile(r"\|date:\s*[\"'](?!Ymd[\"'])[^\"']*[MYyNbE][^\"']*[\"']"), "a date format"),
    (re.compile(r"€\s*\{\{"), "a euro sign before a value"),
    (re.compile(r"\|floatformat"), "floatformat"),
    (re.compile(r"\|intcomma"), "intcomma"),
    (re.compile(r"\{\{\s*\w+\s*\}\}\s*(people|hours|mensen|uur)\b"), "a count without plural"),
]
# Coordinates inside SVG, not numbers for reading.
AD_HOC_ALLOWED = {"monitoring/templates/monitoring/_chart.html": {"floatformat"}}


def test_no_template_formats_numbers_money_or_dates_on_its_own():
    problems = []
    for path in sorted(PACKAGE.rglob("templates/**/*")):
        if path.suffix not in (".html", ".txt") or not path.is_file():
            continue
        relative = str(path.relative_to(PACKAGE))
        text = path.read_text(encoding="utf-8")
        for pattern, what in AD_HOC:
            if what in AD_HOC_ALLOWED.get(relative, set()):
                continue
            for match in pattern.finditer(text):
                problems.append(f"{relative}: {what}: {match.group(0)}")
    assert not problems, "\n".join(problems)


def test_no_python_module_formats_dates_or_amounts_on_its_own():
    pattern = re.compile(r"strftime\(\"%d-%m-%Y|:,\.2f|:,\}\"\.replace|date_format\(")
    problems = [
        f"{path.relative_to(PACKAGE)}: {match.group(0)}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "tests" not in path.parts
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not problems, "\n".join(problems)
