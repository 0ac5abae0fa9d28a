"""Reading KVK numbers from a party's file: normalised, and every bad line reported."""

import io

import openpyxl
import pytest
from django.utils import translation

from kennisnetwerk.monitoring.kvk import KvkFileError, read_kvk_numbers


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


def test_csv_with_letters_blanks_and_seven_or_nine_digits_is_reported_per_line():
    text = (
        "kvk_nummer;naam\n12345678;A\n1234567;B\n\n123456789;C\n12AB5678;D\n"
        "12.34.56.78;E\n12345678;F\n123;G\n"
    )

    reading = read_kvk_numbers(text.encode("utf-8"))

    assert reading.numbers == ["12345678", "01234567"]
    assert reading.column == "kvk_nummer"
    assert reading.duplicates == 2  # 12.34.56.78 and the second 12345678
    by_line = {p.line: p for p in reading.problems}
    assert by_line[3].accepted and "voorloopnul" in by_line[3].reason
    assert by_line[4].accepted and by_line[4].reason == "lege regel"
    assert not by_line[5].accepted and "9 cijfers" in by_line[5].reason
    assert not by_line[6].accepted and "letters" in by_line[6].reason
    assert not by_line[9].accepted and "3 cijfers" in by_line[9].reason
    assert [p.line for p in reading.refused] == [5, 6, 9]


def test_xlsx_numbers_lose_no_leading_zero_and_formulas_are_not_evaluated():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Naam", "KVK-nummer"])
    sheet.append(["Bakkerij", 1234567])  # stored as a number: the zero is gone
    sheet.append(["Garage", "87654321"])
    sheet.append(["Formule", "=1+1"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    reading = read_kvk_numbers(buffer.getvalue())

    assert reading.numbers == ["01234567", "87654321"]
    assert [p.line for p in reading.refused] == [4]


def test_a_file_with_several_unnamed_columns_is_refused_as_a_whole():
    with pytest.raises(KvkFileError, match="--column"):
        read_kvk_numbers(b"naam;plaats\nA;Oss\n")
