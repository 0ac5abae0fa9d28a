import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
TOTP_PERIOD = 30


def totp_code(period_offset: int = 0) -> str:
    counter = int(time.time()) // TOTP_PERIOD + period_offset
    return format_hotp_value(hotp_value(TOTP_SECRET, counter))


def current_totp_code() -> str:
    """The code for now; waits for the next period when this one is about to end, so the
    server checks the code against the same period."""
    if TOTP_PERIOD - time.time() % TOTP_PERIOD < 2:
        time.sleep(TOTP_PERIOD - time.time() % TOTP_PERIOD + 0.1)
    return totp_code()


def wrong_totp_code() -> str:
    """A code that is not valid in this period nor in the ones next to it."""
    nearby = {totp_code(offset) for offset in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in nearby)


def submit_code(page: Page, code: str) -> None:
    page.fill("input[name=code]", code)
    with page.expect_navigation():
        # The first submit button; the second one cancels the login.
        page.locator("form:has(input[name=code]) button[type=submit]").first.click()


@pytest.fixture
def facilitator(make_user):
    user = make_user("femke@kennisnetwerk.example", "Femke de Boer", is_staff=True)
    TOTP.activate(user, TOTP_SECRET)
    return user


def test_facilitator_needs_the_authenticator_code(page, facilitator, log_in, assert_accessible):
    page.goto("/account/login/")
    log_in(page, facilitator.email)

    expect(page).to_have_url("/account/2fa/authenticate/")
    assert_accessible(page)

    submit_code(page, wrong_totp_code())

    expect(page).to_have_url("/account/2fa/authenticate/")
    expect(page.locator("input[name=code]")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    submit_code(page, current_totp_code())

    expect(page).to_have_url("/dashboard/")
    expect(page.locator("h1")).to_contain_text(facilitator.get_short_name())
    assert_accessible(page)


def test_facilitator_without_authenticator_must_activate_one(
    page, make_user, password, log_in, assert_accessible
):
    user = make_user("pieter@kennisnetwerk.example", "Pieter Jansen", is_staff=True)
    activate_url = "/account/2fa/totp/activate/?next=%2Fdashboard%2F"

    log_in(page, user.email)

    # Straight to setting up the authenticator app: the password was typed moments ago.
    expect(page).to_have_url(activate_url)
    expect(page.locator("input[name=code]")).to_be_visible()
    assert_accessible(page)

    page.goto("/dashboard/")

    expect(page).to_have_url(activate_url)
