"""Reading and checking a party's list of existing subscribers (.xlsx or .csv) before it is
imported: a report per row and column, with the reason. The file is read with the atlas
import's safe readers (type by content, size limit, zip-bomb check, formulas never run); only
the column headers are our own."""

from __future__ import annotations

import csv
import io
import itertools
import re
import warnings
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import gettext as _

from kennisnetwerk.ecosystem.import_files import (
    XLSX,
    ErrorValue,
    Formula,
    ImportFileError,
    _cell_value,
    _decode,
    max_rows,
    read_source,
    sniff,
)
from kennisnetwerk.ecosystem.import_values import clean_text, fold
from kennisnetwerk.ecosystem.models import Organisation, Theme
from kennisnetwerk.geo.models import Region
from kennisnetwerk.geo.selectors import MunicipalityResolver

from .constants import Frequency, LegalBasis, SizeClass
from .forms import clean_kvk_number
from .models import Subscriber, Suppression
from .services import SubscriberData, email_hash, normalise_email

# Row outcomes.
NEW = "new"
INVALID = "invalid"
DUPLICATE = "duplicate"
SUPPRESSED = "suppressed"
EXISTING = "existing"

# The headers people use, folded (case, accents and punctuation do not matter).
COLUMNS: dict[str, tuple[str, ...]] = {
    "email": (
        "e mail", "email", "e mailadres", "emailadres", "e mail adres", "mailadres", "mail",
        "email address", "e mail address",
    ),
    "company_name": (
        "bedrijfsnaam", "bedrijf", "organisatie", "naam bedrijf", "onderneming",
        "naam onderneming", "naam organisatie", "company", "company name",
    ),
    "kvk_number": ("kvk", "kvk nummer", "kvknummer", "kvk nr", "kvk number"),
    "municipality": (
        "gemeente", "plaats", "vestigingsplaats", "woonplaats", "vestigingsgemeente",
        "municipality",
    ),
    "postcode": ("postcode", "postal code"),
    "size_class": ("grootte", "grootteklasse", "bedrijfsgrootte", "omvang", "size"),
    "themes": ("themas", "thema", "onderwerpen", "interesses", "themes"),
    "frequency": ("frequentie", "hoe vaak", "frequency"),
    "legal_basis": (
        "grondslag", "rechtsgrond", "wettelijke grondslag", "juridische grondslag",
        "legal basis",
    ),
}  # fmt: skip
_BY_HEADER = {header: name for name, headers in COLUMNS.items() for header in headers}
REQUIRED_COLUMNS = ("email", "company_name", "legal_basis")
HEADER_SEARCH_ROWS = 10

LEGAL_BASIS_WORDS = {
    LegalBasis.CONSENT: (
        "toestemming", "toestemming gegeven", "opt in", "aangemeld", "consent",
    ),
    LegalBasis.CUSTOMER: (
        "klantrelatie", "bestaande klant", "bestaande klantrelatie", "klant", "klanten",
        "customer", "existing customer", "customer relationship",
    ),
    LegalBasis.LEGITIMATE_INTEREST: (
        "gerechtvaardigd belang", "gerechtvaardigd", "legitimate interest",
    ),
}  # fmt: skip
SIZE_WORDS = {
    SizeClass.ZZP: ("zzp", "zzper", "zelfstandige", "eenmanszaak", "1"),
    SizeClass.MICRO: ("micro", "2 9", "microbedrijf"),
    SizeClass.SMALL: ("klein", "10 49", "kleinbedrijf", "small"),
    SizeClass.MEDIUM: ("middelgroot", "middel", "50 249", "medium", "middenbedrijf"),
}
FREQUENCY_WORDS = {
    Frequency.WEEKLY: ("wekelijks", "week", "elke week", "weekly"),
    Frequency.FORTNIGHTLY: ("tweewekelijks", "2 wekelijks", "om de week", "elke 2 weken"),
    Frequency.MONTHLY: ("maandelijks", "maand", "elke maand", "monthly"),
}
_POSTCODE = re.compile(r"^([1-9][0-9]{3})\s?([A-Za-z]{2})$")
_LIST_SPLIT = re.compile(r"\s*[;,|\n]\s*")


def _index(choices: Any, words: dict[Any, tuple[str, ...]]) -> dict[str, str]:
    """Folded code, Dutch and English label and the usual words → the stored value."""
    index: dict[str, str] = {}
    for value, _label in choices.choices:
        index[fold(value)] = value
        for language in ("nl", "en"):
            with translation.override(language):
                index[fold(str(choices(value).label))] = value
    for value, texts in words.items():
        for text in texts:
            index[fold(text)] = value
    return index


@dataclass
class Issue:
    column: str  # the header as in the file ("" for the row or the file as a whole)
    message: str
    code: str


