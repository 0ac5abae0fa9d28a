"""The demo of learning together: the Communities of Practice of the four regions of 2020,
the intervision series of the nine MKB-Deals with a learning question each, sessions past
(with reports, lessons and agreements) and upcoming, a searchable practice library; loading
again adds nothing."""

import pytest
from django.utils import timezone

from kennisnetwerk.demo.services import demo_data_load
from kennisnetwerk.learning.constants import ProgrammeKind
from kennisnetwerk.learning.models import (
    LearningQuestion,
    Lesson,
    PracticeExample,
    Programme,
    Registration,
    Session,
    SessionAgreement,
)
from kennisnetwerk.search.selectors import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        demo_data_load()


def _counts():
    return [
        m.objects.count()
        for m in (
            Programme,
            Session,
            Registration,
            Lesson,
            SessionAgreement,
            LearningQuestion,
            PracticeExample,
        )
    ]


def test_the_programmes_sessions_and_library_of_the_demo(loaded, client):
    cops = Programme.objects.filter(kind=ProgrammeKind.COMMUNITY)
    regions = {r.name for p in cops for r in p.regions.all()}
    assert {"Noordoost-Brabant", "Zuid-Holland", "Groningen-Assen", "Regio Zwolle"} <= regions
    intervision = Programme.objects.get(kind=ProgrammeKind.INTERVISION)
    assert intervision.regions.filter(kind="mkb_deal").count() == 9
    assert intervision.learning_questions.values("region").distinct().count() == 9

    now = timezone.now()
    assert Session.objects.filter(starts_at__lt=now, report__isnull=False).count() >= 4
    assert Session.objects.filter(starts_at__gt=now).count() >= 6
    assert Lesson.objects.count() >= 6 and SessionAgreement.objects.count() >= 5
    assert PracticeExample.objects.filter(is_published=True).count() >= 10

    hits = search(query="keukentafel opvolging", kinds="practice_example")
    titles = set(
        PracticeExample.objects.filter(pk__in=[int(h.object_id) for h in hits]).values_list(
            "title", flat=True
        )
    )
    assert "Keukentafelgesprekken over bedrijfsopvolging" in titles
    assert search(query="werkgever", kinds="lesson")

    # The demo member sees the programme of Noordoost-Brabant with its sessions.
    from kennisnetwerk.accounts.models import User

    member = User.objects.get(email__startswith="medewerker.oss@")
    client.force_login(member)
    page = client.get("/leren/programmas/cop-noordoost-brabant/").content.decode()
    assert "Bedrijfsopvolging in de kleine kernen" in page
    assert "Pilot zij-instroom uitbreiden naar de bouw" in page

    before = _counts()
    demo_data_load()
    assert _counts() == before
