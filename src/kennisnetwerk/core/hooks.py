"""A tiny hooks registry: one app adds menu items or dashboard widgets to another
without importing it.

    @hooks.register("dashboard_widgets")
    def my_widget(request): ...

    for fn in hooks.get_hooks("dashboard_widgets"): ...
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

_registry: dict[str, list[tuple[int, Callable[..., Any]]]] = defaultdict(list)

# Hook names in use, so a typo fails loudly instead of silently registering nothing.
KNOWN_HOOKS = {
    "main_menu_items",  # fn(request) -> MenuItem | None
    "dashboard_widgets",  # fn(request) -> Widget | None
    "personal_data_export",  # fn(user) -> (section_name, data)
    "personal_data_erase",  # fn(user) -> None, removes an app's personal data of user
    "schedule_tick",  # fn(now) -> list[str], an app's periodic jobs (run_schedule)
    "data_changed",  # fn(name) -> None, a change stamp was touched (core/stamps.py)
    "worker_started",  # fn() -> list[str], recovery when a task worker starts (core/jobs.py)
    # fn(request, obj) -> SafeString | None: a section one app adds to another app's detail
    # page (e.g. a session's live questions), rendered by the page's view.
    "detail_sections",
}


def register(name: str, *, order: int = 0) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    if name not in KNOWN_HOOKS:
        raise ValueError(f"unknown hook {name!r}; known: {sorted(KNOWN_HOOKS)}")

    def decorator(fn: Callable[..., Any]) -> Callable[..., Any]:
        if all(existing is not fn for _, existing in _registry[name]):
            _registry[name].append((order, fn))
            _registry[name].sort(key=lambda pair: pair[0])
        return fn

    return decorator


def get_hooks(name: str) -> list[Callable[..., Any]]:
    if name not in KNOWN_HOOKS:
        raise ValueError(f"unknown hook {name!r}")
    return [fn for _, fn in _registry[name]]