@dataclass
class RowReport:
    number: int  # as the spreadsheet shows it
    email: str = ""
    company_name: str = ""
    outcome: str = NEW
    legal_basis: str = ""
    data: SubscriberData | None = None
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)

    @property
    def importable(self) -> bool:
        return self.outcome == NEW

    @property
    def legal_basis_label(self) -> str:
        return str(LegalBasis(self.legal_basis).label) if self.legal_basis else ""


@dataclass
class SubscriberImportReport:
    format: str = ""
    encoding: str = ""
    headers: dict[str, str] = field(default_factory=dict)  # field → header in the file
    file_errors: list[Issue] = field(default_factory=list)
    rows: list[RowReport] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def counts(self) -> dict[str, int]:
        return {o: self.count(o) for o in (NEW, INVALID, DUPLICATE, SUPPRESSED, EXISTING)}

    @property
    def is_valid(self) -> bool:
        """Everything in the file may be imported as it is."""
        return not self.file_errors and not any(row.errors for row in self.rows)

    @property
    def importable_rows(self) -> list[RowReport]:
        return [row for row in self.rows if row.importable]

    @property
    def problem_rows(self) -> list[RowReport]:
        return [row for row in self.rows if row.errors or row.warnings]


# --- Reading ------------------------------------------------------------------------------


