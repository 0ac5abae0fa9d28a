"""How initiatives appear in the search index."""

from __future__ import annotations

from collections.abc import Iterator

from django.db import transaction

from kennisnetwerk.core.stamps import OFFER, stamp_touch_on_commit
from kennisnetwerk.search.services import search_document_upsert

from .models import Initiative

KIND = "initiative"


def _entry(initiative: Initiative) -> tuple[str, str, str, dict]:
    body = "\n".join(
        part
        for part in (
            initiative.description,
            initiative.owner.name,
            " ".join(p.name for p in initiative.partners.all()),
            " ".join(t.name for t in initiative.themes.all()),
            initiative.funding_source,
            initiative.evidence,
        )
        if part
    )
    facets = {"region": initiative.inventory_region_id, "published": initiative.is_published}
    return str(initiative.pk), initiative.title, body, facets


def initiative_search_entries() -> Iterator[tuple[str, str, str, dict]]:
    """Every initiative, for a full rebuild of the index."""
    queryset = Initiative.objects.select_related("owner").prefetch_related("partners", "themes")
    for initiative in queryset.iterator(chunk_size=1000):
        yield _entry(initiative)


def initiative_index_on_commit(initiative: Initiative) -> None:
    """Bring the initiative's search document up to date once the change is committed."""
    pk = initiative.pk

    def index() -> None:
        current = (
            Initiative.objects.select_related("owner")
            .prefetch_related("partners", "themes")
            .filter(pk=pk)
            .first()
        )
        if current is not None:
            object_id, title, body, facets = _entry(current)
            search_document_upsert(
                kind=KIND, object_id=object_id, title=title, body=body, facets=facets
            )

    transaction.on_commit(index)
    # Results derived from the offer (the stored matches of questions) follow in the
    # background, once the index has the change.
    stamp_touch_on_commit(name=OFFER)
