"""The daily job of monitoring, run by the platform's schedule (``run_schedule`` calls the
``schedule_tick`` hook every minute): once a day, from ``MONITORING_COMPUTE_HOUR`` (local
time), every computed indicator gets its figures from the registry of metric sources. The day
is marked on the indicator before the task is queued, so later ticks do not queue it again."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Indicator
from .services import indicators_due

DEFAULT_COMPUTE_HOUR = 5


def compute_hour() -> int:
    return int(getattr(settings, "MONITORING_COMPUTE_HOUR", DEFAULT_COMPUTE_HOUR))


@transaction.atomic
def monitoring_schedule_tick(now: dt.datetime | None = None) -> list[str]:
    """Queue the computation of the indicators that are due; returns a line per indicator."""
    from .tasks import compute_indicator

    now = now or timezone.now()
    local = timezone.localtime(now)
    if local.hour < compute_hour():
        return []
    today = local.date()
    lines = []
    for indicator in indicators_due(today=today):
        Indicator.objects.filter(pk=indicator.pk).update(computed_on=today)
        pk = indicator.pk
        transaction.on_commit(lambda pk=pk: compute_indicator.enqueue(pk, today.isoformat()))
        lines.append(f"indicator {indicator.region.name}: {indicator.name}")
    return lines
