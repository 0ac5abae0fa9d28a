"""The search index behind one interface: SQLite FTS5 or PostgreSQL full-text search.

Both backends see the same terms (``search.analysis``) and follow the same rules:

- a document matches when it contains every word of the query (AND); when no document
  does, when it contains any word (OR), ranked first by how many words it contains;
- a query word matches the word itself or, for a compound, all of its parts;
- title terms weigh ``TITLE_WEIGHT`` / ``BODY_WEIGHT`` times as much as body terms;
- equal scores are ordered by document id (the order of indexing), so results are stable.

The ranking functions differ (SQLite: BM25; PostgreSQL: ``ts_rank_cd`` with length
normalisation), so scores are comparable only within one list of results.

``SEARCH_BACKEND`` chooses the backend: ``"auto"`` (by the database in use), ``"sqlite"``,
``"postgresql"`` or the dotted path of a ``SearchBackend`` subclass.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.utils.module_loading import import_string

from .analysis import QueryTerm

TITLE_WEIGHT = 5.0
BODY_WEIGHT = 1.0

DOCUMENT_TABLE = "search_searchdocument"


@dataclass(frozen=True)
class SearchHit:
    kind: str
    object_id: str
    score: float


@dataclass(frozen=True)
class _Plan:
    expression: str  # what a document must match
    groups: tuple[str, ...] = ()  # in OR mode: one expression per query word, to count matches


class SearchBackend(ABC):
    """Runs analysed queries against the full-text index of ``SearchDocument``. Writes need no
    backend: the database keeps the index in sync with the table (see the migrations)."""

    vendor: ClassVar[str]

    def search(
        self, *, terms: Sequence[QueryTerm], kinds: Sequence[str] | None, limit: int, offset: int
    ) -> list[SearchHit]:
        if not terms or limit <= 0 or (kinds is not None and not kinds):
            return []
        plan = self._plan(terms, kinds)
        return self._fetch(plan, kinds, limit, max(offset, 0))

    def count(self, *, terms: Sequence[QueryTerm], kinds: Sequence[str] | None) -> int:
        if not terms or (kinds is not None and not kinds):
            return 0
        return self._count(self._plan(terms, kinds).expression, kinds)

    def object_ids_any(
        self,
        *,
        terms: Sequence[QueryTerm],
        kinds: Sequence[str],
        among: Sequence[str] | None = None,
    ) -> list[str]:
        """The object ids of every document of ``kinds`` containing any of the words (and,
        with ``among``, having one of those object ids), unranked: for callers that score the
        documents themselves (matching)."""
        if not terms or not kinds or (among is not None and not among):
            return []
        expression = self._any([self._group(term) for term in terms])
        matches, params = self._matches(expression, kinds)
        if among is not None:
            matches, params = self._among(matches, params, among)
        return [row[0] for row in self._rows(f"SELECT d.object_id {matches}", params)]

    def _among(
        self, matches: str, params: list[object], among: Sequence[str]
    ) -> tuple[str, list[object]]:
        placeholders = ", ".join(["%s"] * len(among))
        return f"{matches} AND d.object_id IN ({placeholders})", [*params, *among]

    def _plan(self, terms: Sequence[QueryTerm], kinds: Sequence[str] | None) -> _Plan:
        groups = [self._group(term) for term in terms]
        every_word = self._all(groups)
        if len(groups) == 1 or self._exists(every_word, kinds):
            return _Plan(every_word)
        return _Plan(self._any(groups), tuple(groups))

    # The query language of the backend.
    @abstractmethod
    def _group(self, term: QueryTerm) -> str: ...

    @abstractmethod
    def _all(self, groups: Sequence[str]) -> str: ...

    @abstractmethod
    def _any(self, groups: Sequence[str]) -> str: ...

    # Running queries.
    @abstractmethod
    def _matches(
        self, expression: str, kinds: Sequence[str] | None
    ) -> tuple[str, list[object]]: ...

    @abstractmethod
    def _exists(self, expression: str, kinds: Sequence[str] | None) -> bool: ...

    @abstractmethod
    def _count(self, expression: str, kinds: Sequence[str] | None) -> int: ...

    @abstractmethod
    def _fetch(
        self, plan: _Plan, kinds: Sequence[str] | None, limit: int, offset: int
    ) -> list[SearchHit]: ...

    @staticmethod
    def _rows(sql: str, params: Sequence[object]) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


# The SQL below is put together from constants and placeholders only; every value (query
# expressions, kinds, limits) is passed as a parameter. Hence the "noqa: S608".


class SQLiteBackend(SearchBackend):
    """FTS5 with BM25 ranking; title and body are separate columns with their own weight."""

    vendor = "sqlite"
    fts = "search_searchdocument_fts"

    def _group(self, term: QueryTerm) -> str:
        word = _fts_string(term.term)
        if not term.parts:
            return word
        return f"({word} OR ({' AND '.join(_fts_string(part) for part in term.parts)}))"

    def _all(self, groups: Sequence[str]) -> str:
        return " AND ".join(groups)

    def _any(self, groups: Sequence[str]) -> str:
        return " OR ".join(groups)

    def _matches(self, expression: str, kinds: Sequence[str] | None) -> tuple[str, list[object]]:
        """FROM and WHERE for the documents matching ``expression`` (and of ``kinds``).

        CROSS JOIN keeps the full-text index as the outer loop: otherwise SQLite may scan the
        documents of a kind and run the MATCH once per document, which takes seconds. The
        kind comes from the covering index on (id, kind), not from the wide row."""
        if kinds is None:
            return f"FROM {self.fts} WHERE {self.fts} MATCH %s", [expression]
        placeholders = ", ".join(["%s"] * len(kinds))
        return (
            f"FROM {self.fts} CROSS JOIN {DOCUMENT_TABLE} d ON d.id = {self.fts}.rowid "
            f"WHERE {self.fts} MATCH %s AND d.kind IN ({placeholders})",
            [expression, *kinds],
        )

    def _exists(self, expression: str, kinds: Sequence[str] | None) -> bool:
        matches, params = self._matches(expression, kinds)
        return bool(self._rows(f"SELECT 1 {matches} LIMIT 1", params))

    def _count(self, expression: str, kinds: Sequence[str] | None) -> int:
        matches, params = self._matches(expression, kinds)
        return self._rows(f"SELECT count(*) {matches}", params)[0][0]

    def _fetch(
        self, plan: _Plan, kinds: Sequence[str] | None, limit: int, offset: int
    ) -> list[SearchHit]:
        # Rank inside the full-text index and read kind and object id of one page only.
        fts = self.fts
        matches, params = self._matches(plan.expression, kinds)
        columns = f"{fts}.rowid AS id, -bm25({fts}, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score"
        keys = ["score DESC"]
        if plan.groups:
            # A non-correlated IN subquery is evaluated once, as a set of row ids.
            in_group = f"({fts}.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s))"  # noqa: S608
            columns += ", " + " + ".join([in_group] * len(plan.groups)) + " AS matched"
            keys.insert(0, "matched DESC")
            params = [*plan.groups, *params]
        inner_order = ", ".join([*keys, "id"])
        outer_order = ", ".join([*keys, "page.id"])
        page = f"SELECT {columns} {matches} ORDER BY {inner_order} LIMIT %s OFFSET %s"
        sql = (
            f"SELECT d.kind, d.object_id, page.score FROM ({page}) AS page "  # noqa: S608
            f"JOIN {DOCUMENT_TABLE} d ON d.id = page.id ORDER BY {outer_order}"
        )
        rows = self._rows(sql, [*params, limit, offset])
        return [SearchHit(kind, object_id, float(score)) for kind, object_id, score in rows]


class PostgreSQLBackend(SearchBackend):
    """A generated, GIN-indexed ``tsvector`` of the terms (title weight A, body weight B),
    ranked by ``ts_rank_cd`` divided by 1 + the logarithm of the document length."""

    vendor = "postgresql"
    # ts_rank_cd weights of D, C, B (body) and A (title); D and C are not used.
    weights = f"'{{0, 0, {BODY_WEIGHT / TITLE_WEIGHT}, 1}}'"
    normalisation = 1

    def _group(self, term: QueryTerm) -> str:
        word = _tsquery_lexeme(term.term)
        if not term.parts:
            return word
        return f"({word} | ({' & '.join(_tsquery_lexeme(part) for part in term.parts)}))"

    def _all(self, groups: Sequence[str]) -> str:
        return " & ".join(groups)

    def _any(self, groups: Sequence[str]) -> str:
        return " | ".join(groups)

    def _matches(self, expression: str, kinds: Sequence[str] | None) -> tuple[str, list[object]]:
        """FROM and WHERE for the documents matching ``expression`` (and of ``kinds``)."""
        sql = f"FROM {DOCUMENT_TABLE} d WHERE d.search_vector @@ %s::tsquery"
        if kinds is None:
            return sql, [expression]
        return f"{sql} AND d.kind = ANY(%s)", [expression, list(kinds)]

    def _among(
        self, matches: str, params: list[object], among: Sequence[str]
    ) -> tuple[str, list[object]]:
        return f"{matches} AND d.object_id = ANY(%s)", [*params, list(among)]

    def _exists(self, expression: str, kinds: Sequence[str] | None) -> bool:
        matches, params = self._matches(expression, kinds)
        return bool(self._rows(f"SELECT 1 {matches} LIMIT 1", params))

    def _count(self, expression: str, kinds: Sequence[str] | None) -> int:
        matches, params = self._matches(expression, kinds)
        return self._rows(f"SELECT count(*) {matches}", params)[0][0]

    def _fetch(
        self, plan: _Plan, kinds: Sequence[str] | None, limit: int, offset: int
    ) -> list[SearchHit]:
        matches, params = self._matches(plan.expression, kinds)
        rank = f"ts_rank_cd({self.weights}, d.search_vector, %s::tsquery, {self.normalisation})"
        columns = f"d.kind, d.object_id, {rank} AS score"
        params = [plan.expression, *params]
        order = "score DESC"
        if plan.groups:
            in_group = "(d.search_vector @@ %s::tsquery)::int"
            columns += ", " + " + ".join([in_group] * len(plan.groups)) + " AS matched"
            order = "matched DESC, score DESC"
            params = [plan.expression, *plan.groups, *params[1:]]
        sql = f"SELECT {columns} {matches} ORDER BY {order}, d.id LIMIT %s OFFSET %s"
        rows = self._rows(sql, [*params, limit, offset])
        return [SearchHit(kind, object_id, float(score)) for kind, object_id, score, *_ in rows]


def _fts_string(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _tsquery_lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


BACKENDS: dict[str, type[SearchBackend]] = {
    SQLiteBackend.vendor: SQLiteBackend,
    PostgreSQLBackend.vendor: PostgreSQLBackend,
}


def get_backend() -> SearchBackend:
    """The backend named by ``settings.SEARCH_BACKEND`` for the default database."""
    name = getattr(settings, "SEARCH_BACKEND", "auto") or "auto"
    if name == "auto":
        name = connection.vendor
    if name in BACKENDS:
        backend_class = BACKENDS[name]
    elif "." in name:
        backend_class = import_string(name)
    else:
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND={name!r}: no search backend for this database; "
            f"choose 'auto', one of {sorted(BACKENDS)} or a dotted path."
        )
    if getattr(backend_class, "vendor", connection.vendor) != connection.vendor:
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND={name!r} needs a {backend_class.vendor} database, "
            f"but the database is {connection.vendor}."
        )
    return backend_class()
