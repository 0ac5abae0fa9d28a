"""Digests through a real SMTP server on loopback: one mail per subscriber and period with
what matches them, correct parts and headers, one-click unsubscribe, bounces, and a worker
that stops halfway and resumes without duplicates or losses."""

import datetime as dt
import re
import socket
from email import message_from_bytes, policy
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone

from kennisnetwerk.accounts.tests.factories import OrganisationFactory, RegionFactory
from kennisnetwerk.ecosystem.models import TargetGroup, Theme
from kennisnetwerk.geo.models import Municipality
from kennisnetwerk.outreach.constants import MailStatus, SubscriberStatus
from kennisnetwerk.outreach.delivery import outbox_deliver
from kennisnetwerk.outreach.models import DigestItem, Message, OutboxMail, Subscriber
from kennisnetwerk.outreach.services_digest import digest_run_compose, digest_run_start

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 24)


class _Server:
    """An SMTP server that refuses RCPT for addresses starting with "weg" (550)."""

    def __init__(self):
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address.startswith("weg"):
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(message_from_bytes(envelope.original_content, policy=policy.default))
        return "250 Message accepted"


@pytest.fixture
def smtp(settings):
    handler = _Server()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield handler
    controller.stop()


@pytest.fixture
def region():
    return RegionFactory(
        name="Noordoost-Brabant", slug="nob-digest", municipalities=["Oss", "Maashorst", "Bernheze"]
    )


def _subscriber(region, email, *, municipality="Oss", themes=(), size="", frequency="maandelijks"):
    subscriber = Subscriber.objects.create(
        region=region,
        email=email,
        company_name=email.split("@")[0].title(),
        municipality=Municipality.objects.get(name=municipality),
        size_class=size,
        frequency=frequency,
        status=SubscriberStatus.ACTIVE,
        confirmed_at=timezone.now(),
    )
    subscriber.themes.set(Theme.objects.filter(slug__in=themes))
    return subscriber


def _message(region, title, *, themes=(), municipalities=(), sizes=(), **extra):
    values = {
        "region": region,
        "sender": extra.pop("sender", None) or OrganisationFactory(),
        "kind": "nieuws",
        "title": title,
        "body": f"Over {title}.",
        "valid_from": TODAY - dt.timedelta(days=3),
        "valid_until": TODAY + dt.timedelta(days=30),
        "status": "goedgekeurd",
        **extra,
    }
    message = Message.objects.create(**values)
    message.themes.set(Theme.objects.filter(slug__in=themes))
    message.municipalities.set(Municipality.objects.filter(name__in=municipalities))
    message.target_groups.set(TargetGroup.objects.filter(code__in=sizes))
    return message


def _run(region, today=TODAY):
    run = digest_run_start(region=region, today=today)
    digest_run_compose(run=run)
    return run


def _titles(email):
    items = DigestItem.objects.filter(content__mails__to_email=email).order_by("position")
    return [item.message.title for item in items.select_related("message")]


def test_each_subscriber_gets_one_digest_with_what_matches(region, smtp):
    digital = _subscriber(
        region, "digitaal@voorbeeld.example", themes=["digitalisering"], size="micro"
    )
    everything = _subscriber(region, "alles@voorbeeld.example", municipality="Bernheze")
    _message(region, "Webinar digitale veiligheid", themes=["digitalisering"])
    _message(
        region,
        "Subsidie zonnepanelen Oss",
        themes=["circulaire-economie-en-verduurzaming"],
        municipalities=["Oss"],
    )
    _message(region, "Voor middelgrote bedrijven", sizes=["middelgroot"])
    _message(
        region,
        "Verlopen bericht",
        valid_until=TODAY - dt.timedelta(days=1),
        valid_from=TODAY - dt.timedelta(days=9),
    )
    _message(region, "Nog niet goedgekeurd", status="ingediend")
    _message(region, "Later inplannen", publish_from=TODAY + dt.timedelta(days=2))

    run = _run(region)
    result = outbox_deliver(run=run)
    assert result.sent == 2

    assert _titles(digital.email) == ["Webinar digitale veiligheid"]
    assert _titles(everything.email) == [
        "Webinar digitale veiligheid"
    ]  # Oss-only and size-only excluded

    assert len(smtp.messages) == 2
    mail = next(m for m in smtp.messages if m["To"] == digital.email)
    assert "Noordoost-Brabant" in mail["From"]
    text = mail.get_body(preferencelist=("plain",)).get_content()
    html = mail.get_body(preferencelist=("html",)).get_content()
    assert "Webinar digitale veiligheid" in text and "Webinar digitale veiligheid" in html
    assert "<img" not in html  # no tracking pixel
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert (
        str(mail["List-Unsubscribe"]).strip().startswith("<http")
        and "/nieuwsbrief/afmelden/" in mail["List-Unsubscribe"]
    )
    run.refresh_from_db()
    assert run.status == "klaar"


