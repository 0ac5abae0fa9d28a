import pytest

from kennisnetwerk.accounts.models import EntrepreneurProfile, User

pytestmark = pytest.mark.django_db


def _signup(client, **overrides):
    data = {
        "full_name": "Bram de Wit",
        "email": "bram@bakkerij.example",
        "password1": "Krentenbol-2026!",
        "password2": "Krentenbol-2026!",
        "company_name": "Bakkerij De Korenschoof",
        "kvk_number": "01234567",
        "municipality": "Uden",
    }
    data.update(overrides)
    return client.post("/account/signup/", data)


def test_entrepreneur_signs_up_and_must_verify_the_address(client, mailoutbox):
    response = _signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="bram@bakkerij.example")
    profile = EntrepreneurProfile.objects.get(user=user)
    assert profile.municipality.name == "Maashorst"  # former municipality resolved
    assert profile.kvk_number == "01234567"
    assert not user.emailaddress_set.get().verified
    assert len(mailoutbox) == 1
    assert "bram@bakkerij.example" in mailoutbox[0].to


def test_bad_kvk_number_and_unknown_place_get_dutch_messages(client):
    response = _signup(client, kvk_number="1234", municipality="Atlantis")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Een KVK-nummer bestaat uit precies 8 cijfers." in body
    assert "Atlantis" in body
    assert not User.objects.filter(email="bram@bakkerij.example").exists()
