"""The actions a person is contact for and the progress updates they wrote are in their
personal data export; erasure removes their name from both (the updates themselves stay)."""

import datetime as dt

import pytest

from kennisnetwerk.accounts.models import ErasureRequest
from kennisnetwerk.accounts.services import personal_data_erase, personal_data_export
from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
    make_member,
)
from kennisnetwerk.agenda import services
from kennisnetwerk.agenda.models import ProgressUpdate


@pytest.mark.django_db
def test_export_and_erasure_of_agenda_data(reference_data):
    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss"])
    coordinator = make_coordinator(region)
    owner = OrganisationFactory(name="Gemeente Oss (fictief)")
    person = make_member(owner, full_name="Fatma Yilmaz")
    agenda = services.agenda_create(
        region=region, title="DOE-agenda", start_date=dt.date(2026, 1, 1), actor=coordinator
    )
    action = services.action_create(
        agenda=agenda,
        data=services.ActionData(title="Loket", owner=owner, contact=person),
        actor=coordinator,
    )
    services.progress_post(action=action, text="Gestart", progress=10, status="bezig", actor=person)

    export = personal_data_export(user=person)["agenda"]
    assert export["contact_for_actions"] == [
        {"agenda": "DOE-agenda", "action": "Loket", "owner": "Gemeente Oss (fictief)"}
    ]
    assert export["progress_updates"][0]["author_name"] == "Fatma Yilmaz"

    personal_data_erase(request=ErasureRequest.objects.create(user=person))
    action.refresh_from_db()
    update = ProgressUpdate.objects.get()
    assert action.contact is None
    assert (update.author, update.author_label, update.text) == (None, "", "Gestart")
