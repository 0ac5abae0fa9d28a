"""What monitoring tells people: a new period of a reach indicator has begun, so the region's
parties can upload their sketches for it. Told once per indicator and period (the schedule
looks every minute)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kennisnetwerk.notifications.services import notification_emit

from .constants import Source
from .models import Indicator
from .periods import period_bounds, period_of

# A period counts as "just opened" this many days; a platform that was down on its first day
# still tells the parties.
OPEN_DAYS = 7


def sketch_uploader_ids(indicator: Indicator) -> set[int]:
    """Members of the parties located in the indicator's region: the people who may upload a
    sketch for it (``permissions.sketch_organisation_choices``)."""
    return set(
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__organisation__municipality__in=indicator.region.municipalities.all(),
        )
        .values_list("pk", flat=True)
        .distinct()
    )


@transaction.atomic
def sketch_periods_notify(now: dt.datetime | None = None) -> list[str]:
    today = timezone.localdate(now or timezone.now())
    lines = []
    for indicator in Indicator.objects.filter(source=Source.REACH).select_related("region"):
        period = period_of(today, indicator.frequency)
        start, _end = period_bounds(period, indicator.frequency)
        if (today - start).days >= OPEN_DAYS:
            continue
        with translation.override(settings.LANGUAGE_CODE):
            title = _("Period %(period)s is open for reach sketches: %(indicator)s") % {
                "period": period,
                "indicator": indicator.name,
            }
            body = _(
                "Upload your organisation's sketch of %(indicator)s (%(region)s) for %(period)s."
            ) % {"indicator": indicator.name, "region": indicator.region.name, "period": period}
        told = notification_emit(
            kind="monitoring.sketch_period_open",
            recipients=sketch_uploader_ids(indicator),
            title=title,
            body=body,
            url=reverse("monitoring:sketch_upload", args=[indicator.pk]),
            target=indicator,
            once_key=f"{indicator.pk}:{period}",
        )
        if told:
            lines.append(f"reach sketches: {indicator.name} {period} open")
    return lines
