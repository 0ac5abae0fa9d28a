"""The learning app's events reach the right people only: a new session, document or learning
question in my programme; a registration moved up from the waiting list; a region's
application submitted (to the facilitators) and decided (to the applicant, with the reason).
Never the actor, never someone who may not see the object."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kennisnetwerk.accounts.tests.factories import (
    UserFactory,
    make_coordinator,
    make_facilitator,
    make_member,
)
from kennisnetwerk.ecosystem.models import Theme
from kennisnetwerk.learning import services
from kennisnetwerk.learning import services_sessions as sessions
from kennisnetwerk.learning.constants import ApplicationStatus
from kennisnetwerk.notifications.models import Notification
from kennisnetwerk.notifications.services import follow_set

from .factories import ProgrammeFactory, add_member

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def call(fn, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(**kwargs)

    return call


def _recipients(kind):
    return set(Notification.objects.filter(kind=kind).values_list("recipient_id", flat=True))


@pytest.fixture
def other_programme_member(organisation):
    other = ProgrammeFactory(title="Intervisie elders", slug="intervisie-elders")
    user = make_member(organisation, email="elders@oss.example")
    add_member(other, user)
    return user


def test_a_new_session_reaches_the_programme_but_not_the_actor_nor_outsiders(
    run, programme, organiser, members, outsider, other_programme_member, smtp_server
):
    starts = timezone.now().replace(microsecond=0) + dt.timedelta(days=20)
    follower = make_coordinator(programme.regions.get())  # may see it and follows it
    follow_set(user=follower, target=programme, follow=True)
    follow_set(user=outsider, target=programme, follow=True)  # may not see it: ignored
    session = run(
        sessions.session_create,
        programme=programme,
        data=sessions.SessionData(
            title="Bijeenkomst 4: data delen",
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=2),
            capacity=20,
            place="Gemeentehuis Oss",
        ),
        actor=organiser,
    )
    expected = {m.pk for m in members} | {follower.pk}
    assert _recipients("learning.session_new") == expected
    notification = Notification.objects.filter(recipient=members[0]).get()
    assert "Bijeenkomst 4: data delen" in notification.title
    assert notification.url == f"/leren/bijeenkomsten/{session.pk}/"
    # Instant by default: each member has the mail.
    assert {m["To"] for m in smtp_server.wait_for(5)} == {u.email for u in [*members, follower]}


def test_a_new_document_and_a_learning_question(
    run, programme, organiser, members, outsider, reference_data
):
    run(
        services.programme_document_add,
        programme=programme,
        title="Plan van aanpak",
        upload=SimpleUploadedFile("plan.pdf", PDF),
        actor=organiser,
    )
    assert _recipients("learning.document_new") == {m.pk for m in members}
    # A question in the programme, and professionals who follow its theme; an entrepreneur
    # who follows the theme may not see learning questions and is not told.
    theme = Theme.objects.get(slug="digitalisering")
    theme_follower = make_coordinator(outsider.region_roles.get().region)
    entrepreneur = UserFactory()
    follow_set(user=theme_follower, target=theme, follow=True)
    follow_set(user=entrepreneur, target=theme, follow=True)
    run(
        services.question_create,
        data=services.QuestionData(
            title="Hoe betrekken we de kleinste bedrijven?", programme=programme, themes=[theme]
        ),
        actor=members[0],
    )
    assert _recipients("learning.question_new") == (
        {m.pk for m in members[1:]} | {organiser.pk, theme_follower.pk}
    )


def test_moving_up_from_the_waiting_list_is_notified(run, session, members, smtp_server):
    first = run(sessions.session_register, session=session, user=members[0],
                name="a", email=members[0].email, actor=members[0])  # fmt: skip
    run(sessions.session_register, session=session, user=members[1],
        name="b", email=members[1].email, actor=members[1])  # fmt: skip
    run(sessions.session_register, session=session, user=members[2],
        name="c", email=members[2].email, actor=members[2])  # fmt: skip
    assert not Notification.objects.filter(kind="learning.registration_promoted").exists()
    run(sessions.registration_cancel, registration=first, actor=members[0])
    [notification] = Notification.objects.filter(kind="learning.registration_promoted")
    assert notification.recipient_id == members[2].pk
    assert session.title in notification.title
    assert notification.channel == "centre"  # the registration mail already tells them


def test_an_application_to_the_facilitators_and_its_decision_to_the_applicant(
    run, region, smtp_server
):
    applicant = make_coordinator(region, email="coordinator@nob.example")
    facilitators = [make_facilitator(), make_facilitator()]
    bystander = make_coordinator(region)
    application = run(
        services.application_submit,
        data=services.ApplicationData(
            region=region,
            motivation="Het mkb digitaliseert te traag.",
            administrative_drive="De wethouders economie.",
            themes=[Theme.objects.get(slug="digitalisering")],
            key_persons=[
                services.KeyPersonData("Joris", "Regio", "coordinator@nob.example"),
                services.KeyPersonData("Ilse", "Gemeente Oss", "ilse@oss.example"),
                services.KeyPersonData("Karim", "BOM", "karim@bom.example"),
            ],
        ),
        actor=applicant,
    )
    assert _recipients("learning.application_submitted") == {f.pk for f in facilitators}
    assert bystander.pk not in _recipients("learning.application_submitted")
    run(
        services.application_review,
        application=application,
        decision=ApplicationStatus.DECLINED,
        note="Er loopt al een vergelijkbare CoP in de buurregio.",
        actor=facilitators[0],
    )
    [decided] = Notification.objects.filter(kind="learning.application_decided")
    assert decided.recipient_id == applicant.pk
    assert "afgewezen" in decided.title.lower() or "Afgewezen" in decided.title
    assert "Er loopt al een vergelijkbare CoP in de buurregio." in decided.body
    mails = {m["To"]: m for m in smtp_server.wait_for(3)}
    assert (
        "Er loopt al een vergelijkbare CoP"
        in mails[applicant.email].get_body(("plain",)).get_content()
    )
