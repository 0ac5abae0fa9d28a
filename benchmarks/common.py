"""What every benchmark shares: its knobs from the environment, timing and percentiles, a
description of the machine, and writing the results (JSON, and a section of
docs/benchmarks.md).

Knobs (environment variables):

- ``BENCH_SCALE`` (default 1): multiplies the generated counts. Anything but 1 gives figures
  that are marked as not representative and are not written to docs/benchmarks.md.
- ``BENCH_REQUESTS`` (default 100) and ``BENCH_WARMUP`` (default 5): measured and warm-up
  requests per page (or rounds, for benchmarks that have them).
- ``BENCH_SEED``: seed of the generated data (the same seed gives the same data).
- ``BENCH_OUTPUT_DIR`` (default ``benchmarks/results``): where ``<name>.json`` goes.
"""

from __future__ import annotations

import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT_DIR = ROOT / "benchmarks" / "results"
DOCS_FILE = ROOT / "docs" / "benchmarks.md"


class ConfigError(ValueError):
    pass


def _number(environ: Mapping[str, str], name: str, default: float, cast: Callable) -> Any:
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return cast(raw)
    except ValueError as error:
        raise ConfigError(f"{name}={raw!r} is not a valid number") from error


@dataclass(frozen=True)
class BenchConfig:
    scale: float = 1.0
    requests: int = 100
    warmup: int = 5
    seed: int = 20251124
    output_dir: Path = field(default=DEFAULT_OUTPUT_DIR)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> BenchConfig:
        config = cls(
            scale=_number(environ, "BENCH_SCALE", cls.scale, float),
            requests=_number(environ, "BENCH_REQUESTS", cls.requests, int),
            warmup=_number(environ, "BENCH_WARMUP", cls.warmup, int),
            seed=_number(environ, "BENCH_SEED", cls.seed, int),
            output_dir=Path(environ.get("BENCH_OUTPUT_DIR") or DEFAULT_OUTPUT_DIR),
        )
        if not 0 < config.scale <= 10:
            raise ConfigError("BENCH_SCALE must be above 0 (and at most 10)")
        if config.requests < 1 or config.warmup < 0:
            raise ConfigError("BENCH_REQUESTS must be at least 1 and BENCH_WARMUP at least 0")
        return config

    @property
    def representative(self) -> bool:
        """Only figures at full scale stand for the target."""
        return self.scale == 1.0

    def count(self, full: int, minimum: int = 1) -> int:
        """``full`` multiplied by the scale, at least ``minimum``."""
        return max(minimum, round(full * self.scale))

    def as_dict(self) -> dict[str, Any]:
        return {
            "scale": self.scale,
            "requests": self.requests,
            "warmup": self.warmup,
            "seed": self.seed,
        }


# --- Timing ---------------------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: the smallest value with at least ``fraction`` of all values
    at or below it."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def summary(millis: list[float]) -> dict[str, float]:
    """p50, p95, max and mean of durations in milliseconds."""
    return {
        "n": len(millis),
        "p50_ms": round(percentile(millis, 0.50), 3),
        "p95_ms": round(percentile(millis, 0.95), 3),
        "max_ms": round(max(millis), 3),
        "mean_ms": round(statistics.fmean(millis), 3),
    }


def timed_ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


@contextmanager
def stopwatch(into: dict[str, float], key: str) -> Iterator[None]:
    """Store the seconds the block took in ``into[key]``."""
    start = time.perf_counter()
    try:
        yield
    finally:
        into[key] = round(time.perf_counter() - start, 3)


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


# --- Where the figures come from --------------------------------------------------------------


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float | None:
    try:
        return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3, 1)
    except (ValueError, OSError, AttributeError):
        return None


def load_average() -> list[float] | None:
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:
        return None


def machine() -> dict[str, Any]:
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "cpus": os.cpu_count(),
        "cpus_available": available,
        "cpu_model": _cpu_model(),
        "memory_gb": _memory_gb(),
        "platform": platform.platform(),
        "python": platform.python_version(),
    }


def commit() -> dict[str, Any]:
    """The commit of the checkout, and whether it had uncommitted changes."""

    def git(*args: str) -> str:
        completed = subprocess.run(  # noqa: S603
            ["git", *args],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
        return completed.stdout.strip()

    try:
        return {
            "commit": git("rev-parse", "--short=12", "HEAD"),
            "uncommitted_changes": bool(git("status", "--porcelain", "--untracked-files=no")),
        }
    except (OSError, subprocess.SubprocessError):
        return {"commit": "unknown", "uncommitted_changes": None}


# --- Results --------------------------------------------------------------------------------


def write_json(result: dict[str, Any], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def docs_markers(name: str) -> tuple[str, str]:
    return f"<!-- bench:{name}:start -->", f"<!-- bench:{name}:end -->"


def write_docs_section(name: str, markdown: str, path: Path = DOCS_FILE) -> Path:
    """Put ``markdown`` between the markers of benchmark ``name`` in ``path`` (appended at the
    end when the markers are not there yet)."""
    start, end = docs_markers(name)
    block = f"{start}\n{markdown.strip()}\n{end}"
    text = path.read_text(encoding="utf-8")
    if start in text and end in text and text.index(start) < text.index(end):
        before, rest = text.split(start, 1)
        _old, after = rest.split(end, 1)
        text = before + block + after
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def fmt(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}".replace(",", " ")
