"""Emitting a notification: stored for the recipients only, mailed through the outbox at once
or in a summary, or not at all, as each person chose."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from kennisnetwerk.accounts.tests.factories import UserFactory, make_facilitator
from kennisnetwerk.core.outbox import OutboxStatus
from kennisnetwerk.notifications import registry
from kennisnetwerk.notifications.delivery import notification_mail_deliver
from kennisnetwerk.notifications.models import Notification, NotificationMail, Preference
from kennisnetwerk.notifications.registry import NotificationKind
from kennisnetwerk.notifications.selectors import unread_count
from kennisnetwerk.notifications.services import notification_emit, preference_set
from kennisnetwerk.notifications.summaries import summaries_schedule_tick

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def test_emit_reaches_the_recipients_but_not_the_actor_nor_closed_accounts(
    test_kind, emit, smtp_server
):
    actor, anna, bram = UserFactory(), UserFactory(), UserFactory()
    closed = UserFactory(is_active=False)
    emit(
        kind="test.event",
        recipients=[actor.pk, anna.pk, bram.pk, closed.pk],
        actor_id=actor.pk,
        title="Nieuw onderwerp: kringlooplogistiek",
        body="Wie heeft ervaring met retourstromen?",
        url="/leren/1/",
    )
    assert set(Notification.objects.values_list("recipient_id", flat=True)) == {anna.pk, bram.pk}
    assert unread_count(user=anna) == 1 and unread_count(user=actor) == 0
    mails = smtp_server.wait_for(2)
    assert sorted(m["To"] for m in mails) == sorted([anna.email, bram.email])
    mail = next(m for m in mails if m["To"] == anna.email)
    assert mail["Subject"] == "Nieuw onderwerp: kringlooplogistiek"
    text = mail.get_body(("plain",)).get_content()
    assert "Wie heeft ervaring met retourstromen?" in text
    assert "http://testserver/leren/1/" in text or "/leren/1/" in text
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert NotificationMail.objects.filter(status=OutboxStatus.SENT).count() == 2


def test_nothing_is_written_when_the_emitting_transaction_rolls_back(test_kind, smtp_server):
    from django.db import transaction

    anna = UserFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        notification_emit(kind="test.event", recipients=[anna.pk], title="x", url="/")
        raise RuntimeError
    assert not Notification.objects.exists() and not NotificationMail.objects.exists()


def test_an_unknown_kind_fails_at_the_caller():
    with pytest.raises(LookupError):
        notification_emit(kind="geen.soort", recipients=[1], title="x", url="/")


def test_channels_centre_off_daily_and_weekly(test_kind, emit, smtp_server, settings):
    centre, off, daily, weekly = UserFactory(), UserFactory(), UserFactory(), UserFactory()
    preference_set(user=centre, kind="test.event", channel="centre")
    preference_set(user=off, kind="test.event", channel="off")
    preference_set(user=daily, kind="test.event", channel="daily")
    preference_set(user=weekly, kind="test.event", channel="weekly")
    for n in range(2):
        emit(
            kind="test.event",
            recipients=[centre.pk, off.pk, daily.pk, weekly.pk],
            title=f"Gebeurtenis {n}",
            url=f"/leren/{n}/",
        )
    # off: nothing at all; the others see it in the centre; nobody has a mail yet.
    assert not Notification.objects.filter(recipient=off).exists()
    assert Notification.objects.filter(recipient=centre).count() == 2
    assert not NotificationMail.objects.exists()

    settings.NOTIFICATIONS_SUMMARY_HOUR = 7
    settings.NOTIFICATIONS_SUMMARY_WEEKDAY = 0
    tuesday_early = dt.datetime(2030, 1, 8, 6, 0, tzinfo=AMS)
    assert summaries_schedule_tick(tuesday_early) == []
    tuesday = dt.datetime(2030, 1, 8, 7, 5, tzinfo=AMS)
    assert summaries_schedule_tick(tuesday) == ["notifications: 1 daily summaries"]
    notification_mail_deliver()
    [summary] = smtp_server.wait_for(1)
    assert summary["To"] == daily.email
    assert summary["Subject"] == "Uw dagelijkse samenvatting: 2 meldingen"
    text = summary.get_body(("plain",)).get_content()
    assert "Gebeurtenis 0" in text and "Gebeurtenis 1" in text
    # Later ticks of the same day compose nothing again.
    assert summaries_schedule_tick(tuesday + dt.timedelta(hours=2)) == []

    monday = dt.datetime(2030, 1, 14, 8, 0, tzinfo=AMS)
    lines = summaries_schedule_tick(monday)
    assert lines == ["notifications: 0 daily summaries", "notifications: 1 weekly summaries"]
    notification_mail_deliver()
    mails = smtp_server.wait_for(2)
    assert [m["To"] for m in mails] == [daily.email, weekly.email]
    assert mails[1]["Subject"] == "Uw wekelijkse samenvatting: 2 meldingen"
    assert "List-Unsubscribe" in mails[1]


def test_defaults_per_role(monkeypatch, emit, smtp_server):
    kind = NotificationKind(
        key="test.busy", label="Druk", default_channel="instant", facilitator_channel="daily"
    )
    monkeypatch.setitem(registry._kinds, kind.key, kind)
    member, facilitator = UserFactory(), make_facilitator()
    emit(kind="test.busy", recipients=[member.pk, facilitator.pk], title="x", url="/")
    channels = dict(Notification.objects.values_list("recipient_id", "channel"))
    assert channels == {member.pk: "instant", facilitator.pk: "daily"}
    assert [m["To"] for m in smtp_server.wait_for(1)] == [member.email]


def test_a_mail_claimed_twice_is_not_sent_twice(test_kind, emit, smtp_server):
    """A worker that dies after a mail was accepted leaves it marked sent; the next worker
    sends only the rest, and a task run again writes no second notification."""
    people = [UserFactory() for _ in range(5)]
    preference_set(user=people[0], kind="test.event", channel="instant")

    class Stop(Exception):
        pass

    from django.db import transaction

    from kennisnetwerk.notifications.services import notifications_fan_out

    with transaction.atomic():
        notifications_fan_out(
            event="00000000-0000-0000-0000-000000000001",
            kind="test.event",
            recipient_ids=[p.pk for p in people],
            title="Eenmaal",
            url="/",
        )
    # The fan-out task runs again (a worker crashed after its commit): nothing doubles.
    assert (
        notifications_fan_out(
            event="00000000-0000-0000-0000-000000000001",
            kind="test.event",
            recipient_ids=[p.pk for p in people],
            title="Eenmaal",
            url="/",
        )
        == 0
    )
    assert Notification.objects.count() == 5 and NotificationMail.objects.count() == 5

    def stop_after_two(mail):
        if NotificationMail.objects.filter(status=OutboxStatus.SENT).count() == 2:
            raise Stop

    with pytest.raises(Stop):
        notification_mail_deliver(after_each=stop_after_two)
    assert len(smtp_server.wait_for(2)) == 2
    notification_mail_deliver()
    received = sorted(m["To"] for m in smtp_server.wait_for(5))
    assert received == sorted(p.email for p in people)
    assert NotificationMail.objects.filter(status=OutboxStatus.SENT).count() == 5


def test_a_stale_claim_is_taken_over_but_a_sent_mail_never(test_kind, emit, smtp_server):
    anna, bram = UserFactory(), UserFactory()
    preference_set(user=anna, kind="test.event", channel="centre")
    preference_set(user=bram, kind="test.event", channel="centre")
    from kennisnetwerk.notifications.services import mail_queue

    mail_queue(to="a@voorbeeld.example", subject="A", text="a", html="")
    mail_queue(to="b@voorbeeld.example", subject="B", text="b", html="")
    first, second = NotificationMail.objects.order_by("pk")
    long_ago = timezone.now() - dt.timedelta(hours=1)
    NotificationMail.objects.filter(pk=first.pk).update(status=OutboxStatus.SENT)
    NotificationMail.objects.filter(pk=second.pk).update(
        status=OutboxStatus.SENDING, updated_at=long_ago
    )
    result = notification_mail_deliver()
    assert result.sent == 1
    assert [m["To"] for m in smtp_server.wait_for(1)] == ["b@voorbeeld.example"]


def test_the_one_click_unsubscribe_link_switches_the_kind_off(test_kind, emit, smtp_server, client):
    anna = UserFactory()
    emit(kind="test.event", recipients=[anna.pk], title="Eerste", url="/")
    [mail] = smtp_server.wait_for(1)
    [link] = re.findall(r"<([^>]+)>", str(mail["List-Unsubscribe"]))
    path = link.split("://", 1)[1].split("/", 1)[1]
    # A link checker's GET changes nothing.
    assert client.get("/" + path).status_code == 200
    assert not Preference.objects.filter(user=anna, channel="off").exists()
    # The mail program's one-click POST, without a session or CSRF token.
    response = client.post("/" + path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Preference.objects.get(user=anna, kind="test.event").channel == "off"
    emit(kind="test.event", recipients=[anna.pk], title="Tweede", url="/")
    assert Notification.objects.filter(recipient=anna).count() == 1
    # A tampered link does nothing.
    assert client.post("/" + path[:-3] + "xyz/").status_code == 404


def test_the_schedule_sends_mails_that_wait(test_kind, smtp_server):
    from kennisnetwerk.notifications.hooks_registration import notification_mail_retry
    from kennisnetwerk.notifications.services import mail_queue

    assert notification_mail_retry(timezone.now()) == []
    mail_queue(to="wacht@voorbeeld.example", subject="Wacht", text="x", html="")
    NotificationMail.objects.update(status=OutboxStatus.FAILED, attempts=1)
    assert notification_mail_retry(timezone.now()) == [
        "notifications: 1 mails waiting, worker started"
    ]
    assert [m["To"] for m in smtp_server.wait_for(1)] == ["wacht@voorbeeld.example"]
    assert NotificationMail.objects.get().status == OutboxStatus.SENT


def test_a_kind_switched_off_after_it_happened_is_left_out_of_the_summary(
    test_kind, emit, smtp_server, monkeypatch
):
    other = NotificationKind(key="test.other", label="Andere gebeurtenis", default_channel="daily")
    monkeypatch.setitem(registry._kinds, other.key, other)
    anna = UserFactory()
    preference_set(user=anna, kind="test.event", channel="daily")
    emit(kind="test.event", recipients=[anna.pk], title="Uitgezet", url="/")
    emit(kind="test.other", recipients=[anna.pk], title="Blijft", url="/")
    preference_set(user=anna, kind="test.event", channel="off")
    tuesday = dt.datetime(2030, 1, 8, 9, 0, tzinfo=AMS)
    assert summaries_schedule_tick(tuesday) == ["notifications: 1 daily summaries"]
    notification_mail_deliver()
    [mail] = smtp_server.wait_for(1)
    text = mail.get_body(("plain",)).get_content()
    assert "Blijft" in text and "Uitgezet" not in text
    assert not Notification.objects.filter(mailed_at__isnull=True).exists()
