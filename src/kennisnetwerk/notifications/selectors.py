"""Reads of the notifications app."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .constants import Channel
from .models import Follow, Notification, Preference
from .registry import NotificationKind, all_kinds, default_channel, listed_followables


def follower_ids(*, target: models.Model) -> set[int]:
    """Ids of the people who follow ``target`` (active accounts only)."""
    return set(
        Follow.objects.filter(
            target_type=ContentType.objects.get_for_model(target),
            target_id=target.pk,
            user__is_active=True,
        ).values_list("user_id", flat=True)
    )


def is_following(*, user, target: models.Model) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Follow.objects.filter(
        user=user, target_type=ContentType.objects.get_for_model(target), target_id=target.pk
    ).exists()


def unread_count(*, user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notifications_for(*, user, unread_only: bool = False) -> models.QuerySet[Notification]:
    qs = Notification.objects.filter(recipient=user).select_related("actor")
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    return qs.order_by("-created_at", "-id")


def preferences_for(*, user) -> list[tuple[NotificationKind, str]]:
    """Every kind with the channel ``user`` hears of it by (their choice or the default)."""
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "channel"))
    return [
        (kind, chosen.get(kind.key) or default_channel(kind, is_facilitator=user.is_staff))
        for kind in all_kinds()
    ]


def listed_follow_choices(*, user) -> list[tuple[Any, bool]]:
    """The objects of the listed followables (themes) with whether ``user`` follows each."""
    rows = []
    for followable in listed_followables():
        content_type = ContentType.objects.get_for_model(followable.model)
        followed = set(
            Follow.objects.filter(user=user, target_type=content_type).values_list(
                "target_id", flat=True
            )
        )
        manager = followable.model._default_manager
        for obj in manager.all():
            if followable.can_view(user, obj):
                rows.append((obj, obj.pk in followed))
    return rows


def follows_for(*, user) -> list[Follow]:
    """What ``user`` follows, newest first, with the object where it still exists."""
    follows = list(Follow.objects.filter(user=user).select_related("target_type"))
    for follow in follows:
        model = follow.target_type.model_class()
        follow.target = (
            model._default_manager.filter(pk=follow.target_id).first() if model else None
        )
    return sorted(follows, key=lambda f: f.created_at, reverse=True)


__all__ = [
    "Channel",
    "follower_ids",
    "follows_for",
    "is_following",
    "notifications_for",
    "preferences_for",
    "unread_count",
]
