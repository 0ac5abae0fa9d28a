"""Reads of the DOE agenda: the agenda with its goals and actions, progress rolled up from
sub-actions, overdue and stale actions, and each party's commitments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from kennisnetwerk.geo.models import Region

from .constants import OPEN_STATUSES, ActionStatus
from .models import Action


def actions_on_schedule_share(*, region: Region, day: dt.date) -> Decimal:
    """Percentage of the region's actions (not cancelled) that are done or not past their
    deadline on ``day``."""
    actions = Action.objects.filter(agenda__region=region).exclude(status=ActionStatus.CANCELLED)
    total = actions.count()
    if not total:
        return Decimal(0)
    late = actions.filter(status__in=OPEN_STATUSES, deadline__lt=day).count()
    return (Decimal(100) * (total - late) / total).quantize(Decimal("0.1"))
