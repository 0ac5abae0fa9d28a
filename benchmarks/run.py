"""Run the benchmarks of the performance targets (DESIGN.md §6).

    make bench                 # every benchmark in BENCHMARKS
    make bench BENCH=atlas     # one
    .venv/bin/python benchmarks/run.py [NAME ...] [--list]

Each benchmark runs in a process of its own against a database of its own, made for the run
and removed afterwards:

- by default a new SQLite file in a temporary folder (``TMPDIR`` chooses where);
- with ``BENCH_DATABASE_URL=postgres://user@host:5432/NAME`` a PostgreSQL database NAME,
  dropped (if left over) and created before the run and dropped after it. NAME must contain
  "bench" (e.g. ``kn_bench``), so that no other database is ever dropped.

In that process it migrates, loads the reference data and calls the benchmark module's
``run(config)``, which generates its data and measures. The result goes to
``benchmarks/results/<name>.json`` (``BENCH_OUTPUT_DIR`` elsewhere) and, at full scale only,
to the benchmark's section of docs/benchmarks.md. See ``benchmarks/common.py`` for the knobs
(``BENCH_SCALE``, ``BENCH_REQUESTS``…).

A benchmark module has ``TITLE``, ``run(config) -> dict`` and ``markdown(result) -> str``;
add it to ``BENCHMARKS`` below.
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import common  # noqa: E402

# Name → module. Later capabilities add theirs ("matching", "digest"…).
BENCHMARKS: dict[str, str] = {
    "atlas": "benchmarks.atlas",
    "digest": "benchmarks.digest",
    "matching": "benchmarks.matching",
    "reach": "benchmarks.reach",
    "community": "benchmarks.community",
}

SETTINGS_MODULE = "benchmarks.settings"
_PROTECTED_DATABASES = {"test", "postgres", "template0", "template1"}


# --- The database of one run ----------------------------------------------------------------


@contextmanager
def fresh_database(name: str) -> Iterator[str]:
    """The URL of an empty database for benchmark ``name``, removed afterwards."""
    url = os.environ.get("BENCH_DATABASE_URL", "").strip()
    if not url:
        with tempfile.TemporaryDirectory(prefix=f"kn-bench-{name}-") as folder:
            yield f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        return
    with _postgres_database(url) as database_url:
        yield database_url


def postgres_target(url: str) -> tuple[str, str]:
    """The database named by ``url`` and the URL of the server's maintenance database;
    SystemExit unless the name is one the benchmarks may drop."""
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql", "pgsql"}:
        raise SystemExit(f"BENCH_DATABASE_URL must be a postgres:// URL, not {parts.scheme}://")
    database = parts.path.lstrip("/")
    if not database or database in _PROTECTED_DATABASES or "bench" not in database:
        raise SystemExit(
            f"BENCH_DATABASE_URL names database {database!r}; the benchmarks drop and create "
            "their database, so its name must contain 'bench' (e.g. kn_bench) and may not be "
            f"one of {sorted(_PROTECTED_DATABASES)}."
        )
    return database, urlunsplit(parts._replace(path="/postgres", scheme="postgresql"))


@contextmanager
def _postgres_database(url: str) -> Iterator[str]:
    import psycopg
    from psycopg import sql

    database, maintenance = postgres_target(url)
    statement_drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
        sql.Identifier(database)
    )
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(statement_drop)
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
    try:
        yield url
    finally:
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(statement_drop)


# --- Parent: one process per benchmark -------------------------------------------------------


def run_isolated(name: str) -> int:
    started = time.perf_counter()
    common.say(f"=== benchmark {name} ===")
    with fresh_database(name) as database_url:
        env = dict(os.environ)
        env["DATABASE_URL"] = database_url
        env["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
        env["PYTHONPATH"] = os.pathsep.join(
            part for part in (str(ROOT), env.get("PYTHONPATH", "")) if part
        )
        returncode = subprocess.run(  # noqa: S603
            [sys.executable, str(Path(__file__).resolve()), "--child", name],
            env=env,
            cwd=ROOT,
            check=False,
        ).returncode
    elapsed = time.perf_counter() - started
    status = "done" if returncode == 0 else f"FAILED (exit code {returncode})"
    common.say(f"=== benchmark {name}: {status} in {elapsed:.0f} s ===")
    return returncode


# --- Child: set up Django, migrate, measure, write --------------------------------------------


def run_child(name: str) -> int:
    import django

    warnings.filterwarnings("ignore", message="No directory at")  # no collected static files
    started_at = datetime.now(UTC)
    started = time.perf_counter()
    config = common.BenchConfig.from_env()
    module = importlib.import_module(BENCHMARKS[name])

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    setup: dict[str, float] = {}
    with common.stopwatch(setup, "migrate_s"):
        call_command("migrate", interactive=False, verbosity=0)
    with common.stopwatch(setup, "load_reference_data_s"):
        call_command("load_reference_data", stdout=io.StringIO())
    common.say(f"database: {connection.vendor} {_database_version(connection)}, migrated")
    if not config.representative:
        common.say(f"BENCH_SCALE={config.scale}: figures are NOT representative")

    load_before = common.load_average()
    measured = module.run(config)
    result = {
        "benchmark": name,
        "title": module.TITLE,
        "representative": config.representative,
        "note": (
            ""
            if config.representative
            else f"BENCH_SCALE={config.scale}: smaller data than the target describes; "
            "these figures do not stand for the target."
        ),
        "started_at": started_at.isoformat(timespec="seconds"),
        **common.commit(),
        "machine": {
            **common.machine(),
            "load_average_before": load_before,
            "load_average_after": common.load_average(),
        },
        "django": django.get_version(),
        "database": {"vendor": connection.vendor, "version": _database_version(connection)},
        "config": config.as_dict(),
        **measured,
    }
    result["setup"] = {**setup, **result.get("setup", {})}
    result["duration_s"] = round(time.perf_counter() - started, 1)

    path = common.write_json(result, config.output_dir / f"{name}.json")
    common.say(f"results written to {path}")
    if config.representative:
        docs = common.write_docs_section(name, module.markdown(result))
        common.say(f"table written to {docs}")
    else:
        common.say("docs/benchmarks.md left unchanged (not representative)")
    return 0


def write_docs_from_results(names: list[str], output_dir: Path) -> int:
    for name in names:
        path = output_dir / f"{name}.json"
        result = json.loads(path.read_text(encoding="utf-8"))
        if not result.get("representative"):
            common.say(f"{path}: not representative, docs/benchmarks.md left unchanged")
            return 1
        module = importlib.import_module(BENCHMARKS[name])
        common.say(f"table written to {common.write_docs_section(name, module.markdown(result))}")
    return 0


def _database_version(connection) -> str:
    if connection.vendor == "sqlite":
        return connection.Database.sqlite_version
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0]


# --- Command line ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the benchmarks (see docs/benchmarks.md).")
    parser.add_argument("names", nargs="*", metavar="NAME", help="default: all")
    parser.add_argument("--list", action="store_true", help="list the benchmarks")
    parser.add_argument(
        "--docs-only",
        action="store_true",
        help="measure nothing: write the docs section of each NAME from its results JSON "
        "(after changing the table's layout); representative results only",
    )
    parser.add_argument("--child", metavar="NAME", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.list:
        for name in BENCHMARKS:
            common.say(name)
        return 0
    if args.child:
        return run_child(args.child)

    names = args.names or list(BENCHMARKS)
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
    try:
        config = common.BenchConfig.from_env()
    except common.ConfigError as error:
        parser.error(str(error))
    if args.docs_only:
        return write_docs_from_results(names, config.output_dir)
    if os.environ.get("BENCH_DATABASE_URL", "").strip():
        postgres_target(os.environ["BENCH_DATABASE_URL"].strip())
    failed = [name for name in names if run_isolated(name) != 0]
    if failed:
        common.say(f"failed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
