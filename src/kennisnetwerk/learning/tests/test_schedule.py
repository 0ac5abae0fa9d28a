"""The daily jobs: a reminder to everyone registered the day before a session, and a reminder
to the organiser when a report is still missing a week after the session; each only once.
The jobs run from the platform's schedule (run_schedule)."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from kennisnetwerk.learning import services_sessions as services
from kennisnetwerk.learning.schedule import learning_schedule_tick

from .factories import SessionFactory

pytestmark = pytest.mark.django_db


def test_reminders_go_out_once_the_day_before(
    session, members, smtp_server, django_capture_on_commit_callbacks
):
    services.session_register(session=session, name="Eva", email="eva@oss.example")
    services.session_register(session=session, name="Tom", email="tom@oss.example")
    services.session_register(session=session, name="Wachter", email="wacht@oss.example")
    smtp_server.messages.clear()
    too_early = session.starts_at - dt.timedelta(days=3)
    assert learning_schedule_tick(too_early) == []
    day_before = session.starts_at - dt.timedelta(hours=20)
    with django_capture_on_commit_callbacks(execute=True):
        learning_schedule_tick(day_before)
    mails = smtp_server.wait_for(2)
    assert sorted(m["To"] for m in mails) == ["eva@oss.example", "tom@oss.example"]
    assert mails[0]["Subject"].startswith("Herinnering:")
    assert any(p.get_content_type() == "text/calendar" for p in mails[0].iter_attachments())
    assert learning_schedule_tick(day_before + dt.timedelta(hours=1)) == []


def test_the_organiser_is_reminded_of_a_missing_report_a_week_later(
    programme, organiser, smtp_server, django_capture_on_commit_callbacks
):
    start = timezone.now() - dt.timedelta(days=9)
    missing = SessionFactory(
        programme=programme, organiser=organiser, starts_at=start, title="Werkbezoek Fieldlab"
    )
    reported = SessionFactory(programme=programme, organiser=organiser, starts_at=start)
    services.report_save(
        session=reported, data=services.ReportData(minutes="Gedaan."), actor=organiser
    )
    recent = SessionFactory(
        programme=programme, organiser=organiser, starts_at=timezone.now() - dt.timedelta(days=2)
    )
    with django_capture_on_commit_callbacks(execute=True):
        lines = learning_schedule_tick()
    assert lines == [f"report reminder {missing}"]
    mail = smtp_server.wait_for(1)[0]
    assert mail["To"] == organiser.email
    assert "Het verslag van Werkbezoek Fieldlab ontbreekt nog" in mail["Subject"]
    assert f"/leren/bijeenkomsten/{missing.pk}/verslag/" in mail.get_body(("plain",)).get_content()
    assert learning_schedule_tick() == []
    assert recent.pk != missing.pk


def test_run_schedule_runs_the_learning_jobs(programme, organiser, capsys):
    start = timezone.now() - dt.timedelta(days=9)
    SessionFactory(programme=programme, organiser=organiser, starts_at=start, title="Excursie")
    call_command("run_schedule", once=True)
    assert "report reminder Excursie" in capsys.readouterr().out
