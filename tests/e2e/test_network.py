"""The network page in the browser, at 200 nodes: the drawing zooms with its buttons, the
theme and kind filters hide nodes, names are shown without overlapping, the page passes
axe-core, runs under the app's own Content-Security-Policy, and works at 320 px."""

import pytest
from playwright.sync_api import expect

from kennisnetwerk.accounts.tests.factories import OrganisationFactory, RegionFactory
from kennisnetwerk.ecosystem.constants import InitiativeKind
from kennisnetwerk.ecosystem.models import Initiative, Theme
from kennisnetwerk.ecosystem.tests.factories import InitiativeFactory

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

ORGANISATIONS = 40
INITIATIVES = 160


@pytest.fixture
def network(e2e_db):
    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss"])
    themes = list(Theme.objects.filter(is_active=True).order_by("order")[:5])
    kinds = [value for value, _label in InitiativeKind.choices]
    parties = [
        OrganisationFactory(name=f"Partij {n:02d} met een lange naam voor de regio (fictief)")
        for n in range(ORGANISATIONS)
    ]
    for n in range(INITIATIVES):
        initiative = InitiativeFactory(
            title=f"Initiatief {n:03d} voor ondernemers in de regio",
            owner=parties[n % ORGANISATIONS],
            inventory_region=region,
            kind=kinds[n % len(kinds)],
            themes=[themes[n % len(themes)]],
        )
        initiative.partners.set([parties[(n * 7 + 3) % ORGANISATIONS]])
    return themes


def canvas_state(page) -> dict:
    return page.locator("#network-graph").evaluate(
        "el => ({zoom: +el.dataset.zoom, nodes: +el.dataset.visibleNodes,"
        " labels: +el.dataset.labels})"
    )


def shown_label_boxes(page) -> list[dict]:
    """The rendered boxes of the names the drawing shows (from Cytoscape's own API)."""
    return page.locator("#network-graph").evaluate(
        """el => el.cy.nodes(':visible').filter(n => !n.hasClass('label-hidden')).map(n =>
            n.renderedBoundingBox(
                {includeNodes: false, includeEdges: false, includeLabels: true}))"""
    )


def assert_no_overlap(boxes: list[dict]) -> None:
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (
                a["x1"] < b["x2"] and b["x1"] < a["x2"] and a["y1"] < b["y2"] and b["y1"] < a["y2"]
            ), (a, b)


def assert_inside_the_frame(page) -> None:
    """No name is cut off by the edge of the drawing."""
    width, height = page.locator("#network-graph").evaluate(
        "el => [el.clientWidth, el.clientHeight]"
    )
    for box in shown_label_boxes(page):
        assert box["x1"] >= -1 and box["y1"] >= -1, box
        assert box["x2"] <= width + 1 and box["y2"] <= height + 1, box


@pytest.mark.parametrize("width", [1280, 320])
def test_the_network_drawing_zooms_filters_and_shows_names(page, network, assert_accessible, width):
    page.set_viewport_size({"width": width, "height": 900})
    # Laying out 200 nodes takes a few seconds on a busy machine.
    page.set_default_timeout(60_000)
    page.goto("/atlas/netwerk/")
    figure = page.locator("#network")
    expect(figure).to_be_visible()
    expect(page.locator("#network-graph canvas").first).to_be_visible()
    page.wait_for_function("document.getElementById('network-graph').dataset.labels")
    total = Initiative.objects.count() + ORGANISATIONS
    state = canvas_state(page)
    assert state["nodes"] == total == 200
    # Names are shown, and none covers another.
    assert state["labels"] > 0
    assert_no_overlap(shown_label_boxes(page))
    assert_inside_the_frame(page)
    # The drawing fits the page: no sideways scrolling, even at 320 px.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # The legend names the shapes, the kinds and the relations.
    legend = page.locator(".kn-network__legend")
    expect(legend).to_contain_text("Organisatie")
    expect(legend).to_contain_text("Initiatief: Programma")
    expect(legend).to_contain_text("partner")
    assert_accessible(page)

    # Zooming in enlarges the drawing and shows more names, still without overlap.
    before = canvas_state(page)
    page.get_by_role("button", name="Inzoomen").click()
    page.get_by_role("button", name="Inzoomen").click()
    page.wait_for_function(
        f"+document.getElementById('network-graph').dataset.zoom > {before['zoom'] * 1.5}"
    )
    zoomed = canvas_state(page)
    assert zoomed["zoom"] == pytest.approx(before["zoom"] * 1.4 * 1.4, rel=0.01)
    assert zoomed["labels"] > 0
    assert_no_overlap(shown_label_boxes(page))
    assert_inside_the_frame(page)
    page.get_by_role("button", name="Uitzoomen").click()
    page.wait_for_function(
        f"+document.getElementById('network-graph').dataset.zoom < {zoomed['zoom'] * 0.9}"
    )

    # The theme filter hides every initiative of other themes, and parties left without any.
    theme = network[0]
    page.get_by_label("Thema tonen").select_option(label=theme.name)
    in_theme = Initiative.objects.filter(themes=theme)
    parties = {i.owner_id for i in in_theme} | {
        p for i in in_theme for p in i.partners.values_list("pk", flat=True)
    }
    expected = in_theme.count() + len(parties)
    page.wait_for_function(
        f"+document.getElementById('network-graph').dataset.visibleNodes === {expected}"
    )
    assert expected < total
    visible_themes = page.locator("#network-graph").evaluate(
        "el => el.cy.nodes('.initiatief:visible').map(n => n.data('themes'))"
    )
    assert visible_themes and all(theme.slug in themes for themes in visible_themes)

    # The kind filter narrows further; back to all shows everything again.
    page.get_by_label("Soort tonen").select_option("regeling")
    both = in_theme.filter(kind="regeling")
    visible = page.locator("#network-graph").evaluate(
        "el => el.cy.nodes('.initiatief:visible').map(n => n.data('id'))"
    )
    assert sorted(visible) == sorted(f"initiatief-{i.pk}" for i in both)
    page.get_by_label("Thema tonen").select_option("")
    page.get_by_label("Soort tonen").select_option("")
    page.wait_for_function(
        f"+document.getElementById('network-graph').dataset.visibleNodes === {total}"
    )
    assert_accessible(page)

    # The text list stays, for screen readers and without JavaScript.
    expect(page.get_by_role("heading", name="Verbindingen per partij")).to_be_visible()
    expect(page.locator(".kn-network__party")).to_have_count(ORGANISATIONS)


def test_the_drawing_runs_under_the_content_security_policy(browser, live_server, network):
    """Without bypass_csp: no script or style of the page is refused."""
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', e =>"
            " console.error('CSP: ' + e.violatedDirective + ' ' + e.blockedURI))"
        )
        page.goto("/atlas/netwerk/")
        page.wait_for_function("document.getElementById('network-graph').dataset.labels")
        assert page.evaluate("typeof cytoscape") == "function"
        assert (
            page.evaluate("!!document.querySelector('script[src*=cdn], link[href*=cdn]')") is False
        )
        assert errors == []
    finally:
        context.close()


def test_without_javascript_the_list_remains(browser, live_server, network):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto("/atlas/netwerk/")
        expect(page.locator("#network")).to_be_hidden()
        expect(page.locator(".kn-network__party")).to_have_count(ORGANISATIONS)
        expect(page.locator(".kn-network__party").first).to_contain_text("eigenaar van")
    finally:
        context.close()
