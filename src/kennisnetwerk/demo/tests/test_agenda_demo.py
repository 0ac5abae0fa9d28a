"""The demo DOE agendas: Noordoost-Brabant's with goals, actions, commitments, progress, a
frozen version with a later change, and an action taken over from a session agreement; the
Community of Practice's own agenda; loading again adds nothing."""

import pytest

from kennisnetwerk.agenda.models import Action, Agenda, Contribution, ProgressUpdate
from kennisnetwerk.agenda.selectors import agenda_difference, agenda_snapshot
from kennisnetwerk.demo.agenda import ADOPTED_AGREEMENT, PROGRAMME_TITLE, REGION_TITLE
from kennisnetwerk.demo.services import demo_data_load
from kennisnetwerk.learning.constants import AgreementStatus
from kennisnetwerk.learning.models import SessionAgreement

pytestmark = pytest.mark.django_db


def _counts():
    return [m.objects.count() for m in (Agenda, Action, Contribution, ProgressUpdate)]


def test_the_demo_agendas_are_complete_and_load_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        demo_data_load()
    before = _counts()
    with django_capture_on_commit_callbacks(execute=True):
        demo_data_load()

    assert _counts() == before
    agenda = Agenda.objects.get(title=REGION_TITLE)
    assert agenda.goals.count() == 3
    assert agenda.actions.filter(parent__isnull=False).count() == 2
    assert Contribution.objects.filter(action__agenda=agenda).count() >= 5
    agreement = SessionAgreement.objects.get(description=ADOPTED_AGREEMENT)
    adopted = agenda.actions.get(source_reference=f"learning.agreement:{agreement.pk}")
    assert agreement.status == AgreementStatus.ADOPTED
    assert agreement.adopted_ref == f"agenda.action:{adopted.pk}"
    version = agenda.versions.get()
    changes = agenda_difference(version.content, agenda_snapshot(agenda))
    assert [(c.kind, c.subject) for c in changes] == [("added", "Bouwplaats als leerwerkplek")]
    programme_agenda = Agenda.objects.get(title=PROGRAMME_TITLE)
    assert programme_agenda.programme.slug == "cop-noordoost-brabant"
