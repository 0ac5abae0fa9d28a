"""Matching an entrepreneur's question to the offer (aanbod) of the region and the national
offers, best first, each with the reason it was found.

The steps:

1. the question is analysed as the atlas's search analyses text (``search.analysis``:
   accents, stop words, compounds, Dutch stemming);
2. the region's thesaurus adds synonyms: a group of which the question uses a word or phrase
   contributes its other words, at ``SYNONYM_WEIGHT`` of a word of the question itself, and
   its theme counts as a theme of the question;
3. hard filters give the candidates: active, published offers of the region's inventory or
   national ones that serve the entrepreneur's municipality (the atlas's coverage rule), size
   class and sector — an offer for Zuid-Holland is never shown to a company in Oss;
4. the search index finds the candidates containing any of these words, and the candidates
   of the question's themes are added;
5. each of them is scored: text relevance (BM25 over the analysed terms the index stores,
   with the words' rarity among the candidates, title words counting ``TITLE_BOOST`` times),
   theme agreement and target-group agreement, combined with ``WEIGHTS``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from kennisnetwerk.ecosystem.constants import InitiativeStatus, TargetDimension
from kennisnetwerk.ecosystem.models import Initiative, TargetGroup, Theme
from kennisnetwerk.ecosystem.search_index import KIND
from kennisnetwerk.ecosystem.selectors import (
    serves_municipality,
    serves_region,
    serves_target_group,
)
from kennisnetwerk.geo.constants import RegionKind
from kennisnetwerk.geo.models import Municipality, Region
from kennisnetwerk.search.analysis import QueryTerm, analyse, analyse_query, tokenise
from kennisnetwerk.search.selectors import document_terms, search_object_ids

from .constants import SizeClass

SYNONYM_WEIGHT = 0.5
TITLE_BOOST = 3
MAX_QUESTION_TERMS = 40
MAX_SYNONYMS = 40
# BM25 parameters.
K1 = 1.2
B = 0.75
# A text score of TEXT_SCALE counts as a strong text match (about 63 % of the maximum).
TEXT_SCALE = 6.0
WEIGHTS = {"text": 0.7, "theme": 0.2, "group": 0.1}
# Below this score an offer is no good answer to the question (the gap report's measure).
GOOD_MATCH = 0.45
DEFAULT_LIMIT = 10


@dataclass(frozen=True)
class Phrase:
    """A word or phrase of a thesaurus group, analysed: a document contains it when it
    contains the term (for a phrase: all its words)."""

    text: str
    query: QueryTerm

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(self.query.parts or (self.query.term,))


@dataclass(frozen=True)
class ThesaurusEntry:
    name: str
    theme_id: int | None
    phrases: tuple[Phrase, ...]


def phrase(text: str) -> Phrase | None:
    """A thesaurus word or phrase as the matcher uses it; None when it has no searchable
    word (only stop words)."""
    words = analyse_query(text)
    if not words:
        return None
    if len(words) == 1:
        return Phrase(text, words[0])
    stems = tuple(w.term for w in words)
    return Phrase(text, QueryTerm("".join(stems), stems))


def thesaurus_entries(
    groups: Iterable[tuple[str, int | None, Sequence[str]]],
) -> list[ThesaurusEntry]:
    entries = []
    for name, theme_id, texts in groups:
        phrases = tuple(p for p in (phrase(t) for t in texts) if p is not None)
        if phrases:
            entries.append(ThesaurusEntry(name, theme_id, phrases))
    return entries


@dataclass(frozen=True)
class WeightedTerm:
    query: QueryTerm
    weight: float
    word: str  # the word of the question, or for a synonym the synonym itself
    via: str = ""  # for a synonym: the word of the question it stands in for


@dataclass
class AnalysedNeed:
    terms: list[WeightedTerm]
    inferred_theme_ids: set[int]
    groups: list[str]


def _surface_words(question: str) -> dict[str, str]:
    """For each analysed term of the question, the word as the entrepreneur wrote it."""
    words: dict[str, str] = {}
    for token in tokenise(question):
        for term in analyse(token):
            words.setdefault(term, token)
    return words


def analyse_need(question: str, thesaurus: Sequence[ThesaurusEntry]) -> AnalysedNeed:
    surface = _surface_words(question)
    question_terms = analyse_query(question)[:MAX_QUESTION_TERMS]
    present = set(surface)
    terms = [WeightedTerm(q, 1.0, surface.get(q.term, q.term)) for q in question_terms]
    seen = {q.term for q in question_terms}
    themes: set[int] = set()
    groups: list[str] = []
    synonyms = 0
    for entry in thesaurus:
        trigger = next((p for p in entry.phrases if p.stems <= present), None)
        if trigger is None:
            continue
        groups.append(entry.name)
        if entry.theme_id:
            themes.add(entry.theme_id)
        via = " ".join(surface.get(s, s) for s in sorted(trigger.stems, key=_position(question)))
        for candidate in entry.phrases:
            if candidate.query.term in seen or candidate.stems <= present:
                continue
            if synonyms >= MAX_SYNONYMS:
                break
            seen.add(candidate.query.term)
            terms.append(WeightedTerm(candidate.query, SYNONYM_WEIGHT, candidate.text, via))
            synonyms += 1
    return AnalysedNeed(terms, themes, groups)


def _position(question: str):
    folded = question.lower()

    def key(stem: str) -> int:
        index = folded.find(stem)
        return index if index >= 0 else len(folded)

    return key


@dataclass(frozen=True)
class NeedProfile:
    """What the matcher knows of a question."""

    question: str
    region: Region
    municipality: Municipality | None = None
    size_class: str = ""
    sbi_section_id: int | None = None
    theme_ids: frozenset[int] = frozenset()


@dataclass
class MatchReason:
    words: list[str] = field(default_factory=list)
    synonyms: list[tuple[str, str]] = field(default_factory=list)  # (synonym, word of question)
    themes: list[str] = field(default_factory=list)
    target_group: str = ""
    area: str = ""


@dataclass
class Match:
    initiative: Initiative
    score: float
    text_score: float
    theme_score: float
    group_score: float
    reason: MatchReason

    @property
    def percentage(self) -> int:
        return round(self.score * 100)

    @property
    def is_good(self) -> bool:
        return self.score >= GOOD_MATCH


def candidate_initiatives(profile: NeedProfile) -> QuerySet[Initiative]:
    """The hard filters: active, published offers of the region's inventory or national ones,
    serving the municipality (or else some municipality of the region), the size class and
    the sector."""
    inventories = [
        profile.region.pk,
        *Region.objects.filter(kind=RegionKind.NATIONAL).values_list("pk", flat=True),
    ]
    qs = Initiative.objects.filter(
        inventory_region_id__in=inventories, status=InitiativeStatus.ACTIVE, is_published=True
    )
    if profile.municipality is not None:
        qs = qs.filter(serves_municipality(profile.municipality))
    else:
        qs = qs.filter(serves_region(profile.region))
    if profile.size_class:
        group = TargetGroup.objects.filter(
            dimension=TargetDimension.SIZE, code=profile.size_class
        ).first()
        if group is not None:
            qs = qs.filter(serves_target_group(group))
    if profile.sbi_section_id:
        sections = Initiative.sbi_sections.through.objects.filter(initiative=OuterRef("pk"))
        qs = qs.filter(
            ~Q(Exists(sections)) | Q(Exists(sections.filter(sbisection=profile.sbi_section_id)))
        )
    return qs


def _text_scores(
    analysed: AnalysedNeed, ids: set[int], collection: int
) -> dict[int, tuple[float, list[WeightedTerm]]]:
    """BM25 over the analysed title and body of the documents ``ids`` — every candidate
    containing a word of the question — within the ``collection`` of candidates (the offers
    this entrepreneur may be shown): per document the score and the words that matched. A
    word's rarity is counted among the candidates, so it is computed from these documents."""
    if not ids or not analysed.terms:
        return {}
    needed = {term for weighted in analysed.terms for term in weighted.query.terms}

    def counts(terms: list[str]) -> tuple[Counter, int]:
        return Counter(term for term in terms if term in needed), len(terms)

    documents: dict[int, tuple[Counter, Counter]] = {}
    lengths: dict[int, int] = {}
    for oid, (title_terms, body_terms) in document_terms(
        kind=KIND, object_ids=[str(i) for i in ids]
    ).items():
        (title, title_length), (body, body_length) = counts(title_terms), counts(body_terms)
        documents[int(oid)] = (title, body)
        lengths[int(oid)] = TITLE_BOOST * title_length + body_length
    frequencies: dict[int, dict[int, int]] = {}  # document → term index → frequency
    df = [0] * len(analysed.terms)
    for pk, (title, body) in documents.items():
        found = {}
        for index, weighted in enumerate(analysed.terms):
            frequency = _frequency(title, body, weighted.query)
            if frequency:
                found[index] = frequency
                df[index] += 1
        if found:
            frequencies[pk] = found
    total = max(collection, len(documents), 1)
    idf = [math.log(1 + (total - n + 0.5) / (n + 0.5)) for n in df]
    average = max(sum(lengths.values()) / max(len(lengths), 1), 1.0)
    scores: dict[int, tuple[float, list[WeightedTerm]]] = {}
    for pk, found in frequencies.items():
        norm = K1 * (1 - B + B * lengths[pk] / average)
        score = 0.0
        # Synonyms stand in for a word of the question: per word only the best one counts.
        synonym_best: dict[str, float] = {}
        matched: list[WeightedTerm] = []
        for index, frequency in found.items():
            weighted = analysed.terms[index]
            part = weighted.weight * idf[index] * frequency * (K1 + 1) / (frequency + norm)
            if weighted.via:
                synonym_best[weighted.via] = max(synonym_best.get(weighted.via, 0.0), part)
            else:
                score += part
            matched.append(weighted)
        scores[pk] = (score + sum(synonym_best.values()), matched)
    return scores


