"""Reading settings from the environment: one helper for every knob.

Values come from the process environment; a ``.env`` file in the working directory fills in
what the environment does not set (the environment always wins).
"""

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

_UNSET = object()
_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"0", "false", "no", "off", "nee", ""}


def load_dotenv(path: Path) -> None:
    """Put ``KEY=value`` lines of ``path`` into ``os.environ`` unless already set."""
    if not path.is_file():
        return
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        key = key.strip().removeprefix("export ").strip()
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        os.environ.setdefault(key, value)


def load_project_dotenv() -> None:
    """Read ``.env`` from the working directory; called first by every settings module so
    that it can override their defaults."""
    load_dotenv(Path.cwd() / ".env")


def as_bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValueError(f"not a boolean: {value!r}")


def as_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def config(name: str, default: Any = _UNSET, cast: Callable[[str], Any] | None = None) -> Any:
    """Return setting ``name`` from the environment, cast to the type of ``default``."""
    raw = os.environ.get(name)
    if raw is None:
        if default is _UNSET:
            raise RuntimeError(f"Environment variable {name} is required")
        return default
    if cast is None:
        if isinstance(default, bool):
            cast = as_bool
        elif isinstance(default, int):
            cast = int
        elif isinstance(default, list):
            cast = as_list
        else:
            return raw
    return cast(raw)
