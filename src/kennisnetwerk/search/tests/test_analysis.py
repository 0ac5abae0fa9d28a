import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kennisnetwerk.search.analysis import (
    STOP_WORDS,
    QueryTerm,
    analyse,
    analyse_query,
    fold,
    split_compound,
    tokenise,
)

# Text with Dutch words, accents, digits, punctuation and other scripts mixed in.
dutch_words = st.sampled_from(
    [
        "de",
        "het",
        "een",
        "voor",
        "zijn",
        "arbeidsmarktregio",
        "Subsidieregelingen",
        "digitaliseren",
        "café",
        "geïnteresseerd",
        "programma's",
        "zzp'ers",
        "'s-Hertogenbosch",
        "SBI",
        "62.01",
        "2025",
        "ondernemerschap",
        "leerlingen",
        "İstanbul",
        "straße",
        "ﬁnanciering",
    ]
)
texts = st.one_of(
    st.text(),
    st.lists(st.one_of(dutch_words, st.text(max_size=8)), max_size=12).map(" ".join),
)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("arbeidsmarktregio", ["arbeidsmarktregio", "arbeidsmark", "regio"]),
        ("subsidieregeling", ["subsidieregel", "subsidi", "regel"]),
        ("subsidieregelingen", ["subsidieregel", "subsidi", "regel"]),
        ("bedrijfsopvolging", ["bedrijfsopvolg", "bedrijf", "opvolg"]),
        ("familiebedrijven", ["familiebedrijf", "famili", "bedrijf"]),
        ("samenwerkingsverband", ["samenwerkingsverband", "samenwerk", "verband"]),
        ("duurzaamheidsvraagstukken", ["duurzaamheidsvraagstuk", "duurzam", "vraagstuk"]),
        ("innovatieprogramma", ["innovatieprogramma", "innov", "programma"]),
    ],
)
def test_compounds_are_indexed_whole_and_in_parts(word, expected):
    assert analyse(word) == expected


@pytest.mark.parametrize(
    "word",
    [
        "arbeidsmarkt",  # a head itself
        "duurzaamheid",  # the longest head is the whole word, not "duurzaam" + "heid"
        "subsidies",  # rest too short
        "innovatief",
        "regionale",  # a suffix, not a second word
        "leerlingen",
        "ondernemerschap",
        "exporteren",
        "bedrijfsmatig",
        "subsidiering",
        "netwerkende",
        "digitaliseren",  # no head: "digitaal" is not a prefix
    ],
)
def test_words_that_are_not_compounds_of_a_known_head_stay_whole(word):
    assert split_compound(fold(word)) is None
    assert len(analyse(word)) == 1


def test_digitaliseren_and_digitalisering_have_the_same_stem():
    assert analyse("digitaliseren") == analyse("digitalisering") == analyse("Digitalisering")


def test_the_query_for_a_head_finds_the_compound():
    assert analyse_query("arbeidsmarkt")[0].term in analyse("arbeidsmarktregio")
    assert analyse_query("subsidie")[0].term in analyse("subsidieregelingen")
    assert analyse_query("regeling")[0].term in analyse("subsidieregelingen")


def test_accents_and_case_are_folded():
    assert fold("Café Geïnteresseerd Ĳsselmeer") == "cafe geinteresseerd ijsselmeer"
    assert analyse("café") == analyse("CAFE") == ["cafe"]
    assert analyse("İstanbul") == analyse("istanbul")


def test_digits_are_kept_and_single_letters_dropped():
    assert analyse("SBI 62.01 in 2025") == ["sbi", "62", "01", "2025"]
    assert tokenise("a b c x 7") == ["7"]


def test_stop_words_are_removed():
    assert analyse("De regio is voor het mkb en de ondernemer") == ["regio", "mkb", "ondernem"]
    assert analyse("de het een en van voor in op met te dat die is zijn") == []
    assert analyse_query("van de") == []


def test_clitics_after_an_apostrophe_are_dropped():
    assert analyse("programma's") == analyse("programma")
    assert analyse("zzp'ers mkb’ers") == ["zzp", "mkb"]
    assert analyse("'s-Hertogenbosch") == analyse("Hertogenbosch")


def test_query_terms_carry_the_parts_of_a_compound():
    assert analyse_query("subsidieregeling voor starters, subsidieregeling") == [
        QueryTerm("subsidieregel", ("subsidi", "regel")),
        QueryTerm("start"),
    ]


def test_very_long_tokens_are_not_indexed():
    assert analyse("x" * 61 + " regio") == ["regio"]


@given(texts)
def test_analyse_returns_no_stop_words_and_no_empty_terms(text):
    terms = analyse(text)
    assert all(terms), terms
    assert not set(terms) & STOP_WORDS
    assert all(re.fullmatch(r"[^\W_]+", term) for term in terms), terms


@given(texts)
def test_folding_is_idempotent(text):
    assert fold(fold(text)) == fold(text)
    assert analyse(fold(text)) == analyse(text)


@given(texts)
def test_a_document_contains_every_term_of_the_same_text_as_query(text):
    """Self-retrieval: searching for a document's own text always finds it."""
    document = set(analyse(text))
    for query_term in analyse_query(text):
        assert query_term.term in document
        assert set(query_term.parts) <= document


@given(st.lists(dutch_words, min_size=1, max_size=6))
def test_each_word_of_a_compound_query_is_in_a_document_with_the_compound(words):
    document = set(analyse(" ".join(words)))
    for word in words:
        for query_term in analyse_query(word):
            assert query_term.term in document
