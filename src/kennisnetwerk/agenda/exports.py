"""The DOE agenda as a Word document for the administrators who sign it, and as a workbook."""

from __future__ import annotations

import io
from decimal import Decimal

from django.utils.translation import gettext as _

from kennisnetwerk.core.exports import safe_cell

from .constants import ActionStatus
from .models import Agenda
from .selectors import agenda_actions, agenda_progress


def commitment_text(values: dict) -> str:
    """A commitment as text: numbers, or the strings a frozen version stores."""
    parts = []
    if values.get("hours") is not None:
        parts.append(_("%(n)s hours") % {"n": f"{Decimal(values['hours']).normalize():f}"})
    if values.get("money") is not None:
        parts.append(f"€ {Decimal(values['money']):,.2f}".replace(",", " "))
    if values.get("people") is not None:
        parts.append(_("%(n)s people") % {"n": values["people"]})
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


def agenda_docx(agenda: Agenda, *, version=None) -> bytes:
    """Goals, actions with owners and deadlines, commitments per party, milestones, and a
    signature block, each in a table."""
    from docx import Document

    document = Document()
    document.add_heading(agenda.title, level=0)
    subtitle = _("DOE agenda of %(region)s") % {"region": agenda.region.name}
    if version is not None:
        subtitle += " — " + _("version %(n)s of %(date)s") % {
            "n": version.number,
            "date": version.frozen_at.strftime("%d-%m-%Y"),
        }
    document.add_paragraph(subtitle)
    if agenda.description:
        document.add_paragraph(agenda.description)

    document.add_heading(_("Goals"), level=1)
    goals = document.add_table(rows=1, cols=2)
    goals.style = "Table Grid"
    goals.rows[0].cells[0].text, goals.rows[0].cells[1].text = _("Goal"), _("Description")
    for goal in agenda.goals.all():
        row = goals.add_row().cells
        row[0].text, row[1].text = goal.title, goal.description

    document.add_heading(_("Actions"), level=1)
    actions = document.add_table(rows=1, cols=5)
    actions.style = "Table Grid"
    for cell, label in zip(
        actions.rows[0].cells,
        [_("Action"), _("Owner"), _("Deadline"), _("Status"), _("Progress")],
        strict=True,
    ):
        cell.text = label
    for action, prefix in _rows(agenda):
        row = actions.add_row().cells
        row[0].text = prefix + action.title
        row[1].text = action.owner.name
        row[2].text = action.deadline.strftime("%d-%m-%Y") if action.deadline else ""
        row[3].text = str(ActionStatus(action.status).label)
        row[4].text = f"{action.rolled_up} %"

    document.add_heading(_("Commitments"), level=1)
    commitments = document.add_table(rows=1, cols=3)
    commitments.style = "Table Grid"
    for cell, label in zip(
        commitments.rows[0].cells, [_("Organisation"), _("Action"), _("Commitment")], strict=True
    ):
        cell.text = label
    for action, _prefix in _rows(agenda):
        for contribution in action.contributions.all():
            row = commitments.add_row().cells
            row[0].text = contribution.organisation.name
            row[1].text = action.title
            row[2].text = _commitment(contribution)

    milestones = list(agenda.milestones.all())
    if milestones:
        document.add_heading(_("Milestones"), level=1)
        table = document.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = _("Milestone"), _("Date")
        for milestone in milestones:
            row = table.add_row().cells
            row[0].text, row[1].text = milestone.title, milestone.date.strftime("%d-%m-%Y")

    document.add_heading(_("Signatures"), level=1)
    signatures = document.add_table(rows=4, cols=3)
    signatures.style = "Table Grid"
    for cell, label in zip(
        signatures.rows[0].cells, [_("Name"), _("Organisation"), _("Signature")], strict=True
    ):
        cell.text = label
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def agenda_xlsx(agenda: Agenda) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Actions")[:31]
    sheet.append(
        [
            _("Action"),
            _("Part of"),
            _("Goal"),
            _("Owner"),
            _("Deadline"),
            _("Status"),
            _("Progress"),
            _("Commitments"),
        ]
    )
    for action, _prefix in _rows(agenda):
        sheet.append(
            [
                safe_cell(action.title),
                safe_cell(action.parent.title) if action.parent_id else "",
                safe_cell(action.goal.title) if action.goal_id else "",
                safe_cell(action.owner.name),
                action.deadline,
                str(ActionStatus(action.status).label),
                action.rolled_up,
                safe_cell(
                    "; ".join(
                        f"{c.organisation.name}: {_commitment(c)}"
                        for c in action.contributions.all()
                    )
                ),
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


__all__ = ["agenda_docx", "agenda_progress", "agenda_xlsx"]
