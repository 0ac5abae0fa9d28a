"""What `make run` does after installing: prepare a fresh SQLite database with reference and
demo data, print the demo log-ins, serve the platform and run background jobs without an
extra command."""

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

KENNISNETWERK = str(Path(sys.executable).with_name("kennisnetwerk"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def fresh_env(tmp_path):
    # Start from the environment a person has, not the one the test settings added to.
    added_by_tests = {
        "TASKS_BACKEND",
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DEBUG",
        "EMAIL_BACKEND",
        "SITE_URL",
    }
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_")) and k not in added_by_tests
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "kennisnetwerk.conf.dev",
            "KENNISNETWERK_DATA_DIR": str(tmp_path),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'kennisnetwerk.sqlite3'}",
        }
    )
    return env


def smtp_server_port(mailbox) -> int:
    from django.conf import settings

    # The smtp_server fixture points the test settings at its port.
    return settings.EMAIL_PORT


def _run(args, env):
    return subprocess.run(
        [KENNISNETWERK, *args], env=env, capture_output=True, text=True, timeout=180, check=True
    )


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
        assert response.status == 200
        return response.read().decode()


def test_fresh_installation_serves_the_platform_with_demo_data(fresh_env, tmp_path, smtp_server):
    _run(["migrate", "--noinput"], fresh_env)
    _run(["load_reference_data"], fresh_env)
    output = _run(["load_demo_data"], fresh_env).stdout
    for role in (
        "netwerkbegeleider",
        "regiocoördinator Noordoost-Brabant",
        "medewerker partij (Gemeente Oss)",
        "ondernemer",
    ):
        assert role in output
    assert "wachtwoord:" in output
    assert "TOTP-geheim" in output

    mode = (
        sqlite3.connect(tmp_path / "kennisnetwerk.sqlite3")
        .execute("PRAGMA journal_mode")
        .fetchone()[0]
    )
    assert mode == "wal"

    # Not port 8000: links in mails and feeds must follow the port served on (`make run
    # PORT=…` passes HOST:PORT to `serve`). Mail goes to a real SMTP server.
    port = _free_port()
    assert port != 8000
    server_env = {
        **fresh_env,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_server_port(smtp_server)),
    }
    server = subprocess.Popen(  # noqa: S603
        [KENNISNETWERK, "serve", f"127.0.0.1:{port}", "--noreload"],
        env=server_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        body = None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:  # noqa: S310
                    assert response.status == 200
                    body = response.read().decode()
                    server_header = response.headers["Server"]
                    break
            except OSError:
                time.sleep(0.3)
        assert body is not None, "the server did not answer"
        assert '<html lang="nl"' in body
        # A production WSGI server answers, not Django's development server.
        assert server_header.startswith("gunicorn"), server_header

        # The page's style sheets and scripts load (whitenoise, DEBUG on as in `make run`).
        assets = re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', body)
        assert any(asset.endswith(".css") for asset in assets), body
        for asset in assets:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{asset}", timeout=10) as response:  # noqa: S310
                assert response.status == 200, asset
                assert response.read(), asset

        # A background job queued now is picked up by the worker that `serve` started.
        _run(
            [
                "shell",
                "-c",
                (
                    "from kennisnetwerk.accounts.models import User;"
                    "from kennisnetwerk.accounts.services import erasure_request;"
                    "erasure_request(user=User.objects.get(email='ondernemer@demo.kennisnetwerk.example'))"
                ),
            ],
            fresh_env,
        )
        db = sqlite3.connect(tmp_path / "kennisnetwerk.sqlite3")
        deadline = time.monotonic() + 30
        status = None
        while time.monotonic() < deadline:
            # The demo data queued jobs of its own; this one is the erasure.
            status = db.execute(
                "SELECT status FROM django_tasks_database_dbtaskresult"
                " WHERE task_path = 'kennisnetwerk.accounts.tasks.erase_personal_data'"
            ).fetchone()
            if status and status[0] == "SUCCESSFUL":
                break
            time.sleep(0.3)
        assert status == ("SUCCESSFUL",)
        erased = db.execute(
            "SELECT COUNT(*) FROM accounts_user WHERE email LIKE 'verwijderd-%@invalid'"
        ).fetchone()[0]
        assert erased == 1

        # A mail sent by the worker links to the port served on, and the link works.
        _run(
            [
                "shell",
                "-c",
                (
                    "from kennisnetwerk.geo.models import Region;"
                    "from kennisnetwerk.outreach.services import SubscriberData, subscriber_signup;"
                    "from kennisnetwerk.outreach.tasks import send_confirmation_mail;"
                    "result = subscriber_signup("
                    "region=Region.objects.get(name='Noordoost-Brabant'),"
                    "data=SubscriberData(email='nieuw@voorbeeld.example', company_name='Nieuw BV'),"
                    "consent_text='ja');"
                    "send_confirmation_mail.enqueue(result.subscriber.pk)"
                ),
            ],
            server_env,
        )
        deadline = time.monotonic() + 30
        mail = None
        while mail is None and time.monotonic() < deadline:
            mail = next(
                (m for m in smtp_server.messages if "nieuw@voorbeeld.example" in m["To"]), None
            )
            time.sleep(0.2)
        assert mail is not None, "the worker sent no confirmation mail"
        text = mail.get_body(("plain",)).get_content()
        links = re.findall(r"https?://[^\s<>\"]+", text)
        assert links, text
        assert all(link.startswith(f"http://127.0.0.1:{port}/") for link in links), links
        confirm = next(link for link in links if "/bevestigen/" in link)
        assert "nieuw@voorbeeld.example" in _get(confirm)

        # So do the links in the RSS feed and the iCalendar file.
        site = f"http://127.0.0.1:{port}"
        feed = _get(f"{site}/nieuwsbrief/noordoost-brabant/berichten.xml")
        assert f"<link>{site}/" in feed and ":8000" not in feed
        ics = _get(f"{site}/nieuwsbrief/noordoost-brabant/agenda.ics")
        assert ":8000" not in ics
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
    output = server.stdout.read()
    assert "gunicorn" in output
    # The worker and the schedule stopped with the server.
    helpers = [
        int(pid) for pid in re.findall(r"(?:db_worker|run_schedule): gestart \(pid (\d+)\)", output)
    ]
    assert len(helpers) == 2, output
    for pid in helpers:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    # The access log goes to stdout.
    assert '"GET / HTTP/1.1" 200' in output, output
