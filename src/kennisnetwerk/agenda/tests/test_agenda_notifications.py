"""An action assigned to my organisation, and an action of ours overdue: the members of the
owning organisation hear of it, nobody else (not the coordinator who made the change)."""

import datetime as dt

import pytest

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
    make_member,
)
from kennisnetwerk.agenda import services
from kennisnetwerk.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(reference_data):
    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss"])
    coordinator = make_coordinator(region)
    owner = OrganisationFactory(name="Gemeente Oss (fictief)")
    other = OrganisationFactory(name="KVK (fictief)")
    agenda = services.agenda_create(
        region=region, title="DOE-agenda 2026", start_date=dt.date(2026, 1, 1), actor=coordinator
    )
    return {
        "coordinator": coordinator,
        "owner": owner,
        "other": other,
        "members": [make_member(owner), make_member(owner)],
        "other_member": make_member(other),
        "agenda": agenda,
    }


def _recipients(kind):
    return set(Notification.objects.filter(kind=kind).values_list("recipient_id", flat=True))


def test_an_action_assigned_and_reassigned(world, smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        action = services.action_create(
            agenda=world["agenda"],
            data=services.ActionData(
                title="Gezamenlijk loket", owner=world["owner"], deadline=dt.date(2026, 6, 1)
            ),
            actor=world["coordinator"],
        )
    assert _recipients("agenda.action_assigned") == {m.pk for m in world["members"]}
    notification = Notification.objects.filter(recipient=world["members"][0]).get()
    assert "Gezamenlijk loket" in notification.title and "1 juni 2026" in notification.body
    assert {m["To"] for m in smtp_server.wait_for(2)} == {m.email for m in world["members"]}

    # A change that keeps the owner tells nobody; a new owner's members hear of it.
    Notification.objects.all().delete()
    data = services.ActionData(title="Gezamenlijk loket (herzien)", owner=world["owner"])
    with django_capture_on_commit_callbacks(execute=True):
        services.action_update(action=action, data=data, actor=world["coordinator"])
    assert not Notification.objects.exists()
    data = services.ActionData(title="Gezamenlijk loket (herzien)", owner=world["other"])
    with django_capture_on_commit_callbacks(execute=True):
        services.action_update(action=action, data=data, actor=world["coordinator"])
    assert _recipients("agenda.action_assigned") == {world["other_member"].pk}


def test_an_overdue_action_is_notified_once(world, django_capture_on_commit_callbacks):
    action = services.action_create(
        agenda=world["agenda"],
        data=services.ActionData(
            title="Te laat", owner=world["owner"], deadline=dt.date(2026, 2, 1)
        ),
        actor=world["coordinator"],
    )
    now = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
    type(action).objects.filter(pk=action.pk).update(created_at=now)
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.reminders_send(now=now)
        services.reminders_send(now=now + dt.timedelta(days=1))
    assert _recipients("agenda.action_overdue") == {m.pk for m in world["members"]}
    assert Notification.objects.filter(kind="agenda.action_overdue").count() == 2
    notification = Notification.objects.filter(kind="agenda.action_overdue").first()
    assert notification.title == "Actie te laat: Te laat"
