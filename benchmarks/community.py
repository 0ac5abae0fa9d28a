"""Community benchmark: a new topic told to a programme of 5 000 members, a thread page with
500 replies, and 200 webinar participants polling the live page through the real server.

1. Topic fan-out: ``topic_create`` in a programme with 5 000 members who all chose mail at
   once for new topics (the heaviest case), then the background task's work,
   ``notifications_fan_out`` with the payload the topic queued: one notification per member
   and one mail per member in the outbox. Baseline in the same run: the same numbers of rows
   written into the same two tables with one ``bulk_create`` each.
2. Thread page: a topic with 500 replies, requested as a member with ``django.test.Client``
   (server time: routing, middleware, view, queries, template); queries counted once.
   Baseline (DESIGN §6): a bare Django view rendering the same 501 posts of the same table
   with the same base template (``/bench/posts/<id>/`` in benchmarks/urls.py).
3. Live page: ``kennisnetwerk serve`` on 127.0.0.1 (what ``make run`` starts) with the
   benchmark's database; 200 logged-in participants, each in its own thread, load the live
   page and then poll its question list every 3 s for 60 s the way htmx does (``HX-Request``
   with the last state; 204 while nothing changed). Meanwhile the benchmark asks a question
   or casts a vote every 2 s, so the pollers get fresh lists too. Reported: p50/p95/max of
   all requests, of the polls that got a new list, errors (any status other than 200/204,
   or a failed connection). Baseline in the same run: the same 200 clients polling the
   minimal view ``/bench/minimal/`` through the same server for 20 s.
"""

from __future__ import annotations

import datetime as dt
import http.client
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks import common

TITLE = "Community: topic fan-out, thread page, live webinar polling"
ROOT = Path(__file__).resolve().parent.parent


def _n(value: float) -> str:
    return f"{value:,.0f}".replace(",", " ")


def _scaled(config: common.BenchConfig, name: str, default: int) -> int:
    return max(2, int(os.environ.get(name, 0) or round(default * config.scale)))


# --- Data ------------------------------------------------------------------------------------


def _people(prefix: str, count: int) -> list:
    from django.contrib.auth.hashers import make_password

    from kennisnetwerk.accounts.models import User

    password = make_password("bench-wachtwoord")
    User.objects.bulk_create(
        User(
            email=f"{prefix}{n}@bench.example",
            full_name=f"Deelnemer {prefix}{n}",
            password=password,
        )
        for n in range(count)
    )
    return list(User.objects.filter(email__startswith=prefix).order_by("pk"))


def _programme(slug: str, members: list, core: Any):
    from kennisnetwerk.learning.constants import MemberRole
    from kennisnetwerk.learning.models import Programme, ProgrammeMember

    programme = Programme.objects.create(title=f"Benchmark {slug}", slug=slug, kind="cop")
    ProgrammeMember.objects.create(programme=programme, user=core, role=MemberRole.CORE_TEAM)
    ProgrammeMember.objects.bulk_create(
        ProgrammeMember(programme=programme, user=user) for user in members
    )
    return programme


# --- 1. Topic fan-out ------------------------------------------------------------------------


