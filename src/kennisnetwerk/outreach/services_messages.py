"""Writes of the messages parties send through a region's one channel: submitting, editing,
the editors' review (approve, schedule, reject, merge) and cancelling. Every change is
audit-logged. Calendar identity follows RFC 5545: a message keeps its UID for ever, and its
sequence rises with every change that calendar programs must pick up once it is public."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisnetwerk.core.audit import audit_log, diff
from kennisnetwerk.core.formatting import format_date
from kennisnetwerk.core.models import AuditAction
from kennisnetwerk.ecosystem.models import Organisation, TargetGroup, Theme
from kennisnetwerk.geo.models import Municipality, Region

from .constants import MessageKind, MessageStatus
from .models import Message

# The text is plain text, stored as typed and never rendered as HTML.
BODY_MAX_LENGTH = 5000
REASON_MAX_LENGTH = 500

# States in which a message can still change; the others are history.
OPEN_STATUSES = (MessageStatus.SUBMITTED, MessageStatus.APPROVED)

FIELDS = (
    "kind",
    "title",
    "body",
    "link",
    "valid_from",
    "valid_until",
    "deadline",
    "event_start",
    "event_end",
    "location",
)
RELATIONS = ("themes", "target_groups", "municipalities")


@dataclass
class MessageData:
    """What a party fills in about a message."""

    kind: str
    title: str
    body: str
    valid_from: dt.date
    valid_until: dt.date | None = None
    link: str = ""
    themes: Sequence[Theme] = field(default_factory=list)
    target_groups: Sequence[TargetGroup] = field(default_factory=list)
    municipalities: Sequence[Municipality] = field(default_factory=list)
    deadline: dt.date | None = None
    event_start: dt.datetime | None = None
    event_end: dt.datetime | None = None
    location: str = ""


def message_validate(
    *, region: Region, data: MessageData, today: dt.date | None = None
) -> MessageData:
    """The data cleaned, or a ``ValidationError`` naming each field that is wrong. An event
    without 'show until' is shown until the day it ends."""
    today = today or timezone.localdate()
    data = replace(
        data,
        title=data.title.strip(),
        body=data.body.replace("\r\n", "\n").strip(),
        link=data.link.strip(),
        location=data.location.strip(),
    )
    if data.valid_until is None and data.event_end is not None:
        data.valid_until = timezone.localdate(data.event_end)
    errors: dict[str, list[str]] = {}

    def error(name: str, text: str) -> None:
        errors.setdefault(name, []).append(text)

    if not data.title:
        error("title", _("Enter a title."))
    if not data.body:
        error("body", _("Enter the text of the message."))
    elif len(data.body) > BODY_MAX_LENGTH:
        error(
            "body",
            _("The text may be at most %(max)d characters long; it now has %(count)d.")
            % {"max": BODY_MAX_LENGTH, "count": len(data.body)},
        )
    if data.kind not in MessageKind.values:
        error("kind", _("Choose the kind of message."))
    if data.valid_until is None:
        error("valid_until", _("Enter until when the message may be shown."))
    elif data.valid_until < today:
        error(
            "valid_until",
            _("'Show until' lies in the past; choose today or a later date."),
        )
    elif data.valid_until < data.valid_from:
        error("valid_until", _("'Show until' must not be before 'show from'."))
    if data.kind == MessageKind.EVENT:
        if data.event_start is None:
            error("event_start", _("An event invitation needs a start date and time."))
        if data.event_end is None:
            error("event_end", _("An event invitation needs an end date and time."))
        if not data.location:
            error("location", _("An event invitation needs a place (an address, or 'online')."))
    if data.event_start and data.event_end and data.event_end < data.event_start:
        error("event_end", _("The event must not end before it starts."))
    if data.event_end is not None and data.event_start is None:
        error("event_start", _("Enter when the event starts."))
    in_region = set(
        region.municipalities.filter(pk__in=[m.pk for m in data.municipalities]).values_list(
            "pk", flat=True
        )
    )
    outside = [m.name for m in data.municipalities if m.pk not in in_region]
    if outside:
        error(
            "municipalities",
            _("Not part of %(region)s: %(names)s.")
            % {"region": region.name, "names": ", ".join(outside)},
        )
    if errors:
        raise ValidationError(errors)
    return data


def _plain(value: Any) -> Any:
    # Moments in UTC, so that the same moment typed in local time is no change.
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _state(message: Message) -> dict[str, Any]:
    state: dict[str, Any] = {name: _plain(getattr(message, name)) for name in FIELDS}
    for name in RELATIONS:
        state[name] = sorted(str(obj) for obj in getattr(message, name).all())
    return state


def _apply(message: Message, data: MessageData) -> None:
    for name in FIELDS:
        setattr(message, name, getattr(data, name))


def _set_relations(message: Message, data: MessageData) -> None:
    message.themes.set(list(data.themes))
    message.target_groups.set(list(data.target_groups))
    message.municipalities.set(list(data.municipalities))


def _locked(message: Message) -> Message:
    return Message.objects.select_for_update().select_related("region", "sender").get(pk=message.pk)


def _refuse_unless_open(message: Message) -> None:
    if message.status not in OPEN_STATUSES:
        raise ValidationError(
            _("This message is %(status)s and can no longer be changed.")
            % {"status": message.get_status_display().lower()},
            code="closed",
        )


@transaction.atomic
def message_submit(
    *, region: Region, sender: Organisation, data: MessageData, actor: Any
) -> Message:
    """Submit a message to the region's editorial queue, on behalf of ``sender``."""
    data = message_validate(region=region, data=data)
    message = Message(
        region=region,
        sender=sender,
        submitted_by=actor if getattr(actor, "is_authenticated", False) else None,
        status=MessageStatus.SUBMITTED,
    )
    _apply(message, data)
    message.full_clean()
    message.save()
    _set_relations(message, data)
    audit_log(
        actor=actor,
        action=AuditAction.CREATE,
        obj=message,
        changes={
            "region": [None, region.name],
            "sender": [None, sender.name],
            **{key: [None, value] for key, value in _state(message).items()},
        },
        message="submitted",
    )
    from .tasks import notify_editors_of_submission

    transaction.on_commit(lambda: notify_editors_of_submission.enqueue(message.pk))
    return message


