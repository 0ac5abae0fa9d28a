"""Adding and changing many initiatives at once, for an inventory import of thousands of rows.

These do what ``initiative_create`` and ``initiative_update`` do — the model's field checks,
a unique slug, one audit entry per initiative with the changed fields, the search index
brought up to date after the commit — but with a number of queries that grows per batch of
rows instead of per row. The database constraints still hold: a row that breaks one makes
the whole call fail and roll back."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kennisnetwerk.core.audit import audit_log, diff, snapshot
from kennisnetwerk.core.models import AuditAction

from .models import Initiative
from .search_index import initiative_index_on_commit

# The shape of an initiative's state is shared with the one-at-a-time services, so that the
# audit log reads the same whichever way an initiative was saved.
from .services import _SCALARS, RELATIONS, InitiativeData, _initiative_state
from .tasks import initiatives_search_refresh

logger = logging.getLogger(__name__)

BATCH = 500
# From this many initiatives on, the search index is brought up to date in bulk.
BULK_INDEX_FROM = 200
# Fields the import resolved itself; checking them again would cost a query per row.
_RESOLVED = ["slug", "owner", "inventory_region"]


def _batches(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def _target_column(name: str) -> str:
    """The through model's field pointing at the related object ("theme" for themes)."""
    return getattr(Initiative, name).field.m2m_reverse_field_name()


def _data_state(initiative: Initiative, data: InitiativeData) -> dict[str, Any]:
    """The state ``_initiative_state`` would read back after saving ``data``."""
    state = snapshot(initiative, _SCALARS)
    for name in RELATIONS:
        state[name] = sorted(str(obj) for obj in getattr(data, name))
    return state


def _check(initiative: Initiative) -> None:
    initiative.full_clean(exclude=_RESOLVED, validate_unique=False, validate_constraints=False)


def _add_relations(pairs: Sequence[tuple[Initiative, InitiativeData]], only: Any = None) -> None:
    """Insert the rows of the many-to-many tables. Building a model instance per row would
    cost more than the insert itself, so the rows go in as plain values, in batches."""
    for name in RELATIONS:
        through = getattr(Initiative, name).through
        values = [
            (initiative.pk, obj.pk)
            for initiative, data in pairs
            for obj in getattr(data, name)
            if only is None or (initiative.pk, name, obj.pk) in only
        ]
        if not values:
            continue
        quote = connection.ops.quote_name
        own = through._meta.get_field(getattr(Initiative, name).field.m2m_field_name()).column
        other = through._meta.get_field(_target_column(name)).column
        sql = (
            f"INSERT INTO {quote(through._meta.db_table)} ({quote(own)}, {quote(other)}) "  # noqa: S608 (names from the model)
            "VALUES (%s, %s)"
        )
        with connection.cursor() as cursor:
            for batch in _batches(values):
                cursor.executemany(sql, batch)


def _index_on_commit(initiatives: Sequence[Initiative]) -> None:
    if len(initiatives) < BULK_INDEX_FROM:
        for initiative in initiatives:
            initiative_index_on_commit(initiative)
        return
    # One pass over the index in the background instead of a few queries per initiative
    # while the person waits.
    transaction.on_commit(initiatives_search_refresh.enqueue)


def _integrity(error: IntegrityError) -> ValidationError:
    # Another change to the same inventory got in first (or a rule the checks missed).
    logger.warning("bulk save of initiatives refused by the database: %s", error)
    return ValidationError(
        _(
            "The initiatives could not be saved because the inventory was changed at the same "
            "time. Check the file again."
        ),
        code="integrity",
    )


@transaction.atomic
def initiative_create_many(*, items: Sequence[InitiativeData], actor: Any) -> list[Initiative]:
    """Add many initiatives to inventories at once; each creation is audit-logged."""
    taken = set(Initiative.objects.values_list("slug", flat=True))
    initiatives = []
    for data in items:
        base = slugify(data.title)[:230] or "initiatief"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        initiative = Initiative(slug=slug)
        for name in _SCALARS:
            setattr(initiative, name, getattr(data, name))
        _check(initiative)
        initiatives.append(initiative)
    pairs = list(zip(initiatives, items, strict=True))
    try:
        Initiative.objects.bulk_create(initiatives, batch_size=BATCH)
        _add_relations(pairs)
    except IntegrityError as error:
        raise _integrity(error) from error
    for initiative, data in pairs:
        audit_log(
            actor=actor,
            action=AuditAction.CREATE,
            obj=initiative,
            changes={
                k: [None, v]
                for k, v in _data_state(initiative, data).items()
                if v not in ("", [], None)
            },
        )
    _index_on_commit(initiatives)
    return initiatives


@transaction.atomic
def initiative_update_many(
    *, changes: Sequence[tuple[Initiative, InitiativeData]], actor: Any
) -> list[Initiative]:
    """Change many initiatives at once; for each, only the fields that changed are
    audit-logged, and an initiative whose data did not change is not touched."""
    ids = [initiative.pk for initiative, _data in changes]
    current: dict[int, Initiative] = {}
    for batch in _batches(ids):
        current.update(
            (i.pk, i)
            for i in Initiative.objects.filter(pk__in=batch)
            .select_related("owner", "inventory_region")
            .prefetch_related(*RELATIONS)
        )
    changed: list[tuple[Initiative, InitiativeData, dict[str, Any]]] = []
    for initiative, data in changes:
        loaded = current[initiative.pk]
        before = _initiative_state(loaded)
        for name in _SCALARS:
            setattr(loaded, name, getattr(data, name))
        _check(loaded)
        difference = diff(before, _data_state(loaded, data))
        if difference:
            changed.append((loaded, data, difference))
    if not changed:
        return []
    now = timezone.now()
    for initiative, _data, _difference in changed:
        initiative.updated_at = now
    removals: dict[str, list[tuple[int, int]]] = defaultdict(list)
    additions: set[tuple[int, str, int]] = set()
    for initiative, data, _difference in changed:
        for name in RELATIONS:
            have = {obj.pk for obj in getattr(initiative, name).all()}
            want = {obj.pk for obj in getattr(data, name)}
            removals[name].extend((initiative.pk, pk) for pk in have - want)
            additions.update((initiative.pk, name, pk) for pk in want - have)
    try:
        # Only the columns that changed, grouped by which ones: a bulk update costs per row
        # and per column.
        groups: dict[tuple[str, ...], list[Initiative]] = defaultdict(list)
        for initiative, _data, difference in changed:
            columns = tuple(sorted(name for name in difference if name in _SCALARS))
            groups[columns].append(initiative)
        for columns, initiatives in groups.items():
            Initiative.objects.bulk_update(
                initiatives, fields=[*columns, "updated_at"], batch_size=BATCH
            )
        for name, pairs in removals.items():
            through = getattr(Initiative, name).through
            column = _target_column(name)
            by_initiative: dict[int, list[int]] = defaultdict(list)
            for initiative_id, target_id in pairs:
                by_initiative[initiative_id].append(target_id)
            for initiative_id, targets in by_initiative.items():
                through.objects.filter(
                    initiative_id=initiative_id, **{f"{column}_id__in": targets}
                ).delete()
        _add_relations([(i, d) for i, d, _diff in changed], only=additions)
    except IntegrityError as error:
        raise _integrity(error) from error
    for initiative, _data, difference in changed:
        audit_log(actor=actor, action=AuditAction.UPDATE, obj=initiative, changes=difference)
    _index_on_commit([initiative for initiative, _d, _diff in changed])
    return [initiative for initiative, _d, _diff in changed]
