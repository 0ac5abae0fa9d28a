"""Loading the demo data: a realistic inventory for Noordoost-Brabant and Zuid-Holland,
indexed for search, with the deliberate overlaps and gaps, and idempotent."""

import io
from collections import Counter

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from kennisnetwerk.accounts.models import Membership, RegionRole, User
from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.demo.inventory import GAPS, NEAR_DUPLICATES, ORGANISATIONS
from kennisnetwerk.demo.services import demo_data_load
from kennisnetwerk.ecosystem.constants import InitiativeKind, InitiativeStatus
from kennisnetwerk.ecosystem.models import Initiative, Organisation, Theme, kvk_number_validator
from kennisnetwerk.ecosystem.overlaps import overlap_candidates
from kennisnetwerk.ecosystem.search_index import KIND as INITIATIVE_KIND
from kennisnetwerk.ecosystem.selectors import initiative_matrix
from kennisnetwerk.geo.models import Region
from kennisnetwerk.search.models import SearchDocument
from kennisnetwerk.search.selectors import search

pytestmark = pytest.mark.django_db

NOB, ZH = "Noordoost-Brabant", "Zuid-Holland"


@pytest.fixture
def loaded(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        demo_data_load()


def test_the_inventory_is_large_varied_and_covers_both_regions(loaded):
    assert Organisation.objects.count() >= 40
    assert Initiative.objects.count() >= 150
    by_region = Counter(Initiative.objects.values_list("inventory_region__name", flat=True))
    assert by_region[NOB] >= 60
    assert by_region[ZH] >= 60
    for theme in Theme.objects.filter(is_active=True):
        assert theme.initiatives.count() >= 5, theme.slug
        for region in (NOB, ZH):
            assert theme.initiatives.filter(inventory_region__name=region).exists()
    assert set(Initiative.objects.values_list("kind", flat=True)) == set(InitiativeKind.values)
    statuses = Counter(Initiative.objects.values_list("status", flat=True))
    assert set(statuses) == set(InitiativeStatus.values)
    assert statuses[InitiativeStatus.ACTIVE] > Initiative.objects.count() / 2
    # Filled in like a real inventory, not just titles.
    initiatives = Initiative.objects.all()
    assert initiatives.filter(contact_email__endswith=".example").count() == initiatives.count()
    assert initiatives.exclude(budget=None).count() >= 75
    assert initiatives.exclude(evidence="").count() >= 15
    assert initiatives.filter(partners__isnull=False).distinct().count() >= 75
    assert initiatives.filter(municipalities__isnull=False).distinct().count() >= 50
    assert initiatives.filter(municipalities=None, regions=None).count() >= 30  # region-wide


def test_the_original_demo_entries_and_people_are_kept(loaded):
    assert Initiative.objects.get(title="Ondernemersloket Oss (demo)").owner.name == (
        "Gemeente Oss (demo)"
    )
    assert Initiative.objects.filter(title__endswith="(fictief)").count() >= 10
    assert Membership.objects.filter(
        user__email="medewerker.oss@demo.kennisnetwerk.example",
        organisation__name="Gemeente Oss (demo)",
    ).exists()
    assert RegionRole.objects.filter(region__name=ZH, role="coordinator").exists()


def test_demo_kvk_numbers_are_valid_and_unique(loaded):
    numbers = list(
        Organisation.objects.filter(name__in=[o[0] for o in ORGANISATIONS]).values_list(
            "kvk_number", flat=True
        )
    )
    assert len(numbers) == len(ORGANISATIONS)
    for number in numbers:
        kvk_number_validator(number)
    assert len(set(numbers)) == len(numbers)


def test_initiatives_are_indexed_for_search(loaded):
    assert SearchDocument.objects.filter(kind=INITIATIVE_KIND).count() == (
        Initiative.objects.count()
    )
    hits = search(query="warmte reststromen", kinds=INITIATIVE_KIND, limit=5)
    titles = set(
        Initiative.objects.filter(pk__in=[h.object_id for h in hits]).values_list(
            "title", flat=True
        )
    )
    assert "Circulaire Kas Westland (fictief)" in titles
    assert "Warmte en reststromen delen in de glastuinbouw" in titles


def test_the_overlap_detector_finds_the_deliberate_near_duplicates(loaded):
    found = {
        frozenset((o.first.title, o.second.title))
        for name in (NOB, ZH)
        for o in overlap_candidates(region=Region.objects.get(name=name))
    }
    assert {frozenset(pair) for pair in NEAR_DUPLICATES} <= found


def test_the_matrix_shows_the_deliberate_gaps(loaded):
    for theme, dimension, group in GAPS:
        matrix = initiative_matrix(user=AnonymousUser(), dimension=dimension)
        gaps = {(cell.theme.slug, cell.group.code) for cell in matrix.gaps}
        assert (theme, group) in gaps
    # ...but most cells are served.
    matrix = initiative_matrix(user=AnonymousUser(), dimension="size")
    cells = [cell for _theme, row in matrix.rows for cell in row]
    assert len(matrix.gaps) <= len(cells) / 4


def _state():
    initiatives = {
        i.title: (
            i.slug,
            i.kind,
            i.status,
            i.owner_id,
            i.inventory_region_id,
            i.description,
            i.start_date,
            i.end_date,
            i.budget,
            i.funding_source,
            i.contact_email,
            i.url,
            i.evidence,
            sorted(i.partners.values_list("pk", flat=True)),
            sorted(i.themes.values_list("pk", flat=True)),
            sorted(i.target_groups.values_list("pk", flat=True)),
            sorted(i.sbi_sections.values_list("pk", flat=True)),
            sorted(i.regions.values_list("pk", flat=True)),
            sorted(i.municipalities.values_list("pk", flat=True)),
        )
        for i in Initiative.objects.all()
    }
    organisations = sorted(
        Organisation.objects.values_list("name", "slug", "type", "kvk_number", "website")
    )
    counts = {
        model.__name__: model.objects.count()
        for model in (Region, User, Membership, RegionRole, AuditLogEntry, SearchDocument)
    }
    return initiatives, organisations, counts


def test_loading_twice_adds_and_changes_nothing(loaded, django_capture_on_commit_callbacks):
    before = _state()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_data", stdout=io.StringIO())
    assert _state() == before


def test_the_channel_has_messages_events_a_queued_duplicate_and_subscribers(loaded, client):
    from kennisnetwerk.outreach.duplicates import message_duplicates
    from kennisnetwerk.outreach.models import Message, Subscriber

    nob = Region.objects.get(name=NOB)
    approved = Message.objects.filter(region=nob, status="goedgekeurd")
    assert approved.filter(kind="evenement").count() >= 3
    assert approved.filter(kind="subsidie").exists()
    assert Subscriber.objects.filter(status="actief").count() >= 8
    queued = Message.objects.get(region=nob, status="ingediend")
    assert message_duplicates(queued), "the queued announcement repeats an approved one"
    breakfast = approved.get(title__startswith="Ondernemersontbijt Oss")
    month = breakfast.event_start.strftime("%Y-%m")
    calendar = client.get(f"/nieuwsbrief/{nob.slug}/agenda/", {"weergave": "lijst", "maand": month})
    assert "Ondernemersontbijt Oss" in calendar.content.decode()
    before = (Message.objects.count(), Subscriber.objects.count())
    demo_data_load()
    assert (Message.objects.count(), Subscriber.objects.count()) == before
