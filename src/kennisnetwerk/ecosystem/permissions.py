"""Who may see and change organisations and initiatives. Views and the API use these."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from kennisnetwerk.core.permissions import is_network_facilitator
from kennisnetwerk.geo.models import Region

from .models import Initiative, InventoryImportJob, Organisation


def _editable(user: Any) -> Q:
    """Initiatives of the person's organisations, or in the inventory of a region they
    coordinate. Subqueries rather than joins, so no row appears twice."""
    organisations = Organisation.objects.filter(memberships__user=user).values("pk")
    regions = Region.objects.filter(
        person_roles__user=user, person_roles__role="coordinator"
    ).values("pk")
    return Q(owner__in=organisations) | Q(inventory_region__in=regions)


def editable_initiatives(user: Any) -> QuerySet[Initiative]:
    """Facilitators edit everything; members of an organisation edit its initiatives;
    regional coordinators edit every initiative in their region's inventory."""
    if is_network_facilitator(user):
        return Initiative.objects.all()
    if not user.is_authenticated:
        return Initiative.objects.none()
    return Initiative.objects.filter(_editable(user))


def visible_initiatives(user: Any) -> QuerySet[Initiative]:
    """Visitors see what is published; people who may edit an entry also see it unpublished."""
    published = Initiative.objects.filter(is_published=True)
    if not user.is_authenticated:
        return published
    if is_network_facilitator(user):
        return Initiative.objects.all()
    return Initiative.objects.filter(Q(is_published=True) | _editable(user))


def access_initiative_for_view(user: Any, slug: str) -> Initiative:
    return get_object_or_404(visible_initiatives(user), slug=slug)


def access_initiative_for_edit(user: Any, slug: str) -> Initiative:
    initiative = get_object_or_404(Initiative, slug=slug)
    if not editable_initiatives(user).filter(pk=initiative.pk).exists():
        # An unpublished entry is not revealed to those who may not see it.
        if not visible_initiatives(user).filter(pk=initiative.pk).exists():
            raise Http404
        raise PermissionDenied
    return initiative


def can_edit_initiative(user: Any, initiative: Initiative) -> bool:
    return editable_initiatives(user).filter(pk=initiative.pk).exists()


def initiative_owner_choices(user: Any) -> QuerySet[Organisation]:
    """Organisations a person may add initiatives for: their own; every organisation for
    coordinators (their inventory lists the offer of all parties) and facilitators."""
    if is_network_facilitator(user) or _coordinated_region_ids(user):
        return Organisation.objects.all()
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user).distinct()


def initiative_region_choices(user: Any) -> QuerySet[Region]:
    """Inventories a person may add to: every region for facilitators, their own regions for
    coordinators, and for party members the regions their organisations are located in."""
    if is_network_facilitator(user):
        return Region.objects.all()
    if not user.is_authenticated:
        return Region.objects.none()
    return Region.objects.filter(
        Q(pk__in=_coordinated_regions(user).values("pk"))
        | Q(municipalities__organisations__memberships__user=user)
    ).distinct()


def can_create_initiative(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    if is_network_facilitator(user) or _coordinated_region_ids(user):
        return True  # every organisation, and at least one inventory of their own
    return initiative_owner_choices(user).exists() and initiative_region_choices(user).exists()


def access_initiative_create(user: Any, *, owner: Organisation, region: Region) -> None:
    """Refuse unless the person may add this organisation's offer to this inventory."""
    if not initiative_owner_choices(user).filter(pk=owner.pk).exists():
        raise PermissionDenied
    if not initiative_region_choices(user).filter(pk=region.pk).exists():
        raise PermissionDenied
    if (
        not is_network_facilitator(user)
        and not _coordinated_regions(user).filter(pk=region.pk).exists()
        and not owner.memberships.filter(user=user).exists()
    ):
        raise PermissionDenied


def _coordinated_region_ids(user: Any) -> list[int]:
    """The regions a person coordinates, read once per request (kept on the user object,
    which lives as long as the request)."""
    if not user.is_authenticated:
        return []
    ids = getattr(user, "_coordinated_region_ids", None)
    if ids is None:
        ids = list(
            Region.objects.filter(
                person_roles__user=user, person_roles__role="coordinator"
            ).values_list("pk", flat=True)
        )
        user._coordinated_region_ids = ids
    return ids


def _coordinated_regions(user: Any) -> QuerySet[Region]:
    return Region.objects.filter(pk__in=_coordinated_region_ids(user))


def access_inventory_review(user: Any, slug: str) -> Region:
    """Reviewing a region's inventory (overlaps) is for its coordinators and facilitators."""
    region = get_object_or_404(Region, slug=slug)
    if not (
        is_network_facilitator(user) or _coordinated_regions(user).filter(pk=region.pk).exists()
    ):
        raise PermissionDenied
    return region


def inventory_import_regions(user: Any) -> QuerySet[Region]:
    """Regions whose inventory a person may import a spreadsheet into: their own regions
    for coordinators, every region for facilitators."""
    if is_network_facilitator(user):
        return Region.objects.all()
    return _coordinated_regions(user)


def can_import_inventory(user: Any) -> bool:
    return is_network_facilitator(user) or bool(_coordinated_region_ids(user))


def access_inventory_import(user: Any, slug: str) -> Region:
    """Importing a spreadsheet into a region's inventory is for its coordinators and
    facilitators. Such an import may add organisations it does not know yet."""
    region = get_object_or_404(Region, slug=slug)
    if not inventory_import_regions(user).filter(pk=region.pk).exists():
        raise PermissionDenied
    return region


def can_add_organisations_by_import(user: Any, region: Region) -> bool:
    """Whether an import may add organisations it does not know: for the system (a command
    run by the operator, ``user`` None), facilitators and the region's coordinators."""
    if user is None:
        return True
    return inventory_import_regions(user).filter(pk=region.pk).exists()


def access_inventory_import_job(user: Any, slug: str, job_id: int) -> InventoryImportJob:
    """An import running in the background is seen by the person who started it and by
    facilitators; for anyone else in the region it does not exist."""
    region = access_inventory_import(user, slug)
    job = get_object_or_404(
        InventoryImportJob.objects.select_related("region"), pk=job_id, region=region
    )
    if job.user_id != user.pk and not is_network_facilitator(user):
        raise Http404
    return job
