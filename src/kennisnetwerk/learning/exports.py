"""The attendance list of a session as an Excel workbook, for the organiser and the
administration of the programme (``core.exports``: real dates, escaped text)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from kennisnetwerk.core.exports import SheetTable, xlsx_bytes

from .models import Registration, Session


def attendance_workbook(session: Session, registrations: list[Registration]) -> bytes:
    rows = []
    for r in registrations:
        attended = "" if r.attended is None else (_("yes") if r.attended else _("no"))
        rows.append(
            [
                r.name,
                r.organisation_name,
                r.email,
                r.get_status_display(),
                _("yes") if r.is_guest else _("no"),
                r.created_at,
                attended,
            ]
        )
    return xlsx_bytes(
        SheetTable(
            title=_("Attendance"),
            intro=[[session.title], [session.programme.title, session.starts_at, session.place]],
            header=[
                _("Name"),
                _("Organisation"),
                _("E-mail address"),
                _("Status"),
                _("Guest"),
                _("Registered at"),
                _("Attended"),
            ],
            rows=rows,
        )
    )
