"""Singular and plural, diminutives, and nouns and their verbs find each other, in the
analysis and in the index of the database under test (SQLite FTS5, or PostgreSQL when
DATABASE_URL points at one), so every search benefits: atlas, site search, matching."""

import importlib

import pytest
from django.apps import apps

from kennisnetwerk.accounts.tests.factories import RegionFactory
from kennisnetwerk.ecosystem.tests.factories import InitiativeFactory
from kennisnetwerk.search.analysis import analyse, analyse_query
from kennisnetwerk.search.models import SearchDocument
from kennisnetwerk.search.selectors import search
from kennisnetwerk.search.services import (
    search_document_upsert,
    search_documents_reanalyse,
    search_index_rebuild,
)

# Forms of one word that a person expects to find each other.
WORD_FORMS = {
    "zonnepaneel": ["zonnepaneel", "zonnepanelen", "zonnepaneeltje"],
    "export": ["export", "exporteren", "exporteer"],
    "overname": ["overname", "overnemen"],
    "deelname": ["deelname", "deelnemen", "deelnemers"],
    "subsidie": ["subsidie", "subsidies", "subsidiëren"],
    "ondernemer": ["ondernemer", "ondernemers", "ondernemen"],
    "project": ["project", "projecten", "projectje", "projectjes"],
    "stoel": ["stoel", "stoelen", "stoeltje"],
    "start": ["start", "starten", "startje", "starter", "starters"],
    "bijlage": ["bijlage", "bijlagen"],
    "regeling": ["regeling", "regelingen"],
    "innovatie": ["innovatie", "innovaties", "innoveren"],
    "bedrijf": ["bedrijf", "bedrijven", "bedrijfje"],
}
PAIRS = [(a, b) for forms in WORD_FORMS.values() for a in forms for b in forms if a != b]


@pytest.mark.parametrize(("query", "text"), PAIRS)
def test_each_form_finds_the_others(query, text):
    (term,) = analyse_query(query)
    assert term.term in analyse(text)


@pytest.mark.parametrize("word", ["water", "winter", "kader", "zonne", "idee"])
def test_short_words_ending_like_a_suffix_keep_it(word):
    assert analyse(word) == [word]


@pytest.mark.parametrize(
    ("first", "second"),
    [("zonnepaneel", "export"), ("overname", "ondernemer"), ("start", "subsidie")],
)
def test_different_words_stay_apart(first, second):
    assert not set(analyse(first)) & set(analyse(" ".join(WORD_FORMS[second])))


# One document per form, each with a sentence around it.
DOCUMENTS = [
    (f"{group}-{index}", f"Over {form} in de regio", f"Wij helpen met {form}.")
    for group, forms in WORD_FORMS.items()
    for index, form in enumerate(forms)
]


@pytest.mark.django_db
@pytest.mark.parametrize("group", WORD_FORMS)
def test_the_index_finds_every_form_by_every_form(group):
    for object_id, title, body in DOCUMENTS:
        search_document_upsert(kind="word", object_id=object_id, title=title, body=body)
    expected = {object_id for object_id, *_ in DOCUMENTS if object_id.startswith(f"{group}-")}
    for form in WORD_FORMS[group]:
        found = {hit.object_id for hit in search(query=form, kinds="word")}
        assert found == expected, form


@pytest.mark.django_db
def test_the_atlas_finds_zonnepanelen_by_zonnepaneel(client):
    region = RegionFactory()
    InitiativeFactory(
        title="Zonnepanelen op bedrijfsdaken", slug="zonnepanelen", inventory_region=region
    )
    InitiativeFactory(title="Exporteren naar Duitsland", slug="duitsland", inventory_region=region)
    InitiativeFactory(title="Overnemen of starten", slug="overnemen", inventory_region=region)

    search_index_rebuild(kinds=["initiative"])
    for query, slug in [
        ("zonnepaneel", "zonnepanelen"),
        ("export", "duitsland"),
        ("overname", "overnemen"),
    ]:
        page = client.get("/atlas/", {"q": query}).content.decode()
        assert f"/atlas/initiatieven/{slug}/" in page, query


@pytest.mark.django_db
def test_documents_indexed_before_are_analysed_again_by_the_migration():
    document = search_document_upsert(
        kind="word", object_id="1", title="Een zonnepaneel op het dak", body="Exporteren."
    )
    # The terms as the analysis before made them.
    SearchDocument.objects.filter(pk=document.pk).update(
        title_terms="zonnepaneel dak", body_terms="exporter"
    )
    assert search(query="zonnepanelen", kinds="word") == []
    assert search(query="export", kinds="word") == []

    migration = importlib.import_module("kennisnetwerk.search.migrations.0004_reanalyse_documents")
    migration.reanalyse(apps, None)

    assert [hit.object_id for hit in search(query="zonnepanelen", kinds="word")] == ["1"]
    assert [hit.object_id for hit in search(query="export", kinds="word")] == ["1"]
    assert search_documents_reanalyse() == 0  # nothing left to change
