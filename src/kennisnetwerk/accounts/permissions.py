"""Who may invite whom. Views and services call these; they raise PermissionDenied."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from kennisnetwerk.core.permissions import is_network_facilitator
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.models import Region

from .selectors import (
    user_administered_organisations,
    user_coordinated_regions,
)


def invitable_organisations(user: Any):
    """Organisations a person may invite colleagues to: all for facilitators; for regional
    coordinators the organisations located in their regions; for organisation
    administrators their own organisation."""
    if is_network_facilitator(user):
        return Organisation.objects.all()
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        Q(municipality__regions__in=user_coordinated_regions(user))
        | Q(pk__in=user_administered_organisations(user).values("pk"))
    ).distinct()


def invitable_regions(user: Any):
    """Only network facilitators appoint regional coordinators."""
    if is_network_facilitator(user):
        return Region.objects.all()
    return Region.objects.none()


def can_invite(user: Any) -> bool:
    return is_network_facilitator(user) or invitable_organisations(user).exists()


def access_invitations(user: Any) -> None:
    if not user.is_authenticated or not can_invite(user):
        raise PermissionDenied


def access_invite_to(user: Any, *, organisation: Organisation | None, region: Region | None):
    if (
        organisation is not None
        and not invitable_organisations(user).filter(pk=organisation.pk).exists()
    ):
        raise PermissionDenied
    if region is not None and not invitable_regions(user).filter(pk=region.pk).exists():
        raise PermissionDenied
