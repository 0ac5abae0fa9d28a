"""Which kinds of objects the search index holds, and where their documents come from.

An app that makes its objects searchable registers, in ``AppConfig.ready()``, a function
that yields one entry per object; ``rebuild_search_index`` (and
``services.search_index_rebuild``) use it to index every object again::

    from kennisnetwerk.search import registry

    def initiative_search_entries():
        for initiative in Initiative.objects.iterator():
            yield (str(initiative.pk), initiative.name, initiative.description, {"region": ...})

    registry.register("initiative", initiative_search_entries)

Between rebuilds the app keeps the index current with ``services.search_document_upsert``
and ``services.search_document_delete`` when an object changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple


class SearchEntry(NamedTuple):
    """One object as the search index receives it."""

    object_id: str
    title: str
    body: str
    facets: dict[str, Any] | None = None


# A function that yields tuples (object_id, title, body, facets) — or SearchEntry values.
EntryIterator = Callable[[], Iterable[tuple]]

_registry: dict[str, EntryIterator] = {}


def register(kind: str, iterator_fn: EntryIterator) -> EntryIterator:
    """Make ``kind`` rebuildable from ``iterator_fn``. Registering the same function again
    changes nothing; another function for a registered kind is an error (two apps claiming
    one kind would overwrite each other's documents)."""
    if not kind:
        raise ValueError("a search document kind must not be empty")
    registered = _registry.get(kind)
    if registered is not None and registered is not iterator_fn:
        raise ValueError(f"search document kind {kind!r} is already registered by {registered!r}")
    _registry[kind] = iterator_fn
    return iterator_fn


def unregister(kind: str) -> None:
    _registry.pop(kind, None)


def registered_kinds() -> list[str]:
    return sorted(_registry)


def entries(kind: str) -> Iterable[tuple]:
    """The entries of ``kind`` from its registered function; KeyError when not registered."""
    return _registry[kind]()
