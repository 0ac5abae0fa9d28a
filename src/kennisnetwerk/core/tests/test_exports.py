from kennisnetwerk.core.exports import csv_response, safe_cell


def test_cells_that_could_run_as_formula_are_escaped():
    assert safe_cell('=HYPERLINK("http://example.com")') == '\'=HYPERLINK("http://example.com")'
    assert safe_cell("+31 6 1234") == "'+31 6 1234"
    assert safe_cell("-5") == "'-5"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("Oss") == "Oss"
    assert safe_cell(12) == 12


def test_csv_download_escapes_every_cell():
    response = csv_response("x.csv", ["=kop"], [["=1+1", "gewoon"]])
    text = response.content.decode("utf-8-sig")
    assert text.splitlines() == ["'=kop", "'=1+1;gewoon"]
