"""Who may submit, edit and review the messages of a region's channel. Views and the API use
these; each raises 404 for what does not exist and 403 for what the person may not do."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from kennisnetwerk.core.permissions import is_network_facilitator
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.ecosystem.permissions import initiative_region_choices
from kennisnetwerk.geo.models import Region

from .constants import MessageStatus
from .models import Message
from .selectors_messages import message_is_public

# What a sender may still change itself; after approval only the editors change a message.
SENDER_EDITABLE = (MessageStatus.SUBMITTED,)
# What the editors may change; merged, rejected and cancelled messages are history.
EDITOR_EDITABLE = (MessageStatus.SUBMITTED, MessageStatus.APPROVED)


def _coordinates(user: Any, region_id: int) -> bool:
    if not user.is_authenticated:
        return False
    return Region.objects.filter(
        pk=region_id, person_roles__user=user, person_roles__role="coordinator"
    ).exists()


def is_region_editor(user: Any, region: Region) -> bool:
    """The editors of a region's channel: its coordinators, and the network facilitators."""
    return is_network_facilitator(user) or _coordinates(user, region.pk)


def editor_regions(user: Any) -> QuerySet[Region]:
    if is_network_facilitator(user):
        return Region.objects.all()
    if not user.is_authenticated:
        return Region.objects.none()
    return Region.objects.filter(person_roles__user=user, person_roles__role="coordinator")


def message_region_choices(user: Any) -> QuerySet[Region]:
    """Regions a person may submit messages for: the same as the inventories they may add to
    (their organisations' regions for party members, their own regions for coordinators,
    all for facilitators)."""
    return initiative_region_choices(user)


def message_sender_choices(user: Any, region: Region) -> QuerySet[Organisation]:
    """Organisations a message for ``region`` may be sent on behalf of. Party members send for
    their own organisations located in the region; the region's editors also for any party
    located in it (they pass on announcements they receive by mail)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    own = Q(pk__in=Organisation.objects.filter(memberships__user=user).values("pk"))
    in_region = Q(municipality__in=region.municipalities.all())
    if is_region_editor(user, region):
        return Organisation.objects.filter(own | in_region).order_by("name")
    return Organisation.objects.filter(own & in_region).order_by("name")


def access_message_submit(user: Any, slug: str) -> Region:
    """Submitting a message for a region needs an organisation to send it for there."""
    region = get_object_or_404(Region, slug=slug)
    if not message_region_choices(user).filter(pk=region.pk).exists():
        raise PermissionDenied
    if not message_sender_choices(user, region).exists():
        raise PermissionDenied
    return region


def access_editorial_queue(user: Any, slug: str) -> Region:
    """A region's editorial queue is for its coordinators and the facilitators."""
    region = get_object_or_404(Region, slug=slug)
    if not is_region_editor(user, region):
        raise PermissionDenied
    return region


def is_sender_member(user: Any, message: Message) -> bool:
    """The person submitted the message or works for one of its senders."""
    if not user.is_authenticated:
        return False
    return (
        message.submitted_by_id == user.pk
        or Organisation.objects.filter(
            Q(pk=message.sender_id) | Q(co_sent_messages=message), memberships__user=user
        ).exists()
    )


def _message(pk: int) -> Message:
    return get_object_or_404(
        Message.objects.select_related("region", "sender", "merged_into"), pk=pk
    )


def can_edit_message(user: Any, message: Message) -> bool:
    if message.status in EDITOR_EDITABLE and is_region_editor(user, message.region):
        return True
    return message.status in SENDER_EDITABLE and is_sender_member(user, message)


def access_message_edit(user: Any, pk: int) -> Message:
    """Senders edit their message until it is reviewed; editors edit it until it is history
    (merged, rejected or cancelled)."""
    message = _message(pk)
    if not can_edit_message(user, message):
        raise PermissionDenied
    return message


def access_message_review(user: Any, pk: int) -> Message:
    """Approving, scheduling, rejecting and merging are for the region's editors."""
    message = _message(pk)
    if not is_region_editor(user, message.region):
        raise PermissionDenied
    return message


def can_cancel_message(user: Any, message: Message) -> bool:
    if message.status not in EDITOR_EDITABLE:
        return False
    return is_region_editor(user, message.region) or is_sender_member(user, message)


def access_message_cancel(user: Any, pk: int) -> Message:
    """A sender withdraws its message or cancels its event; the editors may do so too."""
    message = _message(pk)
    if not (is_region_editor(user, message.region) or is_sender_member(user, message)):
        raise PermissionDenied
    return message


def can_view_message(user: Any, message: Message) -> bool:
    if message_is_public(message):
        return True
    if is_region_editor(user, message.region) or is_sender_member(user, message):
        return True
    # An announcement merged into a public one leads there (its page shows the target).
    return (
        message.status == MessageStatus.MERGED
        and message.merged_into is not None
        and message_is_public(message.merged_into)
    )


def access_message_view(user: Any, pk: int) -> Message:
    """Approved (and cancelled) messages are public, and so is the way from a message merged
    into a public one; anything else exists only for its senders and the region's editors."""
    message = _message(pk)
    if not can_view_message(user, message):
        raise Http404
    return message


def own_messages(user: Any) -> QuerySet[Message]:
    """Messages a person submitted or that their organisations send or co-send."""
    if not user.is_authenticated:
        return Message.objects.none()
    organisations = Organisation.objects.filter(memberships__user=user).values("pk")
    return Message.objects.filter(
        Q(submitted_by=user)
        | Q(sender__in=organisations)
        | Q(pk__in=Message.objects.filter(co_senders__in=organisations).values("pk"))
    )


# --- Importing a party's list of subscribers -------------------------------------------------


def subscriber_import_organisation_choices(user: Any, region: Region) -> QuerySet[Organisation]:
    """Organisations whose list a person may import into ``region``: the same as the senders
    they may act for there (party members their own organisations in the region; the region's
    coordinators and the facilitators any party in it)."""
    if not message_region_choices(user).filter(pk=region.pk).exists():
        return Organisation.objects.none()
    return message_sender_choices(user, region)


def access_subscriber_import(user: Any, slug: str) -> Region:
    """Importing subscribers into a region needs an organisation to import for there."""
    region = get_object_or_404(Region, slug=slug)
    if not subscriber_import_organisation_choices(user, region).exists():
        raise PermissionDenied
    return region
