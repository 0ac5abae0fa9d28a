"""Dutch text analysis: from a text to the terms the search index stores.

Both index backends (SQLite FTS5 and PostgreSQL) store exactly the terms made here, so they
match the same documents. The steps, for documents and queries alike:

1. accent folding and case folding ("Café" → "cafe", "geïnteresseerd" → "geinteresseerd");
2. dropping a clitic after an apostrophe ("programma's" → "programma", "zzp'ers" → "zzp");
3. tokenising on everything that is not a letter or a digit; digits are kept ("SBI 62.01",
   "2025"); single letters are dropped;
4. dropping Dutch stop words (``STOP_WORDS``);
5. splitting common compounds: a word that starts with a head from ``COMPOUND_HEADS``
   followed by at least four more letters is indexed whole and in parts
   ("arbeidsmarktregio" → arbeidsmarktregio, arbeidsmarkt, regio);
6. Snowball stemming for Dutch (PyStemmer): "digitaliseren" and "digitalisering" both
   become "digitaliser";
7. evening out what Snowball leaves apart (``normalise_stem``), so that singular and plural,
   a diminutive and its word, and a noun and its verb meet: "zonnepaneel" and "zonnepanelen"
   (a long vowel is written twice in a closed syllable only), "project" and "projectje",
   "export" and "exporteren", "ondernemer" and "ondernemen", "overname" and "overnemen",
   "subsidie" and "subsidiëren".

Changing these steps changes the stored terms: a migration of the search app then analyses
every stored document again (see ``search/migrations/0004_reanalyse_documents.py``), and
``kennisnetwerk rebuild_search_index`` does the same from the objects themselves.

A term is a run of letters and digits without spaces, so a space-separated string of terms
needs no escaping in either backend.
"""

from __future__ import annotations

import re
import sys
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

# Written for this project after the Snowball list for Dutch, with a few additions ("we",
# "wij", "wel", "alle", "via", "per", "waar", "welke"), accents folded.
_STOP_WORDS_TEXT = """
    aan al alle alles als altijd andere ben bent bij daar dan dat de der deze die dit doch doen
    door dus een eens en er ge geen geweest haar had heb hebben hebt heeft hem het hier hij hoe
    hun iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar
    niet niets nog nu of om omdat onder ons ook op over per reeds te tegen toch toen tot u uit
    uw van veel via voor waar want waren was wat we wel welke werd wezen wie wij wil worden
    wordt zal ze zelf zich zij zijn zo zonder zou
    """
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

# Heads of compounds common in the texts of regional SME support. A word starting with a
# head is also indexed as the head and the rest. The longest head wins, so "arbeidsmarktregio"
# splits after "arbeidsmarkt", and a word that is itself a head ("arbeidsmarkt") stays whole.
# Heads with a linking "s" ("opleidings") are listed as such.
COMPOUND_HEADS = (
    "arbeids",
    "arbeidsmarkt",
    "bedrijfs",
    "circulair",
    "digitaal",
    "digitalisering",
    "digitaliserings",
    "duurzaam",
    "duurzaamheid",
    "duurzaamheids",
    "export",
    "familie",
    "financiering",
    "financierings",
    "innovatie",
    "kennis",
    "leer",
    "mkb",
    "netwerk",
    "ondernemers",
    "ondernemings",
    "opleidings",
    "programma",
    "regio",
    "samenwerking",
    "samenwerkings",
    "starters",
    "subsidie",
    "werkgevers",
)

# The rest of a word must have at least this many characters to count as a word of its own.
MIN_REMAINDER = 4

# A rest starting like this is a suffix of the head, not a second word: "regionaal",
# "leerling", "ondernemerschap", "exporteren", "bedrijfsmatig", "subsidiering", "netwerkende".
NOT_A_REMAINDER = (
    "achtig",
    "baar",
    "bare",
    "chap",
    "eerd",
    "eert",
    "ende",
    "eren",
    "ering",
    "eur",
    "heden",
    "heid",
    "isch",
    "lijk",
    "ling",
    "loos",
    "loze",
    "matig",
    "naal",
    "nale",
    "nali",
    "ring",
    "tisch",
    "tuur",
    "zaam",
    "zame",
)

# Longer tokens are not words (hashes, encoded data) and PostgreSQL limits lexemes to 2 kB.
MAX_TOKEN_LENGTH = 60

_HEADS_LONGEST_FIRST = tuple(sorted(set(COMPOUND_HEADS), key=len, reverse=True))
_APOSTROPHES = "'\u2019\u2018`\u00b4"
_CLITIC = re.compile(rf"(?<=[^\W_])[{_APOSTROPHES}](?:s|n|je|tje|tjes|ers|er|en)\b")
_TOKEN = re.compile(r"[^\W_]+")
_local = threading.local()  # PyStemmer objects must not be shared between threads


def _stemmer() -> Stemmer.Stemmer:
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("dutch")
    return stemmer


@lru_cache(maxsize=1)
def _without_combining_marks() -> dict[int, None]:
    """A translation table removing every combining mark (accents after NFKD)."""
    return {code: None for code in range(sys.maxunicode + 1) if unicodedata.combining(chr(code))}


def fold(text: str) -> str:
    """Lower-case ``text`` and remove accents ("Geïnteresseerd Café" → "geinteresseerd cafe")."""
    if text.isascii():
        return text.lower()
    marks = _without_combining_marks()
    text = unicodedata.normalize("NFKD", text).translate(marks).casefold()
    # Case folding can produce letters that decompose again (e.g. "İ" → "i̇").
    return unicodedata.normalize("NFKD", text).translate(marks)


