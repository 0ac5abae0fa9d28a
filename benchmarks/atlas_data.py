"""The generated inventory of the atlas benchmark: organisations, initiatives with their
themes, target groups, sectors, partners and area, a regional coordinator, and a
spreadsheet for the import — with skewed, realistic distributions.

- Organisations: the municipalities and provinces themselves, KVK and RVO, regional
  development agencies, schools, entrepreneurs' associations, branch organisations, banks,
  knowledge institutions, many advisers and other foundations, named after real places of
  the reference data; two thirds have a (unique) KVK number.
- Initiatives: owners drawn with a Zipf-like distribution (a few parties own hundreds, most
  own a few); one to three themes (digitalisation the commonest); per target-group
  dimension either none (open to all) or one or two groups; sectors for a third; partners
  for most; the inventory of a COROP region mostly (a few regions hold most entries), a
  province or the whole country; an area of municipalities of that region for about half;
  titles of topical words and place names, descriptions of 30–80 words drawn like real
  texts (``dutch_text``); dates, budgets, contacts and evidence for a share of them; 8 %
  unpublished.

Everything is written with ``bulk_create`` in batches.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils.text import slugify

from benchmarks.dutch_text import SURNAMES, DutchText, surname

BATCH = 1000

KIND_WEIGHTS = {
    "programma": 15,
    "project": 30,
    "regeling": 15,
    "instrument": 10,
    "netwerk": 10,
    "evenementenreeks": 8,
    "loket": 12,
}
STATUS_WEIGHTS = {"actief": 65, "gepland": 10, "afgerond": 18, "gestopt": 7}
# Weights of the initial themes, in their order (digitalisation first).
THEME_WEIGHTS = [30, 20, 18, 22, 15, 8, 8, 6, 14]
FUNDING_SOURCES = [
    "Provincie",
    "Gemeente",
    "EFRO",
    "MKB-deal",
    "Regio Deal",
    "Just Transition Fund",
    "Eigen middelen",
    "Bijdragen deelnemers",
    "Nationaal Groeifonds",
]

# Organisation types other than governments, with their share of the rest and name patterns
# ({p}: a place, {w}: a topical word, {s} and {t}: surnames).
ORGANISATION_PATTERNS: dict[str, tuple[float, list[str]]] = {
    "rom": (0.2, ["Ontwikkelingsmaatschappij {p}", "ROM {p}", "Investeringsmaatschappij {p}"]),
    "onderwijs": (
        6,
        ["ROC {p}", "Hogeschool {p}", "Vakschool {p}", "Techniekcollege {p}", "Mbo College {p}"],
    ),
    "ondernemersvereniging": (
        21,
        [
            "Ondernemersvereniging {p}",
            "Ondernemerskring {p}",
            "Bedrijvenkring {p}",
            "Winkeliersvereniging {p}",
            "Ondernemersfonds {p}",
        ],
    ),
    "brancheorganisatie": (
        5,
        ["Branchevereniging {w}", "Koninklijke {w} Nederland", "Platform {w} {p}"],
    ),
    "bank": (3, ["Rabobank {p}", "Regiobank {p}", "Kredietunie {p}", "Investeringsfonds {p}"]),
    "kennisinstelling": (
        3,
        ["Kenniscentrum {w}", "Lectoraat {w} {p}", "Innovatiecentrum {p}", "Fieldlab {w} {p}"],
    ),
    "adviseur": (
        40,
        [
            "{s} Advies",
            "{s} & {t} Consultancy",
            "Adviesbureau {s}",
            "{s} Bedrijfsadvies {p}",
            "{w} Coaching {p}",
        ],
    ),
    "overig": (
        15,
        [
            "Stichting {w} {p}",
            "Coöperatie {w} {p}",
            "Vereniging {w} {p}",
            "Economic Board {p}",
            "{p} Marketing",
        ],
    ),
}


@dataclass
class Place:
    name: str
    municipality_id: int


@dataclass
class OrganisationInfo:
    pk: int
    name: str
    slug: str
    kvk_number: str


@dataclass
class World:
    """What the measurements need to know about the generated data."""

    organisations: list[OrganisationInfo]
    initiatives: int
    published_slugs: list[str]
    themes: list[Any]
    target_groups: list[Any]
    sbi_codes: list[str]
    busiest_region: Any
    busiest_owner: OrganisationInfo
    import_region: Any
    coordinator: Any
    places: list[Place]
    municipality_names: dict[int, str]
    region_municipalities: dict[int, list[int]] = field(default_factory=dict)
    region_names: list[str] = field(default_factory=list)


def _zipf_picker(rng: random.Random, items: Sequence[Any], shift: float) -> Callable[[], Any]:
    weights = [1 / (rank + shift) for rank in range(1, len(items) + 1)]
    cumulative: list[float] = []
    total = 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)

    def pick() -> Any:
        return rng.choices(items, cum_weights=cumulative, k=1)[0]

    return pick


def fold(name: str) -> str:
    """A name without case, accents, apostrophes and punctuation: the import treats names
    that fold alike ("Bergen (NH.)", "bergen nh") as one, so generated names differ in
    this form."""
    name = unicodedata.normalize("NFKD", name.replace("\u2019", "").replace("'", ""))
    name = "".join(char for char in name if not unicodedata.combining(char)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", name).split())


def _unique(name: str, used: set[str], rng: random.Random, places: list[Place]) -> str:
    candidate = name
    attempt = 0
    while fold(candidate) in used:
        attempt += 1
        suffix = rng.choice(places).name if attempt < 4 else str(attempt)
        candidate = f"{name} {suffix}"
    used.add(fold(candidate))
    return candidate


def _slug(text: str, used: set[str], max_length: int = 200) -> str:
    base = slugify(text)[:max_length].strip("-") or "item"
    slug, n = base, 1
    while slug in used:
        n += 1
        slug = f"{base}-{n}"
    used.add(slug)
    return slug


def generate(rng: random.Random, text: DutchText, *, organisations: int, initiatives: int) -> World:
    from kennisnetwerk.accounts.models import RegionRole, User
    from kennisnetwerk.ecosystem.models import Initiative, Organisation, TargetGroup, Theme
    from kennisnetwerk.geo.models import Municipality, PlaceName, Province, Region, SbiSection

    municipalities = list(Municipality.objects.filter(is_current=True).order_by("code"))
    municipality_names = {m.pk: m.name for m in municipalities}
    places = [Place(p.name, p.municipality_id) for p in PlaceName.objects.order_by("code")]
    places += [Place(m.name, m.pk) for m in municipalities]
    provinces = list(Province.objects.order_by("code"))
    themes = list(Theme.objects.filter(is_active=True).order_by("order", "name"))
    target_groups = list(TargetGroup.objects.order_by("dimension", "order"))
    sections = list(SbiSection.objects.order_by("code"))
    regions = list(Region.objects.prefetch_related("municipalities").order_by("kind", "name"))
    region_municipalities = {r.pk: [m.pk for m in r.municipalities.all()] for r in regions}

    # --- Organisations ---------------------------------------------------------------------
    used_names: set[str] = set()
    used_slugs: set[str] = set()
    rows: list[tuple[str, str, int | None]] = []  # name, type, municipality id
    governments = min(len(municipalities), round(organisations * 0.07))
    for municipality in rng.sample(municipalities, governments):
        rows.append((f"Gemeente {municipality.name}", "gemeente", municipality.pk))
    for province in provinces[: max(0, min(len(provinces), organisations - len(rows)))]:
        seat = next((m for m in municipalities if m.province_id == province.pk), None)
        rows.append((f"Provincie {province.name}", "provincie", seat.pk if seat else None))
    national = [("Kamer van Koophandel", "kvk"), ("Rijksdienst voor Ondernemend Nederland", "rvo")]
    for name, kind in national[: max(0, organisations - len(rows))]:
        rows.append((name, kind, rng.choice(municipalities).pk))
    kinds = list(ORGANISATION_PATTERNS)
    kind_weights = [ORGANISATION_PATTERNS[k][0] for k in kinds]
    while len(rows) < organisations:
        kind = rng.choices(kinds, weights=kind_weights, k=1)[0]
        place = rng.choice(places)
        pattern = rng.choice(ORGANISATION_PATTERNS[kind][1])
        name = pattern.format(
            p=place.name,
            w=rng.choice(text.topical).capitalize(),
            s=surname(rng.choice(SURNAMES)),
            t=surname(rng.choice(SURNAMES)),
        )
        rows.append((name, kind, place.municipality_id))
    kvk_count = round(len(rows) * 2 / 3)
    kvk_numbers = [str(n) for n in rng.sample(range(10_000_000, 100_000_000), kvk_count)]
    kvk_numbers += [""] * (len(rows) - kvk_count)
    rng.shuffle(kvk_numbers)
    objects = []
    for (name, kind, municipality_id), kvk in zip(rows, kvk_numbers, strict=True):
        name = _unique(name, used_names, rng, places)
        objects.append(
            Organisation(
                name=name,
                slug=_slug(name, used_slugs),
                type=kind,
                municipality_id=municipality_id,
                kvk_number=kvk,
                website=f"https://www.{_domain(name)}.nl" if rng.random() < 0.7 else "",
            )
        )
    created = Organisation.objects.bulk_create(objects, batch_size=BATCH)
    infos = [OrganisationInfo(o.pk, o.name, o.slug, o.kvk_number) for o in created]

    # --- Initiatives ------------------------------------------------------------------------
    # Owners: a Zipf-like share, in an order unrelated to the type of organisation.
    owner_order = infos[:]
    rng.shuffle(owner_order)
    pick_owner = _zipf_picker(rng, owner_order, shift=20)
    corop = [r for r in regions if r.kind == "corop"]
    import_region = corop[-1] if corop else regions[-1]
    inventory_corop = [r for r in corop if r.pk != import_region.pk] or corop
    rng.shuffle(inventory_corop)
    pick_corop = _zipf_picker(rng, inventory_corop, shift=3)
    province_regions = [r for r in regions if r.kind == "province"] or inventory_corop
    national_regions = [r for r in regions if r.kind == "national"] or inventory_corop

    def pick_inventory() -> Any:
        roll = rng.random()
        if roll < 0.75:
            return pick_corop()
        if roll < 0.95:
            return rng.choice(province_regions)
        return rng.choice(national_regions)

    kind_names, kind_weights_list = zip(*KIND_WEIGHTS.items(), strict=True)
    status_names, status_weights = zip(*STATUS_WEIGHTS.items(), strict=True)
    theme_weights = (THEME_WEIGHTS + [5] * len(themes))[: len(themes)]
    groups_by_dimension: dict[str, list[Any]] = {}
    for group in target_groups:
        groups_by_dimension.setdefault(group.dimension, []).append(group)

    used_slugs = set()
    initiatives_objects = []
    relations: list[dict[str, list[int]]] = []
    for _n in range(initiatives):
        owner = pick_owner()
        region = pick_inventory()
        area = region_municipalities.get(region.pk) or list(municipality_names)
        if rng.random() < 0.5:
            title = f"{text.title(1, 4)} {municipality_names[rng.choice(area)]}"
        else:
            title = text.title(2, 5)
        start = (
            date(2015, 1, 1) + timedelta(days=rng.randint(0, 12 * 365))
            if rng.random() < 0.8
            else None
        )
        end = (
            start + timedelta(days=rng.randint(90, 1500)) if start and rng.random() < 0.6 else None
        )
        contact = text.person() if rng.random() < 0.8 else ""
        evidence = text.body(15, 40) if rng.random() < 0.3 else ""
        initiative = Initiative(
            title=title,
            slug=_slug(title, used_slugs),
            kind=rng.choices(kind_names, weights=kind_weights_list, k=1)[0],
            status=rng.choices(status_names, weights=status_weights, k=1)[0],
            description=text.body(),
            owner_id=owner.pk,
            inventory_region_id=region.pk,
            start_date=start,
            end_date=end,
            budget=Decimal(round(10 ** rng.uniform(3.7, 6.7), -2)) if rng.random() < 0.55 else None,
            funding_source=rng.choice(FUNDING_SOURCES) if rng.random() < 0.5 else "",
            contact_name=contact,
            contact_email=_email(contact, owner.name) if contact and rng.random() < 0.85 else "",
            contact_phone=_phone(rng) if rng.random() < 0.5 else "",
            url=f"https://www.{_domain(owner.name)}.nl/aanbod/{rng.randint(1, 9999)}"
            if rng.random() < 0.7
            else "",
            evidence=evidence,
            evidence_source=f"Evaluatie {rng.randint(2016, 2025)}"
            if evidence and rng.random() < 0.6
            else "",
            is_published=rng.random() < 0.92,
        )
        initiatives_objects.append(initiative)
        partner_count = rng.choices(range(7), weights=[40, 25, 15, 10, 5, 3, 2], k=1)[0]
        partners = {pick_owner().pk for _ in range(partner_count)} - {owner.pk}
        theme_count = rng.choices([1, 2, 3], weights=[50, 35, 15], k=1)[0]
        chosen_themes = set(rng.choices(themes, weights=theme_weights, k=theme_count))
        groups: list[int] = []
        for members in groups_by_dimension.values():
            if rng.random() < 0.45:
                groups += [g.pk for g in rng.sample(members, min(len(members), rng.randint(1, 2)))]
        sectors = (
            [s.pk for s in rng.sample(sections, rng.randint(1, 3))] if rng.random() < 0.35 else []
        )
        served_regions = (
            [r.pk for r in rng.sample(regions, rng.randint(1, 2))] if rng.random() < 0.15 else []
        )
        served_municipalities = (
            rng.sample(area, min(len(area), rng.randint(1, 6))) if rng.random() < 0.45 else []
        )
        relations.append(
            {
                "partners": sorted(partners),
                "themes": [t.pk for t in chosen_themes],
                "target_groups": groups,
                "sbi_sections": sectors,
                "regions": served_regions,
                "municipalities": served_municipalities,
            }
        )
    created_initiatives = Initiative.objects.bulk_create(initiatives_objects, batch_size=BATCH)
    through_fields = {
        "partners": "organisation_id",
        "themes": "theme_id",
        "target_groups": "targetgroup_id",
        "sbi_sections": "sbisection_id",
        "regions": "region_id",
        "municipalities": "municipality_id",
    }
    for relation, column in through_fields.items():
        through = getattr(Initiative, relation).through
        links = [
            through(initiative_id=initiative.pk, **{column: target})
            for initiative, related in zip(created_initiatives, relations, strict=True)
            for target in related[relation]
        ]
        through.objects.bulk_create(links, batch_size=BATCH * 2)

    # --- Who is looking -------------------------------------------------------------------
    owned: dict[int, int] = {}
    inventory: dict[int, int] = {}
    for initiative in created_initiatives:
        owned[initiative.owner_id] = owned.get(initiative.owner_id, 0) + 1
        inventory[initiative.inventory_region_id] = (
            inventory.get(initiative.inventory_region_id, 0) + 1
        )
    by_pk = {r.pk: r for r in regions}
    busiest_region = by_pk[max(inventory, key=inventory.__getitem__)]
    busiest_owner = next(o for o in infos if o.pk == max(owned, key=owned.__getitem__))
    coordinator = User.objects.create_user(
        email="coordinator@bench.example", full_name="Regiocoördinator (benchmark)"
    )
    RegionRole.objects.create(user=coordinator, region=busiest_region, role="coordinator")

    return World(
        organisations=infos,
        initiatives=len(created_initiatives),
        published_slugs=[i.slug for i in created_initiatives if i.is_published],
        themes=themes,
        target_groups=target_groups,
        sbi_codes=[s.code for s in sections],
        busiest_region=busiest_region,
        busiest_owner=busiest_owner,
        import_region=import_region,
        coordinator=coordinator,
        places=places,
        municipality_names=municipality_names,
        region_municipalities=region_municipalities,
        region_names=[r.name for r in regions],
    )


def _domain(organisation: str) -> str:
    """A host name label from an organisation's name (at most 40 characters, no hyphen at
    either end)."""
    return slugify(organisation)[:40].strip("-") or "example"


def _email(person: str, organisation: str) -> str:
    local = slugify(person).replace("-", ".")
    return f"{local}@{_domain(organisation)}.nl"


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return f"06-{rng.randint(10_000_000, 99_999_999)}"
    area = rng.choice(["010", "020", "030", "040", "050", "053", "073", "076", "043", "058"])
    return f"{area}-{rng.randint(1_000_000, 9_999_999)}"


# --- The spreadsheet for the import -------------------------------------------------------------

DUTCH_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def _dutch_date(rng: random.Random, day: date) -> date | str:
    """A date as people type it in a Dutch spreadsheet: a date cell mostly, otherwise text
    such as 15-03-2024 or 15 maart 2024."""
    roll = rng.random()
    if roll < 0.6:
        return day
    if roll < 0.9:
        return f"{day.day:02d}-{day.month:02d}-{day.year}"
    return f"{day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}"


def _dutch_amount(rng: random.Random, amount: int) -> int | str:
    """An amount in euros: a number cell mostly, otherwise text such as € 125.000 or
    125.000,00."""
    roll = rng.random()
    if roll < 0.6:
        return amount
    grouped = f"{amount:,}".replace(",", ".")
    if roll < 0.85:
        return f"€ {grouped}"
    return f"{grouped},00"


def inventory_rows(
    rng: random.Random, text: DutchText, world: World, count: int
) -> list[dict[str, Any]]:
    """``count`` spreadsheet rows of one region's inventory, keyed by the export's headers.
    Owners and partners are organisations of the generated data (with their KVK number when
    they have one); themes by name, target groups and sectors by code, the area as names of
    municipalities of the region."""
    area = world.region_municipalities.get(world.import_region.pk) or list(world.municipality_names)
    pick_owner = _zipf_picker(rng, world.organisations, shift=20)
    group_codes = [g.code for g in world.target_groups]
    titles: set[str] = set()
    rows = []
    for _n in range(count):
        owner = pick_owner()
        title = f"{text.title(1, 4)} {world.municipality_names[rng.choice(area)]}"
        while fold(title) in titles:
            title = f"{title} {rng.choice(text.topical)}"
        titles.add(fold(title))
        start = date(2016, 1, 1) + timedelta(days=rng.randint(0, 10 * 365))
        end = start + timedelta(days=rng.randint(90, 1500))
        partners = {pick_owner().name for _ in range(rng.choices(range(4), [45, 30, 15, 10])[0])}
        partners.discard(owner.name)
        contact = text.person()
        rows.append(
            {
                "Titel": title,
                "Soort": rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0],
                "Status": rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[
                    0
                ],
                "Eigenaar": owner.name,
                "KVK-nummer eigenaar": owner.kvk_number,
                "Partners": "; ".join(sorted(partners)),
                "Thema's": "; ".join(
                    sorted({t.name for t in rng.choices(world.themes, k=rng.choice([1, 1, 2, 3]))})
                ),
                "Doelgroepen": "; ".join(rng.sample(group_codes, rng.choice([0, 0, 1, 2, 3]))),
                "Sectoren": "; ".join(rng.sample(world.sbi_codes, rng.choice([0, 0, 0, 1, 2]))),
                "Werkgebied": "; ".join(
                    world.municipality_names[m]
                    for m in rng.sample(area, min(len(area), rng.choice([0, 0, 1, 2, 4])))
                ),
                "Begindatum": _dutch_date(rng, start) if rng.random() < 0.8 else None,
                "Einddatum": _dutch_date(rng, end) if rng.random() < 0.5 else None,
                "Budget": _dutch_amount(rng, round(10 ** rng.uniform(3.7, 6.5), -2))
                if rng.random() < 0.6
                else None,
                "Financieringsbron": rng.choice(FUNDING_SOURCES) if rng.random() < 0.5 else "",
                "Contactpersoon": contact,
                "E-mail": _email(contact, owner.name) if rng.random() < 0.8 else "",
                "Telefoon": _phone(rng) if rng.random() < 0.5 else "",
                "Website": f"https://www.{_domain(owner.name)}.nl" if rng.random() < 0.6 else "",
                "Omschrijving": text.body(),
                "Wat werkt": text.body(10, 30) if rng.random() < 0.25 else "",
                "Bron": f"Evaluatie {rng.randint(2016, 2025)}" if rng.random() < 0.15 else "",
                "Regio": world.import_region.name,
                "Gepubliceerd": "ja" if rng.random() < 0.95 else "nee",
            }
        )
    return rows


def write_xlsx(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> list[str]:
    """Write ``rows`` under ``columns`` (the export's headers) with openpyxl in write-only
    mode. Returns the headers the generator has no values for (written empty)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Aanbod")
    sheet.append(columns)
    for row in rows:
        sheet.append([row.get(column) for column in columns])
    workbook.save(path)
    known = set(rows[0]) if rows else set()
    return [column for column in columns if column not in known]
