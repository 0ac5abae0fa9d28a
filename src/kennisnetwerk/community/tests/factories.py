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


def _live_samples():
    """A webinar of the home region's programme with a question (community)."""
    from kennisnetwerk.community.models_live import LiveQuestion
    from kennisnetwerk.learning.models import Programme
    from kennisnetwerk.learning.tests.factories import SessionFactory

    webinar = SessionFactory(
        programme=Programme.objects.get(slug="cop-thuisregio"), formats=["webinar"]
    )
    question = LiveQuestion.objects.create(session=webinar, text="Vraag")
    samples = {f"community:{name}": {"pk": webinar.pk} for name in ("live", "live_ask")}
    for name in ("live_vote", "live_answer", "live_hide", "live_merge"):
        samples[f"community:{name}"] = {"pk": question.pk}
    return samples


def _community_samples():
    """A topic in the home region's programme with a post, an attachment and a report, and
    the thread under its session (community)."""
    from kennisnetwerk.community.models import PostAttachment, PostReport, Thread
    from kennisnetwerk.learning.models import Programme

    programme = Programme.objects.get(slug="cop-thuisregio")
    thread = Thread.objects.create(kind="topic", programme=programme, title="Onderwerp")
    post = thread.posts.create(source="Tekst", html="<p>Tekst</p>")
    attachment = PostAttachment.objects.create(
        post=post,
        file="community/attachments/ontbreekt.pdf",
        filename="a.pdf",
        content_type="application/pdf",
        size=9,
    )
    report = PostReport.objects.create(post=post, reason="Reclame")
    by_thread = {"pk": thread.pk}
    by_post = {"pk": post.pk}
    samples = {
        "community:programme": {"slug": programme.slug},
        "community:topic_create": {"slug": programme.slug},
        "community:subject_thread": {"kind": "bijeenkomst", "pk": programme.sessions.first().pk},
        "community:attachment": {"pk": attachment.pk},
        "community:report_dismiss": {"pk": report.pk},
    }
    for name in ("thread", "reply", "mention_suggestions", "thread_follow", "thread_lock",
                 "thread_move"):  # fmt: skip
        samples[f"community:{name}"] = by_thread
    for name in ("post", "post_edit", "post_report", "post_hide", "post_unhide", "post_accept"):
        samples[f"community:{name}"] = by_post
    return samples


def url_access_samples(region, organisation) -> dict[str, dict]:
    """Objects for the URL walks (core/tests/url_walk.py): a webinar with a question, and a
    topic with a post, an attachment and a report, in the programme of learning's samples."""
    return {**_live_samples(), **_community_samples()}
