"""The daily jobs of learning together, run by the platform's schedule (``run_schedule``):
reminders to registered people the day before a session, and a reminder to the organiser
when a session's report is still missing a week after it took place. Each is sent once:
the time it went out is stored before the mail is queued."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from .constants import RegistrationStatus, SessionStatus
from .models import Registration, Session

REMINDER_BEFORE = dt.timedelta(hours=36)
REPORT_AFTER = dt.timedelta(days=7)


def sessions_missing_report(now: dt.datetime) -> list[Session]:
    return list(
        Session.objects.filter(
            ends_at__lte=now - REPORT_AFTER,
            report__isnull=True,
            report_reminder_sent_at__isnull=True,
            organiser__isnull=False,
        )
        .exclude(status=SessionStatus.CANCELLED)
        .select_related("programme")
    )


@transaction.atomic
def learning_schedule_tick(now: dt.datetime | None = None) -> list[str]:
    """Queue the reminders that are due; returns a line per mail for the log."""
    from .tasks import send_registration_mail, send_report_reminder

    now = now or timezone.now()
    done = []
    due = Registration.objects.filter(
        status=RegistrationStatus.REGISTERED,
        reminder_sent_at__isnull=True,
        session__starts_at__gt=now,
        session__starts_at__lte=now + REMINDER_BEFORE,
    ).exclude(session__status=SessionStatus.CANCELLED)
    for registration in due.select_related("session"):
        registration.reminder_sent_at = now
        registration.save(update_fields=["reminder_sent_at"])
        pk = registration.pk
        transaction.on_commit(lambda pk=pk: send_registration_mail.enqueue(pk, "reminder"))
        done.append(f"reminder {registration.session} → {registration.email}")
    for session in sessions_missing_report(now):
        session.report_reminder_sent_at = now
        session.save(update_fields=["report_reminder_sent_at"])
        pk = session.pk
        transaction.on_commit(lambda pk=pk: send_report_reminder.enqueue(pk))
        done.append(f"report reminder {session}")
    return done
