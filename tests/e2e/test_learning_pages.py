"""The other pages of learning together, as a member, an organiser and an invited guest see
them, each checked with axe-core: directory and its choices, sessions, attendance, the
library, learning questions, suggestions, and the guest's registration through the link."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kennisnetwerk.accounts.models import Membership, RegionRole
from kennisnetwerk.accounts.tests.factories import OrganisationFactory, RegionFactory
from kennisnetwerk.ecosystem.models import Theme
from kennisnetwerk.learning import services, services_sessions
from kennisnetwerk.learning.constants import MemberRole
from kennisnetwerk.learning.links import invitation_token
from kennisnetwerk.learning.models import LearningQuestion, Programme

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


@pytest.fixture
def world(make_user, smtp_server):
    region = RegionFactory(name="Regio Zwolle", slug="regio-zwolle", municipalities=["Zwolle"])
    organisation = OrganisationFactory(name="Gemeente Zwolle (fictief)", slug="gemeente-zwolle")
    organiser = make_user("kern@zwolle.example", "Kees Kernteam")
    RegionRole.objects.create(user=organiser, region=region, role="coordinator")
    member = make_user("lid@zwolle.example", "Lotte Lid")
    Membership.objects.create(user=member, organisation=organisation, role="member")
    themes = list(Theme.objects.filter(slug__in=["innovatie", "bedrijfsopvolging"]))
    programme = services.programme_create(
        data=services.ProgrammeData(
            title="Community of Practice Regio Zwolle",
            kind="cop",
            regions=[region],
            themes=themes,
            goals="Drie gedeelde prioriteiten.",
        ),
        actor=organiser,
    )
    services.member_add(programme=programme, user=organiser, role=MemberRole.CORE_TEAM, actor=None)
    services.member_add(programme=programme, user=member, themes=themes, actor=None)
    start = timezone.now().replace(second=0, microsecond=0) + dt.timedelta(days=5)
    session = services_sessions.session_create(
        programme=programme,
        data=services_sessions.SessionData(
            title="De bestuurstafel in de praktijk",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=2),
            capacity=1,
            place="Provinciehuis Zwolle",
            online_url="https://vergaderen.example/zwolle",
            formats=["intervisie"],
            organiser=organiser,
            guest_experts=[
                services_sessions.GuestExpertData(name="Dr. A. Gast", topic="Leiderschap")
            ],
            agenda=[services_sessions.AgendaItemData(title="Welkom", starts=dt.time(13, 30))],
            logistics=[services_sessions.LogisticsData(kind="locatie", organisation=organisation)],
        ),
        actor=organiser,
    )
    services_sessions.session_register(
        session=session, user=member, name="Lotte Lid", email=member.email
    )
    services_sessions.report_save(
        session=session,
        data=services_sessions.ReportData(
            minutes="Verslag van de bestuurstafel.",
            lessons=[
                services_sessions.LessonData(kind="doen", text="Geef elke prioriteit een trekker")
            ],
            agreements=[
                services_sessions.AgreementData(
                    description="Werkconferentie voorbereiden",
                    owner_organisation=organisation,
                    due_date=timezone.localdate() + dt.timedelta(days=30),
                )
            ],
        ),
        actor=organiser,
        now=session.ends_at,
    )
    example = services.practice_create(
        data=services.PracticeData(
            title="De bestuurstafel",
            organisation=organisation,
            region=region,
            summary="Bestuurders aan één tafel.",
            approach="Vier keer per jaar.",
            themes=themes,
        ),
        actor=organiser,
    )
    question = services.question_create(
        data=services.QuestionData(
            title="Hoe houden we bestuurders betrokken?", region=region, themes=themes
        ),
        actor=member,
    )
    return {
        "organiser": organiser,
        "member": member,
        "programme": programme,
        "session": session,
        "example": example,
        "question": question,
        "region": region,
    }


def test_the_pages_of_learning_together_are_accessible(page, world, log_in, assert_accessible):
    programme: Programme = world["programme"]
    session = world["session"]
    question: LearningQuestion = world["question"]
    log_in(page, world["member"].email)
    for path, heading in [
        (f"/leren/programmas/{programme.slug}/", programme.title),
        (f"/leren/programmas/{programme.slug}/leden/", f"Leden van {programme.title}"),
        (f"/leren/programmas/{programme.slug}/mijn-gegevens/", "Wat anderen van mij zien"),
        (f"/leren/bijeenkomsten/{session.pk}/", session.title),
        ("/leren/praktijkvoorbeelden/?q=bestuurders", "Bibliotheek met praktijkvoorbeelden"),
        (f"/leren/praktijkvoorbeelden/{world['example'].slug}/", "De bestuurstafel"),
        ("/leren/praktijkvoorbeelden/nieuw/", "Een praktijkvoorbeeld toevoegen"),
        ("/leren/leervragen/", "Leervragen"),
        (f"/leren/leervragen/{question.pk}/", question.title),
        ("/leren/leervragen/nieuw/", "Een leervraag stellen"),
        (f"/leren/van-elkaar-leren/?regio={world['region'].slug}", "Wie kan van wie leren"),
    ]:
        page.goto(path)
        expect(page.locator("h1")).to_have_text(heading)
        assert_accessible(page)
    page.goto(f"/leren/bijeenkomsten/{session.pk}/")
    expect(page.get_by_role("link", name="https://vergaderen.example/zwolle")).to_be_visible()

    page.context.clear_cookies()
    log_in(page, world["organiser"].email)
    for path, heading in [
        (f"/leren/bijeenkomsten/{session.pk}/", session.title),
        (f"/leren/bijeenkomsten/{session.pk}/bewerken/", f"{session.title} wijzigen"),
        (f"/leren/bijeenkomsten/{session.pk}/aanwezigheid/", "Aanwezigheid registreren"),
        (f"/leren/bijeenkomsten/{session.pk}/gast-uitnodigen/", "Een gast uitnodigen"),
        (f"/leren/bijeenkomsten/{session.pk}/verslag/", f"Verslag van {session.title}"),
        (f"/leren/programmas/{programme.slug}/leden/beheer/", "Leden beheren"),
        (f"/leren/programmas/{programme.slug}/bewerken/", f"{programme.title} wijzigen"),
    ]:
        page.goto(path)
        expect(page.locator("h1")).to_have_text(heading)
        assert_accessible(page)

    # A guest with an invitation: the session is full, so the guest joins the waiting list.
    page.context.clear_cookies()
    token = invitation_token(session=session, email="gast@voorbeeld.example", name="Gijs Gast")
    page.goto(f"/leren/gast/{token}/")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_text("U staat op de wachtlijst.", exact=True)).to_be_visible()
    assert_accessible(page)
    page.goto("/leren/gast/ongeldig/")
    expect(page.locator("h1")).to_have_text("Deze link werkt niet")
    assert_accessible(page)
