"""A region applies to join; a facilitator accepts (the programme is created with the key
persons who have an account in its core team), asks for more, or declines with a reason.
An application with missing key persons is refused in Dutch and nothing is saved."""

import pytest
from django.urls import reverse

from kennisnetwerk.accounts.tests.factories import make_coordinator, make_facilitator
from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.ecosystem.models import Theme
from kennisnetwerk.learning import services
from kennisnetwerk.learning.constants import ApplicationStatus, MemberRole
from kennisnetwerk.learning.models import (
    ApplicationKeyPerson,
    Programme,
    RegionApplication,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(region):
    return make_coordinator(region, email="coordinator@nob.example", full_name="Joris Coördinator")


@pytest.fixture
def facilitator():
    return make_facilitator(email="begeleider@netwerk.example", full_name="Noor Begeleider")


def _post_data(region, persons):
    theme = Theme.objects.get(slug="digitalisering")
    data = {
        "region": region.pk,
        "kind": "cop",
        "motivation": "Het mkb in de regio digitaliseert te traag; partijen werken langs elkaar.",
        "administrative_drive": "De portefeuillehouders economie van Oss en 's-Hertogenbosch.",
        "themes": [theme.pk],
        "provides_venue": "on",
        "provides_catering": "on",
        "provisions_note": "Vergaderzaal in het gemeentehuis van Oss.",
    }
    for n, (name, organisation, email) in enumerate(persons, start=1):
        data[f"key_{n}_name"] = name
        data[f"key_{n}_organisation"] = organisation
        data[f"key_{n}_email"] = email
    return data


PERSONS = [
    ("Joris Coördinator", "Regio Noordoost-Brabant", "coordinator@nob.example"),
    ("Ilse de Vries", "Gemeente Oss", "ilse@oss.example"),
    ("Karim Aziz", "BOM", "karim@bom.example"),
]


def test_an_application_with_too_few_key_persons_is_refused_and_nothing_saved(
    client, coordinator, region
):
    client.force_login(coordinator)
    audit_before = AuditLogEntry.objects.count()
    response = client.post(reverse("learning:application_create"), _post_data(region, PERSONS[:1]))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Noem ten minste 3 sleutelpersonen" in page
    assert "u noemde er 1" in page
    assert not RegionApplication.objects.exists()
    assert not ApplicationKeyPerson.objects.exists()
    assert AuditLogEntry.objects.count() == audit_before


def test_a_key_person_without_organisation_is_refused(client, coordinator, region):
    client.force_login(coordinator)
    persons = [*PERSONS[:2], ("Karim Aziz", "", "karim@bom.example")]
    response = client.post(reverse("learning:application_create"), _post_data(region, persons))
    assert response.status_code == 400
    assert "Geef elke sleutelpersoon een naam, een organisatie en een e-mailadres." in (
        response.content.decode()
    )
    assert not RegionApplication.objects.exists()


def test_apply_accept_creates_the_programme_with_its_core_team(
    client, coordinator, facilitator, region
):
    client.force_login(coordinator)
    response = client.post(reverse("learning:application_create"), _post_data(region, PERSONS))
    application = RegionApplication.objects.get()
    assert response.status_code == 302
    assert application.key_persons.count() == 3
    assert application.status == ApplicationStatus.SUBMITTED

    # The applicant cannot review; another region's person cannot even see it.
    assert (
        client.post(
            reverse("learning:application", args=[application.pk]), {"decision": "geaccepteerd"}
        ).status_code
        == 403
    )

    client.force_login(facilitator)
    response = client.post(
        reverse("learning:application", args=[application.pk]), {"decision": "afgewezen"}
    )
    assert response.status_code == 400
    assert "Geef de reden van afwijzing." in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED

    response = client.post(
        reverse("learning:application", args=[application.pk]), {"decision": "geaccepteerd"}
    )
    application.refresh_from_db()
    programme = application.programme
    assert response.status_code == 302
    assert response["Location"] == reverse("learning:programme", args=[programme.slug])
    assert programme.title == "Community of Practice Noordoost-Brabant"
    assert list(programme.regions.all()) == [region]
    assert programme.members.get(user=coordinator).role == MemberRole.CORE_TEAM
    assert "locatie" in programme.needed and "catering" in programme.needed

    # Decided is decided.
    with pytest.raises(Exception, match="al besloten"):
        services.application_review(
            application=application, decision="afgewezen", note="Toch niet", actor=facilitator
        )
    assert Programme.objects.count() == 1


def test_asking_for_more_lets_the_applicant_supplement(client, coordinator, facilitator, region):
    client.force_login(coordinator)
    client.post(reverse("learning:application_create"), _post_data(region, PERSONS))
    application = RegionApplication.objects.get()
    services.application_review(
        application=application,
        decision=ApplicationStatus.MORE_INFO,
        note="Wie zorgt voor het uitnodigen van de ondernemers?",
        actor=facilitator,
    )
    page = client.get(reverse("learning:application", args=[application.pk])).content.decode()
    assert "Wie zorgt voor het uitnodigen van de ondernemers?" in page
    data = _post_data(region, PERSONS)
    data["provides_invitations"] = "on"
    response = client.post(reverse("learning:application_edit", args=[application.pk]), data)
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.provides_invitations


def test_only_people_with_a_region_apply_and_only_facilitators_see_the_list(
    client, outsider, coordinator
):
    client.force_login(coordinator)
    assert client.get(reverse("learning:application_list")).status_code == 403
    page = client.get(reverse("learning:application_create")).content.decode()
    assert "Noordoost-Brabant" in page and "Andere regio" not in page
