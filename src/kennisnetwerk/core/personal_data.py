"""Personal data rules: for every link from a table to a person, what the personal data export
shows of it and what erasure does with it.

Apps declare a rule per field with :func:`rule` (from their ``hooks_registration``); a test walks
every foreign key, one-to-one and many-to-many field that points to the user model and fails
when one has no rule, so a new table cannot quietly keep people's data. This module also finds
the rows that point to a person and removes the person's name from the audit log's texts
derived from them ("<name> – Community of Practice …").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q, TextField
from django.db.models.functions import Cast


@dataclass(frozen=True)
class PersonalDataRule:
    field: str  # "app_label.Model.field"
    export: str  # where the export shows it, or why it does not
    erasure: str  # what erasure does with it


_rules: dict[str, PersonalDataRule] = {}


def rule(field: str, *, export: str, erasure: str) -> PersonalDataRule:
    """Declare how the export and the erasure treat ``field`` ("app_label.Model.field")."""
    declared = PersonalDataRule(field=field, export=export, erasure=erasure)
    _rules[field] = declared
    return declared


def rules() -> dict[str, PersonalDataRule]:
    return dict(_rules)


def user_relations() -> Iterator[tuple[type[models.Model], models.Field]]:
    """Every field of every installed model that points to the user model."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                isinstance(field, models.Field)
                and field.is_relation
                and not field.auto_created
                and field.related_model is user_model
            ):
                yield model, field


def field_key(model: type[models.Model], field: models.Field) -> str:
    return f"{model._meta.label}.{field.name}"


def linked_objects(user) -> list[tuple[type[models.Model], list]]:
    """The rows of every table that point to ``user`` (found before erasure removes them)."""
    found: list[tuple[type[models.Model], list]] = []
    for model, field in user_relations():
        pks = list(model._default_manager.filter(**{field.name: user}).values_list("pk", flat=True))
        if pks:
            found.append((model, pks))
    return found


def _name_pattern(user) -> re.Pattern[str] | None:
    names = [n for n in (user.full_name.strip(), user.email.strip()) if len(n) >= 3]
    if not names:
        return None
    return re.compile("|".join(re.escape(n) for n in names), flags=re.IGNORECASE)


def audit_scrub(*, user, label: str, linked: list[tuple[type[models.Model], list]]) -> int:
    """Replace the person's name and e-mail address by ``label`` in the audit log's object
    texts, messages and recorded values: in entries about rows that point to the person
    (``linked``, from :func:`linked_objects`) and wherever else the platform copied them.
    Returns how many entries changed."""
    from .models import AuditLogEntry

    pattern = _name_pattern(user)
    if pattern is None:
        return 0
    about_linked = Q(pk__in=[])
    for model, pks in linked:
        about_linked |= Q(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in pks],
        )
    mentions = Q()
    for name in (user.full_name.strip(), user.email.strip()):
        if len(name) >= 3:
            # Recorded values are JSON text, where a database may keep "é" as "\u00e9".
            escaped = json.dumps(name)[1:-1]
            mentions |= (
                Q(object_repr__icontains=name)
                | Q(message__icontains=name)
                | Q(changes_text__icontains=name)
                | Q(changes_text__icontains=escaped)
            )
    candidates = AuditLogEntry.objects.annotate(
        changes_text=Cast("changes", output_field=TextField())
    ).filter(about_linked | mentions)
    changed = 0
    for entry in candidates.iterator():
        object_repr = pattern.sub(label, entry.object_repr)
        message = pattern.sub(label, entry.message)
        changes = _scrub_value(entry.changes, pattern, label)
        if (object_repr, message, changes) != (entry.object_repr, entry.message, entry.changes):
            AuditLogEntry.objects.filter(pk=entry.pk).update(
                object_repr=object_repr, message=message, changes=changes
            )
            changed += 1
    return changed


def _scrub_value(value, pattern: re.Pattern[str], label: str):
    if isinstance(value, str):
        return pattern.sub(label, value)
    if isinstance(value, list):
        return [_scrub_value(v, pattern, label) for v in value]
    if isinstance(value, dict):
        return {k: _scrub_value(v, pattern, label) for k, v in value.items()}
    return value


def unlink(user, *fields: str) -> None:
    """Erasure for records that stay (they belong to an organisation or a programme): the
    link to the person is removed. ``fields`` are "app_label.Model.field"; many-to-many
    fields lose the person from their set."""
    for key in fields:
        app_label, model_name, field_name = key.split(".")
        model = apps.get_model(app_label, model_name)
        field = model._meta.get_field(field_name)
        if field.many_to_many:
            through = getattr(model, field_name).through
            through._default_manager.filter(**{f"{field.m2m_reverse_field_name()}": user}).delete()
        else:
            model._default_manager.filter(**{field_name: user}).update(**{field_name: None})
