"""Reads about people: their organisations, regions and roles."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from kennisnetwerk.core.permissions import is_network_facilitator
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.models import Region

from .constants import OrganisationRole, RegionRoleKind
from .models import Invitation, Membership, RegionRole, User


def user_memberships(user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related(
        "organisation", "organisation__municipality"
    )


def user_region_roles(user: User) -> QuerySet[RegionRole]:
    return RegionRole.objects.filter(user=user).select_related("region")


def user_coordinated_regions(user: Any) -> QuerySet[Region]:
    if not user.is_authenticated:
        return Region.objects.none()
    return Region.objects.filter(
        person_roles__user=user, person_roles__role=RegionRoleKind.COORDINATOR
    ).distinct()


def user_is_region_coordinator(user: Any, region: Region) -> bool:
    return bool(
        user.is_authenticated
        and RegionRole.objects.filter(
            user=user, region=region, role=RegionRoleKind.COORDINATOR
        ).exists()
    )


def user_administered_organisations(user: Any) -> QuerySet[Organisation]:
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role=OrganisationRole.ADMIN
    ).distinct()


def user_regions(user: User) -> QuerySet[Region]:
    """Regions a person belongs to: those they hold a role in, and those containing the
    municipality of one of their organisations (automatic regions excluded)."""
    from kennisnetwerk.geo.constants import AUTOMATIC_REGION_KINDS

    org_municipalities = Membership.objects.filter(user=user).values("organisation__municipality")
    return (
        Region.objects.filter(
            Q(person_roles__user=user)
            | (Q(municipalities__in=org_municipalities) & ~Q(kind__in=AUTOMATIC_REGION_KINDS))
        )
        .distinct()
        .order_by("name")
    )


def invitation_get_usable(token: str) -> Invitation | None:
    invitation = (
        Invitation.objects.select_related("organisation", "region", "invited_by")
        .filter(token=token)
        .first()
    )
    if invitation is None or not invitation.is_usable():
        return None
    return invitation


def invitation_list_for(user: Any) -> QuerySet[Invitation]:
    """Invitations a person may see: facilitators see all, others those they sent."""
    qs = Invitation.objects.select_related("organisation", "region", "invited_by")
    if is_network_facilitator(user):
        return qs
    return qs.filter(invited_by=user)
