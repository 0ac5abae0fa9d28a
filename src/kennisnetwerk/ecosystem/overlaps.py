"""Near-duplicate offers: initiatives of different organisations that share a theme and an
area and describe much the same thing. Found by comparing the analysed words of title and
description; a coordinator's "not a duplicate" decision hides a pair for good."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from django.db import IntegrityError, transaction

from kennisnetwerk.core.audit import audit_log
from kennisnetwerk.core.models import AuditAction
from kennisnetwerk.geo.models import Region
from kennisnetwerk.search.similarity import jaccard, term_set

from .constants import InitiativeStatus
from .models import Initiative, OverlapDecision

# Pairs at least this similar (Jaccard index of their analysed words) are flagged.
SIMILARITY_THRESHOLD = 0.35
# Words in more than this share of the inventory say little about sameness.
COMMON_WORD_SHARE = 0.2


@dataclass(frozen=True)
class Overlap:
    first: Initiative
    second: Initiative
    similarity: float
    shared_themes: tuple[str, ...]


def _terms(initiative: Initiative) -> frozenset[str]:
    return term_set(initiative.title, initiative.description)


def _area(initiative: Initiative) -> set[int]:
    named = {m.pk for m in initiative.municipalities.all()}
    for region in initiative.regions.all():
        named |= {m.pk for m in region.municipalities.all()}
    return named or {m.pk for m in initiative.inventory_region.municipalities.all()}


def overlap_candidates(*, region: Region, threshold: float = SIMILARITY_THRESHOLD) -> list[Overlap]:
    """Likely duplicates in a region's inventory (planned and active initiatives), most
    similar first, without pairs already judged "not a duplicate"."""
    initiatives = list(
        Initiative.objects.filter(
            inventory_region=region,
            status__in=[InitiativeStatus.PLANNED, InitiativeStatus.ACTIVE],
        )
        .select_related("owner", "inventory_region")
        .prefetch_related(
            "themes",
            "municipalities",
            "regions__municipalities",
            "inventory_region__municipalities",
        )
    )
    terms = {i.pk: _terms(i) for i in initiatives}
    document_frequency = Counter(t for words in terms.values() for t in words)
    limit = max(50, int(len(initiatives) * COMMON_WORD_SHARE))
    by_term: dict[str, list[Initiative]] = defaultdict(list)
    for initiative in initiatives:
        for term in terms[initiative.pk]:
            if document_frequency[term] <= limit:
                by_term[term].append(initiative)
    pairs: set[tuple[int, int]] = set()
    by_pk = {i.pk: i for i in initiatives}
    for group in by_term.values():
        for a, b in combinations(group, 2):
            if a.owner_id != b.owner_id:
                pairs.add((min(a.pk, b.pk), max(a.pk, b.pk)))
    decided = set(
        OverlapDecision.objects.filter(first__in=by_pk).values_list("first_id", "second_id")
    )
    found = []
    for first_pk, second_pk in pairs - decided:
        a, b = by_pk[first_pk], by_pk[second_pk]
        shared = {t.name for t in a.themes.all()} & {t.name for t in b.themes.all()}
        if not shared or not (_area(a) & _area(b)):
            continue
        similarity = jaccard(terms[a.pk], terms[b.pk])
        if similarity >= threshold:
            found.append(Overlap(a, b, round(similarity, 2), tuple(sorted(shared))))
    return sorted(found, key=lambda o: (-o.similarity, o.first.title))


def overlap_mark_not_duplicate(
    *, first: Initiative, second: Initiative, actor: Any, note: str = ""
) -> OverlapDecision:
    """Record that two initiatives are not the same offer; the pair is not flagged again."""
    low, high = sorted([first, second], key=lambda i: i.pk)
    with transaction.atomic():
        try:
            with transaction.atomic():
                decision = OverlapDecision.objects.create(
                    first=low, second=high, decided_by=actor, note=note
                )
        except IntegrityError:
            return OverlapDecision.objects.get(first=low, second=high)
        audit_log(
            actor=actor,
            action=AuditAction.CREATE,
            obj=decision,
            changes={"decision": [None, "not a duplicate"], "note": [None, note]},
        )
    return decision