def test_one_click_unsubscribe_from_the_header_stops_all_mail(client, region, smtp):
    subscriber = _subscriber(region, "lezer@voorbeeld.example")
    _message(region, "Eerste bericht")
    outbox_deliver(run=_run(region))
    [mail] = smtp.messages
    [link] = re.findall(r"<([^>]+)>", str(mail["List-Unsubscribe"]))
    url = urlsplit(link).path

    assert client.get(url).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE  # a GET does not unsubscribe
    client.post(url, {"List-Unsubscribe": "One-Click"})
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED

    _message(region, "Tweede bericht")
    later = TODAY + dt.timedelta(days=40)
    _message(region, "Na de afmelding", valid_from=later, valid_until=later + dt.timedelta(days=5))
    outbox_deliver(run=_run(region, later))
    assert len(smtp.messages) == 1


def test_permanent_failures_mark_the_address_and_stop_mail(region, smtp):
    gone = _subscriber(region, "weg@voorbeeld.example")
    fine = _subscriber(region, "blijft@voorbeeld.example")
    _message(region, "Bericht")
    result = outbox_deliver(run=_run(region))
    assert (result.sent, result.bounced) == (1, 1)
    gone.refresh_from_db()
    assert gone.status == SubscriberStatus.BOUNCED
    assert OutboxMail.objects.get(subscriber=gone).status == MailStatus.BOUNCED
    assert [m["To"] for m in smtp.messages] == [fine.email]

    later = TODAY + dt.timedelta(days=40)
    _message(region, "Volgende maand", valid_from=later, valid_until=later + dt.timedelta(days=5))
    outbox_deliver(run=_run(region, later))
    assert sorted(m["To"] for m in smtp.messages) == [fine.email, fine.email]


class _Stop(Exception):
    pass


def test_a_worker_stopped_halfway_resumes_without_duplicates_or_losses(region, smtp):
    subscribers = [_subscriber(region, f"lezer{n}@voorbeeld.example") for n in range(7)]
    _message(region, "Bericht voor iedereen")
    run = _run(region)
    sent = []

    def stop_after_three(mail):
        sent.append(mail.pk)
        if len(sent) == 3:
            raise _Stop

    with pytest.raises(_Stop):
        outbox_deliver(run=run, after_each=stop_after_three)
    assert len(smtp.messages) == 3
    # Composing again (the whole command restarted) adds nothing, and the worker resumes.
    digest_run_compose(run=run)
    outbox_deliver(run=run)
    received = sorted(m["To"] for m in smtp.messages)
    assert received == sorted(s.email for s in subscribers)
    assert OutboxMail.objects.filter(status=MailStatus.SENT).count() == 7


def test_never_the_same_item_twice_and_a_contact_budget(region, smtp, settings):
    settings.DIGEST_MAX_ITEMS = 3
    weekly = _subscriber(region, "week@voorbeeld.example", frequency="wekelijks")
    for n in range(5):
        _message(region, f"Bericht {n}", valid_until=TODAY + dt.timedelta(days=60))
    outbox_deliver(run=_run(region))
    first = set(_titles(weekly.email))
    assert len(first) == 3

    # The day after: not due yet (weekly), so no second mail, whatever the senders want.
    _message(region, "Nog een bericht")
    assert (
        digest_run_compose(run=digest_run_start(region=region, today=TODAY + dt.timedelta(days=1)))[
            "due"
        ]
        == 0
    )

    next_week = TODAY + dt.timedelta(days=7)
    outbox_deliver(run=_run(region, next_week))
    second = [
        item.message.title
        for item in DigestItem.objects.filter(
            content__mails__subscriber=weekly, content__run__period_start=next_week
        ).select_related("message")
    ]
    assert len(second) == 3 and not first & set(second)


def test_the_command_says_when_a_region_has_no_subscribers(region, smtp):
    from io import StringIO

    out = StringIO()
    call_command("send_digests", region=region.name, stdout=out)
    assert "geen actieve abonnees" in out.getvalue()
    assert not OutboxMail.objects.exists()
    assert smtp.messages == []


