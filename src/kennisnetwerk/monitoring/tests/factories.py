from kennisnetwerk.accounts.tests.factories import (
    OrganisationFactory,
    RegionFactory,
    make_coordinator,
    make_member,
)
from kennisnetwerk.monitoring.constants import Frequency, Source, Unit
from kennisnetwerk.monitoring.models import Indicator


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
