"""Test data of learning together."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from kennisnetwerk.accounts.tests.factories import OrganisationFactory, RegionFactory
from kennisnetwerk.learning.constants import MemberRole, ProgrammeKind
from kennisnetwerk.learning.models import (
    LearningQuestion,
    PracticeExample,
    Programme,
    ProgrammeDocument,
    ProgrammeMember,
    RegionApplication,
    Session,
)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    title = factory.Sequence(lambda n: f"Community of Practice {n}")
    slug = factory.Sequence(lambda n: f"cop-{n}")
    kind = ProgrammeKind.COMMUNITY


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    starts_at = factory.LazyFunction(
        lambda: timezone.now().replace(second=0, microsecond=0) + dt.timedelta(days=10)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=3))
    place = "Gemeentehuis Oss, Raadhuislaan 10"
    capacity = 20


class PracticeExampleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeExample

    title = factory.Sequence(lambda n: f"Praktijkvoorbeeld {n}")
    slug = factory.Sequence(lambda n: f"praktijkvoorbeeld-{n}")
    organisation = factory.SubFactory(OrganisationFactory)
    region = factory.SubFactory(RegionFactory)
    summary = "Een korte samenvatting."
    approach = "Zo pakten we het aan."


def add_member(programme: Programme, user, role: str = MemberRole.PARTICIPANT) -> ProgrammeMember:
    membership = user.memberships.select_related("organisation").first()
    return ProgrammeMember.objects.create(
        programme=programme,
        user=user,
        role=role,
        organisation=membership.organisation if membership else None,
    )


def url_access_samples(region, organisation) -> dict[str, dict]:
    """Objects in ``region`` for the URL access test, by URL name."""
    programme = ProgrammeFactory(slug="cop-thuisregio")
    programme.regions.set([region])
    session = SessionFactory(programme=programme)
    # Attendance and the report are for a session that took place.
    now = timezone.now().replace(second=0, microsecond=0)
    held = SessionFactory(
        programme=programme,
        starts_at=now - dt.timedelta(days=2),
        ends_at=now - dt.timedelta(days=2) + dt.timedelta(hours=3),
    )
    example = PracticeExampleFactory(
        slug="voorbeeld-thuisregio", organisation=organisation, region=region
    )
    question = LearningQuestion.objects.create(
        title="Hoe bereiken we de achterblijvers?", region=region
    )
    # An application the facilitator asked more about: its applicant (the region's
    # coordinator) can supplement it.
    from kennisnetwerk.accounts.tests.factories import make_coordinator
    from kennisnetwerk.learning.constants import ApplicationStatus

    application = RegionApplication.objects.create(
        region=region,
        motivation="Urgentie",
        administrative_drive="Wethouder",
        status=ApplicationStatus.MORE_INFO,
        submitted_by=make_coordinator(region, email="aanvrager@voorbeeld.example"),
    )
    document = ProgrammeDocument.objects.create(
        programme=programme,
        title="Plan van aanpak",
        file="learning/documents/ontbreekt.pdf",
        filename="plan.pdf",
        content_type="application/pdf",
        size=10,
    )
    by_slug = {"slug": programme.slug}
    by_session = {"pk": session.pk}
    return {
        **{
            f"learning:{name}": by_slug
            for name in (
                "programme",
                "programme_edit",
                "directory",
                "members_manage",
                "visibility",
                "session_create",
                "documents",
            )
        },
        **{
            f"learning:{name}": by_session
            for name in (
                "session",
                "session_edit",
                "session_cancel",
                "register",
                "guest_invite",
            )
        },
        **{
            f"learning:{name}": {"pk": held.pk}
            for name in ("attendance", "attendance_xlsx", "report_edit", "report_slides")
        },
        "learning:document": {"pk": document.pk},
        "learning:document_remove": {"pk": document.pk},
        "learning:practice": {"slug": example.slug},
        "learning:practice_edit": {"slug": example.slug},
        "learning:question": {"pk": question.pk},
        "learning:question_answer": {"pk": question.pk},
        "learning:application": {"pk": application.pk},
        "learning:application_edit": {"pk": application.pk},
        "api:get_programme": {"slug": programme.slug},
        "api:list_programme_sessions": {"slug": programme.slug},
        "api:get_session": {"session_id": session.pk},
        "api:register_for_session": {"session_id": session.pk},
        "api:cancel_session_registration": {"session_id": session.pk},
        "api:get_practice_example": {"slug": example.slug},
    }
