"""How practice examples and lessons appear in the atlas's Dutch search index."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db import transaction

from kennisnetwerk.search.services import search_document_delete, search_document_upsert

PRACTICE_KIND = "practice_example"
LESSON_KIND = "lesson"


def _practice_entry(example) -> tuple[str, str, str, dict]:
    body = "\n".join(
        part
        for part in (
            example.summary,
            example.approach,
            example.results,
            example.dos,
            example.donts,
            example.organisation.name,
            example.region.name,
            " ".join(t.name for t in example.themes.all()),
        )
        if part
    )
    facets = {"region": example.region_id, "published": example.is_published}
    return str(example.pk), example.title, body, facets


def practice_search_entries() -> Iterator[tuple[str, str, str, dict]]:
    from .models import PracticeExample

    queryset = PracticeExample.objects.select_related("organisation", "region").prefetch_related(
        "themes"
    )
    for example in queryset.iterator(chunk_size=500):
        yield _practice_entry(example)


def practice_index_on_commit(example) -> None:
    pk = example.pk

    def index() -> None:
        from .models import PracticeExample

        current = (
            PracticeExample.objects.select_related("organisation", "region")
            .prefetch_related("themes")
            .filter(pk=pk)
            .first()
        )
        if current is None:
            search_document_delete(kind=PRACTICE_KIND, object_id=pk)
            return
        object_id, title, body, facets = _practice_entry(current)
        search_document_upsert(
            kind=PRACTICE_KIND, object_id=object_id, title=title, body=body, facets=facets
        )

    transaction.on_commit(index)


def _lesson_entry(lesson) -> tuple[str, str, str, dict]:
    session = lesson.session
    body = "\n".join(
        part
        for part in (
            lesson.context,
            session.title,
            session.programme.title,
            " ".join(t.name for t in lesson.themes.all()),
        )
        if part
    )
    return str(lesson.pk), lesson.text, body, {"programme": session.programme_id}


def lesson_search_entries() -> Iterator[tuple[str, str, str, dict]]:
    from .models import Lesson

    queryset = Lesson.objects.select_related("session", "session__programme").prefetch_related(
        "themes"
    )
    for lesson in queryset.iterator(chunk_size=500):
        yield _lesson_entry(lesson)


def lesson_index_on_commit(lesson) -> None:
    pk = lesson.pk

    def index() -> None:
        from .models import Lesson

        current = (
            Lesson.objects.select_related("session", "session__programme")
            .prefetch_related("themes")
            .filter(pk=pk)
            .first()
        )
        if current is None:
            search_document_delete(kind=LESSON_KIND, object_id=pk)
            return
        object_id, title, body, facets = _lesson_entry(current)
        search_document_upsert(
            kind=LESSON_KIND, object_id=object_id, title=title, body=body, facets=facets
        )

    transaction.on_commit(index)


def lessons_unindex_on_commit(pks: Iterable[int]) -> None:
    pks = list(pks)
    if not pks:
        return

    def unindex() -> None:
        for pk in pks:
            search_document_delete(kind=LESSON_KIND, object_id=pk)

    transaction.on_commit(unindex)
