from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from kennisnetwerk.search import registry
from kennisnetwerk.search.models import SearchDocument
from kennisnetwerk.search.registry import SearchEntry
from kennisnetwerk.search.selectors import search

pytestmark = pytest.mark.django_db

EVENTS = {
    "1": ("Netwerkbijeenkomst familiebedrijven", "Over bedrijfsopvolging.", {"region": "oost"}),
    "2": ("Exportcafé", "Eerste stappen naar internationalisering.", None),
}


def event_entries():
    for object_id, (title, body, facets) in EVENTS.items():
        yield SearchEntry(object_id, title, body, facets)


def course_entries():
    yield ("c1", "Leergang digitalisering", "Voor ondernemers.")


@pytest.fixture
def registered(monkeypatch):
    monkeypatch.setattr(registry, "_registry", {})
    registry.register("event", event_entries)
    registry.register("course", course_entries)


def run(*args: str) -> str:
    out = StringIO()
    with translation.override("en"):
        call_command("rebuild_search_index", *args, stdout=out)
    return out.getvalue()


def test_rebuild_indexes_every_registered_kind(registered):
    output = run()
    assert "event: 2 new, 0 changed, 0 removed, 0 unchanged" in output
    assert "course: 1 new" in output
    assert [hit.object_id for hit in search(query="familiebedrijf")] == ["1"]
    assert [hit.object_id for hit in search(query="cafe export")] == ["2"]
    assert [hit.object_id for hit in search(query="digitaliseren")] == ["c1"]
    assert SearchDocument.objects.get(kind="event", object_id="1").facets == {"region": "oost"}

    assert "event: 0 new, 0 changed, 0 removed, 2 unchanged" in run()


def test_rebuild_of_one_kind_removes_documents_of_objects_that_are_gone(registered, monkeypatch):
    run()
    monkeypatch.delitem(EVENTS, "2")
    output = run("--kind", "event")
    assert "event: 0 new, 0 changed, 1 removed, 1 unchanged" in output
    assert "course" not in output
    assert search(query="exportcafe") == []
    assert SearchDocument.objects.filter(kind="course").count() == 1


def test_unknown_kind_is_an_error_and_changes_nothing(registered):
    with pytest.raises(CommandError, match="initiatief"):
        run("--kind", "initiatief", "--kind", "event")
    assert not SearchDocument.objects.exists()


def test_without_registered_kinds_nothing_happens(monkeypatch):
    monkeypatch.setattr(registry, "_registry", {})
    assert "No kinds" in run()


def test_a_kind_belongs_to_one_function(monkeypatch):
    monkeypatch.setattr(registry, "_registry", {})
    registry.register("event", event_entries)
    registry.register("event", event_entries)
    assert registry.registered_kinds() == ["event"]
    with pytest.raises(ValueError, match="already registered"):
        registry.register("event", course_entries)
    with pytest.raises(ValueError):
        registry.register("", course_entries)
