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
from kennisnetwerk.geo.models import Municipality, Region
from kennisnetwerk.geo.selectors import MunicipalityResolver
from kennisnetwerk.geo.services import region_create

from .data import (
    DEMO_EMAIL_DOMAIN,
    DEMO_PASSWORD,
    DEMO_TOTP_SECRET,
    INITIATIVES,
    ORGANISATIONS,
    PEOPLE,
    REGIONS,
)


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
    for name, org_type, municipality_name, website in ORGANISATIONS:
        if not Organisation.objects.filter(name=name).exists():
            organisation_create(
                name=name,
                type=org_type,
                website=website,
                actor=None,
                municipality=_municipalities([municipality_name], resolver)[0],
            )
    for title, kind, owner, region, themes, groups, description in INITIATIVES:
        if Initiative.objects.filter(title=title).exists():
            continue
        initiative_create(
            data=InitiativeData(
                title=title,
                kind=kind,
                owner=Organisation.objects.get(name=owner),
                inventory_region=Region.objects.get(name=region),
                description=description,
                themes=list(Theme.objects.filter(slug__in=themes)),
                target_groups=list(TargetGroup.objects.filter(code__in=groups)),
            ),
            actor=None,
        )
    logins = []
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
    return logins