def _fan_out(config: common.BenchConfig) -> dict:
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from kennisnetwerk.community.services import PostData, topic_create
    from kennisnetwerk.notifications.models import Notification, NotificationMail, Preference
    from kennisnetwerk.notifications.services import notifications_fan_out

    count = _scaled(config, "BENCH_COMMUNITY_MEMBERS", 5000)
    members = _people("lid", count)
    core = _people("kern", 1)[0]
    programme = _programme("bench-topic", members, core)
    Preference.objects.bulk_create(
        Preference(user=user, kind="community.new_topic", channel="instant") for user in members
    )
    timings: dict[str, float] = {}
    with common.stopwatch(timings, "topic_create_s"), transaction.atomic():
        topic_create(
            programme=programme,
            title="Hoe houden we technisch personeel vast?",
            data=PostData(text="Wie heeft ervaring met een gezamenlijke opleidingspool?"),
            actor=core,
        )
    task = DBTaskResult.objects.filter(task_path__endswith="fan_out_notification").latest("pk")
    payload = task.args_kwargs["kwargs"]
    with common.stopwatch(timings, "fan_out_s"):
        written = notifications_fan_out(**payload)
    notifications = Notification.objects.count()
    mails = NotificationMail.objects.count()

    # Baseline: the same rows, one bulk_create per table.
    template_notification = Notification.objects.first()
    template_mail = NotificationMail.objects.first()
    Notification.objects.all().delete()
    NotificationMail.objects.all().delete()
    rows_n = []
    for user in members[:notifications]:
        row = Notification(
            **{
                f.attname: getattr(template_notification, f.attname)
                for f in Notification._meta.concrete_fields
                if not f.primary_key
            }
        )
        row.recipient_id = user.pk
        rows_n.append(row)
    rows_m = []
    for n, user in enumerate(members[:mails]):
        row = NotificationMail(
            **{
                f.attname: getattr(template_mail, f.attname)
                for f in NotificationMail._meta.concrete_fields
                if not f.primary_key
            }
        )
        row.recipient_id = user.pk
        row.to_email = user.email
        row.message_id = f"<bench-{n}@bench.example>"
        rows_m.append(row)
    with common.stopwatch(timings, "bulk_create_s"), transaction.atomic():
        Notification.objects.bulk_create(rows_n)
        NotificationMail.objects.bulk_create(rows_m)
    platform = timings["topic_create_s"] + timings["fan_out_s"]
    return {
        "members": count,
        "notifications_written": notifications,
        "mails_queued": mails,
        "fan_out_returned": written,
        **timings,
        "platform_s": round(platform, 3),
        "ratio_to_bulk_create": round(platform / timings["bulk_create_s"], 2),
    }


# --- 2. Thread page --------------------------------------------------------------------------


def _thread_page(config: common.BenchConfig) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from kennisnetwerk.community.models import Post
    from kennisnetwerk.community.services import PostData, topic_create

    replies = _scaled(config, "BENCH_COMMUNITY_REPLIES", 500)
    people = _people("schrijver", 40)
    core = _people("gespreksleider", 1)[0]
    programme = _programme("bench-thread", people, core)
    thread = topic_create(
        programme=programme,
        title="Samen opleiden in de maakindustrie",
        data=PostData(text="Wie doet mee met een gezamenlijke opleidingspool?"),
        actor=core,
    )
    rng = random.Random(config.seed)  # noqa: S311 (generated data)
    now = timezone.now()
    Post.objects.bulk_create(
        Post(
            thread=thread,
            author=rng.choice(people),
            source=f"Reactie {n}: bij ons werkt een leerwerkplek met een vaste begeleider.",
            html=f"<p>Reactie {n}: bij ons werkt een <strong>leerwerkplek</strong> met een "
            "vaste begeleider.</p>",
            created_at=now - dt.timedelta(minutes=replies - n),
        )
        for n in range(replies)
    )
    client = Client()
    client.force_login(people[0])
    urls = {
        "thread page": f"/ontmoeten/gesprekken/{thread.pk}/",
        "bare view, same posts and base template (baseline)": f"/bench/posts/{thread.pk}/",
    }
    for url in urls.values():
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    timings: dict[str, list[float]] = {name: [] for name in urls}
    for _ in range(config.warmup):
        for url in urls.values():
            client.get(url)
    for _ in range(config.requests):
        for name, url in urls.items():
            timings[name].append(common.timed_ms(lambda url=url: client.get(url)))
    queries = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        queries[name] = len(captured.captured_queries)
    rows = [
        {"page": name, **common.summary(values), "queries": queries[name]}
        for name, values in timings.items()
    ]
    return {
        "replies": replies,
        "pages": rows,
        "ratio_p95": round(rows[0]["p95_ms"] / rows[1]["p95_ms"], 2),
    }


