"""Digest benchmark: composing the digests of a large region, and SMTP delivery
(targets: DESIGN.md §6).

    make bench BENCH=digest

1. Data, in the benchmark's own database: a custom region with the current municipalities of
   Noord-Brabant (reference data), a few hundred sending organisations, 5 000 approved
   messages valid on the run day (themes 0–3, most region-wide and some local, size target
   groups, sectors, deadlines and events for some) and 2 600 000 subscribers (municipality,
   size class, sector, 0–3 themes, frequency), written with raw ``executemany`` in batches.
   It is the first run of the period: no subscriber has had a digest before.
2. Plan: ``due_subscriber_batches`` over the whole region, each batch fed to ``digest_plan``
   (who gets which messages, ranked, cut to the budget), timed, nothing written.
3. Baseline: a naive per-subscriber ORM loop (one query per subscriber with the filters for its
   municipality, themes, sector and size, excluding what it already received) on the first
   ``BASELINE_SAMPLE`` subscribers, extrapolated to all subscribers; checked against the plan
   for the same subscribers (the same number of matching messages).
4. Compose: ``digest_run_compose`` for the whole region (plan, one shared body per distinct
   list of messages, one outbox row per subscriber), timed. Peak memory of steps 2 and 4 is
   the highest resident set size of the process while the step runs (``/proc/self/status``
   sampled every 0.1 s); ``ru_maxrss`` (peak since the process started) is recorded too.
5. SMTP: the first ``SMTP_SAMPLE`` composed mails (the rest taken out of the run) to an
   aiosmtpd server on 127.0.0.1 in its own process (``benchmarks/smtp_sink.py``), which logs
   every Message-ID. Delivered with ``outbox_deliver`` (one connection); baseline: the same
   mails sent with a fresh connection per message. Crash test: the sample is queued again
   under new Message-IDs, ``outbox_deliver`` is stopped halfway (``after_each`` raises) and
   started again; every Message-ID must have arrived exactly once.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from typing import Any

from benchmarks.common import BenchConfig, fmt, say, stopwatch

TITLE = "Digest: composition and SMTP delivery"

SUBSCRIBERS = 2_600_000
MESSAGES = 5_000
ORGANISATIONS = 300
BASELINE_SAMPLE = 10_000
SMTP_SAMPLE = 3_000
INSERT_BATCH = 50_000

# DESIGN.md §6.
TARGET_COMPOSE_S = 300.0
TARGET_MEMORY_GB = 4.0
TARGET_SMTP_RATE = 300.0

TODAY = dt.date(2026, 11, 24)


def _knob(name: str, default: int) -> int:
    """A count from the environment (to run fewer subscribers at full message count)."""
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


def _rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _weighted(rng: random.Random, items: list, weights: list[float], k: int) -> list:
    return rng.choices(items, weights=weights, k=k)


# --- Data -----------------------------------------------------------------------------------


def generate(rng: random.Random, *, subscribers: int, messages: int, organisations: int):
    from django.db import connection
    from django.utils import timezone

    from kennisnetwerk.ecosystem.constants import OrganisationType, TargetDimension
    from kennisnetwerk.ecosystem.models import Organisation, TargetGroup, Theme
    from kennisnetwerk.geo.constants import RegionKind
    from kennisnetwerk.geo.models import Municipality, Region, SbiSection
    from kennisnetwerk.outreach.constants import Frequency, MessageKind, MessageStatus
    from kennisnetwerk.outreach.models import Message, Subscriber

    municipalities = list(
        Municipality.objects.filter(province__name="Noord-Brabant", is_current=True).order_by("pk")
    )
    if not municipalities:
        raise RuntimeError("no municipalities of Noord-Brabant in the reference data")
    region = Region.objects.create(
        name="Brabant (benchmark)", slug="bench-brabant", kind=RegionKind.CUSTOM
    )
    region.municipalities.set(municipalities)
    muni_ids = [m.pk for m in municipalities]
    # A few large towns hold many establishments, most municipalities a few.
    muni_weights = [1 / (n + 3) for n in range(len(muni_ids))]
    rng.shuffle(muni_weights)
    themes = list(Theme.objects.values_list("pk", flat=True))
    sectors = list(SbiSection.objects.values_list("pk", flat=True))
    sizes = {g.code: g.pk for g in TargetGroup.objects.filter(dimension=TargetDimension.SIZE)}

    orgs = Organisation.objects.bulk_create(
        Organisation(
            name=f"Partij {n} Brabant",
            slug=f"bench-partij-{n}",
            type=rng.choice(list(OrganisationType.values)),
            municipality_id=rng.choice(muni_ids),
        )
        for n in range(organisations)
    )
    org_ids = [o.pk for o in orgs]
    org_weights = [1 / (n + 1) for n in range(len(org_ids))]  # a few send most

    now = timezone.now()
    kinds = [MessageKind.NEWS, MessageKind.EVENT, MessageKind.SUBSIDY, MessageKind.CALL]
    rows = []
    for n in range(messages):
        kind = _weighted(rng, kinds, [40, 25, 20, 15], 1)[0]
        start = TODAY - dt.timedelta(days=rng.randint(0, 60))
        until = TODAY + dt.timedelta(days=rng.randint(0, 90))
        event = None
        if kind == MessageKind.EVENT:
            event = timezone.make_aware(
                dt.datetime.combine(TODAY + dt.timedelta(days=rng.randint(0, 80)), dt.time(19))
            )
            until = max(until, event.date())
        deadline = (
            TODAY + dt.timedelta(days=rng.randint(0, 60))
            if kind == MessageKind.SUBSIDY or rng.random() < 0.1
            else None
        )
        rows.append(
            Message(
                region=region,
                sender_id=_weighted(rng, org_ids, org_weights, 1)[0],
                kind=kind,
                title=f"Bericht {n}: {kind} voor ondernemers",
                body="Ondernemers in de regio kunnen meedoen. " * rng.randint(3, 12),
                link=f"https://partij.example/bericht/{n}",
                valid_from=start,
                valid_until=until,
                deadline=deadline,
                event_start=event,
                event_end=event + dt.timedelta(hours=2) if event else None,
                location="Den Bosch" if event else "",
                status=MessageStatus.APPROVED,
                reviewed_at=now,
                uid=uuid.uuid4(),
            )
        )
    msgs = Message.objects.bulk_create(rows, batch_size=500)
    through = {
        "themes": Message.themes.through,
        "municipalities": Message.municipalities.through,
        "target_groups": Message.target_groups.through,
        "sbi_sections": Message.sbi_sections.through,
        "co_senders": Message.co_senders.through,
    }
    links: dict[str, list] = {name: [] for name in through}
    for m in msgs:
        for t in rng.sample(themes, _weighted(rng, [0, 1, 2, 3], [10, 45, 30, 15], 1)[0]):
            links["themes"].append(through["themes"](message_id=m.pk, theme_id=t))
        if rng.random() < 0.15:  # local: one to three municipalities
            for mu in rng.sample(muni_ids, rng.randint(1, 3)):
                links["municipalities"].append(
                    through["municipalities"](message_id=m.pk, municipality_id=mu)
                )
        if rng.random() < 0.2:
            for code in rng.sample(sorted(sizes), rng.randint(1, 2)):
                links["target_groups"].append(
                    through["target_groups"](message_id=m.pk, targetgroup_id=sizes[code])
                )
        if rng.random() < 0.1:
            for s in rng.sample(sectors, rng.randint(1, 3)):
                links["sbi_sections"].append(
                    through["sbi_sections"](message_id=m.pk, sbisection_id=s)
                )
        if rng.random() < 0.03:
            co = rng.choice(org_ids)
            if co != m.sender_id:
                links["co_senders"].append(
                    through["co_senders"](message_id=m.pk, organisation_id=co)
                )
    for name, objs in links.items():
        through[name].objects.bulk_create(objs, batch_size=2000)

    # Subscribers: raw executemany with explicit ids, so the theme rows need no read-back.
    table = Subscriber._meta.db_table
    theme_table = Subscriber.themes.through._meta.db_table
    columns = [
        "id",
        "region_id",
        "email",
        "company_name",
        "kvk_number",
        "municipality_id",
        "postcode",
        "sbi_section_id",
        "size_class",
        "frequency",
        "status",
        "confirmed_at",
        "source",
        "legal_basis",
        "link_version",
        "created_at",
        "updated_at",
    ]
    # Table and column names come from the models, the values are parameters.
    values = ", ".join(["%s"] * len(columns))
    insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({values})"  # noqa: S608
    insert_theme = f"INSERT INTO {theme_table} (subscriber_id, theme_id) VALUES (%s, %s)"  # noqa: S608
    size_codes = ["zzp", "micro", "klein", "middelgroot", ""]
    size_weights = [55, 28, 10, 4, 3]
    frequencies = [Frequency.MONTHLY, Frequency.FORTNIGHTLY, Frequency.WEEKLY]
    sector_choices = [*sectors, None]
    sector_weights = [1.0] * len(sectors) + [3.0]
    muni_choices = [*muni_ids, None]
    muni_weights_all = [*muni_weights, sum(muni_weights) * 0.03]
    stamp = now.isoformat() if connection.vendor == "sqlite" else now
    first = 1 + (Subscriber.objects.order_by("-pk").values_list("pk", flat=True).first() or 0)
    theme_rows = 0
    with connection.cursor() as cursor:
        for lo in range(0, subscribers, INSERT_BATCH):
            n = min(INSERT_BATCH, subscribers - lo)
            munis = rng.choices(muni_choices, weights=muni_weights_all, k=n)
            secs = rng.choices(sector_choices, weights=sector_weights, k=n)
            szs = rng.choices(size_codes, weights=size_weights, k=n)
            freqs = rng.choices(frequencies, weights=[60, 15, 25], k=n)
            nthemes = rng.choices([0, 1, 2, 3], weights=[30, 35, 20, 15], k=n)
            batch, tbatch = [], []
            for i in range(n):
                pk = first + lo + i
                batch.append(
                    (
                        pk,
                        region.pk,
                        f"info{pk}@bedrijf{pk}.example",
                        f"Bedrijf {pk}",
                        "",
                        munis[i],
                        "",
                        secs[i],
                        szs[i],
                        freqs[i],
                        "actief",
                        stamp,
                        "formulier",
                        "",
                        1,
                        stamp,
                        stamp,
                    )
                )
                if nthemes[i]:
                    tbatch.extend((pk, t) for t in rng.sample(themes, nthemes[i]))
            cursor.executemany(insert, batch)
            cursor.executemany(insert_theme, tbatch)
            theme_rows += len(tbatch)
            if (lo // INSERT_BATCH) % 10 == 9:
                say(f"  {lo + n} subscribers written")
    return region, {"subscriber_theme_rows": theme_rows, "municipalities": len(muni_ids)}


# --- Memory ---------------------------------------------------------------------------------


def _current_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


class RssSampler:
    """The highest resident set size of this process while a step runs, read from
    /proc/self/status every 0.1 s by a thread (ru_maxrss is the peak since the process
    started, data generation included)."""

    def __init__(self) -> None:
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _current_rss_mb())
            self._stop.wait(0.1)

    def __enter__(self) -> RssSampler:
        self.peak = _current_rss_mb()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _current_rss_mb())


# --- Plan -----------------------------------------------------------------------------------


def measure_plan(region) -> dict[str, Any]:
    """Who gets which messages, for the whole region, without writing anything."""
    from kennisnetwerk.outreach.digest import (
        candidates,
        due_subscriber_batches,
        max_items,
        plan_for,
    )

    counts: Counter[str] = Counter()
    gc.collect()
    start = time.perf_counter()
    with RssSampler() as rss:
        pool = candidates(region=region, today=TODAY)
        for batch in due_subscriber_batches(region=region, today=TODAY):
            plan = plan_for(pool=pool, today=TODAY, subscribers=batch, budget=max_items())
            counts["due"] += plan.due
            counts["mails"] += len(plan.items)
            counts["items"] += sum(len(v) for v in plan.items.values())
            counts["wanted"] += sum(plan.wanted_count.values())
            counts["empty"] += plan.skipped_empty
            counts["batches"] += 1
    seconds = time.perf_counter() - start
    due = counts["due"]
    return {
        "method": "candidates() once, due_subscriber_batches() → plan_for() per batch",
        "seconds": round(seconds, 2),
        "per_subscriber_us": round(seconds / max(due, 1) * 1e6, 1),
        "peak_rss_mb": rss.peak,
        **dict(counts),
        "items_per_mail": round(counts["items"] / max(counts["mails"], 1), 2),
        "wanted_per_subscriber": round(counts["wanted"] / max(due, 1), 1),
    }


# --- Baseline: one ORM query per subscriber ---------------------------------------------------


def naive_matches(region, subscriber) -> list[int]:
    from django.db.models import Exists, OuterRef, Q

    from kennisnetwerk.ecosystem.constants import TargetDimension
    from kennisnetwerk.outreach.constants import MailStatus, MessageStatus
    from kennisnetwerk.outreach.models import DigestItem, Message

    munis = Message.municipalities.through.objects.filter(message_id=OuterRef("pk"))
    themes = Message.themes.through.objects.filter(message_id=OuterRef("pk"))
    sectors = Message.sbi_sections.through.objects.filter(message_id=OuterRef("pk"))
    sizes = Message.target_groups.through.objects.filter(
        message_id=OuterRef("pk"), targetgroup__dimension=TargetDimension.SIZE
    )
    qs = Message.objects.filter(
        region=region,
        status=MessageStatus.APPROVED,
        valid_from__lte=TODAY,
        valid_until__gte=TODAY,
    ).filter(Q(publish_from__isnull=True) | Q(publish_from__lte=TODAY))
    qs = qs.filter(
        ~Exists(munis) | Exists(munis.filter(municipality_id=subscriber.municipality_id))
    )
    theme_ids = list(subscriber.themes)
    if theme_ids:
        qs = qs.filter(~Exists(themes) | Exists(themes.filter(theme_id__in=theme_ids)))
    qs = qs.filter(
        ~Exists(sectors) | Exists(sectors.filter(sbisection_id=subscriber.sbi_section_id))
    )
    qs = qs.filter(~Exists(sizes) | Exists(sizes.filter(targetgroup__code=subscriber.size_class)))
    received = DigestItem.objects.filter(
        message_id=OuterRef("pk"),
        content__mails__subscriber_id=subscriber.pk,
        content__mails__status__in=[
            MailStatus.QUEUED,
            MailStatus.SENDING,
            MailStatus.SENT,
            MailStatus.FAILED,
        ],
    )
    qs = qs.exclude(Exists(received)).order_by("deadline", "valid_until", "pk")
    return list(qs.values_list("pk", flat=True))


def measure_baseline(region, sample: int, total: int) -> dict[str, Any]:
    from kennisnetwerk.outreach.digest import digest_plan, due_subscriber_batches

    subscribers: list = []
    for batch in due_subscriber_batches(region=region, today=TODAY):
        subscribers.extend(batch[: sample - len(subscribers)])
        if len(subscribers) >= sample:
            break
    start = time.perf_counter()
    wanted = 0
    for subscriber in subscribers:
        wanted += len(naive_matches(region, subscriber))
    seconds = time.perf_counter() - start
    plan = digest_plan(region=region, today=TODAY, subscribers=subscribers)
    plan_wanted = sum(plan.wanted_count.values())
    return {
        "method": "one ORM query per subscriber (Exists filters for municipality, themes, "
        "sector, size; excluding messages already received)",
        "sample": len(subscribers),
        "seconds": round(seconds, 2),
        "per_subscriber_ms": round(seconds / len(subscribers) * 1000, 3),
        "extrapolated_to": total,
        "extrapolated_seconds": round(seconds / len(subscribers) * total, 1),
        "matches": wanted,
        "plan_matches_same_subscribers": plan_wanted,
        "same_result_as_plan": wanted == plan_wanted,
    }


# --- Compose: plan, shared bodies and outbox rows for everyone -------------------------------


def measure_compose(region) -> dict[str, Any]:
    from kennisnetwerk.outreach.models import DigestContent, DigestItem, OutboxMail
    from kennisnetwerk.outreach.services_digest import digest_run_compose, digest_run_start

    gc.collect()
    run = digest_run_start(region=region, today=TODAY)
    start = time.perf_counter()
    with RssSampler() as rss:
        counts = digest_run_compose(run=run)
    seconds = time.perf_counter() - start
    mails = OutboxMail.objects.filter(run=run).count()
    return {
        "method": "digest_run_compose() for the whole region: plan, one shared body per "
        "distinct list of messages (DigestContent + DigestItem rows), one OutboxMail row "
        "per subscriber",
        "seconds": round(seconds, 2),
        "mails": mails,
        "contents": DigestContent.objects.filter(run=run).count(),
        "content_items": DigestItem.objects.filter(content__run=run).count(),
        "counts": counts,
        "per_mail_us": round(seconds / max(mails, 1) * 1e6, 1),
        "peak_rss_mb": rss.peak,
        "peak_rss_mb_process": _rss_mb(),
        "run_id": run.pk,
    }


# --- SMTP -----------------------------------------------------------------------------------


class SmtpSink:
    """benchmarks/smtp_sink.py in its own process; what arrived is read from its log."""

    def __init__(self, log_path: str) -> None:
        self.log_path = log_path
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        script = os.path.join(os.path.dirname(__file__), "smtp_sink.py")
        self.process = subprocess.Popen(  # noqa: S603 (our own script)
            [sys.executable, script, str(self.port), log_path],
            stdout=subprocess.PIPE,
            text=True,
        )
        if self.process.stdout.readline().strip() != "ready":
            raise RuntimeError("the SMTP sink did not start")
        self.offset = 0

    def mark(self) -> None:
        """Count only what arrives after this."""
        self.offset = os.path.getsize(self.log_path)

    def received(self) -> Counter[str]:
        with open(self.log_path, encoding="utf-8") as log:
            log.seek(self.offset)
            return Counter(line.strip() for line in log if line.strip())

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class _Crash(Exception):
    pass


def measure_smtp(run_id: int, sample: int, log_path: str) -> dict[str, Any]:
    from django.core.mail import get_connection
    from django.test.utils import override_settings

    from kennisnetwerk.outreach.constants import MailStatus
    from kennisnetwerk.outreach.delivery import outbox_deliver
    from kennisnetwerk.outreach.mail import build_mail
    from kennisnetwerk.outreach.models import DigestRun, OutboxMail
    from kennisnetwerk.outreach.services_digest import digest_headers, personalise

    run = DigestRun.objects.get(pk=run_id)
    # Deliver a sample: the mails after it are taken out of this run.
    keep = list(
        OutboxMail.objects.filter(run=run).order_by("pk").values_list("pk", flat=True)[:sample]
    )
    OutboxMail.objects.filter(run=run, pk__gt=keep[-1]).delete()
    mails = OutboxMail.objects.filter(run=run)
    total = mails.count()

    def requeue(tag: str) -> None:
        for mail in mails.only("pk", "message_id"):
            local, _at, domain = mail.message_id.strip("<>").partition("@")
            OutboxMail.objects.filter(pk=mail.pk).update(
                message_id=f"<{local}.{tag}@{domain}>",
                status=MailStatus.QUEUED,
                attempts=0,
                sent_at=None,
            )

    sink = SmtpSink(log_path)
    result: dict[str, Any] = {
        "mails": total,
        "server": "aiosmtpd on 127.0.0.1 in its own process (benchmarks/smtp_sink.py)",
    }
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=sink.port,
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            DIGEST_SEND_RATE=0,
        ):
            # outbox_deliver: one connection, one transaction per mail.
            sink.mark()
            start = time.perf_counter()
            delivered = outbox_deliver(run=run)
            seconds = time.perf_counter() - start
            result["outbox_deliver"] = {
                "sent": delivered.sent,
                "seconds": round(seconds, 2),
                "per_second": round(delivered.sent / seconds, 1),
                "received": sum(sink.received().values()),
            }
            say(f"  outbox_deliver: {delivered.sent} mails in {seconds:.1f} s")

            # Baseline: the same mails, a fresh connection for every message.
            sink.mark()
            start = time.perf_counter()
            sent = 0
            for mail in mails.select_related("subscriber__region", "content").iterator(
                chunk_size=500
            ):
                text, html, unsubscribe = personalise(
                    mail.content.text_body, mail.content.html_body, mail.subscriber
                )
                message = build_mail(
                    region=mail.subscriber.region,
                    to=mail.to_email,
                    subject=mail.subject,
                    text=text,
                    html=html,
                    headers={
                        **digest_headers(mail.subscriber, unsubscribe),
                        "Message-ID": mail.message_id,
                    },
                    connection=get_connection(fail_silently=False),
                )
                sent += message.send()
            seconds = time.perf_counter() - start
            result["baseline"] = {
                "method": "EmailMultiAlternatives.send() with a new get_connection() per mail",
                "sent": sent,
                "seconds": round(seconds, 2),
                "per_second": round(sent / seconds, 1),
                "received": sum(sink.received().values()),
            }
            say(f"  one connection per mail: {sent} mails in {seconds:.1f} s")

            # Crash halfway, then a new worker.
            requeue("crash")
            sink.mark()
            half = total // 2
            done = {"n": 0}

            def stop_halfway(_mail) -> None:
                done["n"] += 1
                if done["n"] >= half:
                    raise _Crash

            crashed = False
            try:
                outbox_deliver(run=run, after_each=stop_halfway)
            except _Crash:
                crashed = True
            received_at_crash = sum(sink.received().values())
            second = outbox_deliver(run=run)
            expected = set(mails.values_list("message_id", flat=True))
            ids = sink.received()
            result["crash"] = {
                "stopped_after": half,
                "crashed": crashed,
                "received_before_restart": received_at_crash,
                "sent_after_restart": second.sent,
                "expected": len(expected),
                "received": sum(ids.values()),
                "duplicates": sum(n - 1 for n in ids.values() if n > 1),
                "lost": len(expected - set(ids)),
                "unexpected": len(set(ids) - expected),
                "not_marked_sent": mails.exclude(status=MailStatus.SENT).count(),
                "crash_point": "after_each (after the mail was accepted and marked sent)",
            }
    finally:
        sink.stop()
    d, b = result["outbox_deliver"], result["baseline"]
    result["speedup"] = round(d["per_second"] / b["per_second"], 2) if b["per_second"] else None
    result["met"] = (
        d["per_second"] >= TARGET_SMTP_RATE
        and result["crash"]["duplicates"] == 0
        and result["crash"]["lost"] == 0
    )
    return result


# --- Run ------------------------------------------------------------------------------------


def run(config: BenchConfig) -> dict[str, Any]:
    rng = random.Random(config.seed)  # noqa: S311 (generated benchmark data)
    counts = {
        "subscribers": _knob("BENCH_DIGEST_SUBSCRIBERS", config.count(SUBSCRIBERS, 100)),
        "messages": _knob("BENCH_DIGEST_MESSAGES", config.count(MESSAGES, 50)),
        "organisations": config.count(ORGANISATIONS, 10),
    }
    counts["baseline_sample"] = min(
        counts["subscribers"], _knob("BENCH_DIGEST_BASELINE", config.count(BASELINE_SAMPLE, 50))
    )
    counts["smtp_sample"] = min(
        counts["subscribers"], _knob("BENCH_DIGEST_SMTP", config.count(SMTP_SAMPLE, 40))
    )
    setup: dict[str, float] = {}
    say(
        f"generating {counts['subscribers']} subscribers, {counts['messages']} messages, "
        f"{counts['organisations']} organisations"
    )
    with stopwatch(setup, "generate_data_s"):
        region, data = generate(
            rng,
            subscribers=counts["subscribers"],
            messages=counts["messages"],
            organisations=counts["organisations"],
        )
    say(f"  {setup['generate_data_s']:.1f} s, peak RSS {_rss_mb():.0f} MB")

    say("plan: due_subscriber_batches → digest_plan for the whole region")
    plan = measure_plan(region)
    say(
        f"  {plan['due']} subscribers in {plan['seconds']:.1f} s "
        f"({plan['per_subscriber_us']:.0f} µs each), {plan['mails']} mails, "
        f"peak RSS {plan['peak_rss_mb']:.0f} MB"
    )

    say(f"baseline: per-subscriber ORM loop on {counts['baseline_sample']} subscribers")
    baseline = measure_baseline(region, counts["baseline_sample"], counts["subscribers"])
    baseline["extrapolated_to_target"] = round(
        baseline["seconds"] / baseline["sample"] * SUBSCRIBERS, 1
    )
    say(
        f"  {baseline['seconds']:.1f} s ({baseline['per_subscriber_ms']:.2f} ms each) → "
        f"{baseline['extrapolated_seconds']:.0f} s for {counts['subscribers']}; "
        f"same matches as the plan: {baseline['same_result_as_plan']}"
    )

    say(f"compose: digest_run_compose for all {counts['subscribers']} subscribers")
    compose = measure_compose(region)
    say(
        f"  {compose['mails']} mails ({compose['contents']} shared bodies) in "
        f"{compose['seconds']:.1f} s ({compose['per_mail_us']:.0f} µs each), "
        f"peak RSS {compose['peak_rss_mb']:.0f} MB"
    )
    compose["ratio_baseline_to_compose"] = round(
        baseline["extrapolated_seconds"] / compose["seconds"], 1
    )
    measured_full = counts["subscribers"] >= SUBSCRIBERS
    compose["met"] = (
        measured_full
        and compose["seconds"] <= TARGET_COMPOSE_S
        and compose["peak_rss_mb"] / 1024 <= TARGET_MEMORY_GB
    )
    compose["extrapolated_seconds"] = round(
        compose["seconds"] / max(counts["subscribers"], 1) * SUBSCRIBERS, 1
    )

    say(f"SMTP delivery of {counts['smtp_sample']} mails")
    with tempfile.TemporaryDirectory(prefix="kn-bench-smtp-") as folder:
        smtp = measure_smtp(
            compose["run_id"], counts["smtp_sample"], os.path.join(folder, "received.log")
        )
    say(
        f"  {smtp['outbox_deliver']['per_second']:.0f}/s with one connection, "
        f"{smtp['baseline']['per_second']:.0f}/s with one per mail (×{smtp['speedup']}); "
        f"crash: {smtp['crash']['duplicates']} duplicates, {smtp['crash']['lost']} lost"
    )
    return {
        "parameters": {**counts, **data, "today": TODAY.isoformat()},
        "targets": {
            "compose_s": TARGET_COMPOSE_S,
            "peak_memory_gb": TARGET_MEMORY_GB,
            "smtp_per_second": TARGET_SMTP_RATE,
            "smtp_duplicates": 0,
            "source": "DESIGN.md §6",
        },
        "setup": setup,
        "plan": plan,
        "baseline": baseline,
        "compose": compose,
        "smtp": smtp,
    }


# --- Docs -----------------------------------------------------------------------------------


def _yes_no(value: bool) -> str:
    return "yes" if value else "**no**"


def _n(value: float) -> str:
    return fmt(value, 0)


def markdown(result: dict[str, Any]) -> str:
    p, b, c, s = result["plan"], result["baseline"], result["compose"], result["smtp"]
    params = result["parameters"]
    machine = result["machine"]
    load_before = " ".join(str(x) for x in machine.get("load_average_before") or [])
    load_after = " ".join(str(x) for x in machine.get("load_average_after") or [])
    full = params["subscribers"] >= SUBSCRIBERS
    scale = result["config"]["scale"]
    plan_2_6m = fmt(p["seconds"] / max(p["due"], 1) * SUBSCRIBERS, 0)
    lines = [
        f"### {result['title']}",
        "",
        f"`make bench BENCH=digest` on {result['started_at'][:10]}, commit `{result['commit']}`"
        f"{' (with uncommitted changes)' if result.get('uncommitted_changes') else ''}: "
        f"{machine['cpus']} CPUs, {machine['memory_gb']} GB memory, Python {machine['python']}, "
        f"Django {result['django']}, {result['database']['vendor']} "
        f"{result['database']['version']}; load average (1, 5, 15 min) {load_before} before "
        f"and {load_after} after (other work shared the machine). "
        f"The whole run took {result['duration_s']:.0f} s. "
        "All figures: `benchmarks/results/digest.json`.",
        "",
        f"**Scale: BENCH_SCALE={scale}**: {_n(params['subscribers'])} subscribers, "
        f"{_n(params['messages'])} approved messages, {_n(params['organisations'])} senders, "
        f"{params['municipalities']} municipalities; first run of the period (nobody has "
        "received anything yet)."
        + (
            ""
            if full
            else f" **The target's 2.6 million subscribers were not measured**: the figures "
            f"below are for {_n(params['subscribers'])}; the 2.6M column is a linear "
            "extrapolation, not a measurement."
        ),
        "",
        "**Composition** (target ≤ 5 min and ≤ 4 GB peak memory for 2.6M × 5k). The plan "
        "is `due_subscriber_batches()` with `plan_for()` per batch (who gets which "
        "messages, ranked and cut to the budget; nothing written). Compose is "
        "`digest_run_compose()`: the plan again, one shared body per distinct list of "
        "messages, and one outbox row per subscriber — what a run really does. Peak memory is "
        "the process's resident set size while the step ran (sampled every 0.1 s; "
        f"`ru_maxrss` since the process started: {fmt(c['peak_rss_mb_process'], 0)} MB).",
        "",
        "| step | subscribers | seconds | per subscriber | for 2.6M | peak RSS | target met |",
        "|---|---:|---:|---:|---:|---:|---|",
        f"| plan only (`digest_plan`) | {_n(p['due'])} | {fmt(p['seconds'], 1)} "
        f"| {fmt(p['per_subscriber_us'], 0)} µs "
        f"| {'measured' if full else plan_2_6m + ' s (extrapolated)'} "
        f"| {fmt(p['peak_rss_mb'], 0)} MB | – |",
        f"| **compose** (`digest_run_compose`) | {_n(c['counts']['due'])} "
        f"| {fmt(c['seconds'], 1)} | {fmt(c['seconds'] / max(c['counts']['due'], 1) * 1e6, 0)} µs "
        f"| {'measured' if full else fmt(c['extrapolated_seconds'], 0) + ' s (extrapolated)'} "
        f"| {fmt(c['peak_rss_mb'], 0)} MB "
        f"| {_yes_no(c['met']) if full else 'not measured at 2.6M'} |",
        f"| baseline: ORM query per subscriber | {_n(b['sample'])} | {fmt(b['seconds'], 1)} "
        f"| {fmt(b['per_subscriber_ms'] * 1000, 0)} µs "
        f"| {fmt(b['extrapolated_to_target'], 0)} s (extrapolated) | – | – |",
        "",
        f"Compose was {c['ratio_baseline_to_compose']}× faster than the per-subscriber ORM loop "
        f"(its matching alone, extrapolated to the {_n(params['subscribers'])} subscribers). "
        f"The loop found {'the same' if b['same_result_as_plan'] else '**different**'} "
        f"matches as the plan for its sample ({_n(b['matches'])}). "
        f"{_n(c['mails'])} of {_n(c['counts']['due'])} due subscribers got a mail "
        f"({p['items_per_mail']} items each; {p['wanted_per_subscriber']} matching messages "
        f"per subscriber before the budget), sharing {_n(c['contents'])} bodies.",
        "",
        f"**SMTP delivery** (target ≥ {TARGET_SMTP_RATE:.0f} mails/s, zero duplicates after a "
        f"crash): the first {_n(s['mails'])} composed mails to {s['server']}, each body "
        "filled in for its subscriber when sent.",
        "",
        "| sender | mails | seconds | mails/s | target met |",
        "|---|---:|---:|---:|---|",
        f"| `outbox_deliver` (one connection, one transaction per mail) "
        f"| {_n(s['outbox_deliver']['sent'])} | {fmt(s['outbox_deliver']['seconds'], 2)} "
        f"| {fmt(s['outbox_deliver']['per_second'], 0)} "
        f"| {_yes_no(s['outbox_deliver']['per_second'] >= TARGET_SMTP_RATE)} |",
        f"| baseline: new connection per mail | {_n(s['baseline']['sent'])} "
        f"| {fmt(s['baseline']['seconds'], 2)} | {fmt(s['baseline']['per_second'], 0)} | – |",
        "",
        f"Crash test: the worker stopped after {s['crash']['stopped_after']} mails "
        f"({s['crash']['crash_point']}), a new one sent {s['crash']['sent_after_restart']}; the "
        f"server received {s['crash']['received']} of {s['crash']['expected']}: "
        f"**{s['crash']['duplicates']} duplicates, {s['crash']['lost']} lost** "
        f"({_yes_no(s['crash']['duplicates'] == 0 and s['crash']['lost'] == 0)}). A worker "
        "killed between the server's acceptance and the commit (a window of one mail) would "
        "send that one mail again; this test does not cover that window.",
    ]
    return "\n".join(lines)
