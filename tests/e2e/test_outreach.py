"""The region's one channel to the entrepreneur: an entrepreneur signs up through double opt-in
and manages the subscription through the signed links; a party member submits an
announcement another party already made, and the coordinator merges the two."""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from kennisnetwerk.accounts.models import Membership, RegionRole
from kennisnetwerk.accounts.tests.factories import OrganisationFactory, RegionFactory
from kennisnetwerk.ecosystem.constants import INITIAL_THEMES
from kennisnetwerk.ecosystem.models import Theme
from kennisnetwerk.geo.models import Municipality
from kennisnetwerk.outreach import services_messages
from kennisnetwerk.outreach.constants import (
    ConsentEvent,
    Frequency,
    MessageKind,
    MessageStatus,
    SubscriberStatus,
)
from kennisnetwerk.outreach.models import Message, Subscriber

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

EMAIL = "info@bakkerij-vandenberg.example"


@pytest.fixture
def region(e2e_db):
    # The vocabularies come from a data migration, which a flushed database no longer has.
    for order, (slug, name) in enumerate(INITIAL_THEMES):
        Theme.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})
    return RegionFactory(
        name="Noordoost-Brabant", slug="noordoost-brabant", municipalities=["Oss", "Maashorst"]
    )


def _new_page(browser: Browser, base_url: str) -> Page:
    """A page in a context of its own, for a second person (or an anonymous visitor)."""
    context = browser.new_context(base_url=base_url, bypass_csp=True, locale="nl-NL")
    context.set_default_timeout(10_000)
    return context.new_page()


def test_entrepreneur_subscribes_confirms_changes_preferences_and_unsubscribes(
    page, region, smtp_server, assert_accessible
):
    page.goto(f"/nieuwsbrief/{region.slug}/aanmelden/")
    expect(page.locator("h1")).to_contain_text("Noordoost-Brabant")
    assert_accessible(page)

    page.get_by_label("E-mailadres").fill(EMAIL)
    page.get_by_label("Bedrijfsnaam").fill("Bakkerij Van den Berg")
    page.get_by_label("KVK-nummer").fill("1234 5678")
    # Uden is a former municipality, now part of Maashorst.
    page.get_by_label("Gemeente of vestigingsplaats").fill("Uden")
    page.get_by_label("Digitalisering").check()
    page.get_by_label("Maandelijks").check()
    page.locator("input[name=consent]").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Aanmelden").click()

    expect(page.locator("h1")).to_have_text("Kijk in uw mailbox")
    assert_accessible(page)

    # The live server sent the confirmation mail to the test SMTP server after the commit.
    mails = smtp_server.wait_for(1)
    assert len(mails) == 1, "no confirmation mail arrived"
    mail = mails[0]
    assert mail["To"] == EMAIL
    assert "Noordoost-Brabant" in mail["From"]
    text = mail.get_body(preferencelist=("plain",)).get_content()
    assert mail.get_body(preferencelist=("html",)) is not None
    match = re.search(r"https?://\S+/nieuwsbrief/bevestigen/\S+/", text)
    assert match, f"no confirmation link in the mail:\n{text}"
    subscriber = Subscriber.objects.get(email=EMAIL)
    assert subscriber.status == SubscriberStatus.PENDING

    # The link names SITE_URL; open its path on the live server.
    page.goto(urlsplit(match.group(0)).path)
    expect(page.locator("h1")).to_have_text("Bevestig uw aanmelding")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Ja, start mijn abonnement").click()

    expect(page).to_have_url(re.compile(r"/nieuwsbrief/voorkeuren/[^/]+/$"))
    expect(page.get_by_text("Dank u wel: uw abonnement is gestart.")).to_be_visible()
    expect(page.get_by_label("Gemeente of vestigingsplaats")).to_have_value("Maashorst")
    expect(page.get_by_label("KVK-nummer")).to_have_value("12345678")
    assert_accessible(page)

    page.get_by_label("Om de twee weken").check()
    page.get_by_label("Digitalisering").uncheck()
    page.get_by_label("Innovatie").check()
    page.get_by_label("Financiering").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Voorkeuren opslaan").click()
    expect(page.get_by_text("Uw voorkeuren zijn opgeslagen.")).to_be_visible()
    expect(page.get_by_label("Om de twee weken")).to_be_checked()
    expect(page.get_by_label("Innovatie")).to_be_checked()
    expect(page.get_by_label("Digitalisering")).not_to_be_checked()
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Afmelden", exact=True).click()
    expect(page.locator("h1")).to_have_text("U bent afgemeld")
    assert_accessible(page)

    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    assert subscriber.frequency == Frequency.FORTNIGHTLY
    assert subscriber.municipality == Municipality.objects.get(name="Maashorst")
    assert subscriber.kvk_number == "12345678"
    assert set(subscriber.themes.values_list("slug", flat=True)) == {"innovatie", "financiering"}
    events = list(subscriber.consents.values_list("event", flat=True))
    assert ConsentEvent.CONFIRMED in events
    assert ConsentEvent.WITHDRAWN in events
    # Only the confirmation mail was sent: nothing after unsubscribing.
    assert len(smtp_server.messages) == 1


