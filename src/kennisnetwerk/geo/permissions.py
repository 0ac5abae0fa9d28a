"""Who may change regions."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from kennisnetwerk.core.permissions import is_network_facilitator

from .constants import AUTOMATIC_REGION_KINDS
from .models import Region


def can_edit_region(user: Any, region: Region) -> bool:
    """Facilitators edit every region; a regional coordinator edits their own region.
    Municipalities of automatic regions follow the reference data, but their description
    may be edited."""
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


def region_municipalities_editable(region: Region) -> bool:
    return region.kind not in AUTOMATIC_REGION_KINDS