def tokenise(text: str) -> list[str]:
    """The words of ``text`` that carry meaning: folded, without stop words and single
    letters; numbers are kept."""
    text = fold(text)
    if any(apostrophe in text for apostrophe in _APOSTROPHES):
        text = _CLITIC.sub("", text)
    return [
        token
        for token in _TOKEN.findall(text)
        if (len(token) > 1 or token.isdigit())
        and len(token) <= MAX_TOKEN_LENGTH
        and token not in STOP_WORDS
    ]


def split_compound(word: str) -> tuple[str, str] | None:
    """Split ``word`` after the longest known head, or return None when it is no compound
    of a known head (also when the rest is too short or a mere suffix)."""
    for head in _HEADS_LONGEST_FIRST:
        if word.startswith(head):
            rest = word[len(head) :]
            if len(rest) < MIN_REMAINDER or rest.startswith(NOT_A_REMAINDER) or rest.isdigit():
                return None
            return head, rest
    return None


_VOWELS = "aeiouy"
# Snowball strips "tje" from every diminutive, also where the "t" belongs to the word
# ("projectje" → "projec", "startje" → "star"). Dutch writes "-tje" only after a vowel or after
# l, n, r, w following a long vowel ("stoeltje", "paneeltje"); after any other consonant, or
# after l, n, r following a short vowel ("tentje", "startje"), the diminutive is "-je".
_DIMINUTIVE = re.compile(r"(?P<base>[^\W\d_]{2,}t)(?:je|jes)")
_LONG_BEFORE = re.compile(r"(?:aa|ee|oo|uu|ie|oe|eu|ei|ij|ui|ou|au)$")
# A long vowel is written twice in a closed final syllable and once in an open one: "paneel"
# and "panelen", "overneem" and "overnemen". Snowball keeps one or the other depending on the
# word; the stem keeps it once.
_DOUBLE_VOWEL = re.compile(r"(aa|ee|oo|uu)([^aeiouy]+)$")
# Nouns of verbs in "-nemen" are written "-name": overname, deelname, aanname, opname.
_NAME_NOUN = re.compile(r"(?<=..)nam(?:e)?$")
# What is left of an agent noun or a verb in "-eren" once "-er" goes; shorter rests are
# words of their own ("water", "winter", "kader").
MIN_ER_REST = 5


def _undiminish(word: str) -> str:
    """``word`` without a diminutive "-je(s)" that Snowball would cut one letter too far."""
    match = _DIMINUTIVE.fullmatch(word)
    if match is None:
        return word
    base = match["base"][:-1]  # the word before "tje"
    last = base[-1]
    if last in _VOWELS:
        return word
    if last in "lnrw" and (_LONG_BEFORE.search(base[:-1]) or base[-2] not in _VOWELS):
        return word  # "stoeltje": the "t" belongs to the diminutive
    return match["base"]


def normalise_stem(stem: str) -> str:
    """A Snowball stem made to meet its plural, diminutive and verb forms: one vowel in the
    final syllable, "-name" as "-nem", no "-er" of an agent noun or "-eren" verb, no "e" of
    a final "-ie"."""
    stem = _NAME_NOUN.sub("nem", stem)
    stem = _DOUBLE_VOWEL.sub(lambda m: m[1][0] + m[2], stem)
    if stem.endswith("er") and len(stem) - 2 >= MIN_ER_REST:
        stem = stem[:-2]
    if stem.endswith("ie") and len(stem) >= 6:
        stem = stem[:-1]
    return stem


@dataclass(frozen=True)
class _Word:
    stem: str  # the stem of the whole word; "" for a word that stems to a stop word
    part_stems: tuple[str, ...]  # stems of the two parts of a compound, else empty
    terms: tuple[str, ...]  # what the index stores: the stem, then all parts, recursively


@lru_cache(maxsize=200_000)
def _analyse_word(word: str) -> _Word:
    if word.isdigit():
        return _Word(word, (), (word,))
    stem = _stemmer().stemWord(_undiminish(word))
    if stem in STOP_WORDS:
        return _Word("", (), ())
    stem = normalise_stem(stem)
    if not stem or stem in STOP_WORDS:
        return _Word("", (), ())
    terms = [stem]
    part_stems: list[str] = []
    parts = split_compound(word)
    if parts is not None:
        for part in parts:
            if part in STOP_WORDS:
                continue
            analysed = _analyse_word(part)
            if analysed.stem:
                part_stems.append(analysed.stem)
                terms.extend(analysed.terms)
    if len(part_stems) < 2:
        part_stems = []
    return _Word(stem, tuple(part_stems), tuple(dict.fromkeys(terms)))


def analyse(text: str) -> list[str]:
    """The index terms of ``text``, in order and with repeats (term frequency counts)."""
    terms: list[str] = []
    for token in tokenise(text):
        terms.extend(_analyse_word(token).terms)
    return terms


@dataclass(frozen=True)
class QueryTerm:
    """One word of a query. A document matches it when it contains ``term``, or, for a
    compound, all of its ``parts`` ("subsidieregeling" also matches "regeling voor
    subsidie")."""

    term: str
    parts: tuple[str, ...] = ()

    @property
    def terms(self) -> tuple[str, ...]:
        return (self.term, *self.parts)


def analyse_query(text: str) -> list[QueryTerm]:
    """The words of a query, analysed as documents are, without repeats. An empty list means
    the query has no searchable word (only stop words or punctuation)."""
    seen: dict[str, QueryTerm] = {}
    for token in tokenise(text):
        word = _analyse_word(token)
        if word.stem and word.stem not in seen:
            seen[word.stem] = QueryTerm(word.stem, word.part_stems)
    return list(seen.values())
