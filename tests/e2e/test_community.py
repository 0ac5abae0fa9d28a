"""Two members of a Community of Practice discuss a topic. One @mentions the other, who sees
the unread count rise without reloading and receives the mail; a member reports a post and the
coordinator hides it with a reason. axe-core checks every page."""

import pytest
from playwright.sync_api import expect

from kennisnetwerk.accounts.models import RegionRole
from kennisnetwerk.geo.models import Municipality, Region
from kennisnetwerk.learning.constants import MemberRole
from kennisnetwerk.learning.models import Programme, ProgrammeMember

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def _context(browser, live_server):
    return browser.new_context(base_url=live_server.url, bypass_csp=True, locale="nl-NL")


def test_two_members_discuss_mention_report_and_the_coordinator_hides(
    browser, live_server, make_user, log_in, assert_accessible, smtp_server, settings
):
    settings.NOTIFICATIONS_POLL_SECONDS = 1
    settings.SITE_URL = live_server.url
    region = Region.objects.create(
        name="Noordoost-Brabant", slug="noordoost-brabant", kind="custom"
    )
    region.municipalities.set([Municipality.objects.get(name="Oss")])
    programme = Programme.objects.create(
        title="CoP Digitalisering mkb", slug="cop-digitalisering", kind="cop"
    )
    programme.regions.set([region])
    anna = make_user("anna@gemeente-oss.example", "Anna de Vries")
    bram = make_user("bram@ondernemershuis.example", "Bram Jansen")
    core = make_user("karin@bom.example", "Karin Kernteam")
    coordinator = make_user("cor@nob.example", "Cor Coördinator")
    for person, role in (
        (anna, MemberRole.PARTICIPANT),
        (bram, MemberRole.PARTICIPANT),
        (core, MemberRole.CORE_TEAM),
    ):
        ProgrammeMember.objects.create(programme=programme, user=person, role=role)
    RegionRole.objects.create(user=coordinator, region=region, role="coordinator")

    anna_ctx, bram_ctx, cor_ctx = (_context(browser, live_server) for _ in range(3))
    try:
        # Anna starts a topic from the programme's conversations.
        a = anna_ctx.new_page()
        log_in(a, anna.email)
        a.goto("/ontmoeten/")
        expect(a.locator("h1")).to_have_text("Ontmoeten")
        assert_accessible(a)
        a.get_by_role("link", name="CoP Digitalisering mkb").first.click()
        expect(a.locator("h1")).to_have_text("Gesprekken in CoP Digitalisering mkb")
        assert_accessible(a)
        a.get_by_role("link", name="Begin een onderwerp").click()
        assert_accessible(a)
        a.get_by_label("Titel").fill("Hoe bereiken we zzp'ers?")
        a.get_by_label("Uw bericht").fill("Wie heeft **ervaring** met het bereiken van zzp'ers?")
        with a.expect_navigation():
            a.get_by_role("button", name="Onderwerp plaatsen").click()
        expect(a.locator("h1")).to_have_text("Hoe bereiken we zzp'ers?")
        expect(a.locator(".kn-post__body strong")).to_have_text("ervaring")
        assert_accessible(a)
        thread_url = a.url

        # Bram has a page open; his unread count already shows the new topic.
        b = bram_ctx.new_page()
        log_in(b, bram.email)
        b.goto("/ontmoeten/")
        count = b.get_by_test_id("unread-count")
        expect(count).to_have_text("1")
        assert_accessible(b)

        # The mention field suggests people who can read the thread as Anna types.
        a.get_by_label("Iemand noemen").press_sequentially("Bra", delay=50)
        expect(a.locator("#post-people option")).to_have_count(1)
        expect(a.locator("#post-people option")).to_have_attribute("value", "Bram Jansen")
        a.get_by_label("Iemand noemen").fill("")

        # Anna mentions Bram (typing the name in the text) ...
        a.get_by_label("Uw bericht").fill("@Bram Jansen, jij werkt toch met het ondernemershuis?")
        with a.expect_navigation():
            a.get_by_role("button", name="Reactie plaatsen").click()
        expect(a.locator(".kn-post").last).to_contain_text("@Bram Jansen")
        assert_accessible(a)

        # ... and Bram's open page counts it without a reload, and the mail arrives.
        expect(count).to_have_text("2", timeout=10_000)
        assert b.url.endswith("/ontmoeten/")
        [mail] = [m for m in smtp_server.wait_for(1) if m["To"] == bram.email]
        assert "Anna de Vries noemde u in" in mail["Subject"]
        assert "/ontmoeten/berichten/" in mail.get_body(("plain",)).get_content()

        # Bram replies, and reports the post of Anna that mentions him.
        b.goto(thread_url)
        expect(b.locator(".kn-post--new")).to_have_count(2)
        assert_accessible(b)
        b.get_by_label("Uw bericht").fill(
            "Klopt. Via het **ondernemershuis** lukt het goed:\n\n- spreekuur\n- nieuwsbrief"
        )
        with b.expect_navigation():
            b.get_by_role("button", name="Reactie plaatsen").click()
        expect(b.locator(".kn-post").last.locator("li")).to_have_count(2)
        assert_accessible(b)
        b.locator(".kn-post").nth(1).get_by_role("link", name="Melden dit bericht").click()
        expect(b.locator("h1")).to_have_text("Een bericht melden")
        assert_accessible(b)
        b.get_by_label("Reden").fill("Persoonlijke aanspreking hoort in een privébericht.")
        with b.expect_navigation():
            b.get_by_role("button", name="Melding versturen").click()
        expect(b.locator(".kn-messages")).to_contain_text(
            "De moderators van dit gesprek bekijken het bericht"
        )
        assert_accessible(b)

        # The coordinator hides it with a reason.
        c = cor_ctx.new_page()
        log_in(c, coordinator.email)
        c.goto("/ontmoeten/moderatie/")
        expect(c.locator(".kn-result").first).to_contain_text("Persoonlijke aanspreking")
        assert_accessible(c)
        c.get_by_role("link", name="Het bericht verbergen").click()
        expect(c.locator("h1")).to_have_text("Een bericht verbergen")
        assert_accessible(c)
        c.get_by_label("Reden").fill("Graag zakelijk blijven.")
        with c.expect_navigation():
            c.get_by_role("button", name="Bericht verbergen").click()
        hidden = c.locator(".kn-post--hidden")
        expect(hidden).to_have_count(1)
        expect(hidden).to_contain_text("Verborgen door een moderator: Graag zakelijk blijven.")
        assert_accessible(c)

        # Bram no longer sees the post; Anna is told why.
        b.goto(thread_url)
        expect(b.locator(".kn-post")).to_have_count(2)
        expect(b.locator("main")).not_to_contain_text("jij werkt toch met het ondernemershuis")
        a.goto("/meldingen/")
        expect(a.locator("#notification-list")).to_contain_text("Een moderator heeft uw bericht")
        assert_accessible(a)
    finally:
        for ctx in (anna_ctx, bram_ctx, cor_ctx):
            ctx.close()
