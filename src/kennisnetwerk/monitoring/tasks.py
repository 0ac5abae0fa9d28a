"""Background jobs of monitoring: thin wrappers that load by id and call a service."""

import datetime as dt

from django_tasks import task

from .models import Indicator
from .services import indicator_compute


@task()
def compute_indicator(indicator_id: int, day: str) -> int:
    """Compute one indicator's figures for ``day`` (ISO date); returns how many changed."""
    indicator = Indicator.objects.select_related("region", "programme").filter(pk=indicator_id)
    found = indicator.first()
    if found is None:
        return 0
    return len(indicator_compute(indicator=found, today=dt.date.fromisoformat(day)))
