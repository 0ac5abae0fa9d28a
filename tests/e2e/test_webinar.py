"""A live webinar in two browsers: a participant asks a question, the moderator sees it
appear without reloading, an upvote moves it to the top, and "Beantwoord" marks it answered
in both browsers. axe-core checks every page visited, also after the list has changed."""

import datetime as dt

import pytest
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread
from django.utils import timezone
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from kennisnetwerk.accounts.models import Membership, RegionRole
from kennisnetwerk.accounts.tests.factories import OrganisationFactory, RegionFactory
from kennisnetwerk.community import services_live
from kennisnetwerk.community.models_live import LiveQuestion
from kennisnetwerk.learning.constants import MemberRole, RegistrationStatus, SessionFormat
from kennisnetwerk.learning.models import Registration
from kennisnetwerk.learning.tests.factories import ProgrammeFactory, SessionFactory, add_member

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


class _SerialServer(WSGIServer):
    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


class _SerialServerThread(LiveServerThread):
    server_class = _SerialServer


@pytest.fixture(scope="module")
def live_server():
    """The live server answering one request at a time. Two browsers polling at once would
    otherwise use the test's in-memory SQLite connection from two threads at the same time
    (the threaded live server shares it), which hangs; the production server gives every
    worker its own connection."""
    server = LiveServer("localhost", start=False)
    shared = server.thread
    server.thread = _SerialServerThread(
        shared.host,
        static_handler=shared.static_handler,
        connections_override=shared.connections_override,
        port=shared.port,
    )
    server.thread.daemon = True
    server.start()
    yield server
    server.stop()


QUESTION = "Hoe vinden kleine maakbedrijven technisch personeel?"


@pytest.fixture
def world(make_user):
    region = RegionFactory(name="Regio Zwolle", slug="regio-zwolle", municipalities=["Zwolle"])
    organisation = OrganisationFactory(name="Gemeente Zwolle (fictief)", slug="gemeente-zwolle")
    moderator = make_user("kern@zwolle.example", "Kees Kernteam")
    RegionRole.objects.create(user=moderator, region=region, role="coordinator")
    programme = ProgrammeFactory(title="Webinars Regio Zwolle", slug="webinars-zwolle")
    programme.regions.set([region])
    add_member(programme, moderator, MemberRole.CORE_TEAM)
    now = timezone.now()
    webinar = SessionFactory(
        programme=programme,
        title="Webinar: personeel in de maakindustrie",
        formats=[SessionFormat.WEBINAR],
        online_url="https://vergaderen.example/webinar-zwolle",
        place="",
        starts_at=now - dt.timedelta(minutes=5),
        ends_at=now + dt.timedelta(hours=1),
        capacity=100,
        organiser=moderator,
    )
    people = []
    for email, name in (
        ("pien@zwolle.example", "Pien Praktijk"),
        ("bas@zwolle.example", "Bas Beleid"),
    ):
        user = make_user(email, name)
        Membership.objects.create(user=user, organisation=organisation, role="member")
        add_member(programme, user)
        Registration.objects.create(
            session=webinar, user=user, name=name, email=email, status=RegistrationStatus.REGISTERED
        )
        people.append(user)
    # An earlier question, so that the new one starts second.
    services_live.live_question_ask(
        session=webinar, author=people[1], text="Welke subsidies zijn er voor opleiden?"
    )
    return {"moderator": moderator, "participant": people[0], "webinar": webinar}


def test_a_question_appears_is_upvoted_to_the_top_and_marked_answered(
    browser, live_server, context, world, log_in, assert_accessible
):
    webinar = world["webinar"]
    # Generous waits: on a busy shared machine one page can take several seconds.
    context.set_default_timeout(45_000)
    moderator_page = context.new_page()
    log_in(moderator_page, world["moderator"].email)
    moderator_page.goto(f"/leren/bijeenkomsten/{webinar.pk}/")
    assert_accessible(moderator_page)
    moderator_page.get_by_role("link", name="Open de livepagina (modereren)").click()
    expect(moderator_page.get_by_role("heading", level=1)).to_contain_text("Live:")
    meeting = moderator_page.get_by_role("link", name="Open de vergadering")
    expect(meeting).to_have_attribute("href", "https://vergaderen.example/webinar-zwolle")
    expect(meeting).to_have_attribute("target", "_blank")
    assert_accessible(moderator_page)
    # A mark on the window: it disappears if the page is ever reloaded.
    moderator_page.evaluate("window.notReloaded = true")

    participant_context = browser.new_context(
        base_url=live_server.url, bypass_csp=True, locale="nl-NL"
    )
    participant_context.set_default_timeout(45_000)
    try:
        participant_page = participant_context.new_page()
        log_in(participant_page, world["participant"].email)
        participant_page.goto(f"/ontmoeten/webinars/{webinar.pk}/live/")
        assert_accessible(participant_page)
        # An empty question is refused with a Dutch message.
        participant_page.get_by_role("button", name="Vraag stellen").click()
        expect(participant_page.get_by_text("Typ eerst uw vraag.")).to_be_visible()
        assert_accessible(participant_page)
        participant_page.get_by_label("Uw vraag").fill(QUESTION)
        participant_page.get_by_role("button", name="Vraag stellen").click()
        expect(participant_page.get_by_text("Uw vraag is toegevoegd.")).to_be_visible()
        assert_accessible(participant_page)

        # The moderator sees the question appear without reloading, below the older one.
        questions = moderator_page.locator("#live-questions ol").first.locator(
            ":scope > li .kn-live-question__text"
        )
        expect(questions).to_have_text(["Welke subsidies zijn er voor opleiden?", QUESTION])
        assert moderator_page.evaluate("window.notReloaded") is True
        assert_accessible(moderator_page)

        # An upvote puts it on top, in the moderator's browser and (by polling) the participant's.
        # (By its id: the other question's merge list names this one too.)
        asked = moderator_page.locator(f"#vraag-{LiveQuestion.objects.get(text=QUESTION).pk}")
        asked.get_by_role("button", name="Stem").click()
        expect(questions).to_have_text([QUESTION, "Welke subsidies zijn er voor opleiden?"])
        expect(moderator_page.locator(".kn-live-question").first).to_contain_text("1 stem")
        participant_list = participant_page.locator("#live-questions ol").first.locator(
            ":scope > li .kn-live-question__text"
        )
        expect(participant_list).to_have_text([QUESTION, "Welke subsidies zijn er voor opleiden?"])
        assert_accessible(participant_page)

        # "Beantwoord" marks it answered, with a short answer.
        asked.get_by_label("Kort antwoord (optioneel)").fill(
            "Samen opleiden met het ROC, zie de dia's."
        )
        asked.get_by_role("button", name="Beantwoord").click()
        answered = moderator_page.get_by_role("list", name="Beantwoorde vragen")
        expect(answered).to_contain_text(QUESTION)
        expect(answered).to_contain_text("Samen opleiden met het ROC")
        assert moderator_page.evaluate("window.notReloaded") is True
        assert_accessible(moderator_page)
        expect(participant_page.get_by_role("list", name="Beantwoorde vragen")).to_contain_text(
            QUESTION
        )
        assert_accessible(participant_page)
    finally:
        participant_context.close()
