"""How an audit-log entry's changes read for people: field names by their translated verbose
names, values the way users know them (choice labels, Dutch dates, ja/nee), and a creation's
values as values rather than as old → new pairs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .formatting import format_date, format_datetime, format_number
from .models import AuditAction, AuditLogEntry

# Keys services record that are not fields of the object's model.
EXTRA_LABELS = {
    "co_senders": gettext_lazy("co-senders"),
    "company_name": gettext_lazy("company name"),
    "decision": gettext_lazy("decision"),
    "feedback": gettext_lazy("feedback"),
    "filename": gettext_lazy("file name"),
    "full_name": gettext_lazy("full name"),
    "guest": gettext_lazy("guest"),
    "kvk_number": gettext_lazy("KVK number"),
    "merged": gettext_lazy("merged"),
    "merged_into": gettext_lazy("merged into"),
    "note": gettext_lazy("note"),
    "rejection_reason": gettext_lazy("reason for rejection"),
    "role": gettext_lazy("role"),
    "sender": gettext_lazy("sender"),
    "sequence": gettext_lazy("sequence"),
    "status": gettext_lazy("status"),
    "target": gettext_lazy("target"),
    "value": gettext_lazy("value"),
}

EMPTY = "—"


@dataclass(frozen=True)
class ChangeRow:
    label: str
    value: str  # the value after the change (or the value recorded at creation)
    before: str | None = None  # None: a value, not a change

    @property
    def is_change(self) -> bool:
        return self.before is not None


def _field(model: type[models.Model] | None, name: str) -> models.Field | None:
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 — FieldDoesNotExist and reverse relations alike
        return None
    return field if isinstance(field, models.Field) else None


def field_label(model: type[models.Model] | None, name: str) -> str:
    field = _field(model, name)
    if field is not None:
        label = str(field.verbose_name)
    elif name in EXTRA_LABELS:
        label = str(EXTRA_LABELS[name])
    else:
        # A derived key such as "target 2026": the known part translated, the rest kept.
        head, _sep, tail = name.partition(" ")
        label = f"{EXTRA_LABELS[head]} {tail}" if head in EXTRA_LABELS else name.replace("_", " ")
    return label[:1].upper() + label[1:]


def _parse_date(value: str) -> dt.date | dt.datetime | None:
    try:
        if "T" in value or len(value) > 10:
            return dt.datetime.fromisoformat(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _choice_label(
    model: type[models.Model] | None, field: models.Field | None, name: str, value: Any
) -> str | None:
    """The label of a choice. A model names the choices of fields that hold several of them
    (a JSON list) in ``audit_value_choices``."""
    if field is not None and field.choices:
        choices = field.flatchoices
    else:
        extra = getattr(model, "audit_value_choices", {}).get(name)
        if extra is None:
            return None
        choices = extra.choices
    for key, label in choices:
        if str(key) == str(value):
            return str(label)
    return None


def format_value(model: type[models.Model] | None, name: str, value: Any) -> str:
    """One recorded value as a person reads it."""
    if value is None or value == "" or value == []:
        return EMPTY
    field = _field(model, name)
    if isinstance(value, list | tuple):
        return ", ".join(format_value(model, name, item) for item in value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    label = _choice_label(model, field, name, value)
    if label is not None:
        return label
    if isinstance(field, models.BooleanField) and str(value) in {"True", "False"}:
        return _("yes") if value == "True" else _("no")
    if isinstance(field, models.DateTimeField | models.DateField) or (
        isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-"
    ):
        parsed = _parse_date(str(value))
        if isinstance(parsed, dt.datetime):
            return format_datetime(parsed, "long")
        if isinstance(parsed, dt.date):
            return format_date(parsed, "long")
    if isinstance(field, models.DecimalField) or isinstance(value, float | Decimal):
        return format_number(value)
    if isinstance(value, int):
        return format_number(value)
    return str(value)


def _is_pair(value: Any) -> bool:
    return isinstance(value, list | tuple) and len(value) == 2


def audit_change_rows(entry: AuditLogEntry) -> list[ChangeRow]:
    """The entry's recorded changes as rows to show.

    Updates record ``{field: [old, new]}``; creations record either a snapshot
    ``{field: value}`` or ``{field: [None, value]}``; some entries record a single value."""
    model = entry.content_type.model_class() if entry.content_type_id else None
    rows: list[ChangeRow] = []
    creation = entry.action == AuditAction.CREATE
    for name, recorded in (entry.changes or {}).items():
        label = field_label(model, name)
        if _is_pair(recorded) and (not creation or recorded[0] is None):
            old, new = recorded
            if old is None and creation:
                rows.append(ChangeRow(label, format_value(model, name, new)))
            else:
                rows.append(
                    ChangeRow(
                        label,
                        format_value(model, name, new),
                        before=format_value(model, name, old),
                    )
                )
        else:
            rows.append(ChangeRow(label, format_value(model, name, recorded)))
    return rows