@transaction.atomic
def message_update(*, message: Message, data: MessageData, actor: Any) -> Message:
    """Change a message. A change to an approved message raises its sequence, so calendar
    programs that subscribed to a feed show the new version."""
    locked = _locked(message)
    _refuse_unless_open(locked)
    data = message_validate(region=locked.region, data=data)
    before = _state(locked)
    _apply(locked, data)
    locked.full_clean()
    locked.save()
    _set_relations(locked, data)
    changes = diff(before, _state(locked))
    if changes and locked.status == MessageStatus.APPROVED:
        locked.sequence += 1
        locked.save(update_fields=["sequence", "updated_at"])
        changes["sequence"] = [locked.sequence - 1, locked.sequence]
    if changes:
        audit_log(actor=actor, action=AuditAction.UPDATE, obj=locked, changes=changes)
    return locked


def _check_publish_from(message: Message, publish_from: dt.date | None) -> None:
    if publish_from is None:
        return
    if publish_from < timezone.localdate():
        raise ValidationError({"publish_from": _("Choose today or a later date.")}, code="past")
    if publish_from > message.valid_until:
        raise ValidationError(
            {
                "publish_from": _(
                    "The message would never be sent: 'send from' lies after 'show until' "
                    "(%(date)s)."
                )
                % {"date": format_date(message.valid_until)}
            },
            code="after_window",
        )


@transaction.atomic
def message_approve(
    *, message: Message, actor: Any, publish_from: dt.date | None = None
) -> Message:
    """Approve a submitted message: it appears in the calendar and feeds and goes into the
    digests, from ``publish_from`` on when that is given (scheduling)."""
    locked = _locked(message)
    if locked.status != MessageStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted message can be approved."), code="status")
    _check_publish_from(locked, publish_from)
    locked.status = MessageStatus.APPROVED
    locked.reviewed_by = actor
    locked.reviewed_at = timezone.now()
    locked.publish_from = publish_from
    locked.rejection_reason = ""
    locked.save()
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=locked,
        changes={
            "status": [MessageStatus.SUBMITTED, MessageStatus.APPROVED],
            "publish_from": [None, publish_from],
        },
        message="approved",
    )
    return locked


