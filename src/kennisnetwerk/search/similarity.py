"""How much two Dutch texts say the same thing: the Jaccard index of their analysed words.

Shared by every near-duplicate check (offers in the atlas, messages in the editorial queue),
so that "the same words" means the same everywhere: accents, inflection and compounds are
handled by :func:`kennisnetwerk.search.analysis.analyse`."""

from __future__ import annotations

from collections.abc import Set

from .analysis import analyse


def term_set(*texts: str) -> frozenset[str]:
    """The distinct analysed words of ``texts`` together."""
    return frozenset(term for text in texts if text for term in analyse(text))


def jaccard(first: Set[str], second: Set[str]) -> float:
    """Shared words as a share of all words of both (0.0 when both are empty)."""
    union = len(first | second)
    return len(first & second) / union if union else 0.0
