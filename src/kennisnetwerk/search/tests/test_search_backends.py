"""The search index on the database under test: SQLite FTS5 by default, PostgreSQL when
DATABASE_URL points at one. The same expectations hold for both, which is what keeps the
backends interchangeable; CI runs this file on both databases."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction

from kennisnetwerk.search.backends import (
    PostgreSQLBackend,
    SearchBackend,
    SQLiteBackend,
    get_backend,
)
from kennisnetwerk.search.models import SearchDocument
from kennisnetwerk.search.registry import SearchEntry
from kennisnetwerk.search.selectors import SearchHit, search, search_count
from kennisnetwerk.search.services import (
    ReplaceReport,
    search_document_delete,
    search_document_upsert,
    search_documents_replace,
)

from .corpus import INITIATIVES, ORGANISATIONS

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    search_documents_replace(kind="initiative", documents=INITIATIVES)
    search_documents_replace(kind="organisation", documents=ORGANISATIONS)


def ids(hits: list[SearchHit]) -> list[str]:
    return [hit.object_id for hit in hits]


# (query, the first hits in this order, all hits or None when there are more to ignore).
EXPECTED = [
    # Stemming: the verb finds the noun.
    ("digitaliseren", ["digitaliseringsvouchers", "digitale-werkplaats"], None),
    # A compound head finds the compound; title hits before body hits.
    (
        "arbeidsmarkt",
        ["krapte-techniek", "werkgeversservicepunt", "leven-lang-ontwikkelen"],
        None,
    ),
    # "subsidie" finds "Subsidiewijzer" (title) first, then "subsidieregelingen" in texts.
    (
        "subsidie",
        ["subsidiewijzer"],
        {
            "subsidiewijzer",
            "mit-regeling",
            "digitaliseringsvouchers",
            "verduurzaming-bedrijfspanden",
            "kvk",
        },
    ),
    ("subsidieregeling", ["subsidiewijzer", "digitaliseringsvouchers", "mit-regeling"], None),
    # Accents do not matter, in the query or in the text.
    ("cafe", ["horeca"], None),
    ("CAFÉ", ["horeca"], None),
    # All words must match; "bedrijfsopvolging" also matches "bedrijf" + "opvolging".
    (
        "bedrijfsopvolging familiebedrijven",
        ["loket-bedrijfsopvolging", "netwerk-familiebedrijven"],
        None,
    ),
    ("internationalisering export", ["export-academy"], None),
    ("circulaire economie", ["circulair-bouwen"], None),
    # The noun finds the verb: "starters" also finds "starten" and "startende".
    ("starters", [], {"starterscentrum", "overnemen-of-starten"}),
    ("werkgevers", ["werkgeversservicepunt"], None),
    ("familiebedrijf", ["netwerk-familiebedrijven"], None),
    ("SBI 62", ["monitor-ict"], None),
    ("maakindustrie", ["circulaire-maakindustrie"], None),
    # Stop words only, or a word that is nowhere: nothing.
    ("de van het", [], None),
    ("blockchain", [], None),
    ("blockchain de", [], None),
]


@pytest.mark.parametrize(("query", "first", "everything"), EXPECTED)
def test_dutch_queries_find_the_expected_initiatives(corpus, query, first, everything):
    hits = search(query=query)
    assert ids(hits)[: len(first)] == first
    if everything is not None:
        assert set(ids(hits)) == everything
    if not first and not everything:
        assert hits == []
        assert search_count(query=query) == 0


def test_multi_word_matches_are_the_same_whatever_the_order_of_the_results(corpus):
    # The backends may order these differently (BM25 versus cover density); they agree on
    # which documents match.
    assert set(ids(search(query="regeling subsidie"))) == {
        "mit-regeling",
        "subsidiewijzer",
        "digitaliseringsvouchers",
    }


def test_when_no_document_has_all_words_those_with_most_words_come_first(corpus):
    hits = search(query="innovatie mkb export")
    # Innovation and SME, but no export: the two with two of the three words.
    assert set(ids(hits[:2])) == {"innovatiekrediet", "mit-regeling"}
    assert "export-academy" in ids(hits)
    assert search_count(query="innovatie mkb export") == len(hits) == 10


def test_results_are_ranked_best_first_within_equal_word_counts(corpus):
    hits = search(query="ondernemers")
    # The two titles with the word come first ("ondernemen" is the verb of "ondernemers").
    assert set(ids(hits[:2])) == {"ondernemersklankbord", "duurzaam-ondernemen"}
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def test_title_weighs_more_than_body():
    search_document_upsert(kind="t", object_id="1", title="Vouchers", body="Over export.")
    search_document_upsert(kind="t", object_id="2", title="Export", body="Over vouchers.")
    assert ids(search(query="export")) == ["2", "1"]
    assert ids(search(query="vouchers")) == ["1", "2"]


def test_kinds_limit_and_offset(corpus):
    assert ids(search(query="subsidie", kinds=["organisation"])) == ["kvk"]
    assert ids(search(query="subsidie", kinds="organisation")) == ["kvk"]
    assert search(query="subsidie", kinds=[]) == []
    assert search_count(query="subsidie", kinds=["initiative"]) == 4
    everything = ids(search(query="ondernemers"))
    # "ondernemers" also finds "ondernemen" and "ondernemingen".
    assert len(everything) == search_count(query="ondernemers") == 11
    assert ids(search(query="ondernemers", limit=3)) == everything[:3]
    assert ids(search(query="ondernemers", limit=3, offset=3)) == everything[3:6]
    assert search(query="ondernemers", limit=0) == []
    # Paging beyond the end of the matches does not fall back to "any word".
    assert search(query="innovatie mkb", offset=100) == []


def test_fallback_to_any_word_respects_kinds(corpus):
    # Both words occur in organisation "rom-noord"; among initiatives only one at a time.
    assert ids(search(query="financiering innovatie", kinds=["organisation"])) == ["rom-noord"]
    initiatives = ids(search(query="financiering innovatie", kinds=["initiative"]))
    assert initiatives[0] == "innovatiekrediet"
    assert "rom-noord" not in initiatives


def test_the_index_follows_upsert_and_delete():
    document = search_document_upsert(
        kind="initiative",
        object_id=7,
        title="Innovatiekrediet",
        body="Voor het mkb.",
        facets={"region": "noord"},
    )
    assert document.object_id == "7"
    assert document.title_terms == "innovatiekrediet innov krediet"
    [hit] = search(query="krediet")
    assert (hit.kind, hit.object_id) == ("initiative", "7")
    assert hit.score > 0

    search_document_upsert(kind="initiative", object_id="7", title="Groeifonds", body="Groei.")
    assert SearchDocument.objects.count() == 1
    assert search(query="krediet") == []
    assert ids(search(query="groeifonds")) == ["7"]
    assert SearchDocument.objects.get().facets == {}

    assert search_document_delete(kind="initiative", object_id=7) is True
    assert search_document_delete(kind="initiative", object_id=7) is False
    assert search(query="groeifonds") == []


def test_bulk_writes_outside_the_services_keep_the_index_in_sync():
    """The database keeps the index in sync (triggers on SQLite, a generated column on
    PostgreSQL), so queryset updates and deletes are safe too."""
    search_document_upsert(kind="k", object_id="1", title="Export", body="")
    SearchDocument.objects.filter(kind="k").update(title_terms="import")
    assert search(query="export") == []
    assert ids(search(query="import")) == ["1"]
    SearchDocument.objects.all().delete()
    assert search(query="import") == []


def test_a_rolled_back_document_is_not_found():
    with pytest.raises(RuntimeError), transaction.atomic():
        search_document_upsert(kind="k", object_id="1", title="Export", body="")
        raise RuntimeError
    assert search(query="export") == []


def test_replace_writes_only_what_changed():
    first = search_documents_replace(
        kind="initiative",
        documents=[
            ("1", "Export Academy", "Internationalisering"),
            ("2", "Subsidiewijzer", "Regelingen", {"region": "noord"}),
            SearchEntry("3", "Starterscentrum", "Advies"),
        ],
    )
    assert first == ReplaceReport(created=3)
    search_document_upsert(kind="organisation", object_id="1", title="Export BV", body="")

    unchanged = search_documents_replace(
        kind="initiative",
        documents=[
            ("1", "Export Academy", "Internationalisering"),
            ("2", "Subsidiewijzer", "Regelingen", {"region": "noord"}),
            ("3", "Starterscentrum", "Advies", {}),
        ],
    )
    assert unchanged == ReplaceReport(unchanged=3)

    second = search_documents_replace(
        kind="initiative",
        documents=[
            ("1", "Export Academy", "Internationalisering"),
            ("2", "Subsidiewijzer", "Regelingen", {"region": "zuid"}),
            ("4", "Groeiversneller", "Coaching"),
        ],
    )
    assert second == ReplaceReport(created=1, updated=1, deleted=1, unchanged=1)
    assert search(query="starterscentrum") == []
    assert ids(search(query="groeiversneller")) == ["4"]
    assert SearchDocument.objects.get(kind="initiative", object_id="2").facets == {"region": "zuid"}
    # Other kinds are left alone.
    assert {(hit.kind, hit.object_id) for hit in search(query="export")} == {
        ("initiative", "1"),
        ("organisation", "1"),
    }

    assert search_documents_replace(kind="initiative", documents=[]) == ReplaceReport(deleted=3)
    assert SearchDocument.objects.filter(kind="initiative").count() == 0


def test_replace_reindexes_when_the_analysis_changed():
    search_documents_replace(kind="k", documents=[("1", "Export", "")])
    SearchDocument.objects.update(title_terms="outdated")
    report = search_documents_replace(kind="k", documents=[("1", "Export", "")])
    assert report == ReplaceReport(updated=1)
    assert ids(search(query="export")) == ["1"]


def test_replace_handles_many_documents_in_batches():
    documents = [(str(n), f"Initiatief {n}", f"Tekst over regio {n % 7}") for n in range(1234)]
    assert search_documents_replace(kind="k", documents=documents) == ReplaceReport(created=1234)
    assert search_count(query="initiatief") == 1234
    assert search_count(query="regio 3") == len([n for n in range(1234) if n % 7 == 3])
    assert search_documents_replace(kind="k", documents=documents[:10]).deleted == 1224


def test_invalid_keys_are_refused():
    with pytest.raises(ValueError):
        search_document_upsert(kind="", object_id="1", title="x", body="")
    with pytest.raises(ValueError):
        search_document_upsert(kind="k", object_id="", title="x", body="")
    with pytest.raises(ValueError):
        search_documents_replace(kind="k", documents=[("x" * 65, "t", "b")])


def test_long_and_unusual_texts_are_indexed():
    body = " ".join(["mkb"] * 20_000 + ["łódź", "straße", "62.01", "ĳsselmeer"])
    search_document_upsert(kind="k", object_id="1", title="Lang", body=body)
    for query in ["mkb", "Łódź", "strasse", "62", "IJsselmeer"]:
        assert ids(search(query=query)) == ["1"], query


def test_auto_picks_the_backend_of_the_database(settings):
    settings.SEARCH_BACKEND = "auto"
    expected = {"sqlite": SQLiteBackend, "postgresql": PostgreSQLBackend}[connection.vendor]
    assert type(get_backend()) is expected
    settings.SEARCH_BACKEND = connection.vendor
    assert type(get_backend()) is expected


def test_a_backend_for_another_database_or_an_unknown_one_is_refused(settings):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    settings.SEARCH_BACKEND = other
    with pytest.raises(ImproperlyConfigured, match="needs a"):
        get_backend()
    settings.SEARCH_BACKEND = "elasticsearch"
    with pytest.raises(ImproperlyConfigured, match="no search backend"):
        get_backend()


def test_a_backend_can_be_named_by_its_dotted_path(settings):
    backend_class = type(get_backend())
    settings.SEARCH_BACKEND = f"{backend_class.__module__}.{backend_class.__qualname__}"
    assert isinstance(get_backend(), SearchBackend)


def test_the_migrations_made_the_full_text_index():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master"
                " WHERE name LIKE %s AND type IN ('table', 'trigger')",
                ["search_searchdocument_fts%"],
            )
            names = {row[0] for row in cursor.fetchall()}
            assert {
                "search_searchdocument_fts",
                "search_searchdocument_fts_insert",
                "search_searchdocument_fts_update",
                "search_searchdocument_fts_delete",
            } <= names
        else:
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'search_searchdocument'"
            )
            assert "search_searchdocument_vector_gin" in {row[0] for row in cursor.fetchall()}


def test_object_ids_of_any_word_unranked_and_limited_to_some_objects(corpus):
    from kennisnetwerk.search.analysis import analyse_query
    from kennisnetwerk.search.selectors import document_terms, search_object_ids

    terms = analyse_query("digitaliseren arbeidsmarkt")
    every = set(search_object_ids(terms=terms, kinds="initiative"))
    # Any word suffices: documents with only one of the two words are there too.
    assert set(ids(search(query="digitaliseren", kinds="initiative", limit=100))) <= every
    assert set(ids(search(query="arbeidsmarkt", kinds="initiative", limit=100))) <= every
    some = sorted(every)[:2]
    assert set(search_object_ids(terms=terms, kinds="initiative", among=some)) == set(some)
    assert search_object_ids(terms=terms, kinds="initiative", among=[]) == []
    organisations = set(
        SearchDocument.objects.filter(kind="organisation").values_list("object_id", flat=True)
    )
    assert set(search_object_ids(terms=terms, kinds="organisation")) <= organisations
    stored = document_terms(kind="initiative", object_ids=some)
    assert set(stored) == set(some)
    assert all(
        isinstance(title, list) and isinstance(body, list) for title, body in stored.values()
    )
