import datetime as dt

from django.utils import timezone

from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
    make_member,
)
from kennisnetwerk.agenda.models import Action, Agenda
from kennisnetwerk.learning.constants import RegistrationStatus
from kennisnetwerk.learning.models import Registration
from kennisnetwerk.learning.tests.factories import ProgrammeFactory, SessionFactory
from kennisnetwerk.monitoring import services
from kennisnetwerk.monitoring.constants import Frequency, Source, Unit
from kennisnetwerk.monitoring.models import Indicator, Measurement, Target
from kennisnetwerk.monitoring.sketches import sketch_file_make


def reach_world():
    """A region with a coordinator, two parties with a member each, and a reach indicator."""
    region = RegionFactory(name="Noordoost-Brabant", municipalities=["Oss", "'s-Hertogenbosch"])
    coordinator = make_coordinator(region, full_name="Cora Coördinator")
    kvk = OrganisationFactory(name="KVK Zuid (fictief)")
    bom = OrganisationFactory(name="Ontwikkelingsmaatschappij (fictief)")
    indicator = Indicator.objects.create(
        region=region,
        code="bereik-mkb",
        name="Bereik onder mkb-ondernemers",
        unit=Unit.ENTREPRENEURS,
        frequency=Frequency.YEAR,
        source=Source.REACH,
    )
    return {
        "region": region,
        "coordinator": coordinator,
        "kvk": kvk,
        "bom": bom,
        "kvk_member": make_member(kvk),
        "bom_member": make_member(bom),
        "indicator": indicator,
    }


def indicator_make(region, **overrides) -> Indicator:
    values = {
        "code": "deelnemers",
        "name": "Deelnemende ondernemers",
        "unit": Unit.NUMBER,
        "frequency": Frequency.YEAR,
        "source": Source.MANUAL,
    }
    values.update(overrides)
    return Indicator.objects.create(region=region, **values)


KEY = bytes.fromhex("22" * 32)


def _sketch(world, party, start, stop):
    data = sketch_file_make(
        [f"{n:08d}" for n in range(start, stop)], key=KEY, indicator="bereik-mkb", period="2025"
    ).to_bytes()
    services.sketch_upload(
        indicator=world["indicator"], organisation=party, period="2025", data=data, actor=None
    )


def dashboard_world():
    """reach_world with an indicator against targets, two parties' sketches, a DOE agenda
    with a rolled-up action, and a programme of the region with a session held."""
    world = reach_world()
    region = world["region"]
    deelnemers = indicator_make(region, code="deelnemers", name="Deelnemende ondernemers")
    for period, value, target in (("2024", 80, 100), ("2025", 130, 120)):
        Measurement.objects.create(
            indicator=deelnemers, period=period, value=value, source=Source.MANUAL
        )
        Target.objects.create(indicator=deelnemers, period=period, value=target)
    world["deelnemers"] = deelnemers
    _sketch(world, world["kvk"], 10_000, 10_300)
    _sketch(world, world["bom"], 10_004, 10_204)  # reaches 0 that the other does not
    agenda = Agenda.objects.create(
        region=region, title="DOE-agenda 2026", start_date=dt.date(2026, 1, 1)
    )
    late = timezone.localdate() - dt.timedelta(days=5)
    top = Action.objects.create(agenda=agenda, title="Loket", owner=world["kvk"], deadline=late)
    Action.objects.create(
        agenda=agenda, title="Deel 1", owner=world["kvk"], parent=top, progress=100, status="gereed"
    )
    Action.objects.create(
        agenda=agenda, title="Deel 2", owner=world["kvk"], parent=top, progress=40
    )
    programme = ProgrammeFactory(title="CoP Noordoost-Brabant", slug="cop-nob")
    programme.regions.set([region])
    held = SessionFactory(
        programme=programme,
        title="Aftrap",
        starts_at=timezone.now() - dt.timedelta(days=20, hours=3),
        ends_at=timezone.now() - dt.timedelta(days=20),
    )
    for n in range(4):
        Registration.objects.create(
            session=held, name=f"P{n}", email=f"p{n}@voorbeeld.example",
            status=RegistrationStatus.REGISTERED, attended=n < 3,
        )  # fmt: skip
    indicator_make(
        region, code="aanwezig", name="Aanwezigen CoP", programme=programme, frequency="jaar"
    )
    world["programme"] = programme
    return world
