import json

import pytest
from django.contrib.sessions.models import Session

from kennisnetwerk.accounts.models import EntrepreneurProfile, ErasureRequest, Membership, User
from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.geo.models import Municipality

from .factories import PASSWORD, OrganisationFactory, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    user = make_member(
        OrganisationFactory(name="Gemeente Oss (demo)"),
        email="fatma@voorbeeld.example",
        full_name="Fatma Yilmaz",
    )
    EntrepreneurProfile.objects.create(
        user=user,
        company_name="Bakkerij De Korenschoof",
        kvk_number="01234567",
        municipality=Municipality.objects.get(name="Oss"),
    )
    return user


def test_a_person_downloads_everything_held_about_them(client, member):
    client.force_login(member)
    assert client.get("/mijn-gegevens/").status_code == 200
    response = client.get("/mijn-gegevens/download/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "fatma@voorbeeld.example"
    assert data["account"]["full_name"] == "Fatma Yilmaz"
    assert data["memberships"][0]["organisation"] == "Gemeente Oss (demo)"
    assert data["entrepreneur_profile"]["kvk_number"] == "01234567"
    assert AuditLogEntry.objects.filter(actor=member, action="export").exists()


def test_erasure_with_a_wrong_password_changes_nothing(client, member):
    client.force_login(member)
    response = client.post("/mijn-gegevens/verwijderen/", {"password": "fout", "confirm": "on"})
    assert response.status_code == 400
    assert "Het wachtwoord is niet juist." in response.content.decode()
    member.refresh_from_db()
    assert member.is_active
    assert not ErasureRequest.objects.exists()


def test_erasure_closes_the_account_and_removes_personal_data(
    client, member, django_capture_on_commit_callbacks
):
    from kennisnetwerk.accounts.services import invitation_create

    from .factories import make_facilitator

    invitation_create(
        email=member.email,
        actor=make_facilitator(),
        organisation=OrganisationFactory(),
        organisation_role="member",
    )
    client.force_login(member)
    client.get("/mijn-gegevens/download/")  # leaves an audit entry by this person
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/mijn-gegevens/verwijderen/", {"password": PASSWORD, "confirm": "on"}
        )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session

    user = User.objects.get(pk=member.pk)
    assert not user.is_active
    assert user.email == f"verwijderd-{user.pk}@invalid"
    assert user.full_name == ""
    assert not user.has_usable_password()
    assert not Membership.objects.filter(user=user).exists()
    assert not EntrepreneurProfile.objects.filter(user=user).exists()
    assert not user.emailaddress_set.exists()
    assert ErasureRequest.objects.get().status == "done"
    labels = set(AuditLogEntry.objects.filter(actor=user).values_list("actor_label", flat=True))
    assert labels == {f"verwijderde gebruiker #{user.pk}"}
    assert not AuditLogEntry.objects.filter(actor_label__icontains="Fatma").exists()
    assert not AuditLogEntry.objects.filter(object_repr__icontains="fatma").exists()
    assert not AuditLogEntry.objects.filter(object_repr__icontains="Korenschoof").exists()
    for entry in AuditLogEntry.objects.all():
        assert "fatma" not in str(entry.changes).lower()
    assert not any(
        s.get_decoded().get("_auth_user_id") == str(user.pk) for s in Session.objects.all()
    )
    assert (
        client.post(
            "/account/login/", {"login": "fatma@voorbeeld.example", "password": PASSWORD}
        ).status_code
        == 200
    )


def test_personal_data_pages_need_a_login(client):
    for url in ("/mijn-gegevens/", "/mijn-gegevens/download/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/account/login/")
