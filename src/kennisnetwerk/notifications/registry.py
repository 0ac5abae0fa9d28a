"""The kinds of notification. Each app registers its own kinds in its
``notification_kinds.py``, imported from its ``AppConfig.ready``; this app knows none of them
in advance.

    register_kind(NotificationKind(key="learning.session_new", label=_("New session")))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .constants import Channel


@dataclass(frozen=True)
class NotificationKind:
    key: str  # "<app>.<event>", e.g. "community.reply"
    label: str  # lazy-translated, shown in the preferences
    description: str = ""
    default_channel: str = Channel.INSTANT
    # Network facilitators see every region's events; a kind that would flood them can give
    # them another default (e.g. a daily summary). Empty: the same as everyone.
    facilitator_channel: str = ""


_kinds: dict[str, NotificationKind] = {}


def register_kind(kind: NotificationKind) -> NotificationKind:
    if kind.default_channel not in Channel.values:
        raise ValueError(f"unknown channel {kind.default_channel!r} for {kind.key}")
    if kind.facilitator_channel and kind.facilitator_channel not in Channel.values:
        raise ValueError(f"unknown channel {kind.facilitator_channel!r} for {kind.key}")
    _kinds[kind.key] = kind
    return kind


def get_kind(key: str) -> NotificationKind:
    try:
        return _kinds[key]
    except KeyError:
        raise LookupError(f"notification kind {key!r} is not registered") from None


def all_kinds() -> list[NotificationKind]:
    return sorted(_kinds.values(), key=lambda kind: kind.key)


def default_channel(kind: NotificationKind, *, is_facilitator: bool) -> str:
    if is_facilitator and kind.facilitator_channel:
        return kind.facilitator_channel
    return kind.default_channel


@dataclass(frozen=True)
class Followable:
    """A kind of object people can follow (a programme, thread, theme, region). The app that
    owns the model registers it with its own access rule, so this app needs none of them."""

    model: type
    can_view: Callable[[Any, Any], bool]  # (user, obj) -> may the user see it?
    # Listed on the notification settings page to follow from there (themes, which have no
    # page of their own).
    listed: bool = False


_followables: dict[str, Followable] = {}


def register_followable(followable: Followable) -> Followable:
    _followables[followable.model._meta.label_lower] = followable
    return followable


def get_followable(label: str) -> Followable | None:
    """The followable registered for ``"app_label.model"``, or None."""
    return _followables.get(label)


def listed_followables() -> list[Followable]:
    return [f for f in _followables.values() if f.listed]
