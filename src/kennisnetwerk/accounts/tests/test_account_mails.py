"""Password reset and e-mail verification, delivered through a real SMTP server."""

import re

import pytest

from kennisnetwerk.accounts.models import User

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def _first_link(message) -> str:
    body = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"http://testserver(/\S+)", body).group(1)


def test_password_reset_by_mail(client, smtp_server):
    user = UserFactory(email="vergeten@voorbeeld.example")
    response = client.post("/account/password/reset/", {"email": user.email})
    assert response.status_code == 302

    [mail] = smtp_server.wait_for(1)
    assert mail["To"] == user.email
    link = _first_link(mail)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"password1": "Nieuw-wachtwoord-2026", "password2": "Nieuw-wachtwoord-2026"},
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Nieuw-wachtwoord-2026")


def test_password_reset_for_an_unknown_address_reveals_nothing(client, smtp_server):
    known = UserFactory(email="bekend@voorbeeld.example")
    for_known = client.post("/account/password/reset/", {"email": known.email})
    for_unknown = client.post("/account/password/reset/", {"email": "niemand@voorbeeld.example"})
    # The visitor sees the same answer, so the form cannot be used to probe for accounts.
    assert for_unknown.status_code == for_known.status_code == 302
    assert for_unknown["Location"] == for_known["Location"]
    mails = smtp_server.wait_for(2)
    to_unknown = [m for m in mails if m["To"] == "niemand@voorbeeld.example"]
    for mail in to_unknown:
        assert "/password/reset/key/" not in mail.get_body(preferencelist=("plain",)).get_content()
    assert not User.objects.filter(email="niemand@voorbeeld.example").exists()


def _sign_up(client, **extra):
    return client.post(
        "/account/signup/",
        {
            "full_name": "Bram de Wit",
            "email": "bram@bakkerij.example",
            "password1": "Krentenbol-2026!",
            "password2": "Krentenbol-2026!",
            "company_name": "Bakkerij De Korenschoof",
            "kvk_number": "",
            "municipality": "",
        },
        **extra,
    )


def test_entrepreneur_confirms_the_address_from_the_mail(client, smtp_server):
    response = _sign_up(client)
    assert response.status_code == 302
    user = User.objects.get(email="bram@bakkerij.example")
    assert not user.emailaddress_set.get().verified

    [mail] = smtp_server.wait_for(1)
    link = _first_link(mail)
    client.get(link)
    confirmed = client.post(link)
    assert confirmed.status_code == 302
    assert user.emailaddress_set.get().verified


def test_the_confirmation_mail_speaks_in_the_networks_name_with_an_html_part(
    client, smtp_server, settings
):
    settings.SITE_URL = "https://kennisnetwerk.example"
    assert _sign_up(client, HTTP_HOST="127.0.0.1:8201").status_code == 302
    [mail] = smtp_server.wait_for(1)
    text = mail.get_body(preferencelist=("plain",)).get_content()
    assert "127.0.0.1:8201!" not in text  # was "Hallo van 127.0.0.1:8201!"
    assert "Hallo van" not in text
    assert settings.NETWORK_NAME in text
    assert mail["Subject"].startswith(f"[{settings.NETWORK_NAME}]")
    html = mail.get_body(preferencelist=("html",))
    assert html is not None and html.get_content_type() == "text/html"
    assert '<html lang="nl">' in html.get_content()
    assert "<a href=" in html.get_content()  # the confirmation link is a link
