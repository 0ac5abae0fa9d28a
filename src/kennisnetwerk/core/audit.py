"""Writing the audit log. Services call these; nothing else writes audit entries."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditAction, AuditLogEntry


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    return value


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The current values of ``fields`` in a form that can be compared and stored as JSON."""
    return {name: _plain(getattr(instance, name)) for name in fields}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """Fields whose value changed, as ``{field: [old, new]}``."""
    return {
        key: [before.get(key), after.get(key)] for key in after if before.get(key) != after.get(key)
    }


def audit_log(
    *,
    actor: Any,
    action: AuditAction | str,
    obj: models.Model | None = None,
    object_repr: str = "",
    changes: dict[str, Any] | None = None,
    message: str = "",
) -> AuditLogEntry:
    """Record that ``actor`` did ``action`` to ``obj`` (``actor`` may be None for the system)."""
    is_person = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditLogEntry.objects.create(
        actor=actor if is_person else None,
        actor_label=(actor.get_full_name() or actor.email) if is_person else "",
        action=str(action),
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=(object_repr or str(obj))[:255],
        changes={k: _plain(v) for k, v in (changes or {}).items()},
        message=message[:500],
    )
