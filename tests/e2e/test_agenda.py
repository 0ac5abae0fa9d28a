"""The DOE agenda in the browser: the coordinator starts the region's agenda, takes over an
agreement of a session as an action, the owner posts progress, the coordinator freezes the
agenda for signing and downloads it as Word; two parties upload their reach sketches (built
with the platform's own sketch code) and the coordinator opens the reach dashboard. Every page
passes axe-core."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from docx import Document
from playwright.sync_api import Browser, Page, expect

from kennisnetwerk.accounts.models import Membership, RegionRole
from kennisnetwerk.accounts.tests.factories import OrganisationFactory, RegionFactory
from kennisnetwerk.agenda.models import Action
from kennisnetwerk.learning.constants import AgreementStatus
from kennisnetwerk.learning.models import SessionAgreement, SessionReport
from kennisnetwerk.learning.tests.factories import ProgrammeFactory, SessionFactory
from kennisnetwerk.monitoring.constants import Frequency, Source, Unit
from kennisnetwerk.monitoring.models import Indicator
from kennisnetwerk.monitoring.sketches import sketch_file_make

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

KEY = bytes.fromhex("5a" * 32)


def _new_page(browser: Browser, base_url: str) -> Page:
    context = browser.new_context(base_url=base_url, bypass_csp=True, locale="nl-NL")
    context.set_default_timeout(10_000)
    return context.new_page()


def _submit(page: Page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


def _upload_sketch(page: Page, indicator: Indicator, numbers: list[str], assert_accessible):
    sketch = sketch_file_make(numbers, key=KEY, indicator=indicator.code, period="2026")
    page.goto(f"/monitoring/indicatoren/{indicator.pk}/schets/")
    assert_accessible(page)
    page.get_by_label("Periode").fill("2026")
    page.get_by_label("Schetsbestand").set_input_files(
        {
            "name": "partij.sketch",
            "mimeType": "application/octet-stream",
            "buffer": sketch.to_bytes(),
        }
    )
    _submit(page, "Aanleveren")
    expect(page.get_by_text("is ontvangen")).to_be_visible()


def test_adopt_an_agreement_post_progress_freeze_export_and_see_the_reach(
    page, browser, live_server, make_user, log_in, assert_accessible
):
    region = RegionFactory(
        name="Noordoost-Brabant", slug="noordoost-brabant", municipalities=["Oss"]
    )
    coordinator = make_user("joris@nob.example", "Joris van Dijk")
    RegionRole.objects.create(user=coordinator, region=region, role="coordinator")
    gemeente = OrganisationFactory(name="Gemeente Oss (fictief)", slug="gemeente-oss")
    owner = make_user("fatma@oss.example", "Fatma Yilmaz")
    Membership.objects.create(user=owner, organisation=gemeente, role="member")
    kvk = OrganisationFactory(name="KVK Zuid (fictief)", slug="kvk-zuid")
    kvk_member = make_user("piet@kvk.example", "Piet Kramer")
    Membership.objects.create(user=kvk_member, organisation=kvk, role="member")
    programme = ProgrammeFactory(title="CoP Noordoost-Brabant", slug="cop-nob")
    programme.regions.set([region])
    start = timezone.now() - dt.timedelta(days=14)
    session = SessionFactory(
        programme=programme, title="Aftrap", starts_at=start, ends_at=start + dt.timedelta(hours=3)
    )
    SessionReport.objects.create(session=session, minutes="Goed gesprek.", written_by=coordinator)
    agreement = SessionAgreement.objects.create(
        session=session,
        description="Eén digitaal ondernemersloket opzetten",
        owner_organisation=gemeente,
        due_date=timezone.localdate() + dt.timedelta(days=90),
    )
    indicator = Indicator.objects.create(
        region=region,
        code="bereik-mkb",
        name="Bereik onder mkb-ondernemers",
        unit=Unit.ENTREPRENEURS,
        frequency=Frequency.YEAR,
        source=Source.REACH,
    )

    # 1. The coordinator starts the region's agenda and takes the agreement over.
    log_in(page, coordinator.email)
    page.goto("/doe-agenda/")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe DOE-agenda").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("DOE-agenda mkb 2026")
    page.get_by_label("Begindatum").fill(f"{timezone.localdate().year}-01-01")
    _submit(page, "Opslaan")
    expect(page.locator("h1")).to_have_text("DOE-agenda mkb 2026")
    assert_accessible(page)
    page.get_by_role("link", name="Afspraken uit bijeenkomsten overnemen (1 open)").click()
    assert_accessible(page)
    page.get_by_label("Eén digitaal ondernemersloket opzetten", exact=False).check()
    _submit(page, "Overnemen als acties")
    expect(page.get_by_text("De afspraak is overgenomen als actie.")).to_be_visible()
    expect(page.locator("#actions")).to_contain_text("Gemeente Oss (fictief)")
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.ADOPTED
    page.goto(f"/leren/bijeenkomsten/{session.pk}/")
    expect(page.get_by_text("Overgenomen in de DOE-agenda")).to_be_visible()
    action = Action.objects.get(source_reference=f"learning.agreement:{agreement.pk}")

    # 2. The owner posts progress.
    owner_page = _new_page(browser, live_server.url)
    log_in(owner_page, owner.email)
    owner_page.goto(f"/doe-agenda/acties/{action.pk}/")
    assert_accessible(owner_page)
    owner_page.get_by_label("Voortgang", exact=True).fill("Gesprekken met alle gemeenten gevoerd.")
    owner_page.get_by_label("Voortgang (%)").fill("30")
    owner_page.get_by_label("Status").select_option("bezig")
    _submit(owner_page, "Voortgang melden")
    expect(owner_page.get_by_text("Gesprekken met alle gemeenten gevoerd.")).to_be_visible()
    assert_accessible(owner_page)

    # 3. The coordinator freezes the agenda and downloads it as Word.
    page.goto(f"/doe-agenda/{action.agenda_id}/")
    expect(page.locator("#actions")).to_contain_text("30 %")
    page.get_by_label("Toelichting voor de ondertekenaars").fill("Voor het bestuurlijk overleg")
    _submit(page, "Deze versie vaststellen")
    expect(page.get_by_text("Versie 1 is vastgesteld voor ondertekening.")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden als Word").click()
    document = Document(io.BytesIO(download.value.path().read_bytes()))
    rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    # Progress and dates keep their parts together with non-breaking spaces.
    rows = [[c.replace("\u00a0", " ") for c in row] for row in rows]
    assert any(r[0] == "Eén digitaal ondernemersloket opzetten" and "30 %" in r for r in rows)
    assert "versie 1" in "\n".join(p.text for p in document.paragraphs)

    # 4. Two parties upload their sketches; the coordinator opens the reach dashboard.
    _upload_sketch(
        owner_page, indicator, [f"{n:08d}" for n in range(1000, 1400)], assert_accessible
    )
    kvk_page = _new_page(browser, live_server.url)
    log_in(kvk_page, kvk_member.email)
    _upload_sketch(kvk_page, indicator, [f"{n:08d}" for n in range(1200, 1700)], assert_accessible)
    page.goto(f"/monitoring/indicatoren/{indicator.pk}/bereik/2026/")
    expect(page.locator("#unique-reach")).to_have_text("700")
    expect(page.locator("main")).to_contain_text("KVK Zuid (fictief)")
    assert_accessible(page)
