"""The coordinators' forms (with the Dutch errors of bad input), adopting session agreements
in one step, the daily reminders through the platform's schedule and a real SMTP server, and
the dashboard widget."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
    make_member,
)
from kennisnetwerk.agenda import services
from kennisnetwerk.agenda.models import Action, Agenda
from kennisnetwerk.learning.constants import AgreementStatus, MemberRole
from kennisnetwerk.learning.models import SessionAgreement
from kennisnetwerk.learning.tests.factories import ProgrammeFactory, SessionFactory, add_member


@pytest.fixture
def world(reference_data):
    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss"])
    coordinator = make_coordinator(region, email="coordinator@voorbeeld.example")
    owner = OrganisationFactory(name="Gemeente Oss (fictief)")
    member = make_member(owner, email="eigenaar@voorbeeld.example")
    agenda = services.agenda_create(
        region=region, title="DOE-agenda 2026", start_date=dt.date(2026, 1, 1), actor=coordinator
    )
    return {
        "region": region,
        "coordinator": coordinator,
        "owner": owner,
        "member": member,
        "agenda": agenda,
    }


def test_a_coordinator_creates_an_agenda_for_a_programme_of_the_region(client, world):
    programme = ProgrammeFactory(title="CoP Digitalisering")
    programme.regions.set([world["region"]])
    client.force_login(world["coordinator"])

    response = client.post(
        reverse("agenda:create"),
        {
            "region": world["region"].pk,
            "programme": programme.pk,
            "title": "DOE-agenda CoP Digitalisering",
            "start_date": "2026-02-01",
            "end_date": "2026-12-31",
            "stale_after_days": 21,
        },
    )

    agenda = Agenda.objects.get(title="DOE-agenda CoP Digitalisering")
    assert response.status_code == 302
    assert (agenda.region, agenda.programme, agenda.stale_after_days) == (
        world["region"],
        programme,
        21,
    )
    page = client.get(reverse("agenda:agenda", args=[agenda.pk])).content.decode()
    assert "DOE-agenda van CoP Digitalisering (Noordoost-Brabant)" in page


def test_an_action_without_owner_or_with_an_early_deadline_gets_a_dutch_error(client, world):
    client.force_login(world["coordinator"])
    url = reverse("agenda:action_create", args=[world["agenda"].pk])

    no_owner = client.post(url, {"title": "Loket", "owner": "", "deadline": "2026-05-01"})
    early = client.post(
        url, {"title": "Loket", "owner": world["owner"].pk, "deadline": "2025-12-01"}
    )

    assert no_owner.status_code == 400
    assert "Elke actie heeft een eigenaar" in no_owner.content.decode()
    assert early.status_code == 400
    assert "De deadline ligt voor het begin van de agenda (1 jan. 2026)." in early.content.decode()
    assert not world["agenda"].actions.exists()


def test_the_coordinator_adds_an_action_a_sub_action_and_commitments(client, world):
    partner = OrganisationFactory(name="KVK (fictief)")
    client.force_login(world["coordinator"])
    agenda = world["agenda"]
    client.post(reverse("agenda:goal_create", args=[agenda.pk]), {"title": "Meer digitale mkb"})
    goal = agenda.goals.get()

    client.post(
        reverse("agenda:action_create", args=[agenda.pk]),
        {"title": "Digitaliseringsloket", "owner": world["owner"].pk, "goal": goal.pk},
    )
    main = agenda.actions.get()
    client.post(
        reverse("agenda:action_create", args=[agenda.pk]),
        {"title": "Website loket", "owner": partner.pk, "parent": main.pk},
    )
    nothing = client.post(
        reverse("agenda:contribution_add", args=[main.pk]), {"organisation": partner.pk}
    )
    client.post(
        reverse("agenda:contribution_add", args=[main.pk]),
        {"organisation": partner.pk, "hours": "40", "money": "2500", "people": "2"},
    )
    client.post(
        reverse("agenda:milestone_create", args=[agenda.pk]),
        {"title": "Loket open", "date": "2026-09-01"},
    )

    sub = agenda.actions.get(parent=main)
    assert (sub.title, sub.goal) == ("Website loket", goal)
    assert nothing.status_code == 400 and "Vul uren, geld of mensen in." in nothing.content.decode()
    contribution = main.contributions.get()
    assert (contribution.hours, contribution.money, contribution.people) == (40, 2500, 2)
    page = client.get(reverse("agenda:agenda", args=[agenda.pk])).content.decode()
    assert "KVK (fictief): 40 uur € 2.500,00 2 personen" in page
    assert "Loket open" in page and "Meer digitale mkb" in page


def test_moving_the_start_after_a_deadline_is_refused(client, world):
    services.action_create(
        agenda=world["agenda"],
        data=services.ActionData(title="Loket", owner=world["owner"], deadline=dt.date(2026, 3, 1)),
        actor=world["coordinator"],
    )
    client.force_login(world["coordinator"])

    response = client.post(
        reverse("agenda:edit", args=[world["agenda"].pk]),
        {"title": "DOE-agenda 2026", "start_date": "2026-04-01", "stale_after_days": 30},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "De actie &quot;Loket&quot; heeft een deadline (1 mrt. 2026)" in page
    world["agenda"].refresh_from_db()
    assert world["agenda"].start_date == dt.date(2026, 1, 1)


@pytest.fixture
def agreements(world):
    programme = ProgrammeFactory(title="CoP Digitalisering")
    programme.regions.set([world["region"]])
    session = SessionFactory(programme=programme, title="Bijeenkomst maart")
    made = [
        SessionAgreement.objects.create(
            session=session,
            description="Gezamenlijk loket opzetten",
            owner_organisation=world["owner"],
            due_date=dt.date(2026, 6, 1),
        ),
        SessionAgreement.objects.create(
            session=session,
            description="Wervingsactie met de bibliotheek",
            owner_name="Anna de Vries",
            due_date=dt.date(2026, 7, 1),
        ),
    ]
    elsewhere = SessionFactory(title="Andere regio")
    SessionAgreement.objects.create(
        session=elsewhere, description="Niet van hier", owner_name="X", due_date=dt.date(2026, 7, 1)
    )
    return made


def test_agreements_are_adopted_in_one_step_and_never_twice(client, world, agreements):
    client.force_login(world["coordinator"])
    url = reverse("agenda:adopt", args=[world["agenda"].pk])
    page = client.get(url).content.decode()
    assert "Gezamenlijk loket opzetten" in page and "Niet van hier" not in page

    without_owner = client.post(url, {"agreements": [a.pk for a in agreements]})
    assert without_owner.status_code == 400
    assert "noemt geen organisatie" in without_owner.content.decode()
    assert not world["agenda"].actions.exists()
    assert SessionAgreement.objects.filter(status=AgreementStatus.ADOPTED).count() == 0

    response = client.post(
        url, {"agreements": [a.pk for a in agreements], "owner": world["owner"].pk}
    )

    assert response.status_code == 302
    actions = list(world["agenda"].actions.order_by("deadline"))
    assert [(a.title, a.owner, a.deadline) for a in actions] == [
        ("Gezamenlijk loket opzetten", world["owner"], dt.date(2026, 6, 1)),
        ("Wervingsactie met de bibliotheek", world["owner"], dt.date(2026, 7, 1)),
    ]
    assert "Anna de Vries" in actions[1].description
    assert "Bijeenkomst maart" in actions[0].source_label
    for agreement, action in zip(agreements, actions, strict=True):
        agreement.refresh_from_db()
        assert agreement.status == AgreementStatus.ADOPTED
        assert agreement.adopted_ref == f"agenda.action:{action.pk}"
    again = client.post(url, {"agreements": [agreements[0].pk], "owner": world["owner"].pk})
    assert again.status_code == 400
    other = services.agenda_create(
        region=world["region"], title="Tweede", start_date=dt.date(2026, 1, 1), actor=None
    )
    with pytest.raises(services.ValidationError, match="al overgenomen"):
        services.agreements_adopt(agenda=other, agreements=[agreements[0]], actor=None)
    assert Action.objects.count() == 2


def test_a_party_member_may_not_adopt_agreements(client, world, agreements):
    client.force_login(world["member"])
    response = client.post(
        reverse("agenda:adopt", args=[world["agenda"].pk]), {"agreements": [agreements[0].pk]}
    )
    assert response.status_code == 403
    assert not world["agenda"].actions.exists()


@pytest.mark.django_db(transaction=True)
def test_the_schedule_reminds_owners_once_per_period(world, smtp_server, settings):
    from kennisnetwerk.notifications.services import preference_set

    # Only the reminder mails here (the notification of a new action stays in the centre).
    preference_set(user=world["member"], kind="agenda.action_assigned", channel="centre")
    settings.AGENDA_REMINDER_DAYS = 7
    agenda = world["agenda"]
    agenda.stale_after_days = 14
    agenda.save()
    data = services.ActionData(title="Stil gevallen", owner=world["owner"])
    stale = services.action_create(agenda=agenda, data=data, actor=world["coordinator"])
    fresh = services.action_create(
        agenda=agenda,
        data=services.ActionData(title="Net gestart", owner=world["owner"]),
        actor=world["coordinator"],
    )
    now = timezone.now()
    Action.objects.filter(pk=stale.pk).update(created_at=now - dt.timedelta(days=20))
    Action.objects.filter(pk=fresh.pk).update(created_at=now - dt.timedelta(days=2))
    settings.AGENDA_REMINDER_HOUR = 0

    call_command("run_schedule", "--once")
    call_command("run_schedule", "--once")

    mails = smtp_server.wait_for(1)
    assert [m["To"] for m in mails] == ["eigenaar@voorbeeld.example"]
    assert "Stil gevallen" in mails[0]["Subject"]
    assert Action.objects.get(pk=stale.pk).reminded_at is not None
    assert Action.objects.get(pk=fresh.pk).reminded_at is None


def test_the_dashboard_shows_coordinators_late_actions_and_parties_their_commitments(client, world):
    late = services.action_create(
        agenda=world["agenda"],
        data=services.ActionData(
            title="Te laat", owner=world["owner"], deadline=dt.date(2026, 1, 5)
        ),
        actor=world["coordinator"],
    )
    Action.objects.filter(pk=late.pk).update(created_at=timezone.now())

    client.force_login(world["coordinator"])
    coordinator_page = client.get(reverse("accounts:dashboard")).content.decode()
    client.force_login(world["member"])
    member_page = client.get(reverse("accounts:dashboard")).content.decode()

    assert "Te laat" in coordinator_page
    assert "Onze inzet: 1 actie" in member_page
    assert "Te laat" not in member_page


def test_our_commitments_lists_what_our_party_owns_or_gives_across_agendas(client, world):
    elsewhere = RegionFactory(name="Zuid-Holland", municipalities=["Leiden"])
    other = services.agenda_create(
        region=elsewhere,
        title="DOE-agenda Zuid-Holland",
        start_date=dt.date(2026, 1, 1),
        actor=None,
    )
    kvk = OrganisationFactory(name="KVK (fictief)")
    services.action_create(
        agenda=world["agenda"],
        data=services.ActionData(title="Loket Oss", owner=world["owner"]),
        actor=None,
    )
    helped = services.action_create(
        agenda=other, data=services.ActionData(title="Loket Leiden", owner=kvk), actor=None
    )
    services.contribution_set(
        action=helped, organisation=world["owner"], hours=Decimal("16"), actor=None
    )
    services.action_create(
        agenda=other, data=services.ActionData(title="Niet van ons", owner=kvk), actor=None
    )
    client.force_login(world["member"])

    page = client.get(reverse("agenda:commitments")).content.decode()
    other_agenda = client.get(reverse("agenda:agenda", args=[other.pk]))

    assert "Loket Oss" in page and "wij voeren uit" in page
    assert "Loket Leiden" in page and "Gemeente Oss (fictief): 16 uur" in page
    assert "Niet van ons" not in page
    assert other_agenda.status_code == 200


def test_the_core_team_of_a_programme_edits_its_agenda_but_not_the_regions(client, world):
    programme = ProgrammeFactory(title="CoP Digitalisering")
    programme.regions.set([world["region"]])
    core = make_member(
        OrganisationFactory(name="Kernteam (fictief)"), email="kern@voorbeeld.example"
    )
    add_member(programme, core, role=MemberRole.CORE_TEAM)
    cop_agenda = services.agenda_create(
        region=world["region"],
        programme=programme,
        title="Agenda CoP",
        start_date=dt.date(2026, 1, 1),
        actor=world["coordinator"],
    )
    client.force_login(core)

    allowed = client.post(
        reverse("agenda:goal_create", args=[cop_agenda.pk]), {"title": "Samen leren"}
    )
    refused = client.post(
        reverse("agenda:goal_create", args=[world["agenda"].pk]), {"title": "Samen leren"}
    )

    assert allowed.status_code == 302 and cop_agenda.goals.get().title == "Samen leren"
    assert refused.status_code == 403 and not world["agenda"].goals.exists()
