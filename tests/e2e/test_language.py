import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def switch_language(page: Page, code: str) -> None:
    page.select_option("#language-select", code)
    with page.expect_navigation():
        page.locator("form:has(#language-select) button[type=submit]").click()


def test_visitor_switches_to_english_and_back(page, assert_accessible):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    switch_language(page, "en")

    expect(page).to_have_url("/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#language-select")).to_have_value("en")
    expect(page.get_by_role("navigation", name="Main navigation")).to_contain_text("Calendar")
    assert_accessible(page)

    switch_language(page, "nl")

    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("#language-select")).to_have_value("nl")
    assert_accessible(page)
