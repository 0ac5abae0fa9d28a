"""The daily and weekly summary mails for professionals (separate from the entrepreneurs'
newsletter). The platform's schedule calls ``summaries_schedule_tick`` every minute; from
``NOTIFICATIONS_SUMMARY_HOUR`` (local time) the day's round is composed once (a ``SummaryRun``
row per channel and day), the weekly one on ``NOTIFICATIONS_SUMMARY_WEEKDAY`` (0 = Monday).
A round marks the notifications it carries as mailed in the same transaction as it writes the
mails to the outbox, so a notification is never in two summaries."""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .constants import Channel
from .mail import summary_mail
from .models import Notification, Preference, SummaryRun
from .services import _queue_mails


def summary_hour() -> int:
    return int(getattr(settings, "NOTIFICATIONS_SUMMARY_HOUR", 7))


def summary_weekday() -> int:
    return int(getattr(settings, "NOTIFICATIONS_SUMMARY_WEEKDAY", 0))


@transaction.atomic
def summaries_compose(*, channel: str, now: dt.datetime) -> int:
    """Write one summary mail per person with notifications waiting for ``channel``; returns
    how many mails."""
    waiting = (
        Notification.objects.filter(
            channel=channel,
            mailed_at__isnull=True,
            created_at__lte=now,
            recipient__is_active=True,
        )
        .select_related("recipient")
        .order_by("recipient_id", "created_at", "id")
    )
    # A kind switched off since (say with the link in an earlier mail) is not mailed any more.
    switched_off = set(
        Preference.objects.filter(channel=Channel.OFF).values_list("user_id", "kind")
    )
    mails = []
    carried: list[int] = []
    for _recipient_id, group in groupby(waiting, key=lambda n: n.recipient_id):
        everything = list(group)
        carried.extend(n.pk for n in everything)
        items = [n for n in everything if (n.recipient_id, n.kind) not in switched_off]
        if not items:
            continue
        person = items[0].recipient
        user = {"pk": person.pk, "email": person.email, "full_name": person.full_name}
        mails.append(summary_mail(user=user, channel=channel, notifications=items))
    written = _queue_mails(mails)
    for start in range(0, len(carried), 5_000):
        Notification.objects.filter(pk__in=carried[start : start + 5_000]).update(mailed_at=now)
    return written


def summaries_schedule_tick(now: dt.datetime | None = None) -> list[str]:
    now = now or timezone.now()
    local = timezone.localtime(now)
    if local.hour < summary_hour():
        return []
    channels = [Channel.DAILY]
    if local.weekday() == summary_weekday():
        channels.append(Channel.WEEKLY)
    lines = []
    for channel in channels:
        try:
            with transaction.atomic():
                run = SummaryRun.objects.create(channel=channel, day=local.date())
                run.mails = summaries_compose(channel=channel, now=now)
                run.save(update_fields=["mails"])
        except IntegrityError:
            continue  # this round was composed by an earlier tick
        lines.append(f"notifications: {run.mails} {channel} summaries")
    return lines
