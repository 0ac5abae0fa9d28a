"""People and a programme in a region, for the tests of learning together."""

import pytest

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
    make_member,
)
from kennisnetwerk.learning.constants import MemberRole

from .factories import ProgrammeFactory, SessionFactory, add_member


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def region(reference_data):
    return RegionFactory(
        name="Noordoost-Brabant", slug="noordoost-brabant", municipalities=["Oss", "Maashorst"]
    )


@pytest.fixture
def organisation(region):
    return OrganisationFactory(name="Gemeente Oss (fictief)", slug="gemeente-oss")


@pytest.fixture
def programme(region):
    programme = ProgrammeFactory(
        title="Community of Practice Noordoost-Brabant", slug="cop-noordoost-brabant"
    )
    programme.regions.set([region])
    return programme


@pytest.fixture
def organiser(programme, organisation):
    user = make_member(organisation, email="kernteam@oss.example", full_name="Anouk Kernteam")
    add_member(programme, user, MemberRole.CORE_TEAM)
    return user


@pytest.fixture
def members(programme, organisation):
    people = []
    for n in range(4):
        user = make_member(
            organisation, email=f"deelnemer{n}@oss.example", full_name=f"Deelnemer {n}"
        )
        add_member(programme, user)
        people.append(user)
    return people


@pytest.fixture
def outsider(reference_data):
    other = RegionFactory(name="Andere regio", slug="andere-regio", municipalities=["Leiden"])
    return make_coordinator(other, email="buiten@leiden.example", full_name="Bo Buiten")


@pytest.fixture
def session(programme, organiser):
    return SessionFactory(
        programme=programme,
        title="Bijeenkomst 3: personeel vinden en binden",
        organiser=organiser,
        online_url="https://vergadering.example/cop-3",
        capacity=2,
    )
