"""Writes to the search index. Other apps call these when their objects change; the database
keeps the full-text index in sync with ``SearchDocument`` (see the model).

The index is derived data, so these writes are not audit-logged. They join the caller's
transaction: an object and its search document are saved or rolled back together.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from . import registry
from .analysis import analyse
from .models import SearchDocument

_BATCH_SIZE = 500
_KIND_MAX_LENGTH = SearchDocument._meta.get_field("kind").max_length
_OBJECT_ID_MAX_LENGTH = SearchDocument._meta.get_field("object_id").max_length
_CONTENT_FIELDS = ("title", "body", "title_terms", "body_terms", "facets")


@dataclass
class ReplaceReport:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0


def _check_key(kind: str, object_id: Any) -> str:
    if not kind or len(kind) > _KIND_MAX_LENGTH:
        raise ValueError(f"a search document kind has 1 to {_KIND_MAX_LENGTH} characters: {kind!r}")
    object_id = str(object_id)
    if not object_id or len(object_id) > _OBJECT_ID_MAX_LENGTH:
        raise ValueError(f"an object id has 1 to {_OBJECT_ID_MAX_LENGTH} characters: {object_id!r}")
    return object_id


def _document_values(title: str, body: str, facets: dict[str, Any] | None) -> dict[str, Any]:
    title, body = title or "", body or ""
    return {
        "title": title,
        "body": body,
        "title_terms": " ".join(analyse(title)),
        "body_terms": " ".join(analyse(body)),
        "facets": facets or {},
    }


def _fingerprint(content: Sequence[Any]) -> bytes:
    """A digest of a document's content fields (``_CONTENT_FIELDS``, in that order)."""
    canonical = json.dumps(
        list(content),
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.blake2b(canonical.encode(), digest_size=16).digest()


@transaction.atomic
def search_document_upsert(
    *,
    kind: str,
    object_id: str | int,
    title: str,
    body: str,
    facets: dict[str, Any] | None = None,
) -> SearchDocument:
    """Index one object, or index it again after a change."""
    object_id = _check_key(kind, object_id)
    document, _created = SearchDocument.objects.update_or_create(
        kind=kind, object_id=object_id, defaults=_document_values(title, body, facets)
    )
    return document


@transaction.atomic
def search_document_delete(*, kind: str, object_id: str | int) -> bool:
    """Remove one object from the index; False when it was not there."""
    deleted, _ = SearchDocument.objects.filter(kind=kind, object_id=str(object_id)).delete()
    return bool(deleted)


def _batches(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), _BATCH_SIZE):
        yield items[start : start + _BATCH_SIZE]


@transaction.atomic
def search_documents_replace(*, kind: str, documents: Iterable[tuple]) -> ReplaceReport:
    """Make the documents of ``kind`` exactly ``documents``: tuples (object_id, title, body)
    or (object_id, title, body, facets), or ``registry.SearchEntry`` values. Documents whose
    text, facets and terms did not change are left alone; the rest of ``kind`` is removed.
    Meant for re-indexing thousands of objects at once (bulk writes, one transaction)."""
    wanted: dict[str, dict[str, Any]] = {}
    for entry in documents:
        object_id, title, body, *rest = entry
        object_id = _check_key(kind, object_id)
        wanted[object_id] = _document_values(title, body, rest[0] if rest else None)

    report = ReplaceReport()
    to_delete: list[int] = []
    existing = (
        SearchDocument.objects.filter(kind=kind)
        .values_list("pk", "object_id", *_CONTENT_FIELDS)
        .iterator(chunk_size=2000)
    )
    for pk, object_id, *current in existing:
        values = wanted.get(object_id)
        if values is None:
            to_delete.append(pk)
            report.deleted += 1
        elif _fingerprint(current) == _fingerprint([values[f] for f in _CONTENT_FIELDS]):
            del wanted[object_id]
            report.unchanged += 1
        else:
            to_delete.append(pk)
            report.updated += 1
    report.created = len(wanted) - report.updated

    for batch in _batches(to_delete):
        SearchDocument.objects.filter(pk__in=batch).delete()
    SearchDocument.objects.bulk_create(
        (SearchDocument(kind=kind, object_id=oid, **values) for oid, values in wanted.items()),
        batch_size=_BATCH_SIZE,
    )
    return report


@transaction.atomic
def search_documents_reanalyse(*, model: type[SearchDocument] = SearchDocument) -> int:
    """Analyse the stored title and text of every document again, after the analysis
    changed; returns how many documents got other terms. ``model`` is the historical model
    when a migration calls this."""
    fields = ("pk", "title", "body", "title_terms", "body_terms")
    changed, last = 0, 0
    while batch := list(
        model.objects.filter(pk__gt=last).order_by("pk").only(*fields)[:_BATCH_SIZE]
    ):
        last = batch[-1].pk
        updated = []
        for document in batch:
            terms = (" ".join(analyse(document.title)), " ".join(analyse(document.body)))
            if terms != (document.title_terms, document.body_terms):
                document.title_terms, document.body_terms = terms
                updated.append(document)
        model.objects.bulk_update(updated, ["title_terms", "body_terms"])
        changed += len(updated)
    return changed


def search_index_rebuild(*, kinds: Iterable[str] | None = None) -> dict[str, ReplaceReport]:
    """Index every object of the registered ``kinds`` (default: all) again, one transaction
    per kind. A kind that is not registered raises KeyError."""
    chosen = registry.registered_kinds() if kinds is None else list(kinds)
    unknown = sorted(set(chosen) - set(registry.registered_kinds()))
    if unknown:
        raise KeyError(", ".join(unknown))
    return {
        kind: search_documents_replace(kind=kind, documents=registry.entries(kind))
        for kind in chosen
    }
