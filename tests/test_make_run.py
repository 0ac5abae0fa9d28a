"""What `make run` does after installing: prepare a fresh SQLite database with reference and
demo data, print the demo log-ins, serve the platform and run background jobs without an
extra command."""

import os
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
    added_by_tests = {"TASKS_BACKEND", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "EMAIL_BACKEND"}
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


def _run(args, env):
    return subprocess.run(
        [KENNISNETWERK, *args], env=env, capture_output=True, text=True, timeout=180, check=True
    )


def test_fresh_installation_serves_the_platform_with_demo_data(fresh_env, tmp_path):
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

    port = _free_port()
    server = subprocess.Popen(  # noqa: S603
        [KENNISNETWERK, "serve", f"127.0.0.1:{port}", "--noreload"],
        env=fresh_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        body = None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:  # noqa: S310
                    assert response.status == 200
                    body = response.read().decode()
                    break
            except OSError:
                time.sleep(0.3)
        assert body is not None, "the server did not answer"
        assert '<html lang="nl"' in body

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
            status = db.execute("SELECT status FROM django_tasks_database_dbtaskresult").fetchone()
            if status and status[0] == "SUCCESSFUL":
                break
            time.sleep(0.3)
        assert status == ("SUCCESSFUL",)
        erased = db.execute(
            "SELECT COUNT(*) FROM accounts_user WHERE email LIKE 'verwijderd-%@invalid'"
        ).fetchone()[0]
        assert erased == 1
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
