"""Reads of the search index: ranked hits for a query in Dutch."""

from __future__ import annotations

from collections.abc import Iterable

from .analysis import analyse_query
from .backends import SearchHit, get_backend

__all__ = ["SearchHit", "search", "search_count"]


def _kinds(kinds: Iterable[str] | str | None) -> list[str] | None:
    if kinds is None:
        return None
    return [kinds] if isinstance(kinds, str) else list(kinds)


def search(
    *,
    query: str,
    kinds: Iterable[str] | str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[SearchHit]:
    """The documents matching ``query``, best first, optionally only of ``kinds``.

    A document matches when it contains all words of the query; when none does, when it
    contains any of them, ranked first by how many. A query of only stop words or
    punctuation finds nothing."""
    return get_backend().search(
        terms=analyse_query(query), kinds=_kinds(kinds), limit=limit, offset=offset
    )


def search_count(*, query: str, kinds: Iterable[str] | str | None = None) -> int:
    """How many documents ``search`` would return without a limit."""
    return get_backend().count(terms=analyse_query(query), kinds=_kinds(kinds))
