"""A person's programme memberships and registrations are in their personal data export, and
erasure removes them (the report and the lessons of the programme stay)."""

import pytest

from kennisnetwerk.accounts.models import ErasureRequest
from kennisnetwerk.accounts.services import personal_data_erase, personal_data_export
from kennisnetwerk.learning import services_sessions as services
from kennisnetwerk.learning.models import ProgrammeMember, Registration, SessionReport

pytestmark = pytest.mark.django_db


def test_export_and_erasure_of_learning_data(session, members, organiser):
    person = members[0]
    services.session_register(session=session, user=person, name="Deelnemer 0", email=person.email)
    services.report_save(
        session=session,
        data=services.ReportData(minutes="Verslag."),
        actor=organiser,
        now=session.ends_at,
    )
    export = personal_data_export(user=person)["learning"]
    assert export["programmes"][0]["programme"] == session.programme.title
    assert export["registrations"][0]["session"] == session.title
    assert export["registrations"][0]["status"] == "aangemeld"

    personal_data_erase(request=ErasureRequest.objects.create(user=person))
    assert not Registration.objects.filter(email=person.email).exists()
    assert not ProgrammeMember.objects.filter(user=person).exists()
    assert SessionReport.objects.filter(session=session).exists()
