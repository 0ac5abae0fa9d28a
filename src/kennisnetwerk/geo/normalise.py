"""Normalising Dutch place and municipality names for matching."""

import re
import unicodedata

_APOSTROPHES = str.maketrans({"\u2019": None, "\u2018": None, "`": None, "\u00b4": None, "'": None})
_PREFIX = re.compile(r"^(gemeente|gem\.)\s+", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s\-_.]+")


def name_key(name: str) -> str:
    """A key under which spelling variants of one name meet: case, accents, apostrophes,
    hyphens and a leading "gemeente" do not matter ("Sint-Michielsgestel" =
    "sint michielsgestel", "Súdwest-Fryslân" = "sudwest fryslan", "'s-Hertogenbosch" =
    "s hertogenbosch")."""
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _PREFIX.sub("", text.strip())
    return _SEPARATORS.sub(" ", text.casefold()).strip()
