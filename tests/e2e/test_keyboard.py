import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def test_first_tab_focuses_the_skip_link(page, assert_accessible):
    page.goto("/")
    assert_accessible(page)

    page.keyboard.press("Tab")

    skip_link = page.locator("a.utrecht-skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_have_attribute("href", "#main")
    expect(skip_link).to_be_visible()

    page.keyboard.press("Enter")

    expect(page.locator("#main")).to_be_focused()
