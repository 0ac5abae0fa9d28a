"""Indicators computed by the platform: one registry of metric sources (registrations and
attendance of learning together, subscribers, digests delivered, initiatives per theme, DOE
agenda actions on schedule), filled once a day by the schedule's job."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from kennisnetwerk.accounts.tests.factories import OrganisationFactory
from kennisnetwerk.agenda.models import Action, Agenda
from kennisnetwerk.ecosystem.models import Theme
from kennisnetwerk.ecosystem.tests.factories import InitiativeFactory
from kennisnetwerk.learning.constants import RegistrationStatus, SessionStatus
from kennisnetwerk.learning.models import Registration
from kennisnetwerk.learning.tests.factories import ProgrammeFactory, SessionFactory
from kennisnetwerk.monitoring.constants import Frequency, Source, Unit
from kennisnetwerk.monitoring.metrics import Scope, metric_choices, metric_get
from kennisnetwerk.monitoring.models import Measurement
from kennisnetwerk.monitoring.schedule import monitoring_schedule_tick
from kennisnetwerk.outreach.models import Subscriber

from .factories import indicator_make, reach_world

pytestmark = pytest.mark.django_db
YEAR = dt.date(2025, 1, 1), dt.date(2025, 12, 31)


def _at(month, day, hour=10):
    return timezone.make_aware(dt.datetime(2025, month, day, hour))  # noqa: DTZ001


@pytest.fixture
def world(db):
    world = reach_world()
    region = world["region"]
    programme = ProgrammeFactory(title="CoP Noordoost-Brabant")
    programme.regions.set([region])
    other = ProgrammeFactory(title="CoP elders")
    world["programme"] = programme
    held = SessionFactory(programme=programme, starts_at=_at(3, 4), ends_at=_at(3, 4, 13))
    SessionFactory(
        programme=programme,
        starts_at=_at(5, 6),
        ends_at=_at(5, 6, 13),
        status=SessionStatus.CANCELLED,
    )
    elsewhere = SessionFactory(programme=other, starts_at=_at(3, 4), ends_at=_at(3, 4, 13))
    for n, (status, attended) in enumerate(
        [
            (RegistrationStatus.REGISTERED, True),
            (RegistrationStatus.REGISTERED, True),
            (RegistrationStatus.REGISTERED, False),
            (RegistrationStatus.WAITING, None),
            (RegistrationStatus.CANCELLED, None),
        ]
    ):
        Registration.objects.create(
            session=held, name=f"P{n}", email=f"p{n}@voorbeeld.example", status=status,
            attended=attended,
        )  # fmt: skip
    Registration.objects.create(
        session=elsewhere,
        name="X",
        email="x@voorbeeld.example",
        status=RegistrationStatus.REGISTERED,
        attended=True,
    )
    return world


def _compute(key, world, programme=None):
    metric = metric_get(key)
    return metric.compute(Scope(world["region"], programme), *YEAR)


def test_learning_figures_count_sessions_registrations_and_attendance_of_the_region(world):
    assert _compute("learning-sessions", world) == 1
    assert _compute("learning-registrations", world) == 3
    assert _compute("learning-attendance", world) == 2
    assert _compute("learning-attendance", world, world["programme"]) == 2
    keys = {m.key for m in metric_choices()}
    assert {"learning-registrations", "learning-attendance", "subscribers"} <= keys


def test_initiatives_per_theme_and_actions_on_schedule(world, reference_data):
    region = world["region"]
    theme = Theme.objects.filter(is_active=True).first()
    InitiativeFactory(inventory_region=region, themes=[theme], is_published=True)
    InitiativeFactory(inventory_region=region, is_published=True)
    assert _compute(f"initiatives-theme:{theme.slug}", world) == 1
    assert _compute("initiatives", world) == 2
    assert metric_get("initiatives-theme:bestaat-niet") is None

    agenda = Agenda.objects.create(region=region, title="DOE", start_date=dt.date(2025, 1, 1))
    owner = OrganisationFactory()
    past = timezone.localdate() - dt.timedelta(days=3)
    Action.objects.create(agenda=agenda, title="Te laat", owner=owner, deadline=past)
    Action.objects.create(
        agenda=agenda, title="Op tijd", owner=owner, deadline=past, status="gereed"
    )
    Action.objects.create(agenda=agenda, title="Later", owner=owner)
    Action.objects.create(agenda=agenda, title="Weg", owner=owner, status="geschrapt")
    this_year = timezone.localdate().year
    metric = metric_get("actions-on-schedule")
    value = metric.compute(Scope(region), dt.date(this_year, 1, 1), dt.date(this_year, 12, 31))
    assert value == Decimal("66.7")


def test_the_daily_job_fills_computed_indicators_once_a_day(
    world, settings, django_capture_on_commit_callbacks
):
    settings.MONITORING_COMPUTE_HOUR = 5
    region = world["region"]
    indicator = indicator_make(
        region,
        code="deelname",
        name="Aanwezigen bij bijeenkomsten",
        source=Source.COMPUTED,
        metric="learning-attendance",
        frequency=Frequency.YEAR,
        unit=Unit.NUMBER,
    )
    today = dt.date(2026, 2, 1)
    early = timezone.make_aware(dt.datetime(2026, 2, 1, 4))  # noqa: DTZ001
    morning = timezone.make_aware(dt.datetime(2026, 2, 1, 6))  # noqa: DTZ001

    assert monitoring_schedule_tick(early) == []
    with django_capture_on_commit_callbacks(execute=True):
        with_lines = monitoring_schedule_tick(morning)
    assert with_lines == ["indicator Noordoost-Brabant: Aanwezigen bij bijeenkomsten"]
    values = dict(Measurement.objects.filter(indicator=indicator).values_list("period", "value"))
    assert values == {"2025": Decimal(2), "2026": Decimal(0)}
    assert set(Measurement.objects.values_list("source", flat=True)) == {Source.COMPUTED}
    indicator.refresh_from_db()
    assert indicator.computed_on == today
    # Later ticks of the same day do nothing; the next day computes again.
    assert monitoring_schedule_tick(morning + dt.timedelta(hours=3)) == []
    with django_capture_on_commit_callbacks(execute=True):
        assert len(monitoring_schedule_tick(morning + dt.timedelta(days=1))) == 1
    indicator.refresh_from_db()
    assert indicator.computed_on == today + dt.timedelta(days=1)


def test_run_schedule_calls_the_monitoring_job_through_its_hook(
    world, settings, django_capture_on_commit_callbacks
):
    settings.MONITORING_COMPUTE_HOUR = 0
    indicator = indicator_make(
        world["region"],
        code="aanmeldingen",
        source=Source.COMPUTED,
        metric="learning-registrations",
    )

    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_schedule", "--once")

    today = timezone.localdate()
    periods = set(Measurement.objects.filter(indicator=indicator).values_list("period", flat=True))
    assert periods == {str(today.year - 1), str(today.year)}
    indicator.refresh_from_db()
    assert indicator.computed_on == today


def test_subscribers_count_only_confirmed_active_ones_of_the_region(world):
    region = world["region"]
    for n, (status, days) in enumerate([("actief", 2), ("actief", None), ("afgemeld", 5)]):
        Subscriber.objects.create(
            region=region,
            email=f"a{n}@voorbeeld.example",
            company_name="Bakkerij",
            status=status,
            confirmed_at=None if days is None else timezone.now() - dt.timedelta(days=days),
        )
    today = timezone.localdate()
    assert metric_get("subscribers").compute(Scope(region), today, today) == 1