# --- 3. Live page polling through the real server --------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _session_cookie(user) -> str:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


class _Poller(threading.Thread):
    def __init__(self, port, cookie, path, until, interval, results, lock, start_delay):
        super().__init__(daemon=True)
        self.port, self.cookie, self.path = port, cookie, path
        self.until, self.interval = until, interval
        self.results, self.lock, self.start_delay = results, lock, start_delay

    def _get(self, path: str, htmx: bool) -> tuple[int, bytes, float]:
        headers = {"Cookie": f"sessionid={self.cookie}", "Host": "127.0.0.1"}
        if htmx:
            headers["HX-Request"] = "true"
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            body = response.read()
            status = response.status
        finally:
            connection.close()
        return status, body, (time.perf_counter() - started) * 1000

    def run(self) -> None:
        import re

        time.sleep(self.start_delay)
        state = ""
        first = True
        while time.monotonic() < self.until:
            tick = time.monotonic()
            path = self.path if first or not state else f"{self.path}?stand={state}"
            try:
                status, body, millis = self._get(path, htmx=not first)
            except OSError as error:
                with self.lock:
                    self.results.append(("error", 0.0, type(error).__name__))
            else:
                found = re.search(rb"stand=([0-9a-z.\-]+)", body)
                if found:
                    state = found.group(1).decode()
                kind = "page" if first else ("new" if status == 200 else "same")
                with self.lock:
                    self.results.append((kind, millis, status))
            first = False
            time.sleep(max(0.0, self.interval - (time.monotonic() - tick)))


def _poll(port, cookies, path, seconds, interval) -> tuple[list, float]:
    results: list = []
    lock = threading.Lock()
    until = time.monotonic() + seconds
    pollers = [
        _Poller(port, cookie, path, until, interval, results, lock, interval * n / len(cookies))
        for n, cookie in enumerate(cookies)
    ]
    started = time.perf_counter()
    for poller in pollers:
        poller.start()
    for poller in pollers:
        poller.join(timeout=seconds + 60)
    return results, time.perf_counter() - started


def _poll_summary(results: list, elapsed: float) -> dict:
    ok = [r for r in results if r[0] != "error" and r[2] in (200, 204)]
    errors = [r for r in results if r[0] == "error" or r[2] not in (200, 204)]
    out: dict[str, Any] = {
        "requests": len(results),
        "errors": len(errors),
        "error_kinds": sorted({str(r[2]) for r in errors}),
        "per_second": round(len(results) / elapsed, 1),
    }
    if ok:
        out["all"] = common.summary([r[1] for r in ok])
    for kind in ("page", "new", "same"):
        values = [r[1] for r in ok if r[0] == kind]
        if values:
            out[kind] = common.summary(values)
    return out


