"""The attendance list of a session as an Excel workbook, for the organiser and the
administration of the programme. Text cells that could run as a formula are escaped."""

from __future__ import annotations

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from kennisnetwerk.core.exports import safe_cell

from .models import Registration, Session


def attendance_workbook(session: Session, registrations: list[Registration]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Attendance")[:31]
    sheet.append([safe_cell(session.title)])
    sheet.append(
        [
            safe_cell(session.programme.title),
            timezone.localtime(session.starts_at).strftime("%d-%m-%Y %H:%M"),
            safe_cell(session.place),
        ]
    )
    sheet.append([])
    header = [
        _("Name"),
        _("Organisation"),
        _("E-mail address"),
        _("Status"),
        _("Guest"),
        _("Registered at"),
        _("Attended"),
    ]
    sheet.append(header)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for r in registrations:
        attended = "" if r.attended is None else (_("yes") if r.attended else _("no"))
        sheet.append(
            [
                safe_cell(r.name),
                safe_cell(r.organisation_name),
                safe_cell(r.email),
                r.get_status_display(),
                _("yes") if r.is_guest else _("no"),
                timezone.localtime(r.created_at).strftime("%d-%m-%Y %H:%M"),
                attended,
            ]
        )
    for column, width in zip("ABCDEFG", (30, 30, 34, 22, 8, 18, 10), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
