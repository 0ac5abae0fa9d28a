"""The DOE agenda as a Word document for the administrators who sign it, and as a workbook.

The Word document is written in the active language (nl-NL by default: the document's default
language in its styles, so Word checks the spelling in Dutch), on A4, with title metadata; every
table has a header row that is marked as such (repeated at the top of each page, read as a
header by screen readers) and column widths wide enough for the longest word of each column.
The workbook goes through the platform's one .xlsx writer (``core.exports``)."""

from __future__ import annotations

import io

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kennisnetwerk.core.exports import SheetTable, xlsx_bytes
from kennisnetwerk.core.formatting import format_count, format_date, format_money

from .constants import ActionStatus
from .models import Agenda
from .selectors import agenda_actions, agenda_progress

NBSP = "\u00a0"


def commitment_text(values: dict) -> str:
    """A commitment as text: 40 uur, € 15.000,00, 2 personen (numbers, or the strings a
    frozen version stores)."""
    parts = []
    if values.get("hours") is not None:
        parts.append(format_count(values["hours"], "hour"))
    if values.get("money") is not None:
        parts.append(format_money(values["money"]))
    if values.get("people") is not None:
        parts.append(format_count(values["people"], "person"))
    return ", ".join(parts)


def _commitment(contribution) -> str:
    return commitment_text(
        {"hours": contribution.hours, "money": contribution.money, "people": contribution.people}
    )


def _rows(agenda: Agenda):
    for action in agenda_actions(agenda):
        yield action, ""
        for sub in action.subactions:
            yield sub, "— "


def _language_tag() -> str:
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return {"nl": "nl-NL", "en": "en-GB"}.get(language, "nl-NL")


def _set_language(document, tag: str) -> None:
    """The document's default language (docDefaults in the styles) and the theme's, so Word
    and LibreOffice check spelling and hyphenate in that language."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    settings_element = document.settings.element
    theme_lang = settings_element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), tag)


# Text in tables is 10 pt; a character of Calibri at 10 pt is at most about 0.21 cm wide
# (digits and capitals), and a cell has 0.19 cm of padding on either side.
CHAR_CM, PADDING_CM = 0.21, 0.45


def _fit_columns(table, usable_cm: float) -> None:
    """Column widths that never split a word: each column gets at least the width of its
    longest word; what is left of the page width goes to the columns with the most text."""
    from docx.shared import Cm

    columns = len(table.columns)
    longest_word = [1] * columns
    longest_text = [1] * columns
    for row in table.rows:
        for index, cell in enumerate(row.cells):
            for line in cell.text.splitlines() or [""]:
                longest_text[index] = max(longest_text[index], len(line))
                for word in line.split():
                    longest_word[index] = max(longest_word[index], len(word))
    minimum = [w * CHAR_CM + PADDING_CM for w in longest_word]
    wanted = [max(t * CHAR_CM + PADDING_CM, m) for t, m in zip(longest_text, minimum, strict=True)]
    if sum(wanted) <= usable_cm:
        widths = [w * usable_cm / sum(wanted) for w in wanted]
    elif sum(minimum) <= usable_cm:
        spare = usable_cm - sum(minimum)
        extra = [w - m for w, m in zip(wanted, minimum, strict=True)]
        widths = [m + spare * e / sum(extra) for m, e in zip(minimum, extra, strict=True)]
    else:
        widths = [m * usable_cm / sum(minimum) for m in minimum]
    table.autofit = False
    for index, width in enumerate(widths):
        table.columns[index].width = Cm(width)
        for cell in table.columns[index].cells:
            cell.width = Cm(width)


def _table(document, header: list[str], rows: list[list[str]], usable_cm: float, *, blank=0):
    """A table with a marked header row (``w:tblHeader``: repeated on every page, a header
    for screen readers), rows that do not break across pages, 10 pt text."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, header, strict=True):
        cell.text = label
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for values in [*rows, *([[""] * len(header)] * blank)]:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    for number, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        if number == 0:
            tr_pr.append(OxmlElement("w:tblHeader"))
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.space_after = Pt(0)
                for run in paragraph.runs:
                    run.font.size = Pt(10)
    table_pr = table._tbl.tblPr
    caption = OxmlElement("w:tblCaption")
    caption.set(qn("w:val"), header[0])
    table_pr.append(caption)
    _fit_columns(table, usable_cm)
    return table


