"""Background work that survives a crash of its worker.

A process that takes on work (a job with a progress page, a batch of outgoing mails) records
*who* it is: the machine, the machine's boot, the process id and the moment that process
started (``current_process``). Whether that process still exists can be decided on the same
machine (``process_state``): a process id that no longer exists, or now belongs to a process
that started at another moment, or a machine that rebooted since, proves the worker is gone.
On another machine nothing can be proved; there a job counts as dead when its heartbeat, which
a thread in the worker updates every ``JOB_HEARTBEAT_SECONDS``, is older than
``JOB_STALE_SECONDS``.

Jobs with a progress page derive from ``core.models.BackgroundJob`` and use ``job_claim``,
``job_heartbeat`` and ``jobs_fail_dead``; the page checks its job when it is read, and every
task worker checks all jobs when it starts (the ``worker_started`` hook, run by ``db_worker``).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from django.conf import settings
from django.db import DatabaseError, connections
from django.db.models import Model, QuerySet
from django.utils import timezone

from .models import BackgroundJob, JobStatus

logger = logging.getLogger(__name__)

ProcessState = Literal["alive", "gone", "unknown"]
_SEPARATOR = "|"


def heartbeat_seconds() -> float:
    return float(getattr(settings, "JOB_HEARTBEAT_SECONDS", 10))


def stale_after() -> dt.timedelta:
    return dt.timedelta(seconds=float(getattr(settings, "JOB_STALE_SECONDS", 120)))


def _boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""


def _start_ticks(pid: int) -> str | None:
    """When process ``pid`` started (clock ticks since boot); "" where /proc is missing,
    None when there is no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return None
    except OSError:
        return ""
    # The command name (field 2) may hold spaces; the fields after it are plain.
    return stat.rsplit(")", 1)[1].split()[19]


@dataclass(frozen=True)
class ProcessRef:
    host: str
    boot: str
    pid: int
    start: str

    def __str__(self) -> str:
        return _SEPARATOR.join((self.host, self.boot, str(self.pid), self.start))

    @property
    def label(self) -> str:
        """How a person reads it: process 1234 on host."""
        return f"{self.pid}@{self.host}"


def current_process() -> str:
    """The identity of this process, to be recorded on the work it takes on."""
    pid = os.getpid()
    start = _start_ticks(pid) or ""
    return str(ProcessRef(socket.gethostname()[:100], _boot_id(), pid, start))


def parse_process(identity: str) -> ProcessRef | None:
    parts = (identity or "").split(_SEPARATOR)
    if len(parts) != 4 or not parts[2].isdigit():
        return None
    return ProcessRef(parts[0], parts[1], int(parts[2]), parts[3])


def process_state(identity: str) -> ProcessState:
    """ "gone" when the recorded process provably no longer runs, "alive" when it provably
    does, "unknown" when it ran on another machine (or nothing was recorded)."""
    ref = parse_process(identity)
    if ref is None or ref.host != socket.gethostname()[:100]:
        return "unknown"
    boot = _boot_id()
    if ref.boot and boot and ref.boot != boot:
        return "gone"  # the machine restarted since
    try:
        os.kill(ref.pid, 0)
    except ProcessLookupError:
        return "gone"
    except PermissionError:
        pass  # it exists, under another user
    start = _start_ticks(ref.pid)
    if start is None:
        return "gone"
    if ref.start and start and start != ref.start:
        return "gone"  # the process id now belongs to another process
    if start and _is_zombie(ref.pid):
        return "gone"  # killed, waiting for its parent to collect it
    return "alive"


def _is_zombie(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


# --- Jobs with a progress page ----------------------------------------------------------------


def job_claim(job: BackgroundJob) -> bool:
    """Take a queued job for this process (running, with its worker and a first heartbeat).
    False when it is not waiting any more (a task delivered twice)."""
    now = timezone.now()
    worker = current_process()
    claimed = (
        type(job)
        .objects.filter(pk=job.pk, status=JobStatus.QUEUED)
        .update(
            status=JobStatus.RUNNING,
            started_at=now,
            worker=worker,
            heartbeat_at=now,
            updated_at=now,
        )
    )
    if claimed:
        job.refresh_from_db()
    return bool(claimed)


@contextmanager
def job_heartbeat(job: BackgroundJob) -> Iterator[None]:
    """While the block runs, a thread of this process updates the job's heartbeat, on its own
    database connection (so also while the job's own transaction is open)."""
    model, pk, worker = type(job), job.pk, job.worker
    stop = threading.Event()
    interval = heartbeat_seconds()

    def beat() -> None:
        try:
            while not stop.wait(interval):
                try:
                    model.objects.filter(pk=pk, status=JobStatus.RUNNING, worker=worker).update(
                        heartbeat_at=timezone.now()
                    )
                except DatabaseError:
                    # SQLite lets one writer work at a time; the next beat tries again.
                    logger.info("heartbeat of %s %s postponed", model.__name__, pk)
        finally:
            connections.close_all()

    thread = threading.Thread(target=beat, name=f"heartbeat-{model.__name__}-{pk}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def job_is_dead(job: BackgroundJob, *, now: dt.datetime | None = None) -> bool:
    """A running job whose worker provably stopped, or (on another machine) stopped beating."""
    if job.status != JobStatus.RUNNING:
        return False
    state = process_state(job.worker)
    if state != "unknown":
        return state == "gone"
    last = job.heartbeat_at or job.started_at or job.updated_at
    return last is None or last < (now or timezone.now()) - stale_after()


def jobs_fail_dead(
    queryset: QuerySet[Any],
    *,
    error: Callable[[Any], str],
    changes: Callable[[Any], dict[str, Any]] | None = None,
) -> list[Model]:
    """Mark the running jobs of ``queryset`` whose worker died as failed, with ``error(job)``
    as the reason (in the person's language) and ``changes(job)`` for the job's own fields.
    A failed job no longer blocks starting the same work again. Returns the jobs marked."""
    now = timezone.now()
    failed = []
    for job in queryset.filter(status=JobStatus.RUNNING):
        if not job_is_dead(job, now=now):
            continue
        updated = (
            type(job)
            .objects.filter(pk=job.pk, status=JobStatus.RUNNING, worker=job.worker)
            .update(
                status=JobStatus.FAILED,
                error=error(job),
                finished_at=now,
                updated_at=now,
                **(changes(job) if changes else {}),
            )
        )
        if updated:
            logger.warning(
                "%s %s: its worker %s stopped; marked failed",
                type(job).__name__,
                job.pk,
                job.worker,
            )
            job.refresh_from_db()
            failed.append(job)
    return failed
