"""Inserting many rows of one model as plain values. ``bulk_create`` builds a model instance
and compiles each row's values; for millions of rows (a digest run's outbox) that costs more
than the insert itself. Here constant values are prepared once, the varying ones are passed
as they are, and the rows go to the database with ``executemany`` in batches."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any

from django.db import connection, models

BATCH = 5_000


def prepared(model: type[models.Model], field: str, value: Any) -> Any:
    """``value`` as the database expects it for ``model.field`` (dates, JSON, …)."""
    return model._meta.get_field(field).get_db_prep_save(value, connection)


def insert_rows(
    model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Insert ``rows`` (values in the order of ``fields``, already prepared where the field
    needs it) into the model's table; returns how many. Runs in the caller's transaction."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    holders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({holders})"  # noqa: S608 (names from the model)
    total = 0
    iterator = iter(rows)
    with connection.cursor() as cursor:
        while batch := list(islice(iterator, BATCH)):
            cursor.executemany(sql, batch)
            total += len(batch)
    return total
