"""Real worker processes against the test database, for tests that kill them.

On PostgreSQL the processes use the test database itself (the test must be transactional).
SQLite's test database lives in memory, which another process cannot open: ``push`` copies it
to a file for the processes (SQLite's online backup) and ``pull`` copies their work back."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from django.db import connection


class SharedDatabase:
    def __init__(self, directory: Path) -> None:
        self.sqlite = connection.vendor == "sqlite"
        if self.sqlite:
            self.path = directory / "shared.sqlite3"
            self.url = f"sqlite:///{self.path}"
        else:
            db = connection.settings_dict
            self.url = (
                f"postgres://{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}"
                f"@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
            )

    def push(self) -> None:
        """Let the processes see what the test wrote."""
        if self.sqlite:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            connection.ensure_connection()
            target = sqlite3.connect(self.path)
            connection.connection.backup(target)
            target.close()

    def pull(self) -> None:
        """Let the test see what the processes wrote."""
        if self.sqlite:
            source = sqlite3.connect(self.path)
            connection.ensure_connection()
            source.backup(connection.connection)
            source.close()

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Read what the processes wrote while they run (without pulling)."""
        if self.sqlite:
            db = sqlite3.connect(self.path, timeout=20)
            try:
                return db.execute(sql, params).fetchall()
            finally:
                db.close()
        with connection.cursor() as cursor:
            cursor.execute(sql.replace("?", "%s"), params)
            return cursor.fetchall()

    def start(self, *args: str, **env: str) -> subprocess.Popen:
        """Start ``kennisnetwerk <args>`` as a separate process on this database."""
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "kennisnetwerk.conf.ci",
            "DATABASE_URL": self.url,
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "PYTHONPATH": os.pathsep.join(p for p in sys.path if p),
            **env,
        }
        return subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "kennisnetwerk", *args],
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )


def wait_until(
    condition: Callable[[], bool],
    *,
    timeout: float,
    what: str,
    process: subprocess.Popen | None = None,
) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if process is not None and process.poll() is not None:
            output = process.stdout.read() if process.stdout else ""
            raise AssertionError(f"the process ended before {what}:\n{output}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def stop(process: subprocess.Popen) -> None:
    """SIGSTOP: the process hangs, alive, holding what it claimed. A statement it had already
    sent to a database server still completes there; give it a moment."""
    process.send_signal(signal.SIGSTOP)
    wait_until(
        lambda: (
            Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()[0] in ("T", "t")
        ),
        timeout=10,
        what="the process to stop",
    )
    time.sleep(1)


def kill(process: subprocess.Popen) -> None:
    """SIGKILL: the process gets no chance to clean up, as in a crash."""
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
