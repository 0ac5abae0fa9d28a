import pytest

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
    make_member,
)
from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.ecosystem.models import OverlapDecision, Theme
from kennisnetwerk.ecosystem.overlaps import overlap_candidates

from .factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def region():
    return RegionFactory(name="Noordoost-Brabant", municipalities=["Oss", "Vught"])


@pytest.fixture
def pair(region):
    digital = Theme.objects.get(slug="digitalisering")
    a = InitiativeFactory(
        inventory_region=region,
        title="Digitale werkplaats voor ondernemers",
        description="Studenten helpen mkb-ondernemers met webshop, online vindbaarheid en "
        "digitale administratie.",
        themes=[digital],
    )
    b = InitiativeFactory(
        inventory_region=region,
        title="Digitaal werkplaats mkb",
        description="Studenten helpen ondernemers met een webshop en online vindbaarheid.",
        themes=[digital],
    )
    # Same words, same owner: not an overlap between parties.
    InitiativeFactory(
        inventory_region=region,
        owner=a.owner,
        title="Digitale werkplaats voor ondernemers 2",
        description=a.description,
        themes=[digital],
    )
    # Same words, other theme: not flagged.
    InitiativeFactory(
        inventory_region=region,
        title="Digitale werkplaats voor ondernemers (export)",
        description=a.description,
        themes=[Theme.objects.get(slug="internationalisering")],
    )
    # Other subject entirely.
    InitiativeFactory(
        inventory_region=region,
        title="Microkredieten",
        description="Leningen tot 50.000 euro.",
        themes=[digital],
    )
    return a, b


def test_near_duplicates_of_different_organisations_are_flagged(region, pair):
    a, b = pair
    found = overlap_candidates(region=region)
    pairs = {frozenset((o.first.pk, o.second.pk)) for o in found}
    assert frozenset((a.pk, b.pk)) in pairs
    assert all(o.first.owner_id != o.second.owner_id for o in found)
    assert all(o.shared_themes for o in found)
    titles = {o.first.title for o in found} | {o.second.title for o in found}
    assert "Microkredieten" not in titles


def test_not_a_duplicate_sticks(client, region, pair):
    a, b = pair
    client.force_login(make_coordinator(region))
    listing = client.get(f"/atlas/dubbel/{region.slug}/").content.decode()
    assert a.title in listing and b.title in listing
    low, high = sorted([a.pk, b.pk])
    url = f"/atlas/dubbel/{region.slug}/{low}/{high}/"
    compare = client.get(url).content.decode()
    assert a.description[:40] in compare and b.description[:40] in compare
    assert client.post(url, {"note": "Andere doelgroep"}).status_code == 302
    decision = OverlapDecision.objects.get()
    assert (decision.first_id, decision.second_id) == (low, high)
    assert AuditLogEntry.objects.filter(object_id=str(decision.pk), action="create").exists()
    assert frozenset((a.pk, b.pk)) not in {
        frozenset((o.first.pk, o.second.pk)) for o in overlap_candidates(region=region)
    }
    assert client.get(url).status_code == 404


def test_only_coordinators_of_the_region_review_overlaps(client, region, pair):
    client.force_login(make_member(OrganisationFactory()))
    assert client.get(f"/atlas/dubbel/{region.slug}/").status_code == 403
    client.force_login(make_coordinator(RegionFactory(municipalities=["Leiden"])))
    assert client.get(f"/atlas/dubbel/{region.slug}/").status_code == 403