def test_the_command_runs_a_period(region, smtp):
    from io import StringIO

    _subscriber(region, "lezer@voorbeeld.example")
    _message(region, "Bericht")
    out = StringIO()
    call_command("send_digests", region=region.slug, date=TODAY.isoformat(), stdout=out)
    assert len(smtp.messages) == 1
    assert "verzonden 1" in out.getvalue()


def test_the_schedule_queues_each_region_once_a_day_from_the_send_hour(region, smtp, settings):
    from zoneinfo import ZoneInfo

    from kennisnetwerk.outreach.models import DigestRun
    from kennisnetwerk.outreach.schedule import schedule_tick

    settings.DIGEST_SEND_HOUR = 7
    _subscriber(region, "lezer@voorbeeld.example")
    _message(region, "Bericht")
    RegionFactory(name="Zonder abonnees", municipalities=["Leiden"])
    amsterdam = ZoneInfo("Europe/Amsterdam")
    early = dt.datetime(2026, 11, 24, 6, 30, tzinfo=amsterdam)
    assert schedule_tick(early) == []
    at_seven = dt.datetime(2026, 11, 24, 7, 1, tzinfo=amsterdam)
    assert schedule_tick(at_seven) == ["Noordoost-Brabant"]  # the task ran at once (tests)
    assert schedule_tick(at_seven + dt.timedelta(hours=2)) == []
    assert DigestRun.objects.filter(region=region).count() == 1
    assert [m["To"] for m in smtp.messages] == ["lezer@voorbeeld.example"]


def test_contact_pressure_before_and_after_coordination(client, region, smtp, settings):
    from kennisnetwerk.accounts.tests.factories import make_coordinator

    settings.DIGEST_MAX_ITEMS = 2
    gemeente, kvk = (
        OrganisationFactory(name="Gemeente Oss (test)"),
        OrganisationFactory(name="KVK (test)"),
    )
    for n in range(3):
        _subscriber(region, f"klein{n}@voorbeeld.example", size="klein")
    _subscriber(region, "zzp@voorbeeld.example", size="zzp")
    _message(region, "Van de gemeente 1", sender=gemeente)
    _message(region, "Van de gemeente 2", sender=gemeente)
    _message(region, "Van KVK", sender=kvk, sizes=["klein"])
    outbox_deliver(run=_run(region))

    coordinator = make_coordinator(region)
    client.force_login(coordinator)
    page = client.get(f"/nieuwsbrief/{region.slug}/verzending/")
    assert page.status_code == 200
    pressure = page.context["pressure"]
    small = next(row for row in pressure.segments if row.subscribers == 3)
    assert (small.mails_wanted, small.mails_sent, small.items_sent) == (9, 3, 6)
    zzp = next(row for row in pressure.segments if row.subscribers == 1)
    assert (zzp.mails_wanted, zzp.mails_sent, zzp.items_sent) == (2, 1, 2)
    senders = {row.organisation: (row.wanted, row.delivered) for row in pressure.senders}
    assert senders["Gemeente Oss (test)"][0] == 8 and senders["KVK (test)"][0] == 3
    assert sum(d for _w, d in senders.values()) == 8

    outsider = make_coordinator(RegionFactory(name="Elders", municipalities=["Leiden"]))
    client.force_login(outsider)
    assert client.get(f"/nieuwsbrief/{region.slug}/verzending/").status_code == 403


def test_erasing_a_subscriber_removes_the_mails_written_to_them(region, smtp):
    from kennisnetwerk.outreach.services import subscriber_erase

    subscriber = _subscriber(region, "wis@voorbeeld.example")
    _message(region, "Bericht")
    outbox_deliver(run=_run(region))
    assert OutboxMail.objects.filter(to_email="wis@voorbeeld.example").exists()
    subscriber_erase(subscriber=subscriber)
    assert not OutboxMail.objects.filter(to_email="wis@voorbeeld.example").exists()
    # What stays of the run (the shared bodies) holds nothing of theirs.
    from kennisnetwerk.outreach.models import DigestContent

    bodies = list(DigestContent.objects.values_list("text_body", "html_body"))
    assert bodies and not any("wis@voorbeeld" in t or "wis@voorbeeld" in h for t, h in bodies)


