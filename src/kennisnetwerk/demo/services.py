"""Loading the demo data set. Idempotent: running it again adds only what is missing."""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.db import transaction

from kennisnetwerk.accounts.models import EntrepreneurProfile, Membership, RegionRole, User
from kennisnetwerk.ecosystem.models import Initiative, Organisation, TargetGroup, Theme
from kennisnetwerk.ecosystem.services import InitiativeData, initiative_create, organisation_create
from kennisnetwerk.geo.models import Municipality, Region, SbiSection
from kennisnetwerk.geo.selectors import MunicipalityResolver
from kennisnetwerk.geo.services import region_create

from .agenda import agenda_demo_load
from .community import community_demo_load
from .data import (
    DEMO_EMAIL_DOMAIN,
    DEMO_PASSWORD,
    DEMO_TOTP_SECRET,
    INITIATIVES,
    ORGANISATIONS,
    PEOPLE,
    REGIONS,
)
from .inventory import contact_for
from .learning import learning_demo_load
from .monitoring import monitoring_demo_load
from .needs import needs_demo_load
from .outreach import outreach_demo_load


class DemoDataError(Exception):
    pass


@dataclass
class DemoLogin:
    role: str
    email: str
    password: str
    note: str = ""


def _municipalities(source, resolver: MunicipalityResolver) -> list[Municipality]:
    if isinstance(source, str):
        kind, code = source.split(":")
        field = "corop_area__code" if kind == "corop" else "province__code"
        found = list(Municipality.objects.filter(is_current=True, **{field: code}))
        if not found:
            raise DemoDataError(f"no municipalities for {source}; load the reference data first")
        return found
    result, unknown = [], []
    for name in source:
        municipality = resolver.resolve(name).municipality
        if municipality is None:
            unknown.append(name)
        else:
            result.append(municipality)
    if unknown:
        raise DemoDataError(f"unknown municipalities: {', '.join(unknown)}")
    return result


def _region(name: str) -> Region:
    regions = list(Region.objects.filter(name=name)[:2])
    if len(regions) != 1:
        raise DemoDataError(f"expected one region named {name!r}, found {len(regions)}")
    return regions[0]


def _inventory_load(resolver: MunicipalityResolver) -> None:
    """Create the organisations and initiatives of the inventory that are not there yet,
    through the ecosystem services (audit-logged, indexed for search on commit)."""
    organisations = {
        o.name: o for o in Organisation.objects.filter(name__in=[o[0] for o in ORGANISATIONS])
    }
    for name, org_type, municipality_name, host, kvk_number in ORGANISATIONS:
        if name in organisations:
            continue
        if kvk_number and Organisation.objects.filter(kvk_number=kvk_number).exists():
            kvk_number = ""  # taken by an organisation someone added; the number is optional
        organisations[name] = organisation_create(
            name=name,
            type=org_type,
            website=f"https://{host}.voorbeeld.example",
            kvk_number=kvk_number,
            actor=None,
            municipality=_municipalities([municipality_name], resolver)[0],
        )
    existing = set(
        Initiative.objects.filter(title__in=[i.title for i in INITIATIVES]).values_list(
            "title", flat=True
        )
    )
    if len(existing) == len(INITIATIVES):
        return
    themes = {t.slug: t for t in Theme.objects.all()}
    groups = {g.code: g for g in TargetGroup.objects.all()}
    sections = {s.code: s for s in SbiSection.objects.all()}
    regions: dict[str, Region] = {}

    def region(name: str) -> Region:
        if name not in regions:
            regions[name] = _region(name)
        return regions[name]

    for position, item in enumerate(INITIATIVES):
        if item.title in existing:
            continue
        contact_name, contact_email = contact_for(position, item.owner)
        initiative_create(
            data=InitiativeData(
                title=item.title,
                kind=item.kind,
                owner=organisations[item.owner],
                inventory_region=region(item.region),
                status=item.status,
                description=item.text,
                partners=[organisations[name] for name in item.partners],
                themes=[themes[slug] for slug in item.themes if slug in themes],
                target_groups=[groups[code] for code in item.groups if code in groups],
                sbi_sections=[sections[code] for code in item.sectors if code in sections],
                regions=[region(name) for name in item.regions],
                municipalities=_municipalities(item.municipalities, resolver),
                start_date=item.start_date,
                end_date=item.end_date,
                budget=item.budget_amount,
                funding_source=item.funding,
                contact_name=contact_name,
                contact_email=contact_email,
                url=item.url,
                evidence=item.evidence,
                evidence_source=item.source,
            ),
            actor=None,
        )


@transaction.atomic
def demo_data_load() -> list[DemoLogin]:
    if not Municipality.objects.exists():
        raise DemoDataError("load the reference data first (kennisnetwerk load_reference_data)")
    resolver = MunicipalityResolver()
    for name, kind, description, source in REGIONS:
        if not Region.objects.filter(name=name).exists():
            region_create(
                name=name,
                kind=kind,
                description=description,
                municipalities=_municipalities(source, resolver),
                actor=None,
            )
    _inventory_load(resolver)
    outreach_demo_load()
    logins = []
    people = {}
    for person in PEOPLE:
        email = f"{person['email']}@{DEMO_EMAIL_DOMAIN}"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email,
                password=DEMO_PASSWORD,
                full_name=person["name"],
                is_staff=person.get("staff", False),
            )
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        note = ""
        if person.get("staff"):
            if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                TOTP.activate(user, DEMO_TOTP_SECRET)
            note = (
                f"tweede factor: TOTP-geheim {DEMO_TOTP_SECRET}; huidige code: "
                f"kennisnetwerk totp_code {email}"
            )
        if region_name := person.get("coordinates"):
            RegionRole.objects.get_or_create(
                user=user, region=Region.objects.get(name=region_name), role="coordinator"
            )
        for org_name, role in person.get("member_of", []):
            Membership.objects.get_or_create(
                user=user,
                organisation=Organisation.objects.get(name=org_name),
                defaults={"role": role},
            )
        if company := person.get("company"):
            company_name, kvk, place = company
            EntrepreneurProfile.objects.get_or_create(
                user=user,
                defaults={
                    "company_name": company_name,
                    "kvk_number": kvk,
                    "municipality": _municipalities([place], resolver)[0],
                },
            )
        logins.append(DemoLogin(person["role"], email, DEMO_PASSWORD, note))
        people[person["key"]] = user
    learning_demo_load(people=people)
    needs_demo_load()
    agenda_demo_load(people=people)
    community_demo_load(people=people)
    monitoring_demo_load()
    return logins
