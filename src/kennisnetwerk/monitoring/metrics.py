"""The platform's own figures that indicators can be computed from: one registry of metric
sources. Another app adds its figures with ``metric_register`` (e.g. the learning programme's
registrations and attendance), without changing anything here.

A metric computes the value for a scope — a region, or one learning programme of it — over
a period (first and last day). Metrics that do not concern programmes ignore the programme."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kennisnetwerk.geo.models import Region

from .constants import Unit


@dataclass(frozen=True)
class Scope:
    region: Region
    programme: Any = None  # a learning Programme, or None for the whole region


Compute = Callable[[Scope, dt.date, dt.date], Decimal | int]


@dataclass(frozen=True)
class Metric:
    key: str
    label: str | Promise
    unit: str
    compute: Compute


_registry: dict[str, Metric] = {}
# Families of metrics with a parameter, such as "initiatives-theme:<theme slug>".
_families: dict[str, Callable[[str], Metric | None]] = {}
_family_choices: dict[str, Callable[[], Iterator[Metric]]] = {}


def metric_register(metric: Metric) -> Metric:
    _registry[metric.key] = metric
    return metric


def metric_family_register(
    prefix: str, build: Callable[[str], Metric | None], choices: Callable[[], Iterator[Metric]]
) -> None:
    _families[prefix] = build
    _family_choices[prefix] = choices


def metric_get(key: str) -> Metric | None:
    if key in _registry:
        return _registry[key]
    prefix, _sep, parameter = key.partition(":")
    build = _families.get(prefix)
    return build(parameter) if build and parameter else None


def metric_choices() -> list[Metric]:
    metrics = list(_registry.values())
    for choices in _family_choices.values():
        metrics.extend(choices())
    return metrics


def _end_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


# --- The figures that exist on the platform today ---------------------------------------------


def _subscribers(scope: Scope, start: dt.date, end: dt.date) -> int:
    from kennisnetwerk.outreach.constants import SubscriberStatus
    from kennisnetwerk.outreach.models import Subscriber

    return Subscriber.objects.filter(
        region=scope.region, status=SubscriberStatus.ACTIVE, confirmed_at__lt=_end_of(end)
    ).count()


def _digests_delivered(scope: Scope, start: dt.date, end: dt.date) -> int:
    from kennisnetwerk.outreach.constants import MailStatus
    from kennisnetwerk.outreach.models import OutboxMail

    return OutboxMail.objects.filter(
        run__region=scope.region,
        status=MailStatus.SENT,
        sent_at__gte=_start_of(start),
        sent_at__lt=_end_of(end),
    ).count()


def _initiatives_query(region: Region, start: dt.date, end: dt.date):
    from kennisnetwerk.ecosystem.models import Initiative

    return Initiative.objects.filter(
        Q(start_date__isnull=True) | Q(start_date__lte=end),
        Q(end_date__isnull=True) | Q(end_date__gte=start),
        inventory_region=region,
        is_published=True,
    )


def _initiatives(scope: Scope, start: dt.date, end: dt.date) -> int:
    return _initiatives_query(scope.region, start, end).count()


def _actions_on_schedule(scope: Scope, start: dt.date, end: dt.date) -> Decimal:
    """The share (%) of the region's open and finished agenda actions due by the end of the
    period that are done or not yet past their deadline."""
    from kennisnetwerk.agenda.selectors import actions_on_schedule_share

    return actions_on_schedule_share(region=scope.region, day=min(end, timezone.localdate()))


metric_register(
    Metric("subscribers", _("Active subscribers to the newsletter"), Unit.NUMBER, _subscribers)
)
metric_register(
    Metric("digests-delivered", _("Digests delivered"), Unit.NUMBER, _digests_delivered)
)
metric_register(Metric("initiatives", _("Initiatives in the inventory"), Unit.NUMBER, _initiatives))
metric_register(
    Metric(
        "actions-on-schedule",
        _("DOE agenda actions on schedule"),
        Unit.PERCENT,
        _actions_on_schedule,
    )
)


def _sessions(scope: Scope, start: dt.date, end: dt.date):
    """Sessions of the scope's programme (or of the programmes the region takes part in) that
    start within the period and were not cancelled."""
    from kennisnetwerk.learning.constants import SessionStatus
    from kennisnetwerk.learning.models import Session

    sessions = Session.objects.filter(
        starts_at__gte=_start_of(start), starts_at__lt=_end_of(end)
    ).exclude(status=SessionStatus.CANCELLED)
    if scope.programme is not None:
        return sessions.filter(programme=scope.programme)
    return sessions.filter(programme__regions=scope.region).distinct()


def _held(scope: Scope, start: dt.date, end: dt.date):
    """Sessions that have ended (cancelled ones are left out by ``_sessions``)."""
    return _sessions(scope, start, end).filter(ends_at__lte=timezone.now())


def _sessions_held(scope: Scope, start: dt.date, end: dt.date) -> int:
    return _held(scope, start, end).count()


def _placed(scope: Scope, start: dt.date, end: dt.date):
    """Registrations with a place in sessions held: the same definition as the dashboards'
    learning tables, so attendance (a part of them) is never the larger number."""
    from kennisnetwerk.learning.constants import RegistrationStatus
    from kennisnetwerk.learning.models import Registration

    return Registration.objects.filter(
        session__in=_held(scope, start, end).values("pk"),
        status=RegistrationStatus.REGISTERED,
    )


def _registrations(scope: Scope, start: dt.date, end: dt.date) -> int:
    return _placed(scope, start, end).count()


def _attendance(scope: Scope, start: dt.date, end: dt.date) -> int:
    return _placed(scope, start, end).filter(attended=True).count()


metric_register(
    Metric("learning-sessions", _("Sessions held (learning together)"), Unit.NUMBER, _sessions_held)
)
metric_register(
    Metric(
        "learning-registrations",
        _("Registrations for sessions (learning together)"),
        Unit.NUMBER,
        _registrations,
    )
)
metric_register(
    Metric(
        "learning-attendance",
        _("Attendance at sessions (learning together)"),
        Unit.NUMBER,
        _attendance,
    )
)


def _theme_metric(slug: str) -> Metric | None:
    from kennisnetwerk.ecosystem.models import Theme

    theme = Theme.objects.filter(slug=slug).first()
    if theme is None:
        return None

    def compute(scope: Scope, start: dt.date, end: dt.date) -> int:
        return _initiatives_query(scope.region, start, end).filter(themes=theme).count()

    return Metric(
        f"initiatives-theme:{slug}",
        _("Initiatives on theme %(theme)s") % {"theme": theme.name},
        Unit.NUMBER,
        compute,
    )


def _theme_metrics() -> Iterator[Metric]:
    from kennisnetwerk.ecosystem.models import Theme

    for slug in (
        Theme.objects.filter(is_active=True)
        .order_by("order", "name")
        .values_list("slug", flat=True)
    ):
        metric = _theme_metric(slug)
        if metric is not None:
            yield metric


metric_family_register("initiatives-theme", _theme_metric, _theme_metrics)
