"""The interactive API documentation works under the platform's own content security policy,
with its scripts served by the platform (no CDN)."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def test_api_docs_render_under_the_strict_csp(browser, live_server, e2e_db):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")  # CSP enforced
    try:
        page = context.new_page()
        problems: list[str] = []
        page.on(
            "console",
            lambda m: problems.append(m.text) if m.type == "error" and "script" in m.text else None,
        )
        outside: list[str] = []
        page.on(
            "request",
            lambda r: outside.append(r.url) if not r.url.startswith(live_server.url) else None,
        )
        page.goto("/api/v1/docs")
        expect(page.get_by_text("/api/v1/initiatives").first).to_be_visible()
        expect(page.get_by_text("/api/v1/organisations").first).to_be_visible()
        assert not problems, problems
        assert [url for url in outside if not url.startswith("data:")] == []
    finally:
        context.close()
