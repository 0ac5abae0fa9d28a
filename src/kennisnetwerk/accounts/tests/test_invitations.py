import datetime as dt
import re

import pytest
from django.utils import timezone

from kennisnetwerk.accounts.models import Invitation, Membership, RegionRole, User
from kennisnetwerk.core.models import AuditLogEntry

from .factories import (
    PASSWORD,
    OrganisationFactory,
    RegionFactory,
    UserFactory,
    make_coordinator,
    make_facilitator,
    make_member,
)

pytestmark = pytest.mark.django_db


def _link(message) -> str:
    body = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"http://\S+/uitnodiging/(\S+)/", body).group(0)


def test_invited_professional_gets_a_mail_creates_an_account_and_becomes_member(
    client, smtp_server, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(name="Gemeente Oss (demo)")
    client.force_login(make_facilitator(full_name="Noor Visser"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/uitnodigingen/",
            {
                "email": "Fatma@Oss.example",
                "target": "organisation",
                "organisation": organisation.pk,
                "organisation_role": "member",
            },
        )
    assert response.status_code == 302

    [mail] = smtp_server.wait_for(1)
    assert mail["To"] == "fatma@oss.example"
    assert mail["Subject"].startswith("Uitnodiging voor")
    assert mail.get_body(preferencelist=("html",)) is not None
    link = _link(mail)
    assert "Gemeente Oss (demo)" in mail.get_body(preferencelist=("plain",)).get_content()

    client.logout()
    page = client.get(link)
    assert page.status_code == 200
    assert "fatma@oss.example" in page.content.decode()
    response = client.post(
        link,
        {
            "full_name": "Fatma Yilmaz",
            "password1": "Zeer-geheim-2026",
            "password2": "Zeer-geheim-2026",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"
    user = User.objects.get(email="fatma@oss.example")
    assert Membership.objects.filter(user=user, organisation=organisation, role="member").exists()
    assert user.emailaddress_set.get().verified
    dashboard = client.get("/dashboard/")
    assert "Gemeente Oss (demo)" in dashboard.content.decode()
    assert AuditLogEntry.objects.filter(action="accept", actor=user).exists()

    # The link works once.
    client.logout()
    assert client.get(link).status_code == 404


def test_signup_by_invitation_validates_the_password_and_changes_nothing_on_error(client):
    invitation = Invitation.objects.create(
        email="nieuw@voorbeeld.example",
        organisation=OrganisationFactory(),
        organisation_role="member",
        expires_at=timezone.now() + dt.timedelta(days=1),
    )
    response = client.post(
        f"/uitnodiging/{invitation.token}/",
        {"full_name": "Nieuw", "password1": "kort", "password2": "anders"},
    )
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not User.objects.filter(email="nieuw@voorbeeld.example").exists()


def test_expired_invitation_is_refused(client):
    invitation = Invitation.objects.create(
        email="laat@voorbeeld.example",
        organisation=OrganisationFactory(),
        organisation_role="member",
        expires_at=timezone.now() - dt.timedelta(minutes=1),
    )
    response = client.get(f"/uitnodiging/{invitation.token}/")
    assert response.status_code == 404
    assert "Deze uitnodigingslink is verlopen" in response.content.decode()
    assert client.get("/uitnodiging/bestaat-niet/").status_code == 404


def test_existing_user_accepts_a_coordinator_invitation_after_logging_in(client):
    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss"])
    user = UserFactory(email="joris@voorbeeld.example")
    invitation = Invitation.objects.create(
        email=user.email,
        region=region,
        region_role="coordinator",
        expires_at=timezone.now() + dt.timedelta(days=1),
    )
    url = f"/uitnodiging/{invitation.token}/"
    assert "/account/login/" in client.get(url).content.decode()
    client.force_login(user)
    assert client.post(url).status_code == 302
    assert RegionRole.objects.filter(user=user, region=region, role="coordinator").exists()


def test_invitation_for_someone_else_cannot_be_accepted(client):
    invitation = Invitation.objects.create(
        email="ander@voorbeeld.example",
        organisation=OrganisationFactory(),
        organisation_role="member",
        expires_at=timezone.now() + dt.timedelta(days=1),
    )
    intruder = UserFactory()
    client.force_login(intruder)
    assert client.post(f"/uitnodiging/{invitation.token}/").status_code == 403
    assert not Membership.objects.filter(user=intruder).exists()


def test_who_may_invite_whom(client):
    region = RegionFactory(municipalities=["Oss"])
    in_region = OrganisationFactory(municipality=None)
    in_region.municipality_id = region.municipalities.get().pk
    in_region.save()
    elsewhere = OrganisationFactory()
    elsewhere.municipality = None
    elsewhere.save()

    coordinator = make_coordinator(region)
    client.force_login(coordinator)
    ok = client.post(
        "/uitnodigingen/",
        {
            "email": "a@voorbeeld.example",
            "target": "organisation",
            "organisation": in_region.pk,
            "organisation_role": "member",
        },
    )
    assert ok.status_code == 302
    refused = client.post(
        "/uitnodigingen/",
        {
            "email": "b@voorbeeld.example",
            "target": "organisation",
            "organisation": elsewhere.pk,
            "organisation_role": "member",
        },
    )
    assert refused.status_code == 200  # not a choice offered: form error, nothing sent
    no_region = client.post(
        "/uitnodigingen/", {"email": "c@voorbeeld.example", "target": "region", "region": region.pk}
    )
    assert no_region.status_code == 200
    assert list(Invitation.objects.values_list("email", flat=True)) == ["a@voorbeeld.example"]

    member = make_member(in_region)
    client.force_login(member)
    assert client.get("/uitnodigingen/").status_code == 403

    admin = make_member(elsewhere, role="admin")
    client.force_login(admin)
    page = client.get("/uitnodigingen/")
    assert page.status_code == 200
    assert elsewhere.name in page.content.decode()
    assert in_region.name not in page.content.decode()


def test_login_with_password_works_for_invited_users(client):
    user = UserFactory(email="inlog@voorbeeld.example")
    response = client.post("/account/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"


def test_inviting_an_existing_member_again_is_refused(client):
    organisation = OrganisationFactory()
    member = make_member(organisation, email="al-lid@voorbeeld.example")
    client.force_login(make_facilitator())
    response = client.post(
        "/uitnodigingen/",
        {
            "email": member.email,
            "target": "organisation",
            "organisation": organisation.pk,
            "organisation_role": "member",
        },
    )
    assert response.status_code == 400
    assert "al-lid@voorbeeld.example" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_member_can_be_invited_to_become_administrator(client):
    organisation = OrganisationFactory()
    member = make_member(organisation, email="promotie@voorbeeld.example")
    client.force_login(make_facilitator())
    response = client.post(
        "/uitnodigingen/",
        {
            "email": member.email,
            "target": "organisation",
            "organisation": organisation.pk,
            "organisation_role": "admin",
        },
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    client.force_login(member)
    client.post(f"/uitnodiging/{invitation.token}/")
    assert Membership.objects.get(user=member, organisation=organisation).role == "admin"
