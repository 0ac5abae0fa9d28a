"""The schedule of the default set-up: every day from ``DIGEST_SEND_HOUR`` (local time) each
region with active subscribers gets its digest run, queued as a background task. A run that
exists for the day is not queued again, so the schedule may tick as often as it likes and
several schedulers do no harm (the run's uniqueness and the outbox prevent duplicates)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from kennisnetwerk.geo.models import Region

from .constants import SubscriberStatus
from .models import DigestRun
from .services import subscribers_remove_inactive
from .services_digest import outbox_remove_old
from .tasks import send_region_digests


def send_hour() -> int:
    return int(getattr(settings, "DIGEST_SEND_HOUR", 7))


def regions_due(now: dt.datetime) -> list[Region]:
    local = timezone.localtime(now)
    if local.hour < send_hour():
        return []
    today = local.date()
    with_subscribers = Region.objects.filter(subscribers__status=SubscriberStatus.ACTIVE).distinct()
    done = DigestRun.objects.filter(period_start=today).values("region_id")
    return list(with_subscribers.exclude(pk__in=done).order_by("name"))


def schedule_tick(now: dt.datetime | None = None) -> list[str]:
    """Queue today's digest run of every region that is due; returns their names. Also
    removes subscribers who are no longer in use (see ``subscribers_remove_inactive``) and
    old outbox mails (see ``outbox_remove_old``)."""
    now = now or timezone.now()
    subscribers_remove_inactive(now=now)
    today = timezone.localtime(now).date()
    outbox_remove_old(today=today)
    names = []
    for region in regions_due(now):
        # The run is created here, so the next tick does not queue the region again.
        DigestRun.objects.get_or_create(
            region=region, period_start=today, defaults={"period_end": today}
        )
        send_region_digests.enqueue(region.pk, today.isoformat())
        names.append(region.name)
    return names
