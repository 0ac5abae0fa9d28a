"""Parties, people and messages of a region for the message and calendar tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
    make_member,
)
from kennisnetwerk.ecosystem.models import Organisation, Theme
from kennisnetwerk.geo.models import Municipality, Region
from kennisnetwerk.outreach.constants import MessageKind
from kennisnetwerk.outreach.models import Message
from kennisnetwerk.outreach.services_messages import MessageData, message_approve, message_submit


@dataclass
class World:
    region: Region
    other: Region
    oss: Organisation
    kvk: Organisation
    leiden: Organisation
    member: Any
    kvk_member: Any
    outsider: Any
    coordinator: Any
    other_coordinator: Any


def make_world() -> World:
    region = RegionFactory(
        name="Noordoost-Brabant", slug="nob-berichten", municipalities=["Oss", "Maashorst"]
    )
    other = RegionFactory(name="Leidse regio", slug="leidse-regio", municipalities=["Leiden"])
    oss = OrganisationFactory(name="Gemeente Oss (fictief)")
    kvk = OrganisationFactory(
        name="KVK Noordoost (fictief)", municipality=Municipality.objects.get(name="Maashorst")
    )
    leiden = OrganisationFactory(
        name="Ondernemersvereniging Leiden (fictief)",
        municipality=Municipality.objects.get(name="Leiden"),
    )
    return World(
        region=region,
        other=other,
        oss=oss,
        kvk=kvk,
        leiden=leiden,
        member=make_member(oss, full_name="Sanne de Vries"),
        kvk_member=make_member(kvk, full_name="Ahmed Bakker"),
        outsider=make_member(leiden, full_name="Eva Jansen"),
        coordinator=make_coordinator(region, full_name="Joost Smits"),
        other_coordinator=make_coordinator(other, full_name="Lotte Visser"),
    )


def at(days: int, hour: int = 14, minute: int = 0) -> dt.datetime:
    """A moment ``days`` from today, local time."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=timezone.get_current_timezone())


def event_data(**overrides: Any) -> MessageData:
    values: dict[str, Any] = {
        "kind": MessageKind.EVENT,
        "title": "Webinar digitalisering voor het mkb",
        "body": "Hoe digitaliseert u uw administratie? Een webinar over boekhoudsoftware, "
        "e-facturen en online bankieren voor ondernemers in de regio.",
        "valid_from": timezone.localdate(),
        "valid_until": None,
        "event_start": at(10),
        "event_end": at(10, 16),
        "location": "Online",
        "themes": [Theme.objects.get(slug="digitalisering")],
    }
    values.update(overrides)
    return MessageData(**values)


def submitted(world: World, sender: Organisation | None = None, **overrides: Any) -> Message:
    sender = sender or world.oss
    actor = world.member if sender == world.oss else world.kvk_member
    return message_submit(
        region=world.region, sender=sender, data=event_data(**overrides), actor=actor
    )


def approved(world: World, sender: Organisation | None = None, **overrides: Any) -> Message:
    return message_approve(message=submitted(world, sender, **overrides), actor=world.coordinator)