@transaction.atomic
def message_schedule(*, message: Message, actor: Any, publish_from: dt.date | None) -> Message:
    """Set (or clear) the date from which a message may go into digests."""
    locked = _locked(message)
    _refuse_unless_open(locked)
    _check_publish_from(locked, publish_from)
    if locked.publish_from == publish_from:
        return locked
    before = locked.publish_from
    locked.publish_from = publish_from
    locked.save(update_fields=["publish_from", "updated_at"])
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=locked,
        changes={"publish_from": [before, publish_from]},
        message="scheduled",
    )
    return locked


@transaction.atomic
def message_reject(*, message: Message, actor: Any, reason: str) -> Message:
    """Reject a submitted message; the sender sees the reason on their messages page."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {
                "reason": _(
                    "Give the reason for rejecting, so that the sender knows what to change."
                )
            },
            code="required",
        )
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            {
                "reason": _("The reason may be at most %(max)d characters long.")
                % {"max": REASON_MAX_LENGTH}
            },
            code="too_long",
        )
    locked = _locked(message)
    if locked.status != MessageStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted message can be rejected."), code="status")
    locked.status = MessageStatus.REJECTED
    locked.rejection_reason = reason
    locked.reviewed_by = actor
    locked.reviewed_at = timezone.now()
    locked.save()
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=locked,
        changes={
            "status": [MessageStatus.SUBMITTED, MessageStatus.REJECTED],
            "rejection_reason": [None, reason],
        },
        message="rejected",
    )
    return locked


@transaction.atomic
def message_merge(*, message: Message, into: Message, actor: Any) -> Message:
    """Merge ``message`` into ``into``: the same event or scheme announced by several
    parties becomes one message that names all senders. ``message`` is kept (status merged)
    and points to ``into``. If it was public, calendar programs are told it is cancelled."""
    if message.pk == into.pk:
        raise ValidationError(_("A message cannot be merged into itself."), code="self")
    first, second = sorted([message.pk, into.pk])
    locked = {
        m.pk: m
        for m in Message.objects.select_for_update()
        .select_related("region", "sender")
        .filter(pk__in=[first, second])
    }
    message, into = locked[message.pk], locked[into.pk]
    if message.region_id != into.region_id:
        raise ValidationError(
            _("Only messages of the same region can be merged."), code="other_region"
        )
    _refuse_unless_open(message)
    _refuse_unless_open(into)
    now = timezone.now()
    senders_before = sorted(str(o) for o in into.co_senders.all())
    added = {message.sender_id, *message.co_senders.values_list("pk", flat=True)}
    added.discard(into.sender_id)
    into.co_senders.add(*added)
    # Messages merged into this one earlier follow it, so no chain of merges forms.
    Message.objects.filter(merged_into=message).update(merged_into=into, updated_at=now)
    was_public = message.status == MessageStatus.APPROVED
    status_before = message.status
    message.status = MessageStatus.MERGED
    message.merged_into = into
    message.reviewed_by = actor
    message.reviewed_at = message.reviewed_at or now
    if was_public:
        # Withdrawn from the calendar feeds: they announce it as cancelled for a while.
        message.cancelled_at = now
        message.sequence += 1
    message.save()
    if into.status == MessageStatus.APPROVED:
        into.sequence += 1  # the organiser and the description now name more senders
    into.save(update_fields=["sequence", "updated_at"])
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=message,
        changes={"status": [status_before, MessageStatus.MERGED], "merged_into": [None, str(into)]},
        message="merged",
    )
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=into,
        changes={
            "co_senders": [senders_before, sorted(str(o) for o in into.co_senders.all())],
            "merged": [None, str(message)],
        },
        message="merged into",
    )
    return into


@transaction.atomic
def message_cancel(*, message: Message, actor: Any) -> Message:
    """Withdraw a submitted message, or cancel an approved one (an event that does not take
    place). A cancelled event stays in the calendar feeds for a while, marked cancelled."""
    locked = _locked(message)
    _refuse_unless_open(locked)
    status_before = locked.status
    locked.status = MessageStatus.CANCELLED
    locked.cancelled_at = timezone.now()
    locked.sequence += 1
    locked.save()
    audit_log(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=locked,
        changes={
            "status": [status_before, MessageStatus.CANCELLED],
            "sequence": [locked.sequence - 1, locked.sequence],
        },
        message="cancelled",
    )
    return locked