def _live(config: common.BenchConfig) -> dict:
    from django.conf import settings
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from kennisnetwerk.community import services_live
    from kennisnetwerk.community.models_live import LiveQuestion
    from kennisnetwerk.learning.models import Registration, Session

    participants = _scaled(config, "BENCH_COMMUNITY_POLLERS", 200)
    seconds = float(os.environ.get("BENCH_COMMUNITY_SECONDS", 0) or max(6, 60 * config.scale))
    baseline_seconds = max(4.0, seconds / 3)
    interval = 3.0
    people = _people("kijker", participants)
    core = _people("moderator", 1)[0]
    programme = _programme("bench-webinar", people, core)
    now = timezone.now()
    webinar = Session.objects.create(
        programme=programme,
        title="Webinar: samen opleiden",
        starts_at=now - dt.timedelta(minutes=5),
        ends_at=now + dt.timedelta(hours=3),
        online_url="https://vergaderen.example/bench",
        formats=["webinar"],
        capacity=participants + 10,
        organiser=core,
    )
    Registration.objects.bulk_create(
        Registration(session=webinar, user=u, name=u.full_name, email=u.email, status="aangemeld")
        for u in people
    )
    for n in range(min(10, participants)):
        services_live.live_question_ask(
            session=webinar, author=people[n], text=f"Vraag {n}: hoe pakken jullie dit aan?"
        )
    cookies = [_session_cookie(user) for user in people]

    port = _free_port()
    env = dict(os.environ)
    # The tasks the topics queued are not this part's work; the server's worker skips them.
    DBTaskResult.objects.all().delete()
    log = open(Path(tempfile.gettempdir()) / f"kn-bench-serve-{port}.log", "w")  # noqa: SIM115
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "kennisnetwerk", "serve", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                connection.request("GET", "/bench/minimal/", headers={"Host": "127.0.0.1"})
                if connection.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("kennisnetwerk serve did not answer within 60 s")
        baseline, baseline_elapsed = _poll(
            port, cookies, "/bench/minimal/", baseline_seconds, interval
        )

        stop = threading.Event()
        activity = {"questions": 0, "votes": 0}

        def act() -> None:
            from django.db import connection as db

            rng = random.Random(config.seed)  # noqa: S311 (generated data)
            while not stop.wait(2.0):
                if rng.random() < 0.4:
                    services_live.live_question_ask(
                        session=webinar,
                        author=rng.choice(people),
                        text=f"Nieuwe vraag {activity['questions']}: wie heeft ervaring?",
                    )
                    activity["questions"] += 1
                else:
                    question = rng.choice(list(LiveQuestion.objects.filter(session=webinar)))
                    voter = rng.choice(people)
                    if voter.pk != question.author_id:
                        services_live.live_vote_toggle(question=question, user=voter)
                        activity["votes"] += 1
            db.close()

        actor = threading.Thread(target=act, daemon=True)
        actor.start()
        live, live_elapsed = _poll(
            port, cookies, f"/ontmoeten/webinars/{webinar.pk}/live/", seconds, interval
        )
        stop.set()
        actor.join(timeout=10)
    finally:
        os.killpg(server.pid, 15)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, 9)
        log.close()
    live_summary = _poll_summary(live, live_elapsed)
    base_summary = _poll_summary(baseline, baseline_elapsed)
    return {
        "server": "kennisnetwerk serve 127.0.0.1 --noreload (gunicorn, "
        f"{settings.WEB_CONCURRENCY} process(es) × {settings.WEB_THREADS} threads (gthread), "
        "with the task worker and the schedule beside it)",
        "participants": participants,
        "seconds": seconds,
        "baseline_seconds": baseline_seconds,
        "interval_s": interval,
        "activity": activity,
        "live": live_summary,
        "minimal": base_summary,
        "ratio_p95": round(live_summary["all"]["p95_ms"] / base_summary["all"]["p95_ms"], 2)
        if "all" in live_summary and "all" in base_summary
        else None,
    }


def run(config: common.BenchConfig) -> dict:
    result: dict[str, Any] = {}
    common.say("1. topic fan-out")
    result["fan_out"] = _fan_out(config)
    common.say(str(result["fan_out"]))
    common.say("2. thread page")
    result["thread"] = _thread_page(config)
    common.say(str(result["thread"]))
    common.say("3. live page polling through kennisnetwerk serve")
    result["live"] = _live(config)
    common.say(str(result["live"]))
    return result


