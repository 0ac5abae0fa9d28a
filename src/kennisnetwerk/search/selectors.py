"""Reads of the search index: ranked hits for a query in Dutch."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .analysis import QueryTerm, analyse_query
from .backends import SearchHit, get_backend
from .models import SearchDocument

__all__ = ["SearchHit", "document_terms", "search", "search_count", "search_object_ids"]


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


def search_object_ids(
    *,
    terms: Sequence[QueryTerm],
    kinds: Iterable[str] | str,
    among: Iterable[str] | None = None,
) -> list[str]:
    """The object ids of all documents containing any of the analysed ``terms``
    (``analysis.analyse_query``), unranked: for callers that add words of their own, such
    as synonyms, and score the documents themselves (matching). With ``among``, only
    documents with one of those object ids."""
    return get_backend().object_ids_any(
        terms=list(terms),
        kinds=_kinds(kinds) or [],
        among=None if among is None else list(among),
    )


def document_terms(
    *, kind: str, object_ids: Iterable[str]
) -> dict[str, tuple[list[str], list[str]]]:
    """The analysed title and body terms of the documents of ``kind`` with ``object_ids``."""
    rows = SearchDocument.objects.filter(kind=kind, object_id__in=list(object_ids)).values_list(
        "object_id", "title_terms", "body_terms"
    )
    return {oid: (title.split(), body.split()) for oid, title, body in rows}