def _frequency(title: Counter, body: Counter, query: QueryTerm) -> int:
    """How often the document contains the word (title words counting ``TITLE_BOOST``
    times); for a compound without the whole word, how often it contains all its parts."""

    def weighted(term: str) -> int:
        return TITLE_BOOST * title.get(term, 0) + body.get(term, 0)

    whole = weighted(query.term)
    if whole or not query.parts:
        return whole
    return min(weighted(part) for part in query.parts)


def _area(initiative: Initiative, profile: NeedProfile) -> str:
    if initiative.inventory_region.kind == RegionKind.NATIONAL and not (
        initiative.municipalities.all() or initiative.regions.all()
    ):
        return _("national offer")
    municipalities = list(initiative.municipalities.all())
    if profile.municipality is not None and any(
        m.pk == profile.municipality.pk for m in municipalities
    ):
        return _("works in %(municipality)s") % {"municipality": profile.municipality.name}
    regions = list(initiative.regions.all())
    if regions:
        return _("works in %(regions)s") % {"regions": ", ".join(r.name for r in regions)}
    if municipalities:
        return _("works in %(municipalities)s") % {
            "municipalities": ", ".join(m.name for m in municipalities)
        }
    return _("whole region %(region)s") % {"region": initiative.inventory_region.name}


