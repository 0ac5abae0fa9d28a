"""Writes of the notifications app. Other apps call ``notification_emit`` after their own
writes (inside their transaction); the people are reached after the commit, in a background
task that writes the notifications and the mails in bulk. Mails go through the outbox
(``core.outbox``), so a crash sends none twice."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from kennisnetwerk.core.audit import audit_log
from kennisnetwerk.core.bulk import insert_rows, prepared
from kennisnetwerk.core.models import AuditAction

from .constants import Channel
from .mail import instant_mail, new_message_id
from .models import EmittedOnce, Follow, Notification, NotificationMail, Preference
from .registry import default_channel, get_kind


def _queue_delivery() -> None:
    from .tasks import deliver_notification_mail

    transaction.on_commit(deliver_notification_mail.enqueue)


def notification_emit(
    *,
    kind: str,
    recipients: Iterable[int],
    title: str,
    url: str,
    actor_id: int | None = None,
    body: str = "",
    target: models.Model | None = None,
    once_key: str = "",
) -> bool:
    """Tell ``recipients`` (user ids the caller has already limited to people who may see the
    target) that something happened. Nothing is written now: after the caller's transaction
    commits, a background task writes a notification for each (never for the actor, nor for
    anyone who switched the kind off) and queues the mails. With ``once_key``, an event with
    the same key is told only once (for schedules that look every minute); returns False when
    it was told already."""
    get_kind(kind)  # an unregistered kind fails at the caller, not in the worker
    if once_key:
        _told, created = EmittedOnce.objects.get_or_create(key=f"{kind}:{once_key}"[:200])
        if not created:
            return False
    ids = sorted({int(pk) for pk in recipients} - ({actor_id} if actor_id else set()))
    if not ids:
        return True
    payload: dict[str, Any] = {
        "event": str(uuid.uuid4()),
        "kind": kind,
        "recipient_ids": ids,
        "title": str(title)[:250],
        "url": str(url)[:500],
        "actor_id": actor_id,
        "body": str(body)[:2000],
        "target_type_id": ContentType.objects.get_for_model(target).pk if target else None,
        "target_id": target.pk if target is not None else None,
    }

    def enqueue() -> None:
        from .tasks import fan_out_notification

        fan_out_notification.enqueue(**payload)

    transaction.on_commit(enqueue)
    return True


def channels_for(*, kind: str, users: list[dict]) -> dict[int, str]:
    """The channel of ``kind`` for each of ``users`` (dicts with ``pk`` and ``is_staff``):
    their own choice, else the kind's default for their role."""
    registered = get_kind(kind)
    chosen = dict(
        Preference.objects.filter(
            kind=kind, user_id__in=[user["pk"] for user in users]
        ).values_list("user_id", "channel")
    )
    return {
        user["pk"]: chosen.get(user["pk"])
        or default_channel(registered, is_facilitator=user["is_staff"])
        for user in users
    }


@transaction.atomic
def notifications_fan_out(
    *,
    event: str,
    kind: str,
    recipient_ids: list[int],
    title: str,
    url: str,
    actor_id: int | None = None,
    body: str = "",
    target_type_id: int | None = None,
    target_id: int | None = None,
) -> int:
    """Write one event's notifications and instant mails in bulk, in one transaction; an
    event whose notifications exist already (a task run again) writes nothing. Returns how
    many notifications were written."""
    if Notification.objects.filter(event=event).exists():
        return 0
    users = list(
        get_user_model()
        .objects.filter(pk__in=recipient_ids, is_active=True)
        .exclude(pk=actor_id)
        .values("pk", "email", "full_name", "is_staff")
    )
    channels = channels_for(kind=kind, users=users)
    users = [user for user in users if channels[user["pk"]] != Channel.OFF]
    if not users:
        return 0
    now = timezone.now()
    created = prepared(Notification, "created_at", now)
    event_value = prepared(Notification, "event", uuid.UUID(event))
    fields = [
        "created_at", "event", "recipient", "kind", "title", "body", "url", "actor",
        "target_type", "target_id", "channel", "mailed_at",
    ]  # fmt: skip
    instant = [user for user in users if channels[user["pk"]] == Channel.INSTANT]
    insert_rows(
        Notification,
        fields,
        (
            (
                created,
                event_value,
                user["pk"],
                kind,
                title,
                body,
                url,
                actor_id,
                target_type_id,
                target_id,
                channels[user["pk"]],
                created if channels[user["pk"]] == Channel.INSTANT else None,
            )  # fmt: skip
            for user in users
        ),
    )
    if instant:
        _queue_mails(instant_mail(kind=kind, title=title, body=body, url=url, users=instant))
    return len(users)