def _header_map(row: list[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        if not isinstance(cell, str):
            continue
        name = _BY_HEADER.get(fold(cell))
        if name and name not in found:
            found[name] = index
    return found


def _find_header(top: list[list[Any]]) -> tuple[int, dict[str, int]] | None:
    """The first of the top rows with a column for the e-mail address."""
    for index, row in enumerate(top):
        mapping = _header_map(row)
        if "email" in mapping:
            return index, mapping
    return None


@dataclass
class _Sheet:
    format: str
    encoding: str
    header_row: list[Any]
    columns: dict[str, int]
    rows: list[tuple[int, list[Any]]]


def _no_header() -> ImportFileError:
    return ImportFileError(
        _(
            "No column headers found: one of the first %(n)s rows must name the columns, "
            "with at least E-mailadres, Bedrijfsnaam and Grondslag."
        )
        % {"n": HEADER_SEARCH_ROWS},
        "no_header",
    )


def _collect(numbered: Any, header_index: int) -> list[tuple[int, list[Any]]]:
    rows: list[tuple[int, list[Any]]] = []
    limit = max_rows()
    for number, cells in numbered:
        if number <= header_index + 1:
            continue
        if not any(c is not None and str(c).strip() for c in cells):
            continue
        if len(rows) >= limit:
            raise ImportFileError(
                _("The file has more than %(max)s rows; split it into smaller files.")
                % {"max": limit},
                "too_many_rows",
            )
        rows.append((number, cells))
    return rows


def _read_csv(data: bytes) -> _Sheet:
    text, encoding = _decode(data)
    best: tuple[int, str, tuple[int, dict[str, int]] | None] = (-1, ";", None)
    for delimiter in (";", ",", "\t"):
        try:
            top = list(
                itertools.islice(
                    csv.reader(io.StringIO(text, newline=""), delimiter=delimiter),
                    HEADER_SEARCH_ROWS,
                )
            )
        except csv.Error:
            continue
        found = _find_header(top)
        score = len(found[1]) if found else 0
        if score > best[0]:
            best = (score, delimiter, found)
    _score, delimiter, found = best
    if found is None:
        raise _no_header()
    header_index, columns = found
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        # A CSV cell that starts with "=" is a formula to a spreadsheet program: refused
        # like one, so nothing a party exports from Excel is read differently.
        numbered = (
            (n, [Formula(c) if c.startswith("=") else c for c in row])
            for n, row in enumerate(reader, start=1)
        )
        rows = _collect(numbered, header_index)
        header_row = next(
            itertools.islice(
                csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), header_index, None
            )
        )
    except csv.Error as error:
        raise ImportFileError(
            _("The CSV file cannot be read: %(reason)s.") % {"reason": error}, "bad_csv"
        ) from error
    return _Sheet("csv", encoding, header_row, columns, rows)


def _read_xlsx(data: bytes) -> _Sheet:
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
                top = [
                    [_cell_value(v) for v in row]
                    for row in itertools.islice(
                        sheet.iter_rows(values_only=True), HEADER_SEARCH_ROWS
                    )
                ]
                found = _find_header(top)
                if found is None:
                    continue
                header_index, columns = found
                numbered = (
                    (n, [_cell_value(v) for v in row])
                    for n, row in enumerate(sheet.iter_rows(values_only=True), start=1)
                )
                rows = _collect(numbered, header_index)
                return _Sheet(XLSX, "", top[header_index], columns, rows)
    except ImportFileError:
        raise
    except Exception as error:
        raise damaged from error
    finally:
        workbook.close()
    raise _no_header()


def read_subscriber_file(source: bytes, *, filename: str = "") -> _Sheet:
    """The header and rows of a subscriber list; ``ImportFileError`` when it cannot be used
    (empty, too large, not a spreadsheet, damaged, no headers)."""
    data = read_source(source)
    if sniff(data, filename=filename) == XLSX:
        return _read_xlsx(data)
    return _read_csv(data)


# --- Checking -----------------------------------------------------------------------------


class _Lookups:
    """What rows are checked against, loaded once per file."""

    def __init__(self, region: Region):
        self.region = region
        self.resolver = MunicipalityResolver()
        self.region_municipalities = set(region.municipalities.values_list("pk", flat=True))
        themes = list(Theme.objects.filter(is_active=True))
        self.themes = {fold(t.slug): t for t in themes} | {fold(t.name): t for t in themes}
        self.legal_basis = _index(LegalBasis, LEGAL_BASIS_WORDS)
        self.size = _index(SizeClass, SIZE_WORDS)
        self.frequency = _index(Frequency, FREQUENCY_WORDS)


def _allowed(choices: Any) -> str:
    """The values to type, as people write them (the stored codes are Dutch words)."""
    return ", ".join(value.replace("-", " ") for value in choices.values)


def _check_row(number: int, cells: list[Any], sheet: _Sheet, lookups: _Lookups) -> RowReport:
    row = RowReport(number=number)
    headers = {name: clean_text(sheet.header_row[i]) for name, i in sheet.columns.items()}

    def cell(name: str) -> str:
        index = sheet.columns.get(name)
        if index is None or index >= len(cells):
            return ""
        value = cells[index]
        if isinstance(value, Formula):
            row.errors.append(
                Issue(
                    headers[name],
                    _(
                        "The cell holds a formula (%(formula)s); formulas are not read. "
                        "Enter the value itself."
                    )
                    % {"formula": value.text[:50]},
                    "formula",
                )
            )
            return ""
        if isinstance(value, ErrorValue):
            row.errors.append(
                Issue(
                    headers[name],
                    _("The cell shows an Excel error (%(error)s).") % {"error": value.text},
                    "excel_error",
                )
            )
            return ""
        return clean_text(value).strip()

    def error(name: str, message: str, code: str) -> None:
        row.errors.append(Issue(headers.get(name, ""), message, code))

    # E-mail address
    email = normalise_email(cell("email"))
    row.email = email
    if not email:
        error("email", _("The e-mail address is missing."), "email_required")
    else:
        try:
            validate_email(email)
            if len(email) > 254:
                raise ValidationError("too long")
        except ValidationError:
            error(
                "email",
                _("“%(value)s” is not a valid e-mail address.") % {"value": email},
                "email_invalid",
            )
    # Company name
    company = cell("company_name")
    row.company_name = company
    if not company:
        error("company_name", _("The company name is missing."), "company_required")
    elif len(company) > 200:
        error(
            "company_name", _("The company name is longer than 200 characters."), "company_too_long"
        )
    # KVK number (optional)
    kvk = ""
    try:
        kvk = clean_kvk_number(cell("kvk_number"))
    except forms.ValidationError as problem:
        error("kvk_number", " ".join(problem.messages), problem.code or "kvk")
    # Municipality (optional) — former names and place names are recognised.
    municipality = None
    if name := cell("municipality"):
        resolution = lookups.resolver.resolve(name)
        if resolution.ambiguous:
            error(
                "municipality",
                _(
                    "“%(value)s” can mean several municipalities (%(options)s); enter the "
                    "municipality."
                )
                % {"value": name, "options": ", ".join(m.name for m in resolution.candidates)},
                "municipality_ambiguous",
            )
        elif resolution.municipality is None:
            error(
                "municipality",
                _("“%(value)s” is not a known municipality or place.") % {"value": name},
                "municipality_unknown",
            )
        elif resolution.municipality.pk not in lookups.region_municipalities:
            error(
                "municipality",
                _("%(municipality)s is not part of %(region)s.")
                % {"municipality": resolution.municipality.name, "region": lookups.region.name},
                "outside_region",
            )
        else:
            municipality = resolution.municipality
    # Postcode (optional)
    postcode = ""
    if value := cell("postcode"):
        match = _POSTCODE.match(value)
        if match:
            postcode = f"{match.group(1)} {match.group(2).upper()}"
        else:
            error("postcode", _("Enter a Dutch postcode such as 5341 AB."), "postcode")
    # Size class, themes, frequency (optional, known values only)
    size_class = ""
    if value := cell("size_class"):
        size_class = lookups.size.get(fold(value), "")
        if not size_class:
            error(
                "size_class",
                _("Unknown size “%(value)s”; use one of: %(allowed)s.")
                % {"value": value, "allowed": _allowed(SizeClass)},
                "size_unknown",
            )
    themes = []
    if value := cell("themes"):
        for part in filter(None, _LIST_SPLIT.split(value)):
            theme = lookups.themes.get(fold(part))
            if theme is None:
                error("themes", _("Unknown theme “%(value)s”.") % {"value": part}, "theme_unknown")
            elif theme not in themes:
                themes.append(theme)
    frequency = Frequency.MONTHLY
    if value := cell("frequency"):
        frequency = lookups.frequency.get(fold(value), "")
        if not frequency:
            error(
                "frequency",
                _("Unknown frequency “%(value)s”; use one of: %(allowed)s.")
                % {"value": value, "allowed": _allowed(Frequency)},
                "frequency_unknown",
            )
    # Legal basis: required on every row (Telecommunicatiewet art. 11.7).
    basis_text = cell("legal_basis")
    if not basis_text:
        error(
            "legal_basis",
            _("The legal basis is missing; every address needs one (%(allowed)s).")
            % {"allowed": _allowed(LegalBasis)},
            "legal_basis_required",
        )
    else:
        row.legal_basis = lookups.legal_basis.get(fold(basis_text), "")
        if not row.legal_basis:
            error(
                "legal_basis",
                _("Unknown legal basis “%(value)s”; use one of: %(allowed)s.")
                % {"value": basis_text, "allowed": _allowed(LegalBasis)},
                "legal_basis_unknown",
            )
    if row.errors:
        row.outcome = INVALID
        return row
    row.data = SubscriberData(
        email=email,
        company_name=company,
        kvk_number=kvk,
        municipality=municipality,
        postcode=postcode,
        size_class=size_class,
        themes=themes,
        frequency=frequency,
    )
    return row


def _in_chunks(values: list[str], size: int = 500):
    for start in range(0, len(values), size):
        yield values[start : start + size]


def subscribers_validate(
    *, source: bytes, filename: str, region: Region, organisation: Organisation | None = None
) -> SubscriberImportReport:
    """Check every row of a subscriber list for ``region``; nothing is saved. Addresses that
    unsubscribed or bounced (the region's block list) and current subscribers are reported,
    not errors: they are left alone."""
    report = SubscriberImportReport()
    try:
        sheet = read_subscriber_file(source, filename=filename)
    except ImportFileError as problem:
        report.file_errors.append(Issue("", problem.message, problem.code))
        return report
    report.format, report.encoding = sheet.format, sheet.encoding
    report.headers = {name: clean_text(sheet.header_row[i]) for name, i in sheet.columns.items()}
    missing = [name for name in REQUIRED_COLUMNS if name not in sheet.columns]
    if missing:
        shown = {"email": "E-mailadres", "company_name": "Bedrijfsnaam", "legal_basis": "Grondslag"}
        for name in missing:
            report.file_errors.append(
                Issue(
                    "",
                    _("The column “%(column)s” is missing.") % {"column": shown[name]},
                    f"missing_{name}",
                )
            )
        return report
    if not sheet.rows:
        report.file_errors.append(Issue("", _("The file contains no data."), "empty_file"))
        return report

    lookups = _Lookups(region)
    report.rows = [_check_row(n, cells, sheet, lookups) for n, cells in sheet.rows]

    candidates = [row for row in report.rows if row.outcome == NEW]
    hashes = {email_hash(row.email): row for row in candidates}
    suppressed: set[str] = set()
    for chunk in _in_chunks(list(hashes)):
        suppressed.update(
            Suppression.objects.filter(region=region, email_hash__in=chunk).values_list(
                "email_hash", flat=True
            )
        )
    existing: set[str] = set()
    for chunk in _in_chunks(sorted({row.email for row in candidates})):
        existing.update(
            e.lower()
            for e in Subscriber.objects.filter(region=region, email__in=chunk).values_list(
                "email", flat=True
            )
        )
    seen: dict[str, int] = {}
    for row in candidates:
        if row.email in seen:
            row.outcome = DUPLICATE
            row.warnings.append(
                Issue(
                    report.headers["email"],
                    _("The same address as row %(row)s; it is imported once.")
                    % {"row": seen[row.email]},
                    "duplicate",
                )
            )
            continue
        seen[row.email] = row.number
        if email_hash(row.email) in suppressed:
            row.outcome = SUPPRESSED
            row.warnings.append(
                Issue(
                    report.headers["email"],
                    _("Unsubscribed or undeliverable: will not be added."),
                    "suppressed",
                )
            )
        elif row.email in existing:
            row.outcome = EXISTING
            row.warnings.append(
                Issue(
                    report.headers["email"],
                    _("Already subscribed to %(region)s; left unchanged.")
                    % {"region": region.name},
                    "existing",
                )
            )
    return report