def match_need(
    profile: NeedProfile,
    *,
    thesaurus: Sequence[ThesaurusEntry] = (),
    limit: int = DEFAULT_LIMIT,
) -> list[Match]:
    """The best ``limit`` offers for a question, with the reason for each."""
    analysed = analyse_need(profile.question, thesaurus)
    explicit = set(profile.theme_ids)
    themes = explicit | analysed.inferred_theme_ids
    candidates = candidate_initiatives(profile)
    candidate_ids = set(candidates.values_list("pk", flat=True))
    if not candidate_ids:
        return []
    hits = (
        {
            int(oid)
            for oid in search_object_ids(
                terms=[t.query for t in analysed.terms],
                kinds=KIND,
                among=[str(pk) for pk in candidate_ids],
            )
        }
        if analysed.terms
        else set()
    )
    themes_of: dict[int, set[int]] = {}
    for initiative_id, theme_id in Initiative.themes.through.objects.filter(
        initiative_id__in=candidate_ids
    ).values_list("initiative_id", "theme_id"):
        themes_of.setdefault(initiative_id, set()).add(theme_id)
    allowed = hits | {pk for pk, ids in themes_of.items() if ids & themes}
    if not allowed:
        return []
    text = _text_scores(analysed, hits, len(candidate_ids))
    sizes_of: dict[int, set[str]] = {}
    for initiative_id, code in Initiative.target_groups.through.objects.filter(
        initiative__in=allowed, targetgroup__dimension=TargetDimension.SIZE
    ).values_list("initiative_id", "targetgroup__code"):
        sizes_of.setdefault(initiative_id, set()).add(code)

    scored: list[tuple[float, int, float, float, float, list[WeightedTerm]]] = []
    for pk in allowed:
        raw, matched = text.get(pk, (0.0, []))
        text_score = 1 - math.exp(-raw / TEXT_SCALE)
        shared = themes_of.get(pk, set()) & themes
        if shared & explicit:
            theme_score = 1.0
        elif shared:
            theme_score = 0.6
        else:
            theme_score = 0.0
        if not matched and not theme_score:
            continue
        sizes = sizes_of.get(pk, set())
        group_score = 1.0 if profile.size_class and profile.size_class in sizes else 0.5
        score = (
            WEIGHTS["text"] * text_score
            + WEIGHTS["theme"] * theme_score
            + WEIGHTS["group"] * group_score
        )
        scored.append((score, pk, text_score, theme_score, group_score, matched))
    scored.sort(key=lambda item: (-item[0], item[1]))
    top = scored[:limit]
    initiatives = Initiative.objects.select_related("owner", "inventory_region").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("order")),
        "municipalities",
        "regions",
        Prefetch(
            "target_groups",
            queryset=TargetGroup.objects.filter(dimension=TargetDimension.SIZE),
            to_attr="size_groups",
        ),
    )
    by_pk = initiatives.in_bulk([item[1] for item in top])
    size_label = {value: str(label) for value, label in SizeClass.choices}
    matches = []
    for score, pk, text_score, theme_score, group_score, matched in top:
        initiative = by_pk[pk]
        reason = MatchReason(
            words=[t.word for t in matched if not t.via],
            synonyms=[(t.word, t.via) for t in matched if t.via],
            themes=[t.name for t in initiative.themes.all() if t.pk in themes],
            area=_area(initiative, profile),
        )
        if profile.size_class and profile.size_class in {g.code for g in initiative.size_groups}:
            reason.target_group = _("for %(size)s") % {"size": size_label.get(profile.size_class)}
        elif not initiative.size_groups:
            reason.target_group = _("open to companies of every size")
        else:
            reason.target_group = _("for %(sizes)s") % {
                "sizes": ", ".join(g.name for g in initiative.size_groups)
            }
        matches.append(Match(initiative, score, text_score, theme_score, group_score, reason))
    return matches
