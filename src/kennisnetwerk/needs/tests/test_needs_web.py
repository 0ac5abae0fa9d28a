"""The intake form, recording questions, feedback on matches, the gap report and the
thesaurus page, through the test client as a person would use them."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kennisnetwerk.accounts.tests.factories import make_coordinator, make_member
from kennisnetwerk.core.models import AuditLogEntry
from kennisnetwerk.needs.models import MatchFeedback, Need

from .factories import build_world, offer, reindex

pytestmark = pytest.mark.django_db

QUESTION = "Ik kan geen personeel vinden en wil mijn mensen laten bijscholen"


@pytest.fixture
def world(reference_data):
    world = build_world()
    reindex()
    return world


def _intake(client, world, **data):
    values = {"question": QUESTION, "municipality": "Oss", "size_class": "klein", **data}
    return client.post(reverse("needs:intake", args=[world["nob"].slug]), values, follow=True)


def test_an_entrepreneur_asks_without_account_and_sees_matching_offers(client, world):
    response = _intake(
        client,
        world,
        contact_email="info@metaal.example",
        follow_up_consent="on",
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Leerwerkplaats Techniek" in page
    assert "Werkgeversdesk personeel Leiden" not in page
    assert "bijscholen" in page  # the reason: matching words
    need = Need.objects.get()
    assert need.source == "formulier" and need.status == "open"
    assert need.follow_up_consent and need.consent_at is not None
    assert "contact" in need.consent_text
    assert need.best_score > 0 and need.matches.count() >= 1
    assert need.themes.filter(slug="menselijk-kapitaal").exists()  # from the thesaurus


def test_html_in_a_question_is_stored_as_text_and_never_rendered(client, world):
    script = '<script>alert("x")</script><b>vet</b> personeel'
    response = _intake(client, world, question=script)
    page = response.content.decode()
    assert Need.objects.get().question == script
    assert "<script>alert" not in page and "<b>vet</b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;vet&lt;/b&gt;" in page


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("   ", "Beschrijf uw vraag of knelpunt."),
        ("x" * 20_000, "Uw vraag is 20000 tekens lang; er passen maximaal 5000 tekens in."),
    ],
)
def test_an_empty_or_overlong_question_gets_a_dutch_message_and_saves_nothing(
    client, world, question, message
):
    response = _intake(client, world, question=question)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Need.objects.exists()


def test_contact_details_need_consent_and_a_municipality_must_be_in_the_region(client, world):
    response = _intake(client, world, contact_email="a@b.example", municipality="Leiden")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Vink het vakje aan als wij contact met u mogen opnemen" in page
    assert "Leiden hoort niet bij Noordoost-Brabant." in page
    assert not Need.objects.exists()


def test_the_public_form_is_rate_limited_per_address(client, world, settings):
    settings.NEEDS_INTAKE_MAX_PER_HOUR = 2
    for _ in range(2):
        assert _intake(client, world).status_code == 200
    response = _intake(client, world)
    assert response.status_code == 429
    assert "veel vragen in korte tijd" in response.content.decode()
    assert Need.objects.count() == 2


def test_an_account_manager_records_a_question_and_refers_the_entrepreneur(client, world):
    manager = make_member(world["party"])
    client.force_login(manager)
    response = client.post(
        reverse("needs:need_create", args=[world["nob"].slug]),
        {"question": QUESTION, "source": "accountmanager", "organisation": world["party"].pk},
    )
    need = Need.objects.get()
    assert response.status_code == 302 and need.submitted_by == manager
    assert need.organisation == world["party"]
    url = reverse("needs:need_feedback", args=[need.pk])
    training = world["training"]
    client.post(url, {"initiative": training.pk, "kind": "doorverwezen", "given": "1"})
    client.post(url, {"initiative": training.pk, "kind": "nuttig", "given": "1"})
    feedback = MatchFeedback.objects.filter(need=need)
    assert {f.kind for f in feedback} == {"doorverwezen", "nuttig"}
    assert all(f.user == manager for f in feedback)
    need.refresh_from_db()
    assert need.status == "doorverwezen"  # referring marks an open question
    assert AuditLogEntry.objects.filter(object_id=str(need.pk), action="create").count() == 3
    # The feedback is shown with the match; with htmx only the list is rendered again.
    response = client.post(
        url,
        {"initiative": training.pk, "kind": "niet_nuttig", "given": "1"},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="matches"')
    assert "Niet nuttig ✓" in page and "Doorverwezen ✓" in page
    assert not MatchFeedback.objects.filter(need=need, kind="nuttig").exists()


def test_people_of_another_region_see_no_questions(client, world):
    need = Need.objects.create(region=world["nob"], question="Vraag", source="formulier")
    client.force_login(make_coordinator(world["zh"]))
    assert client.get(reverse("needs:need", args=[need.pk])).status_code == 404  # not revealed
    assert client.get(reverse("needs:list", args=[world["nob"].slug])).status_code == 403
    assert client.get(reverse("needs:gaps", args=[world["nob"].slug])).status_code == 403


def test_the_coordinator_sees_the_gap_report_and_downloads_it(client, world):
    offer(
        "Exportcafé",
        "Bijeenkomsten over export.",
        region=world["nob"],
        themes=("internationalisering",),
    )
    reindex()
    _intake(client, world)
    _intake(client, world, question="Hoe regel ik de overname van een camping?", size_class="zzp")
    client.force_login(make_coordinator(world["nob"]))
    response = client.get(reverse("needs:gaps", args=[world["nob"].slug]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "1 vraag zonder goede match" in page
    assert "Exportcafé" in page  # an offer nobody asks for
    download = client.get(reverse("needs:gaps_xlsx", args=[world["nob"].slug]))
    workbook = load_workbook(io.BytesIO(download.content))
    assert workbook.sheetnames == ["Vragen en aanbod", "Zonder goede match", "Aanbod zonder vraag"]
    rows = list(workbook["Vragen en aanbod"].iter_rows(values_only=True))
    assert rows[0] == (
        "Thema",
        "Grootteklasse",
        "Gemeente",
        "Vragen",
        "Open vragen",
        "Actief aanbod",
    )
    assert ("Menselijk kapitaal / leven lang ontwikkelen", "Klein (10–49)", "Oss", 1, 1, 1) in rows
    unmatched = list(workbook["Zonder goede match"].iter_rows(values_only=True))
    assert unmatched[1][1] == "Hoe regel ik de overname van een camping?"