def test_mails_claimed_by_a_worker_that_died_are_taken_over_later(region, smtp):
    from kennisnetwerk.outreach.delivery import CLAIM_STALE

    for n in range(3):
        _subscriber(region, f"lezer{n}@voorbeeld.example")
    _message(region, "Bericht")
    run = _run(region)
    # A worker claimed two mails and died: they stay "being sent" until the claim is stale.
    claimed = list(OutboxMail.objects.order_by("pk")[:2])
    OutboxMail.objects.filter(pk__in=[m.pk for m in claimed]).update(status=MailStatus.SENDING)
    assert outbox_deliver(run=run).sent == 1
    OutboxMail.objects.filter(status=MailStatus.SENDING).update(
        updated_at=timezone.now() - CLAIM_STALE - dt.timedelta(minutes=1)
    )
    assert outbox_deliver(run=run).sent == 2
    assert sorted(m["To"] for m in smtp.messages) == [
        f"lezer{n}@voorbeeld.example" for n in range(3)
    ]
    run.refresh_from_db()
    assert run.status == "klaar"


def test_subscribers_no_longer_in_use_are_removed_but_blocks_stay(region, settings):
    from kennisnetwerk.outreach.models import Suppression
    from kennisnetwerk.outreach.services import (
        email_hash,
        subscriber_unsubscribe,
        subscribers_remove_inactive,
    )

    settings.SUBSCRIBER_UNCONFIRMED_DAYS, settings.SUBSCRIBER_RETENTION_DAYS = 30, 365
    now = timezone.now()
    active = _subscriber(region, "actief@voorbeeld.example")
    pending_old = _subscriber(region, "oud@voorbeeld.example")
    pending_new = _subscriber(region, "nieuw@voorbeeld.example")
    Subscriber.objects.filter(pk__in=[pending_old.pk, pending_new.pk]).update(status="wacht")
    Subscriber.objects.filter(pk=pending_old.pk).update(created_at=now - dt.timedelta(days=31))
    gone = _subscriber(region, "weg@voorbeeld.example")
    subscriber_unsubscribe(subscriber=gone, via="test")
    recent = _subscriber(region, "recent@voorbeeld.example")
    subscriber_unsubscribe(subscriber=recent, via="test")
    Subscriber.objects.filter(pk=gone.pk).update(unsubscribed_at=now - dt.timedelta(days=400))

    assert subscribers_remove_inactive(now=now) == {"unconfirmed": 1, "ended": 1}
    left = set(Subscriber.objects.values_list("email", flat=True))
    assert left == {active.email, pending_new.email, recent.email}
    assert Suppression.objects.filter(email_hash=email_hash("weg@voorbeeld.example")).exists()


def test_national_messages_come_after_the_regions_own(region, smtp):
    from kennisnetwerk.geo.constants import RegionKind
    from kennisnetwerk.geo.models import Region

    nederland = Region.objects.get(kind=RegionKind.NATIONAL)
    _subscriber(region, "landelijk@voorbeeld.example")
    _message(nederland, "Landelijke regeling van RVO")
    _message(region, "Regionaal nieuws")
    _message(RegionFactory(name="Elders", slug="elders-digest"), "Nieuws van elders")
    outbox_deliver(run=_run(region))
    assert _titles("landelijk@voorbeeld.example") == [
        "Regionaal nieuws",
        "Landelijke regeling van RVO",
    ]


def test_one_shared_body_per_content_filled_in_for_each_subscriber(region, smtp):
    from kennisnetwerk.outreach.models import DigestContent

    first = _subscriber(region, "eerste@voorbeeld.example")
    second = _subscriber(region, "tweede@voorbeeld.example")
    _message(region, "Voor iedereen")
    run = _run(region)
    assert DigestContent.objects.filter(run=run).count() == 1
    outbox_deliver(run=run)
    received = {m["To"]: m for m in smtp.messages}
    assert set(received) == {first.email, second.email}
    for subscriber in (first, second):
        mail = received[subscriber.email]
        text = mail.get_body(("plain",)).get_content()
        html = mail.get_body(("html",)).get_content()
        assert subscriber.company_name in text and subscriber.company_name in html
        assert "KNP_" not in text + html
        unsubscribe = str(mail["List-Unsubscribe"]).strip().strip("<>")
        assert unsubscribe in text and unsubscribe in html
    # Each got their own link, and it unsubscribes them only.
    link = str(received[first.email]["List-Unsubscribe"]).strip().strip("<>")
    assert link != str(received[second.email]["List-Unsubscribe"]).strip().strip("<>")
    from django.test import Client

    assert Client().post(urlsplit(link).path).status_code == 200
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == SubscriberStatus.UNSUBSCRIBED
    assert second.status == SubscriberStatus.ACTIVE


