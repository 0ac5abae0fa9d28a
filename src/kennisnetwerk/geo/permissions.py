"""Who may change regions."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from kennisnetwerk.core.permissions import is_network_facilitator

from .constants import AUTOMATIC_REGION_KINDS
from .models import Region


def can_edit_region(user: Any, region: Region) -> bool:
    """Facilitators edit every region; a regional coordinator edits the name and description
    of their own region."""
    if is_network_facilitator(user):
        return True
    from kennisnetwerk.accounts.selectors import user_is_region_coordinator

    return user_is_region_coordinator(user, region)


def access_region_for_edit(user: Any, slug: str) -> Region:
    region = get_object_or_404(Region, slug=slug)
    if not can_edit_region(user, region):
        raise PermissionDenied
    return region


def access_region_create(user: Any) -> None:
    if not is_network_facilitator(user):
        raise PermissionDenied


def region_municipalities_editable(user: Any, region: Region) -> bool:
    """Which municipalities belong to a region decides what its coordinators may see and whom
    they may invite, so only network facilitators change it; regions kept from the reference
    data follow that data."""
    return is_network_facilitator(user) and region.kind not in AUTOMATIC_REGION_KINDS


def region_name_editable(region: Region) -> bool:
    """Names of regions kept from the reference data come from the CBS."""
    return region.kind not in AUTOMATIC_REGION_KINDS