def _keep(text: str) -> str:
    """A date or an amount as one unbreakable word (7 dec. 2026, € 15.000,00)."""
    return text.replace(" ", NBSP) if text != "—" else ""


def agenda_docx(agenda: Agenda, *, version=None) -> bytes:
    """Goals, actions with owners and deadlines, commitments per party, milestones, and a
    signature block, each in a table."""
    from docx import Document
    from docx.shared import Cm

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    usable = 21 - 4
    tag = _language_tag()
    _set_language(document, tag)

    subtitle = _("DOE agenda of %(region)s") % {"region": agenda.region.name}
    properties = document.core_properties
    properties.title = agenda.title
    properties.subject = subtitle
    properties.author = settings.NETWORK_NAME
    properties.language = tag
    properties.keywords = _("DOE agenda")

    document.add_heading(agenda.title, level=0)
    if version is not None:
        subtitle += " — " + _("version %(n)s of %(date)s") % {
            "n": version.number,
            "date": format_date(version.frozen_at, "long"),
        }
    document.add_paragraph(subtitle)
    if agenda.description:
        document.add_paragraph(agenda.description)

    document.add_heading(_("Goals"), level=1)
    _table(
        document,
        [_("Goal"), _("Description")],
        [[goal.title, goal.description] for goal in agenda.goals.all()],
        usable,
    )

    document.add_heading(_("Actions"), level=1)
    _table(
        document,
        [_("Action"), _("Owner"), _("Deadline"), _("Status"), _("Progress")],
        [
            [
                prefix + action.title,
                action.owner.name,
                _keep(format_date(action.deadline)),
                str(ActionStatus(action.status).label),
                f"{action.rolled_up}{NBSP}%",
            ]
            for action, prefix in _rows(agenda)
        ],
        usable,
    )

    document.add_heading(_("Commitments"), level=1)
    _table(
        document,
        [_("Organisation"), _("Action"), _("Commitment")],
        [
            [contribution.organisation.name, action.title, _commitment(contribution)]
            for action, _prefix in _rows(agenda)
            for contribution in action.contributions.all()
        ],
        usable,
    )

    milestones = list(agenda.milestones.all())
    if milestones:
        document.add_heading(_("Milestones"), level=1)
        _table(
            document,
            [_("Milestone"), _("Date")],
            [[m.title, _keep(format_date(m.date))] for m in milestones],
            usable,
        )

    document.add_heading(_("Signatures"), level=1)
    signatures = _table(
        document, [_("Name"), _("Organisation"), _("Signature")], [], usable, blank=3
    )
    for row in signatures.rows[1:]:
        row.height = Cm(1.5)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def agenda_xlsx(agenda: Agenda) -> bytes:
    """One row per action and sub-action: the deadline as a date cell, progress as a number,
    the commitments as text."""
    return xlsx_bytes(
        SheetTable(
            title=_("Actions"),
            header=[
                _("Action"),
                _("Part of"),
                _("Goal"),
                _("Owner"),
                _("Deadline"),
                _("Status"),
                _("Progress (%)"),
                _("Commitments"),
            ],
            rows=[
                [
                    action.title,
                    action.parent.title if action.parent_id else "",
                    action.goal.title if action.goal_id else "",
                    action.owner.name,
                    action.deadline,
                    str(ActionStatus(action.status).label),
                    action.rolled_up,
                    "; ".join(
                        f"{c.organisation.name}: {_commitment(c)}"
                        for c in action.contributions.all()
                    ),
                ]
                for action, _prefix in _rows(agenda)
            ],
        )
    )


__all__ = ["agenda_docx", "agenda_progress", "agenda_xlsx"]
