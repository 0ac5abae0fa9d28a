"""Network facilitators use the administration (/beheer/) where the README sends them: after
logging in with their second factor they keep the network's synonym groups and appoint other
facilitators. Their rights come from the facilitators' group, which follows the role."""

import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.contrib.auth.models import Group

from kennisnetwerk.accounts.constants import FACILITATOR_GROUP
from kennisnetwerk.needs.models import ThesaurusGroup

from .factories import FACILITATOR_TOTP_SECRET, PASSWORD, UserFactory, make_facilitator

pytestmark = pytest.mark.django_db


def _log_in_with_second_factor(client, user):
    response = client.post("/account/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302 and "/2fa/authenticate/" in response["Location"]
    code = format_hotp_value(hotp_value(FACILITATOR_TOTP_SECRET, int(time.time()) // 30))
    response = client.post("/account/2fa/authenticate/", {"code": code})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_a_facilitator_keeps_synonym_groups_and_appoints_facilitators(client, reference_data):
    facilitator = make_facilitator(email="begeleider@voorbeeld.example")
    _log_in_with_second_factor(client, facilitator)

    index = client.get("/beheer/")
    assert index.status_code == 200
    assert "Synoniemengroepen" in index.content.decode()
    assert client.get("/beheer/needs/thesaurusgroup/").status_code == 200
    assert client.get("/beheer/needs/thesaurusgroup/add/").status_code == 200
    response = client.post(
        "/beheer/needs/thesaurusgroup/add/",
        {
            "name": "Opvolging",
            "terms": "bedrijfsopvolging, overname, overdracht",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    group = ThesaurusGroup.objects.get(name="Opvolging")
    assert group.region is None  # a default group of the network
    assert "overdracht" in group.terms

    # Appointing a colleague as facilitator, and ending it again.
    colleague = UserFactory(email="collega@voorbeeld.example")
    change = f"/beheer/accounts/user/{colleague.pk}/change/"
    page = client.get(change)
    assert page.status_code == 200
    assert 'name="is_superuser"' not in page.content.decode()
    assert client.post(change, {"is_staff": "on"}).status_code == 302
    colleague.refresh_from_db()
    assert colleague.is_staff and not colleague.is_superuser
    assert colleague.groups.filter(name=FACILITATOR_GROUP).exists()
    assert client.post(change, {}).status_code == 302
    colleague.refresh_from_db()
    assert not colleague.is_staff
    assert not colleague.groups.filter(name=FACILITATOR_GROUP).exists()

    # Passwords and technical administrators stay out of reach.
    assert client.get(f"/beheer/accounts/user/{colleague.pk}/password/").status_code == 403
    root = UserFactory(email="root@voorbeeld.example", is_staff=True, is_superuser=True)
    assert client.post(f"/beheer/accounts/user/{root.pk}/change/", {}).status_code == 403
    root.refresh_from_db()
    assert root.is_staff


def test_the_group_is_made_by_a_migration_with_its_rights():
    group = Group.objects.get(name=FACILITATOR_GROUP)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"add_thesaurusgroup", "change_thesaurusgroup", "change_user"} <= codenames
    assert "delete_user" not in codenames