def _queue_mails(mails: Iterable[tuple[int | None, str, str, str, str, dict]]) -> int:
    """Write mails (recipient id, address, subject, text, html, headers) to the outbox and
    start a worker after the commit."""
    now = prepared(NotificationMail, "created_at", timezone.now())
    headers_field = NotificationMail._meta.get_field("headers")
    from django.db import connection

    written = insert_rows(
        NotificationMail,
        [
            "created_at",
            "updated_at",
            "recipient",
            "to_email",
            "subject",
            "text_body",
            "html_body",
            "headers",
            "message_id",
            "status",
            "attempts",
            "last_error",
        ],  # fmt: skip
        (
            (
                now,
                now,
                recipient,
                to,
                subject[:250],
                text,
                html,
                headers_field.get_db_prep_save(headers, connection),
                new_message_id(),
                "wachtrij",
                0,
                "",
            )  # fmt: skip
            for recipient, to, subject, text, html, headers in mails
        ),
    )
    if written:
        _queue_delivery()
    return written


def mail_queue(
    *, to: str, subject: str, text: str, html: str, recipient_id: int | None = None
) -> None:
    """Queue one mail to an address through the outbox (for people without an account, such
    as the confirmation to an entrepreneur who asked a question). Sent after the commit."""
    _queue_mails([(recipient_id, to, subject, text, html, {})])


def notification_mark_read(*, user, notification_id: int) -> bool:
    """Mark one of ``user``'s notifications read; False when it is not theirs."""
    return (
        bool(
            Notification.objects.filter(
                pk=notification_id, recipient=user, read_at__isnull=True
            ).update(read_at=timezone.now())
        )
        or Notification.objects.filter(pk=notification_id, recipient=user).exists()
    )


def notifications_mark_all_read(*, user) -> int:
    """Mark all of ``user``'s unread notifications read; returns how many."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def preference_set(*, user, kind: str, channel: str, actor=None) -> Preference:
    """Choose how ``user`` hears of ``kind``. Audit-logged."""
    get_kind(kind)
    if channel not in Channel.values:
        raise ValueError(f"unknown channel {channel!r}")
    before = Preference.objects.filter(user=user, kind=kind).first()
    preference, _created = Preference.objects.update_or_create(
        user=user, kind=kind, defaults={"channel": channel}
    )
    if before is None or before.channel != channel:
        audit_log(
            actor=actor or user,
            action=AuditAction.UPDATE,
            obj=preference,
            changes={"channel": [before.channel if before else "", channel]},
        )
    return preference


def follow_set(*, user, target: models.Model, follow: bool) -> None:
    """Follow (or stop following) a programme, thread, theme or region. Writing in a thread
    follows it, so this is idempotent and may be called on every post."""
    content_type = ContentType.objects.get_for_model(target)
    if follow:
        _row, changed = Follow.objects.get_or_create(
            user=user, target_type=content_type, target_id=target.pk
        )
    else:
        changed = bool(
            Follow.objects.filter(
                user=user, target_type=content_type, target_id=target.pk
            ).delete()[0]
        )
    if changed:  # only real changes are logged (writing in a thread calls this every time)
        audit_log(
            actor=user,
            action=AuditAction.CREATE if follow else AuditAction.DELETE,
            obj=target,
            message="followed" if follow else "unfollowed",
        )


def personal_data_erase(*, user) -> None:
    """Remove a person's notifications, preferences, follows and their queued mails."""
    Notification.objects.filter(recipient=user).delete()
    Notification.objects.filter(actor=user).update(actor=None)
    Preference.objects.filter(user=user).delete()
    Follow.objects.filter(user=user).delete()
    NotificationMail.objects.filter(recipient=user).delete()
    NotificationMail.objects.filter(to_email__iexact=user.email).delete()
