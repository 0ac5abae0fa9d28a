"""The thesaurus page, the status of a question, the answer link, the list's query count and
the dashboard widget."""

import pytest
from django.urls import reverse

from kennisnetwerk.accounts.tests.factories import make_coordinator, make_member
from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.needs.models import Need, ThesaurusGroup

from .factories import build_world, reindex

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(reference_data):
    world = build_world()
    reindex()
    return world


def test_the_coordinator_adds_a_group_and_changes_a_default_for_the_region(client, world):
    client.force_login(make_coordinator(world["nob"]))
    url = reverse("needs:thesaurus", args=[world["nob"].slug])
    refused = client.post(url, {"name": "Eén woord", "terms": "alleen"})
    assert refused.status_code == 400
    assert "Vul ten minste twee woorden in die hetzelfde betekenen." in refused.content.decode()
    client.post(url, {"name": "Bouw", "terms": "aannemer, bouwbedrijf, bouwer", "is_active": "on"})
    group = ThesaurusGroup.objects.get(region=world["nob"], name="Bouw")
    assert group.terms == "aannemer, bouwbedrijf, bouwer"
    default = ThesaurusGroup.objects.get(region__isnull=True, name="Subsidie")
    edit = reverse("needs:thesaurus_group", args=[world["nob"].slug, default.pk])
    client.post(edit, {"name": "Subsidie", "terms": "subsidie, regeling", "action": "save"})
    default.refresh_from_db()
    assert "voucher" in default.terms  # the network's default is unchanged
    replacement = ThesaurusGroup.objects.get(region=world["nob"], replaces=default)
    assert replacement.terms == "subsidie, regeling" and not replacement.is_active
    page = client.get(url).content.decode()
    assert "Uitgezet in deze regio" in page  # saved without "in use": switched off here
    client.post(
        reverse("needs:thesaurus_group", args=[world["nob"].slug, replacement.pk]),
        {"action": "delete"},
    )
    assert not ThesaurusGroup.objects.filter(replaces=default).exists()
    assert AuditLogEntry.objects.filter(object_repr="Subsidie").count() == 2


def test_the_status_of_a_question_changes_and_is_logged(client, world):
    need = Need.objects.create(region=world["nob"], question="Vraag", source="formulier")
    client.force_login(make_member(world["party"]))
    response = client.post(reverse("needs:need_status", args=[need.pk]), {"status": "beantwoord"})
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.status == "beantwoord"
    entry = AuditLogEntry.objects.get(object_id=str(need.pk), action="update")
    assert entry.changes == {"status": ["open", "beantwoord"]}
    bad = client.post(reverse("needs:need_status", args=[need.pk]), {"status": "weg"})
    assert bad.status_code == 302
    need.refresh_from_db()
    assert need.status == "beantwoord"


def test_a_broken_answer_link_says_so_in_dutch(client, world):
    response = client.get(reverse("needs:answer", args=["niet-geldig"]))
    assert response.status_code == 404
    assert "Deze link werkt niet meer" in response.content.decode()


def test_the_list_of_questions_needs_few_queries(client, world, django_assert_max_num_queries):
    for n in range(30):
        Need.objects.create(region=world["nob"], question=f"Vraag {n}", source="formulier")
    client.force_login(make_coordinator(world["nob"]))
    with django_assert_max_num_queries(15):
        response = client.get(reverse("needs:list", args=[world["nob"].slug]))
    assert response.content.decode().count("Vraag ") >= 30


def test_the_dashboard_shows_open_questions_of_the_regions_handled(client, world):
    Need.objects.create(region=world["nob"], question="Vraag", source="formulier")
    client.force_login(make_member(world["party"]))
    page = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Noordoost-Brabant: 1 open vraag" in page
