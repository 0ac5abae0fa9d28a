"""A webinar of a Community of Practice with a moderator (core team), registered
participants, someone on the waiting list and outsiders, for the tests of the live page.
Test modules import these fixtures with ``from .live_fixtures import *``."""

import datetime as dt

import pytest
from django.utils import timezone

from kennisnetwerk.accounts.models import EntrepreneurProfile
from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    UserFactory,
    make_coordinator,
    make_member,
)
from kennisnetwerk.learning.constants import MemberRole, RegistrationStatus, SessionFormat
from kennisnetwerk.learning.models import Registration
from kennisnetwerk.learning.tests.factories import ProgrammeFactory, SessionFactory, add_member


def register(session, user, status=RegistrationStatus.REGISTERED) -> Registration:
    return Registration.objects.create(
        session=session, user=user, name=user.full_name, email=user.email, status=status
    )


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def region(reference_data):
    return RegionFactory(name="Noordoost-Brabant", slug="noordoost-brabant", municipalities=["Oss"])


@pytest.fixture
def organisation(region):
    return OrganisationFactory(name="Gemeente Oss (fictief)", slug="gemeente-oss")


@pytest.fixture
def programme(region):
    programme = ProgrammeFactory(title="CoP Noordoost-Brabant", slug="cop-noordoost-brabant")
    programme.regions.set([region])
    return programme


@pytest.fixture
def moderator(programme, organisation):
    user = make_member(organisation, email="kernteam@oss.example", full_name="Anouk Kernteam")
    add_member(programme, user, MemberRole.CORE_TEAM)
    return user


@pytest.fixture
def webinar(programme, moderator):
    """A webinar running now (started ten minutes ago, one hour to go)."""
    now = timezone.now()
    return SessionFactory(
        programme=programme,
        title="Webinar: personeel vinden en binden",
        formats=[SessionFormat.WEBINAR],
        online_url="https://vergaderen.example/webinar-personeel",
        place="",
        starts_at=now - dt.timedelta(minutes=10),
        ends_at=now + dt.timedelta(hours=1),
        capacity=50,
        organiser=moderator,
    )


@pytest.fixture
def participants(programme, organisation, webinar):
    people = []
    for n in range(3):
        user = make_member(
            organisation, email=f"deelnemer{n}@oss.example", full_name=f"Deelnemer {n}"
        )
        add_member(programme, user)
        register(webinar, user)
        people.append(user)
    return people


@pytest.fixture
def waiting(programme, organisation, webinar):
    """A member of the programme on the waiting list: not registered."""
    user = make_member(organisation, email="wachtend@oss.example", full_name="Wim Wachtend")
    add_member(programme, user)
    register(webinar, user, RegistrationStatus.WAITING)
    return user


@pytest.fixture
def member_not_registered(programme, organisation):
    user = make_member(organisation, email="lid@oss.example", full_name="Lotte Lid")
    add_member(programme, user)
    return user


@pytest.fixture
def outsider(reference_data):
    other = RegionFactory(name="Andere regio", slug="andere-regio", municipalities=["Leiden"])
    return make_coordinator(other, email="buiten@leiden.example", full_name="Bo Buiten")


@pytest.fixture
def entrepreneur(reference_data):
    user = UserFactory(email="ondernemer@bakkerij.example", full_name="Eva Ondernemer")
    EntrepreneurProfile.objects.create(user=user, company_name="Bakkerij Eva")
    return user


__all__ = [
    "_media",
    "entrepreneur",
    "member_not_registered",
    "moderator",
    "organisation",
    "outsider",
    "participants",
    "programme",
    "region",
    "register",
    "waiting",
    "webinar",
]
