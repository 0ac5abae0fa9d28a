"""Test data of conversations: a Community of Practice in Noordoost-Brabant with a core
team member, two participants and a coordinator of the region, and an outsider (a
coordinator and party member of another region)."""

from __future__ import annotations

from dataclasses import dataclass

from kennisnetwerk.accounts.models import User
from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    UserFactory,
    make_coordinator,
    make_member,
)
from kennisnetwerk.community import services
from kennisnetwerk.community.models import Post, Thread
from kennisnetwerk.learning.constants import MemberRole
from kennisnetwerk.learning.models import Programme
from kennisnetwerk.learning.tests.factories import ProgrammeFactory, add_member


@dataclass
class Cop:
    programme: Programme
    core: User
    anna: User
    bram: User
    coordinator: User
    outsider: User


def make_cop() -> Cop:
    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss"])
    other = RegionFactory(name="Andere regio", municipalities=["Leiden"])
    party = OrganisationFactory(name="Gemeente Oss (fictief)")
    programme = ProgrammeFactory(title="CoP Digitalisering mkb", slug="cop-digitalisering")
    programme.regions.set([region])
    core = make_member(party, full_name="Karin Kernteam")
    anna = make_member(party, full_name="Anna de Vries")
    bram = make_member(OrganisationFactory(), full_name="Bram Jansen")
    add_member(programme, core, MemberRole.CORE_TEAM)
    add_member(programme, anna)
    add_member(programme, bram)
    coordinator = make_coordinator(region, full_name="Cor Coördinator")
    outsider = make_coordinator(other, full_name="Olga Buiten")
    elsewhere = OrganisationFactory(name="Partij elders")
    elsewhere.municipality = other.municipalities.get()
    elsewhere.save()
    elsewhere.memberships.create(user=outsider, role="member")
    return Cop(programme, core, anna, bram, coordinator, outsider)


def make_entrepreneur() -> User:
    from kennisnetwerk.accounts.models import EntrepreneurProfile

    user = UserFactory(full_name="Eva Ondernemer")
    EntrepreneurProfile.objects.create(user=user, company_name="Eva's Bakkerij")
    return user


def make_topic(
    cop: Cop,
    *,
    author: User | None = None,
    title: str = "Hoe bereiken we zzp'ers?",
    text: str = "Wie heeft ervaring met het bereiken van zzp'ers?",
) -> Thread:
    return services.topic_create(
        programme=cop.programme,
        title=title,
        data=services.PostData(text=text),
        actor=author or cop.anna,
    )


def make_reply(thread: Thread, author: User, text: str = "Via de bibliotheek werkt goed.") -> Post:
    return services.post_create(thread=thread, data=services.PostData(text=text), actor=author)
