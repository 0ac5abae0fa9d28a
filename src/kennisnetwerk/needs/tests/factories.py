"""A small world for the needs tests: Noordoost-Brabant and Zuid-Holland with a few offers,
indexed for search, and the network's default thesaurus."""

from __future__ import annotations

from kennisnetwerk.accounts.tests.factories import OrganisationFactory, RegionFactory
from kennisnetwerk.ecosystem.models import Initiative, TargetGroup, Theme
from kennisnetwerk.ecosystem.search_index import KIND, initiative_search_entries
from kennisnetwerk.ecosystem.tests.factories import InitiativeFactory
from kennisnetwerk.geo.constants import RegionKind
from kennisnetwerk.geo.models import Municipality, Region
from kennisnetwerk.needs.services import thesaurus_defaults_load
from kennisnetwerk.search.services import search_documents_replace


def municipality(name: str) -> Municipality:
    return Municipality.objects.get(name=name, is_current=True)


def offer(
    title: str,
    text: str,
    *,
    region: Region,
    themes: tuple[str, ...] = (),
    sizes: tuple[str, ...] = (),
    municipalities: tuple[str, ...] = (),
    regions: tuple[Region, ...] = (),
    status: str = "actief",
    published: bool = True,
) -> Initiative:
    initiative = InitiativeFactory(
        title=title,
        description=text,
        inventory_region=region,
        status=status,
        is_published=published,
        themes=list(Theme.objects.filter(slug__in=themes)),
    )
    initiative.target_groups.set(TargetGroup.objects.filter(dimension="size", code__in=sizes))
    initiative.municipalities.set([municipality(m) for m in municipalities])
    initiative.regions.set(regions)
    return initiative


def reindex() -> None:
    search_documents_replace(kind=KIND, documents=initiative_search_entries())


def national_region() -> Region:
    return Region.objects.get(kind=RegionKind.NATIONAL)


def build_world() -> dict:
    thesaurus_defaults_load()
    nob = RegionFactory(
        name="Noordoost-Brabant", slug="noordoost-brabant", municipalities=["Oss", "Bernheze"]
    )
    zh = RegionFactory(name="Zuid-Holland", slug="zuid-holland", municipalities=["Leiden"])
    world = {"nob": nob, "zh": zh, "party": OrganisationFactory(name="Gemeente Oss (test)")}
    world["party"].municipality = municipality("Oss")
    world["party"].save()
    world["training"] = offer(
        "Leerwerkplaats Techniek",
        "Werkgevers laten medewerkers bijscholen tot vakman in de techniek.",
        region=nob,
        themes=("menselijk-kapitaal",),
        sizes=("klein", "middelgroot"),
    )
    world["zh_staff"] = offer(
        "Werkgeversdesk personeel Leiden",
        "Kleine werkgevers die personeel zoeken en medewerkers willen bijscholen.",
        region=zh,
        themes=("menselijk-kapitaal",),
    )
    return world
