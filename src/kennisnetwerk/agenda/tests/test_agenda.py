"""Roll-up of progress, bad input, adopting an agreement, reminders by mail through a real SMTP
server, freezing with the difference view, and the Word export read back with python-docx."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
    make_member,
)
from kennisnetwerk.agenda import services
from kennisnetwerk.agenda.selectors import agenda_actions, agenda_progress


@pytest.fixture
def world(reference_data):
    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss"])
    coordinator = make_coordinator(region)
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


def _action(world, title="Actie", **kwargs):
    data = services.ActionData(title=title, owner=kwargs.pop("owner", world["owner"]), **kwargs)
    return services.action_create(agenda=world["agenda"], data=data, actor=world["coordinator"])


def test_progress_of_sub_actions_rolls_up_and_cancelled_ones_do_not_count(world):
    parent = _action(world, "Digitaliseringsaanpak")
    subs = [_action(world, f"Deel {i}", parent=parent) for i in range(3)]
    services.progress_post(
        action=subs[0], text="Klaar", progress=100, status="gereed", actor=world["member"]
    )
    services.progress_post(
        action=subs[1], text="Half", progress=50, status="bezig", actor=world["member"]
    )
    services.progress_post(
        action=subs[2], text="Vervalt", progress=0, status="geschrapt", actor=world["member"]
    )

    top = agenda_actions(world["agenda"])

    assert [a.title for a in top] == ["Digitaliseringsaanpak"]
    assert top[0].rolled_up == 75
    assert agenda_progress(world["agenda"], top) == 75


def test_an_action_without_owner_or_with_a_deadline_before_the_start_is_refused(world):
    with pytest.raises(ValidationError) as missing_owner:
        _action(world, owner=None)
    with pytest.raises(ValidationError) as early:
        _action(world, deadline=dt.date(2025, 12, 31))

    assert "eigenaar" in str(missing_owner.value.message_dict["owner"])
    assert "voor het begin" in str(early.value.message_dict["deadline"])
    assert not world["agenda"].actions.exists()


def test_an_agreement_is_adopted_once(world):
    agreement = services.AgreementData(
        description="Gezamenlijk loket digitalisering\nMet de KVK samen.",
        owner=world["owner"],
        due_date=dt.date(2026, 6, 1),
        source_reference="learning.agreement:1",
        source_label="Bijeenkomst CoP Digitalisering",
    )
    action = services.agreement_adopt(
        agenda=world["agenda"], agreement=agreement, actor=world["coordinator"]
    )

    assert (action.title, action.deadline, action.owner) == (
        "Gezamenlijk loket digitalisering",
        dt.date(2026, 6, 1),
        world["owner"],
    )
    with pytest.raises(ValidationError):
        services.agreement_adopt(
            agenda=world["agenda"], agreement=agreement, actor=world["coordinator"]
        )


@pytest.mark.django_db(transaction=True)
def test_overdue_and_stale_actions_remind_their_owner_once_by_mail(world, smtp_server):
    from kennisnetwerk.notifications.services import preference_set

    # Only the reminder mails here (the notification of a new action stays in the centre).
    preference_set(user=world["member"], kind="agenda.action_assigned", channel="centre")
    overdue = _action(world, "Te laat", deadline=dt.date(2026, 2, 1))
    _action(world, "Op schema")
    now = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
    type(overdue).objects.filter(pk=overdue.pk).update(created_at=now)
    # the second action was created "now" too: not stale, no deadline
    type(overdue).objects.exclude(pk=overdue.pk).update(created_at=now)

    assert services.reminders_send(now=now) == 1
    assert services.reminders_send(now=now + dt.timedelta(days=1)) == 0

    mails = smtp_server.wait_for(1)
    assert len(mails) == 1
    assert mails[0]["To"] == "eigenaar@voorbeeld.example"
    assert "Te laat" in mails[0]["Subject"]
    assert "verstreken" in mails[0].get_body(("plain",)).get_content()


def test_freezing_keeps_a_version_and_later_changes_show_as_a_difference(client, world):
    action = _action(world, "Loket")
    client.force_login(world["coordinator"])
    client.post(reverse("agenda:freeze", args=[world["agenda"].pk]), {"note": "Bestuur"})
    services.progress_post(
        action=action, text="Gestart", progress=20, status="bezig", actor=world["member"]
    )
    _action(world, "Nieuwe actie")

    page = client.get(reverse("agenda:difference", args=[world["agenda"].pk])).content.decode()

    assert world["agenda"].versions.get().number == 1
    assert "Nieuwe actie" in page and "toegevoegd" in page
    assert "<td>Status</td><td>Gepland</td><td>Bezig</td>" in page
    assert "<td>Voortgang</td><td>0 %</td><td>20 %</td>" in page


def test_the_word_export_has_tables_of_actions_and_commitments(client, world):
    from docx import Document

    action = _action(world, "Loket", deadline=dt.date(2026, 6, 1))
    partner = OrganisationFactory(name="KVK (fictief)")
    services.contribution_set(
        action=action, organisation=partner, hours=40, people=2, actor=world["coordinator"]
    )
    client.force_login(world["member"])

    response = client.get(reverse("agenda:docx", args=[world["agenda"].pk]))

    document = Document(io.BytesIO(response.content))
    texts = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    nbsp = "\u00a0"
    assert [
        "Loket",
        "Gemeente Oss (fictief)",
        f"1{nbsp}jun.{nbsp}2026",
        "Gepland",
        f"0{nbsp}%",
    ] in texts
    assert ["KVK (fictief)", "Loket", "40 uur, 2 personen"] in texts


def test_the_owner_posts_progress_and_another_party_may_not(client, world):
    action = _action(world, "Loket")
    outsider = make_member(OrganisationFactory(name="Elders (fictief)"))
    url = reverse("agenda:action", args=[action.pk])

    client.force_login(outsider)
    assert client.post(url, {"text": "x", "progress": 10, "status": "bezig"}).status_code == 403
    client.force_login(world["member"])
    response = client.post(
        url, {"text": "Eerste gesprek gevoerd", "progress": 10, "status": "bezig"}
    )

    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.progress, action.status) == (10, "bezig")
