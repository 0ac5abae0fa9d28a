"""A digest send that crashes: `send_digests` reports the mails another worker claimed and did
not send, with when they will be retried; once that worker is provably gone, a worker that
starts gives its claims back and they are sent, with nothing lost. Tested with a real
`send_digests` process, stopped (SIGSTOP) and then killed (SIGKILL) halfway."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.translation import ngettext

from kennisnetwerk.accounts.tests.factories import OrganisationFactory, RegionFactory
from kennisnetwerk.core.tests.processes import SharedDatabase, kill, stop, wait_until
from kennisnetwerk.geo.models import Municipality
from kennisnetwerk.outreach.constants import MailStatus, SubscriberStatus
from kennisnetwerk.outreach.delivery import CLAIM_STALE
from kennisnetwerk.outreach.models import Message, OutboxMail, Subscriber

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = dt.date(2026, 11, 24)
READERS = 12


def _world():
    region = RegionFactory(name="Noordoost-Brabant", slug="nob-crash", municipalities=["Oss"])
    oss = Municipality.objects.get(name="Oss", is_current=True)
    for n in range(READERS):
        Subscriber.objects.create(
            region=region,
            email=f"lezer{n}@voorbeeld.example",
            company_name=f"Lezer {n}",
            municipality=oss,
            frequency="maandelijks",
            status=SubscriberStatus.ACTIVE,
            confirmed_at=timezone.now(),
        )
    Message.objects.create(
        region=region,
        sender=OrganisationFactory(),
        kind="nieuws",
        title="Bericht voor iedereen",
        body="Over iets voor iedereen.",
        valid_from=TODAY - dt.timedelta(days=3),
        valid_until=TODAY + dt.timedelta(days=30),
        status="goedgekeurd",
    )
    return region


def _send(region) -> str:
    out = StringIO()
    call_command("send_digests", region=region.slug, date=TODAY.isoformat(), stdout=out)
    return out.getvalue()


def test_a_crashed_send_is_reported_and_its_claims_released(
    reference_data, smtp_server, settings, tmp_path
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    region = _world()
    shared = SharedDatabase(tmp_path)
    shared.push()
    sender = shared.start(
        "send_digests", "--region", region.slug, "--date", TODAY.isoformat(),
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(settings.EMAIL_PORT),
        DIGEST_SEND_RATE="4",
    )  # fmt: skip
    try:
        wait_until(
            lambda: len(smtp_server.messages) >= 2,
            timeout=180,
            what="the first mails",
            process=sender,
        )
        # The sender hangs: alive, holding the mails it claimed.
        stop(sender)
        shared.pull()
        claimed = OutboxMail.objects.filter(status=MailStatus.SENDING)
        held = claimed.count()
        assert held > 0
        retry_from = timezone.localtime(
            max(claimed.values_list("updated_at", flat=True)) + CLAIM_STALE
        )

        # Another run sends what is free and says what the hanging worker holds, and when
        # those mails will be retried.
        output = _send(region)
        assert OutboxMail.objects.filter(status=MailStatus.SENDING).count() == held
        with translation.override("nl"):
            report = ngettext(
                "%(count)s mail is claimed by worker %(worker)s but not sent; unless that "
                "worker sends it, it will be retried from %(time)s.",
                "%(count)s mails are claimed by worker %(worker)s but not sent; unless that "
                "worker sends them, they will be retried from %(time)s.",
                held,
            ) % {
                "count": held,
                "worker": f"{sender.pid}@",
                "time": "",
            }
        before_worker, after_worker = report.split(f"{sender.pid}@")
        assert before_worker + str(sender.pid) + "@" in output, output
        assert retry_from.strftime("%H:%M") in output
    finally:
        kill(sender)

    # The worker is gone now: a task worker that starts gives its claims back at once.
    out = StringIO()
    call_command("db_worker", batch=True, no_startup_delay=True, stdout=out)
    assert not OutboxMail.objects.filter(status=MailStatus.SENDING).exists()
    assert str(sender.pid) in out.getvalue()

    # And they are sent: every reader has their digest, at most the one mail in flight at the
    # crash twice.
    _send(region)
    assert OutboxMail.objects.filter(status=MailStatus.SENT).count() == READERS
    received = [m["To"] for m in smtp_server.messages]
    assert set(received) == {f"lezer{n}@voorbeeld.example" for n in range(READERS)}
    assert len(received) <= READERS + 1


def test_send_digests_gives_back_the_claims_of_a_killed_sender(
    reference_data, smtp_server, settings, tmp_path
):
    region = _world()
    shared = SharedDatabase(tmp_path)
    shared.push()
    sender = shared.start(
        "send_digests", "--region", region.slug, "--date", TODAY.isoformat(),
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(settings.EMAIL_PORT),
        DIGEST_SEND_RATE="4",
    )  # fmt: skip
    try:
        wait_until(
            lambda: len(smtp_server.messages) >= 2,
            timeout=180,
            what="the first mails",
            process=sender,
        )
    finally:
        kill(sender)
    shared.pull()
    held = OutboxMail.objects.filter(status=MailStatus.SENDING).count()
    assert held > 0
    output = _send(region)
    with translation.override("nl"):
        released = ngettext(
            "%(count)s mail claimed by worker %(worker)s, which has stopped, was given "
            "back to the outbox and is sent now.",
            "%(count)s mails claimed by worker %(worker)s, which has stopped, were given "
            "back to the outbox and are sent now.",
            held,
        )
    assert released.split("%(worker)s")[0] % {"count": held} in output, output
    assert OutboxMail.objects.filter(status=MailStatus.SENT).count() == READERS
    assert {m["To"] for m in smtp_server.messages} == {
        f"lezer{n}@voorbeeld.example" for n in range(READERS)
    }