def test_old_mails_go_once_their_messages_expired_and_the_check_still_holds(region, smtp):
    from kennisnetwerk.outreach.models import DigestContent
    from kennisnetwerk.outreach.services_digest import outbox_remove_old

    subscriber = _subscriber(region, "oud@voorbeeld.example", frequency="wekelijks")
    _message(region, "Kort geldig", valid_until=TODAY + dt.timedelta(days=5))
    _message(region, "Lang geldig", valid_until=TODAY + dt.timedelta(days=200))
    outbox_deliver(run=_run(region))
    mail = OutboxMail.objects.get(subscriber=subscriber)
    assert mail.status == MailStatus.SENT
    OutboxMail.objects.filter(pk=mail.pk).update(created_at=timezone.now() - dt.timedelta(days=90))

    # 90 days later: the long message is still valid, so the mail that carried it stays
    # and the subscriber does not get it again.
    later = TODAY + dt.timedelta(days=90)
    assert outbox_remove_old(today=later) == {"mails": 0, "contents": 0}
    _message(
        region,
        "Nieuw",
        valid_from=later - dt.timedelta(days=1),
        valid_until=later + dt.timedelta(days=10),
    )
    outbox_deliver(run=_run(region, later))
    assert _titles(subscriber.email).count("Lang geldig") == 1
    recent = timezone.now() + dt.timedelta(days=200)  # 50 days before `after`
    OutboxMail.objects.exclude(pk=mail.pk).update(created_at=recent)

    # When nothing in them can go out any more, old mails and their bodies go; a recent one
    # stays.
    after = TODAY + dt.timedelta(days=250)
    assert outbox_remove_old(today=after) == {"mails": 1, "contents": 1}
    assert not OutboxMail.objects.filter(pk=mail.pk).exists()
    assert OutboxMail.objects.count() == DigestContent.objects.count() == 1


LONG_BODY = (
    "De gemeente Oss opent in januari een nieuwe ronde van de regeling voor verduurzaming van "
    "bedrijfspanden. Ondernemers kunnen een bijdrage krijgen voor isolatie, zonnepanelen en "
    "warmtepompen. Het energieloket helpt bij de aanvraag en komt desgewenst langs voor een "
    "gratis scan van het pand. Aanvragen kan tot en met 31 maart. Wie eerder aanvraagt, krijgt "
    "eerder uitsluitsel. Let op: de regeling geldt alleen voor panden in de gemeente Oss."
)


def test_an_item_without_a_link_leads_to_its_own_page_and_stops_at_a_sentence(
    client, region, smtp, settings
):
    settings.SITE_URL = "https://nieuwsbrief.kennisnetwerk.example"
    subscriber = _subscriber(region, "lezer@voorbeeld.example")
    # Approved by the editors, as every message in a digest is.
    approved = {"reviewed_at": timezone.now()}
    long = _message(region, "Subsidie verduurzaming bedrijfspanden", body=LONG_BODY, **approved)
    _message(region, "Webinar", body="Kort.", link="https://partij.example/webinar", **approved)

    outbox_deliver(run=_run(region))
    [mail] = smtp.messages
    assert mail["To"] == subscriber.email
    page = f"https://nieuwsbrief.kennisnetwerk.example/nieuwsbrief/berichten/{long.pk}/"
    html = mail.get_body(preferencelist=("html",)).get_content()
    text = mail.get_body(preferencelist=("plain",)).get_content()

    # The title leads to the message's own page, and so does "lees verder".
    assert f'<a href="{page}">Subsidie verduurzaming bedrijfspanden</a>' in html
    assert f'<a href="{page}">lees verder' in html
    assert f"lees verder: {page}" in text
    # Whole sentences only: the cut falls after a full stop, within 60 words.
    shown = text[text.index("De gemeente Oss") : text.index("lees verder")].strip()
    assert shown.endswith("Wie eerder aanvraagt, krijgt eerder uitsluitsel.")
    assert len(shown.split()) <= 60
    assert "alleen voor panden" not in text
    # A message with its own link keeps it, and a short text needs no "lees verder".
    assert '<a href="https://partij.example/webinar">Webinar</a>' in html
    assert html.count("lees verder") == 1

    # The link works for a visitor and shows the whole text.
    response = client.get(urlsplit(page).path)
    assert response.status_code == 200
    assert "alleen voor panden in de gemeente Oss" in response.content.decode()


def test_the_page_of_an_expired_message_says_so(client, region):
    expired = _message(
        region,
        "Oude oproep",
        valid_from=timezone.localdate() - dt.timedelta(days=20),
        valid_until=timezone.localdate() - dt.timedelta(days=2),
        reviewed_at=timezone.now(),
    )
    html = client.get(f"/nieuwsbrief/berichten/{expired.pk}/").content.decode()
    assert "Dit bericht was geldig tot" in html
