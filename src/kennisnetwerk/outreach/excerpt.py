"""The opening of a message's text for a digest: whole sentences up to a number of words, so
an item never stops mid-sentence; the reader follows "lees verder" to the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass

# The end of a sentence: . ! ? or … (optionally followed by a closing quote or bracket), then
# white space. "bijv. de" or "3.5" are not ends: the next word must start with a capital, a
# digit or an opening quote, or a new paragraph must begin.
_SENTENCE_END = re.compile(r"""[.!?…]["'’”)\]]*(?=\s+(?:[A-Z0-9"'‘“(]|\n)|\s*\n|\s*$)""")


@dataclass(frozen=True)
class Excerpt:
    text: str
    shortened: bool


def excerpt(text: str, *, words: int = 60) -> Excerpt:
    """At most ``words`` words of ``text``, ending at the end of a sentence. When even the
    first sentence is longer, it is cut at a word and ends with "…"."""
    text = text.strip()
    matches = list(re.finditer(r"\S+", text))
    if len(matches) <= words:
        return Excerpt(text, False)
    limit = matches[words - 1].end()
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, limit + 1) if m.end() <= limit]
    if ends:
        return Excerpt(text[: ends[-1]].rstrip(), True)
    return Excerpt(text[:limit].rstrip(",;:–- ") + " …", True)
