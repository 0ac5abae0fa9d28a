"""Importing survey results (.xlsx or .csv): one question of an entrepreneur per row. The file
is read with the atlas import's safe readers; every row and column is checked first, with the
reason for each problem, and the questions are saved in one transaction — all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from kennisnetwerk.core.audit import audit_log
from kennisnetwerk.core.models import AuditAction
from kennisnetwerk.ecosystem.import_files import (
    HEADER_SEARCH_ROWS,
    ErrorValue,
    Formula,
    ImportFileError,
    read_sheet,
)
from kennisnetwerk.ecosystem.import_values import ValueProblem, clean_text, fold, parse_bool
from kennisnetwerk.ecosystem.models import Theme
from kennisnetwerk.geo.models import Region, SbiSection
from kennisnetwerk.geo.selectors import MunicipalityResolver

from .constants import QUESTION_MAX_LENGTH, NeedSource, SizeClass, Urgency
from .models import Need
from .services import NeedData, need_create

# The headers survey tools and people use, folded (case, accents, punctuation do not matter).
COLUMNS: dict[str, tuple[str, ...]] = {
    "question": (
        "vraag", "knelpunt", "vraag of knelpunt", "uitdaging", "vraagstuk", "omschrijving",
        "waar loopt u tegenaan", "waar loop je tegenaan", "question", "need",
    ),
    "company_name": ("bedrijfsnaam", "bedrijf", "onderneming", "naam bedrijf", "company"),
    "contact_name": ("naam", "contactpersoon", "naam contactpersoon", "name"),
    "contact_email": ("e mail", "email", "e mailadres", "emailadres", "mailadres", "e mail adres"),
    "contact_phone": ("telefoon", "telefoonnummer", "tel", "phone"),
    "municipality": ("gemeente", "plaats", "vestigingsplaats", "woonplaats", "municipality"),
    "size_class": (
        "grootte", "bedrijfsgrootte", "grootteklasse", "omvang", "aantal medewerkers",
        "aantal werkzame personen", "size",
    ),
    "sector": ("sector", "branche", "sbi", "sbi sectie", "sector sbi"),
    "themes": ("thema", "themas", "onderwerp", "onderwerpen", "themes"),
    "urgency": ("urgentie", "spoed", "hoe dringend", "urgency"),
    "consent": (
        "toestemming", "toestemming contact", "mogen wij contact opnemen",
        "mag contact worden opgenomen", "contact opnemen", "consent",
    ),
}  # fmt: skip
# Columns survey tools add that say nothing about the question; they are left alone.
IGNORED = {
    "id", "tijdstempel", "timestamp", "begintijd", "eindtijd", "tijd van voltooiing",
    "start time", "completion time", "laatst gewijzigd", "respondent", "nr", "nummer",
}  # fmt: skip
_BY_HEADER = {header: name for name, headers in COLUMNS.items() for header in headers}

SIZE_WORDS = {
    SizeClass.ZZP: ("zzp", "zzper", "zelfstandige", "eenmanszaak", "1"),
    SizeClass.MICRO: ("micro", "2 9", "2 tot 10", "microbedrijf"),
    SizeClass.SMALL: ("klein", "10 49", "kleinbedrijf", "small"),
    SizeClass.MEDIUM: ("middelgroot", "middel", "50 249", "medium", "middenbedrijf"),
}
URGENCY_WORDS = {
    Urgency.LOW: ("laag", "niet urgent", "niet dringend", "low"),
    Urgency.NORMAL: ("normaal", "gemiddeld", "binnen enkele maanden", "medium"),
    Urgency.HIGH: ("hoog", "urgent", "dringend", "spoed", "high"),
}


@dataclass
class Issue:
    column: str
    message: str


@dataclass
class RowReport:
    number: int
    question: str = ""
    data: NeedData | None = None
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)


@dataclass
class SurveyReport:
    format: str = ""
    headers: dict[str, str] = field(default_factory=dict)  # field → header in the file
    file_errors: list[str] = field(default_factory=list)
    rows: list[RowReport] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.file_errors and bool(self.rows) and not any(r.errors for r in self.rows)

    @property
    def error_rows(self) -> list[RowReport]:
        return [r for r in self.rows if r.errors]

    @property
    def problem_rows(self) -> list[RowReport]:
        return [r for r in self.rows if r.errors or r.warnings]


def _find_header(row: list[Any]) -> dict[str, Any] | None:
    """The columns of a header row: {"known": {field: index}, "unknown": [header]}, when
    the row names the question column."""
    known: dict[str, int] = {}
    unknown: list[str] = []
    for index, cell in enumerate(row):
        if not isinstance(cell, str) or not cell.strip():
            continue
        name = _BY_HEADER.get(fold(cell))
        if name is None:
            if fold(cell) not in IGNORED:
                unknown.append(cell.strip())
        elif name not in known:
            known[name] = index
    if "question" not in known:
        return None
    return {"known": known, "unknown": unknown}


def _no_header() -> ImportFileError:
    return ImportFileError(
        _(
            "No column headers found: one of the first %(n)s rows must name the columns, "
            "with at least a column Vraag (or Knelpunt)."
        )
        % {"n": HEADER_SEARCH_ROWS},
        "no_header",
    )


def _index(words: dict[Any, tuple[str, ...]], choices: Any) -> dict[str, str]:
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


class _Lookups:
    def __init__(self, region: Region):
        self.region = region
        self.resolver = MunicipalityResolver()
        self.in_region = set(region.municipalities.values_list("pk", flat=True))
        self.themes: dict[str, Theme] = {}
        for theme in Theme.objects.filter(is_active=True):
            self.themes[fold(theme.slug)] = theme
            self.themes[fold(theme.name)] = theme
        self.sections: dict[str, SbiSection] = {}
        for section in SbiSection.objects.all():
            self.sections[fold(section.code)] = section
            self.sections[fold(section.name)] = section
        self.sizes = _index(SIZE_WORDS, SizeClass)
        self.urgencies = _index(URGENCY_WORDS, Urgency)


def _cell(cells: list[Any], index: int | None) -> Any:
    if index is None or index >= len(cells):
        return None
    return cells[index]


def _check_row(
    number: int,
    cells: list[Any],
    columns: dict[str, int],
    headers: dict[str, str],
    lookups: _Lookups,
) -> RowReport:
    row = RowReport(number)

    def error(name: str, message: str) -> None:
        row.errors.append(Issue(headers.get(name, ""), message))

    def text(name: str, *, multiline: bool = False) -> str:
        value = _cell(cells, columns.get(name))
        if isinstance(value, Formula | ErrorValue):
            error(
                name,
                _("This cell holds a formula or an error (%(text)s); enter the value itself.")
                % {"text": value.text[:50]},
            )
            return ""
        return clean_text(value, multiline=multiline)

    question = text("question", multiline=True)
    row.question = question
    if not question:
        error("question", _("The question is empty."))
    elif len(question) > QUESTION_MAX_LENGTH:
        error(
            "question",
            _("The question is %(length)s characters long; at most %(max)s fit.")
            % {"length": len(question), "max": QUESTION_MAX_LENGTH},
        )
    data = NeedData(question=question, source_reference="")
    data.company_name = text("company_name")[:200]
    data.contact_name = text("contact_name")[:200]
    email = text("contact_email")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            error(
                "contact_email", _("“%(value)s” is not an e-mail address.") % {"value": email[:100]}
            )
        data.contact_email = email[:254]
    data.contact_phone = text("contact_phone")[:50]
    if place := text("municipality"):
        resolution = lookups.resolver.resolve(place)
        if resolution.municipality is None:
            if resolution.candidates:
                error(
                    "municipality",
                    _("“%(value)s” is ambiguous: %(options)s. Enter the municipality.")
                    % {"value": place, "options": ", ".join(m.name for m in resolution.candidates)},
                )
            else:
                error(
                    "municipality",
                    _("Unknown municipality or place: %(value)s.") % {"value": place},
                )
        elif resolution.municipality.pk not in lookups.in_region:
            error(
                "municipality",
                _("%(municipality)s is not part of %(region)s.")
                % {"municipality": resolution.municipality.name, "region": lookups.region.name},
            )
        else:
            data.municipality = resolution.municipality
    if size := text("size_class"):
        value = lookups.sizes.get(fold(size))
        if value is None:
            error(
                "size_class",
                _("Unknown size class “%(value)s”; use zzp, micro, klein or middelgroot.")
                % {"value": size[:50]},
            )
        else:
            data.size_class = value
    if sector := text("sector"):
        section = lookups.sections.get(fold(sector))
        if section is None:
            error(
                "sector",
                _("Unknown sector “%(value)s”; use the letter of the SBI section, such as C or G.")
                % {"value": sector[:50]},
            )
        else:
            data.sbi_section = section
    if themes := text("themes"):
        found, unknown = [], []
        for name in [t for t in themes.replace(";", ",").split(",") if t.strip()]:
            theme = lookups.themes.get(fold(name))
            (found if theme else unknown).append(theme or name.strip())
        if unknown:
            error("themes", _("Unknown themes: %(values)s.") % {"values": ", ".join(unknown)[:200]})
        data.themes = found
    if urgency := text("urgency"):
        value = lookups.urgencies.get(fold(urgency))
        if value is None:
            error(
                "urgency",
                _("Unknown urgency “%(value)s”; use laag, normaal or hoog.")
                % {"value": urgency[:50]},
            )
        else:
            data.urgency = value
    consent_value = _cell(cells, columns.get("consent"))
    if consent_value not in (None, ""):
        try:
            data.follow_up_consent = bool(parse_bool(consent_value))
        except ValueProblem as problem:
            error("consent", problem.message)
    if not data.follow_up_consent and (
        data.contact_email or data.contact_phone or data.contact_name
    ):
        row.warnings.append(
            Issue(
                headers.get("consent", ""),
                _("No consent for follow-up: the contact details of this row are not saved."),
            )
        )
        data.contact_name = data.contact_email = data.contact_phone = ""
    row.data = data
    return row


def survey_validate(*, source: bytes, filename: str, region: Region) -> SurveyReport:
    """Check a survey file completely; nothing is saved."""
    report = SurveyReport()
    try:
        sheet = read_sheet(
            source, find_header=_find_header, no_header=_no_header(), filename=filename
        )
    except ImportFileError as error:
        report.file_errors.append(error.message)
        return report
    report.format = sheet.format
    columns: dict[str, int] = sheet.found["known"]
    headers = {name: str(sheet.header_row[index]).strip() for name, index in columns.items()}
    report.headers = headers
    if sheet.found["unknown"]:
        report.file_errors.append(
            _(
                "Unknown columns: %(unknown)s. Rename them to one of the known columns "
                "(Vraag, Bedrijfsnaam, Naam, E-mailadres, Telefoon, Gemeente, Grootte, Sector, "
                "Thema's, Urgentie, Toestemming) or remove them, so that no answer is lost "
                "unnoticed."
            )
            % {"unknown": ", ".join(f"“{h}”" for h in sheet.found["unknown"])[:500]}
        )
    if not sheet.rows:
        report.file_errors.append(_("The file has column headers but no rows with questions."))
        return report
    lookups = _Lookups(region)
    for number, cells in sheet.rows:
        row = _check_row(number, cells, columns, headers, lookups)
        if row.data is not None:
            row.data.source_reference = f"{filename[:150]}, rij {number}"
        report.rows.append(row)
    return report


@dataclass
class SurveyImportResult:
    report: SurveyReport
    needs: list[Need] = field(default_factory=list)

    @property
    def saved(self) -> bool:
        return bool(self.needs)


def survey_import(
    *, region: Region, source: bytes, filename: str, actor: Any, consent_text: str = ""
) -> SurveyImportResult:
    """Save every question of a survey file as a need of ``region`` (source: survey), or —
    when any row or the file has an error — nothing at all. Matching of the new questions is
    queued after the commit."""
    from .tasks import match_region_needs

    report = survey_validate(source=source, filename=filename, region=region)
    result = SurveyImportResult(report)
    if not report.is_valid:
        return result
    with transaction.atomic():
        for row in report.rows:
            assert row.data is not None  # noqa: S101
            result.needs.append(
                need_create(
                    region=region,
                    data=row.data,
                    actor=actor,
                    source=NeedSource.SURVEY,
                    consent_text=consent_text,
                    match=False,
                )
            )
        audit_log(
            actor=actor,
            action=AuditAction.IMPORT,
            obj=region,
            message=_("%(count)s questions imported from %(file)s")
            % {"count": len(result.needs), "file": filename[:150]},
        )
        region_id = region.pk
        transaction.on_commit(lambda: match_region_needs.enqueue(region_id))
    return result