@pytest.fixture
def parties(region, make_user):
    oss = Municipality.objects.get(name="Oss")
    gemeente = OrganisationFactory(name="Gemeente Oss", slug="gemeente-oss", municipality=oss)
    kvk = OrganisationFactory(name="KVK Zuid", slug="kvk-zuid", municipality=oss, type="kvk")
    member_a = make_user("ilse@gemeente-oss.example", "Ilse de Vries")
    Membership.objects.create(user=member_a, organisation=gemeente, role="member")
    member_b = make_user("joost@kvk-zuid.example", "Joost Smits")
    Membership.objects.create(user=member_b, organisation=kvk, role="member")
    coordinator = make_user("anouk@regio-nob.example", "Anouk van den Heuvel")
    RegionRole.objects.create(user=coordinator, region=region, role="coordinator")
    return gemeente, kvk, member_a, member_b, coordinator


def test_member_submits_a_near_duplicate_and_the_coordinator_merges_it(
    page, context, live_server, region, parties, log_in, assert_accessible
):
    gemeente, kvk, member_a, member_b, coordinator = parties
    day = timezone.localdate() + dt.timedelta(days=10)
    start = timezone.make_aware(dt.datetime.combine(day, dt.time(15, 0)))
    digitalisering = Theme.objects.get(slug="digitalisering")
    original = services_messages.message_submit(
        region=region,
        sender=gemeente,
        data=services_messages.MessageData(
            kind=MessageKind.EVENT,
            title="Ondernemerscafé digitalisering in Oss",
            body=(
                "Kom naar het ondernemerscafé over digitalisering voor het mkb. Ondernemers "
                "delen hun ervaringen met webwinkels, cyberveiligheid en slimme software. "
                "Aansluitend netwerkborrel."
            ),
            valid_from=timezone.localdate(),
            themes=[digitalisering],
            event_start=start,
            event_end=start + dt.timedelta(hours=2),
            location="Bolwerk, Oss",
        ),
        actor=member_a,
    )
    services_messages.message_approve(message=original, actor=coordinator)

    # A member of KVK Zuid announces the same event.
    page.goto("/account/login/")
    log_in(page, member_b.email)
    page.goto(f"/nieuwsbrief/{region.slug}/berichten/nieuw/")
    expect(page.locator("h1")).to_have_text("Bericht indienen voor Noordoost-Brabant")
    assert_accessible(page)

    page.get_by_label("Namens").select_option(label="KVK Zuid")
    page.get_by_label("Soort bericht").select_option(MessageKind.EVENT)
    page.get_by_label("Titel").fill("Ondernemerscafé over digitalisering in Oss")
    page.get_by_label("Tekst", exact=True).fill(
        "Ondernemerscafé over digitalisering voor het mkb: ondernemers delen ervaringen met "
        "webwinkels, cyberveiligheid en slimme software. Daarna een netwerkborrel."
    )
    page.get_by_role("group", name="Thema's").get_by_label("Digitalisering").check()
    page.get_by_label("Bijeenkomst begint op").fill(f"{day.isoformat()}T15:00")
    page.get_by_label("Bijeenkomst eindigt op").fill(f"{day.isoformat()}T17:00")
    page.get_by_label("Plaats van de bijeenkomst").fill("Bolwerk, Oss")
    with page.expect_navigation():
        page.get_by_role("button", name="Indienen").click()

    submitted = Message.objects.exclude(pk=original.pk).get()
    expect(page).to_have_url(f"/nieuwsbrief/berichten/{submitted.pk}/")
    expect(page.get_by_text("Uw bericht is ingediend bij de redactie van")).to_be_visible()
    duplicates = page.locator("section[aria-labelledby=duplicates-heading]")
    expect(duplicates).to_contain_text("Mogelijk dezelfde aankondiging")
    expect(duplicates).to_contain_text("Ondernemerscafé digitalisering in Oss")
    expect(duplicates).to_contain_text("Namens Gemeente Oss")
    assert_accessible(page)

    page.get_by_role("link", name="Mijn berichten").click()
    expect(page.locator("h1")).to_have_text("Mijn berichten")
    expect(page.locator("tbody")).to_contain_text("Ondernemerscafé over digitalisering in Oss")
    expect(page.locator("tbody")).to_contain_text("Ingediend")
    assert_accessible(page)

    # The coordinator sees the flag in the editorial queue and merges.
    coordinator_page = _new_page(context.browser, live_server.url)
    try:
        coordinator_page.goto("/account/login/")
        log_in(coordinator_page, coordinator.email)
        coordinator_page.goto(f"/nieuwsbrief/{region.slug}/redactie/")
        queue = coordinator_page.locator("table[aria-labelledby=queue-heading]")
        row = queue.locator("tbody tr").filter(has_text="Ondernemerscafé over digitalisering")
        expect(row).to_contain_text("mogelijk dubbel")
        expect(row).to_contain_text("Ondernemerscafé digitalisering in Oss")
        assert_accessible(coordinator_page)

        row.get_by_role(
            "link", name="Ondernemerscafé over digitalisering in Oss beoordelen"
        ).click()
        expect(coordinator_page.locator("h1")).to_have_text(
            "Ondernemerscafé over digitalisering in Oss beoordelen"
        )
        expect(coordinator_page.locator("#duplicates-heading")).to_be_visible()
        assert_accessible(coordinator_page)

        coordinator_page.get_by_role("radio", name=re.compile("Gemeente Oss")).check()
        with coordinator_page.expect_navigation():
            coordinator_page.get_by_role("button", name="Samenvoegen").click()
        expect(coordinator_page).to_have_url(f"/nieuwsbrief/{region.slug}/redactie/")
        expect(
            coordinator_page.get_by_text("het andere bericht noemt alle afzenders")
        ).to_be_visible()
        expect(coordinator_page.locator("table[aria-labelledby=queue-heading]")).to_contain_text(
            "Er wacht niets op beoordeling"
        )
    finally:
        coordinator_page.context.close()

    submitted.refresh_from_db()
    assert submitted.status == MessageStatus.MERGED
    assert submitted.merged_into_id == original.pk
    assert list(original.co_senders.values_list("name", flat=True)) == ["KVK Zuid"]

    # Anyone sees one message on behalf of both parties, in its page and in the calendar.
    visitor = _new_page(context.browser, live_server.url)
    try:
        visitor.goto(f"/nieuwsbrief/berichten/{original.pk}/")
        expect(visitor.locator("h1")).to_have_text("Ondernemerscafé digitalisering in Oss")
        expect(visitor.locator(".kn-dl")).to_contain_text("Namens Gemeente Oss en KVK Zuid")
        assert_accessible(visitor)

        # The merged message leads an outsider to the one that stays.
        visitor.goto(f"/nieuwsbrief/berichten/{submitted.pk}/")
        expect(visitor).to_have_url(f"/nieuwsbrief/berichten/{original.pk}/")

        visitor.goto(f"/nieuwsbrief/{region.slug}/agenda/?maand={day:%Y-%m}")
        calendar = visitor.locator(".kn-calendar")
        expect(calendar.get_by_role("link", name=re.compile("Ondernemerscafé"))).to_have_count(1)
        assert_accessible(visitor)
        visitor.get_by_role("link", name="Toon als lijst").click()
        event = visitor.locator(".kn-result").filter(has_text="Ondernemerscafé")
        expect(event).to_have_count(1)
        expect(event).to_contain_text("Namens Gemeente Oss en KVK Zuid")
        assert_accessible(visitor)
    finally:
        visitor.context.close()
