"""Learning together in the browser: a region applies, a network facilitator accepts (the
programme is created with the applicant in its core team), the coordinator plans a session
and adds a member, the member registers, the coordinator writes the report with a lesson
and a follow-up agreement, and a member of another region finds the lesson through search.
axe-core checks every page on the way."""

import datetime as dt

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import Browser, Page, expect

from kennisnetwerk.accounts.models import Membership, RegionRole
from kennisnetwerk.accounts.tests.factories import OrganisationFactory, RegionFactory
from kennisnetwerk.learning.models import Lesson, Registration, Session, SessionAgreement

from .test_two_factor import TOTP_SECRET, current_totp_code, submit_code

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def _new_page(browser: Browser, base_url: str) -> Page:
    context = browser.new_context(base_url=base_url, bypass_csp=True, locale="nl-NL")
    context.set_default_timeout(10_000)
    return context.new_page()


def test_apply_accept_register_report_and_find_the_lesson(
    page, browser, live_server, make_user, log_in, assert_accessible, smtp_server
):
    region = RegionFactory(
        name="Noordoost-Brabant", slug="noordoost-brabant", municipalities=["Oss", "Maashorst"]
    )
    gemeente = OrganisationFactory(name="Gemeente Oss (fictief)", slug="gemeente-oss")
    coordinator = make_user("joris@nob.example", "Joris van Dijk")
    RegionRole.objects.create(user=coordinator, region=region, role="coordinator")
    member = make_user("fatma@oss.example", "Fatma Yilmaz")
    Membership.objects.create(user=member, organisation=gemeente, role="member")
    facilitator = make_user("noor@netwerk.example", "Noor Visser", is_staff=True)
    TOTP.activate(facilitator, TOTP_SECRET)
    elsewhere = RegionFactory(name="Zuid-Holland (test)", slug="zh-test", municipalities=["Leiden"])
    reader = make_user("sanne@zh.example", "Sanne Bakker")
    RegionRole.objects.create(user=reader, region=elsewhere, role="coordinator")

    # 1. The coordinator applies on behalf of the region.
    log_in(page, coordinator.email)
    page.goto("/leren/")
    assert_accessible(page)
    page.get_by_role("link", name="Aanmelden als regio").first.click()
    expect(page.locator("h1")).to_have_text("Aanmelden als regio")
    page.get_by_label("Motivatie en urgentie").fill(
        "Partijen werken langs elkaar heen; het mkb vindt de weg niet."
    )
    page.get_by_label("Bestuurlijke trekkracht").fill(
        "De wethouders economie van Oss en Maashorst."
    )
    page.get_by_label("Menselijk kapitaal / leven lang ontwikkelen").check()
    # One key person only: refused, with the reason, and nothing saved.
    page.locator("#id_key_1_name").fill("Joris van Dijk")
    page.locator("#id_key_1_organisation").fill("Regio Noordoost-Brabant")
    page.locator("#id_key_1_email").fill(coordinator.email)
    with page.expect_navigation():
        page.get_by_role("button", name="Aanmelding indienen").click()
    expect(page.get_by_text("Noem ten minste 3 sleutelpersonen")).to_be_visible()
    assert_accessible(page)
    for n, (name, organisation, email) in enumerate(
        [
            ("Ilse de Vries", "Gemeente Oss", "ilse@oss.example"),
            ("Karim Aziz", "BOM", "k@bom.example"),
        ],
        start=2,
    ):
        page.locator(f"#id_key_{n}_name").fill(name)
        page.locator(f"#id_key_{n}_organisation").fill(organisation)
        page.locator(f"#id_key_{n}_email").fill(email)
    page.get_by_label("De regio zorgt voor een locatie").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Aanmelding indienen").click()
    expect(page.locator("h1")).to_have_text("Aanmelding van Noordoost-Brabant")
    expect(page.locator(".kn-badge", has_text="Ingediend")).to_be_visible()
    assert_accessible(page)

    # 2. The facilitator accepts; the programme is created.
    staff = _new_page(browser, live_server.url)
    log_in(staff, facilitator.email)
    submit_code(staff, current_totp_code())
    staff.goto("/leren/aanmeldingen/")
    assert_accessible(staff)
    staff.get_by_role("link", name="Noordoost-Brabant").click()
    staff.get_by_label("Accepteren: het programma aanmaken").check()
    assert_accessible(staff)
    with staff.expect_navigation():
        staff.get_by_role("button", name="Besluit opslaan").click()
    expect(staff.locator("h1")).to_have_text("Community of Practice Noordoost-Brabant")
    expect(staff.get_by_text("De aanmelding is geaccepteerd")).to_be_visible()
    programme_url = staff.url
    staff.context.close()

    # 3. The coordinator (now core team) plans a session and adds a member.
    page.goto(programme_url)
    assert_accessible(page)
    page.get_by_role("link", name="Leden beheren").click()
    page.get_by_label("E-mailadres van de persoon").fill(member.email)
    with page.expect_navigation():
        page.get_by_role("button", name="Toevoegen").click()
    expect(page.get_by_text("Fatma Yilmaz is nu lid.")).to_be_visible()
    assert_accessible(page)
    page.goto(programme_url)
    page.get_by_role("link", name="Een bijeenkomst plannen").click()
    start = timezone.localtime() + dt.timedelta(days=14)
    page.get_by_label("Titel").fill("Personeel vinden en binden")
    page.get_by_label("Begint om").fill(start.strftime("%Y-%m-%dT13:30"))
    page.get_by_label("Eindigt om").fill(start.strftime("%Y-%m-%dT16:30"))
    page.locator("#id_place").fill("Gemeentehuis Oss")
    page.get_by_label("Aantal plaatsen").fill("20")
    page.get_by_label("Projectbezoek").check()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("h1")).to_have_text("Personeel vinden en binden")
    session_url = page.url

    # 4. The member registers and gets the confirmation with the calendar entry.
    other = _new_page(browser, live_server.url)
    log_in(other, member.email)
    other.goto(session_url)
    assert_accessible(other)
    with other.expect_navigation():
        other.get_by_role("button", name="Aanmelden").click()
    expect(other.get_by_text("U bent aangemeld.", exact=True)).to_be_visible()
    assert_accessible(other)
    mail = smtp_server.wait_for(1)[-1]
    assert mail["To"] == member.email
    ics = next(p for p in mail.iter_attachments() if p.get_content_type() == "text/calendar")
    event = Calendar.from_ical(ics.get_content()).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Personeel vinden en binden"
    assert Registration.objects.get().status == "aangemeld"
    other.context.close()

    # 5. Once the session has begun, the organiser writes the report with a lesson and an
    # agreement (before the start the page offers no report).
    page.goto(session_url)
    expect(page.get_by_role("link", name="Verslag schrijven")).to_have_count(0)
    begun = timezone.now().replace(microsecond=0) - dt.timedelta(hours=1)
    Session.objects.filter(pk=Registration.objects.get().session_id).update(
        starts_at=begun, ends_at=begun + dt.timedelta(hours=3)
    )
    page.goto(session_url)
    page.get_by_role("link", name="Verslag schrijven").click()
    page.get_by_label("Verslag", exact=True).fill("We bespraken hoe werkgevers samen opleiden.")
    lesson = page.get_by_role("group", name="Les 1", exact=True)
    lesson.get_by_label("Doen of niet doen").select_option("doen")
    page.locator("#id_les-0-text").fill("Begin bij de vraag van de werkgever")
    lesson.get_by_label("Context").fill("Geldt voor de maakindustrie.")
    agreement = page.get_by_role("group", name="Afspraak 1", exact=True)
    agreement.get_by_label("Wat").fill("Pilot zij-instroom opzetten met drie werkgevers")
    agreement.get_by_label("Persoon").fill("Fatma Yilmaz")
    agreement.get_by_label("Uiterlijk").fill((start + dt.timedelta(days=60)).strftime("%Y-%m-%d"))
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Verslag opslaan").click()
    expect(page.get_by_text("Het verslag is opgeslagen.")).to_be_visible()
    expect(page.get_by_text("Pilot zij-instroom opzetten met drie werkgevers")).to_be_visible()
    assert_accessible(page)
    assert Lesson.objects.count() == 1 and SessionAgreement.objects.count() == 1

    # 6. Someone from another region finds the lesson through the Dutch search.
    third = _new_page(browser, live_server.url)
    log_in(third, reader.email)
    third.goto("/leren/lessen/")
    third.get_by_label("Zoeken").fill("werkgevers")
    with third.expect_navigation():
        third.get_by_role("button", name="Zoeken").click()
    expect(third.get_by_text("Begin bij de vraag van de werkgever")).to_be_visible()
    expect(third.get_by_text("Geldt voor de maakindustrie.")).to_be_visible()
    assert_accessible(third)
    third.context.close()