def markdown(result: dict) -> str:
    machine = result["machine"]
    f, t, lv = result["fan_out"], result["thread"], result["live"]
    lines = [
        "### Community: topic fan-out, thread page, live webinar polling",
        "",
        f"`make bench BENCH=community` on {result['started_at'][:10]}, commit "
        f"`{result.get('commit', '')[:12]}`: {machine.get('cpus')} CPUs, "
        f"{machine.get('memory_gb')} GB memory, {result['database']['vendor']} "
        f"{result['database']['version']}; load average (1, 5, 15 min) "
        f"{' '.join(str(x) for x in machine.get('load_average_before') or [])} before and "
        f"{' '.join(str(x) for x in machine.get('load_average_after') or [])} after. "
        f"The whole run took {result.get('duration_s')} s. All figures: "
        "`benchmarks/results/community.json`.",
        "",
        f"**New topic in a programme of {_n(f['members'])} members** (all chose mail at once "
        "for new topics): `topic_create` plus the background task's `notifications_fan_out`, "
        "beside the same rows written with one `bulk_create` per table.",
        "",
        "| step | seconds |",
        "|---|---:|",
        f"| `topic_create` (thread, first post, audit, task queued) | {f['topic_create_s']:.3f} |",
        f"| fan-out: {_n(f['notifications_written'])} notifications + {_n(f['mails_queued'])} "
        f"mails in the outbox | {f['fan_out_s']:.3f} |",
        f"| **platform total** | **{f['platform_s']:.3f}** |",
        f"| baseline: `bulk_create` of the same {_n(f['notifications_written'])} + "
        f"{_n(f['mails_queued'])} rows | {f['bulk_create_s']:.3f} |",
        "",
        f"Ratio platform / bulk_create: **{f['ratio_to_bulk_create']}×**.",
        "",
        f"**Thread page with {_n(t['replies'])} replies**, server time in-process "
        "(`django.test.Client`), as a member; target ≤ 3× the bare view and ≤ 15 queries.",
        "",
        "| page | n | p50 ms | p95 ms | max ms | queries |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in t["pages"]:
        lines.append(
            f"| {row['page']} | {row['n']} | {row['p50_ms']:.1f} | {row['p95_ms']:.1f} | "
            f"{row['max_ms']:.1f} | {row['queries']} |"
        )
    met = "yes" if t["ratio_p95"] <= 3 and t["pages"][0]["queries"] <= 15 else "**no**"
    lines += [
        "",
        f"Ratio p95 thread page / bare view: **{t['ratio_p95']}×** (target met: {met}).",
        "",
        f"**Live webinar page**: {lv['participants']} participants polling every "
        f"{lv['interval_s']:.0f} s for {lv['seconds']:.0f} s through {lv['server']}; a "
        f"question or vote every 2 s during the run ({lv['activity']['questions']} questions, "
        f"{lv['activity']['votes']} votes). Baseline: the same clients polling "
        f"`/bench/minimal/` for {lv['baseline_seconds']:.0f} s.",
        "",
        "| requests | n | p50 ms | p95 ms | max ms |",
        "|---|---:|---:|---:|---:|",
    ]
    labels = {
        "page": "first load of the full page",
        "new": "polls answered with a new list (200)",
        "same": "polls with nothing new (204)",
        "all": "**all live-page requests**",
    }
    for key, label in labels.items():
        if key in lv["live"]:
            s = lv["live"][key]
            lines.append(
                f"| {label} | {s['n']} | {s['p50_ms']:.1f} | {s['p95_ms']:.1f} | "
                f"{s['max_ms']:.1f} |"
            )
    if "all" in lv["minimal"]:
        s = lv["minimal"]["all"]
        lines.append(
            f"| baseline: minimal view, same clients | {s['n']} | {s['p50_ms']:.1f} | "
            f"{s['p95_ms']:.1f} | {s['max_ms']:.1f} |"
        )
    lines += [
        "",
        f"Errors: **{lv['live']['errors']}** of {_n(lv['live']['requests'])} live-page requests"
        + (f" ({', '.join(lv['live']['error_kinds'])})" if lv["live"]["errors"] else "")
        + f"; {lv['minimal']['errors']} of {_n(lv['minimal']['requests'])} baseline requests. "
        f"Throughput {lv['live']['per_second']} requests/s "
        f"(baseline {lv['minimal']['per_second']}). "
        f"Ratio p95 live / minimal: {lv['ratio_p95']}×.",
    ]
    return "\n".join(lines)
