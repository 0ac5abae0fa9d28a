import pytest
from django.core.cache import cache

from .factories import PASSWORD, UserFactory, make_facilitator

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def test_five_wrong_passwords_throttle_further_attempts_with_a_dutch_message(client):
    user = UserFactory(email="doelwit@voorbeeld.example")
    for _ in range(5):
        response = client.post("/account/login/", {"login": user.email, "password": "fout"})
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session
    response = client.post("/account/login/", {"login": user.email, "password": PASSWORD})
    assert "Te veel inlogpogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_staff_without_authenticator_app_must_set_one_up(client):
    from .factories import UserFactory as Factory

    staff = Factory(is_staff=True)
    client.force_login(staff)
    response = client.get("/dashboard/")
    assert response.status_code == 302
    assert response["Location"] == "/account/2fa/totp/activate/?next=%2Fdashboard%2F"
    assert client.get("/auditlog/").status_code == 302


def test_staff_login_asks_for_the_second_factor(client):
    staff = make_facilitator(email="begeleider@voorbeeld.example")
    response = client.post("/account/login/", {"login": staff.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/account/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    wrong = client.post("/account/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session


def test_setting_up_a_second_factor_later_asks_for_the_password_again(client):
    from .factories import UserFactory as Factory

    user = Factory()
    client.post("/account/login/", {"login": user.email, "password": PASSWORD})
    assert client.get("/account/2fa/totp/activate/").status_code == 200  # just logged in
    session = client.session
    records = session["account_authentication_methods"]
    records[-1]["at"] -= 3600  # an hour later
    session["account_authentication_methods"] = records
    session.save()
    response = client.get("/account/2fa/totp/activate/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/reauthenticate/")


def test_removing_the_authenticator_app_asks_for_the_password_even_right_after_log_in(client):
    staff = make_facilitator(email="verwijder@voorbeeld.example")
    client.post("/account/login/", {"login": staff.email, "password": PASSWORD})
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    from .factories import FACILITATOR_TOTP_SECRET

    code = format_hotp_value(hotp_value(FACILITATOR_TOTP_SECRET, int(time.time()) // 30))
    client.post("/account/2fa/authenticate/", {"code": code})
    assert "_auth_user_id" in client.session
    response = client.get("/account/2fa/totp/deactivate/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/reauthenticate/")
