"""Pages show amounts, dates and counts through the one formatting helper: the atlas shows a
budget of 250000,50 as € 250.000,50 (it showed € 250.001), the DOE agenda a commitment of one
person as "1 persoon" (it showed "1 mensen") and dates as 7 dec. 2026."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
)

pytestmark = pytest.mark.django_db


def test_the_atlas_shows_a_budget_in_euro_and_cents(client, reference_data):
    from kennisnetwerk.ecosystem.tests.factories import InitiativeFactory

    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss"])
    initiative = InitiativeFactory(
        inventory_region=region,
        budget=Decimal("250000.50"),
        start_date=dt.date(2026, 1, 15),
        end_date=dt.date(2026, 12, 7),
    )
    page = client.get(reverse("ecosystem:initiative", args=[initiative.slug])).content.decode()
    assert "€ 250.000,50" in page
    assert "250.001" not in page


def test_the_agenda_counts_people_and_writes_money_and_dates_the_dutch_way(client, reference_data):
    from kennisnetwerk.agenda import services

    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss"])
    coordinator = make_coordinator(region)
    owner = OrganisationFactory(name="Gemeente Oss (fictief)")
    agenda = services.agenda_create(
        region=region, title="DOE-agenda 2026", start_date=dt.date(2026, 1, 1), actor=coordinator
    )
    action = services.action_create(
        agenda=agenda,
        data=services.ActionData(title="Loket", owner=owner, deadline=dt.date(2026, 12, 7)),
        actor=coordinator,
    )
    services.contribution_set(
        action=action,
        organisation=owner,
        hours=1,
        money=Decimal("15000"),
        people=1,
        actor=coordinator,
    )
    client.force_login(coordinator)
    page = client.get(reverse("agenda:action", args=[action.pk])).content.decode()
    assert "1 uur" in page
    assert "€ 15.000,00" in page
    assert "1 persoon" in page
    assert "mensen" not in page
    overview = client.get(reverse("agenda:agenda", args=[agenda.pk])).content.decode()
    assert "7 dec. 2026" in overview
    assert "1 persoon" in overview
