import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

# allauth's own Dutch text for "Too many failed login attempts. Try again later."
TOO_MANY_ATTEMPTS = "Te veel inlogpogingen. Probeer het later nogmaals."


def test_sixth_attempt_after_five_wrong_passwords_is_refused(
    page, make_user, log_in, assert_accessible
):
    user = make_user("joost@ondernemershuis.example", "Joost Verhoeven")

    for _attempt in range(5):
        log_in(page, user.email, "verkeerd-wachtwoord")
        expect(page).to_have_url("/account/login/")
        expect(page.get_by_role("alert")).to_be_visible()
        expect(page.get_by_text(TOO_MANY_ATTEMPTS)).to_have_count(0)
    assert_accessible(page)

    log_in(page, user.email)

    expect(page).to_have_url("/account/login/")
    expect(page.get_by_role("alert")).to_contain_text(TOO_MANY_ATTEMPTS)
    assert_accessible(page)

    page.goto("/dashboard/")
    expect(page).to_have_url("/account/login/?next=/dashboard/")
