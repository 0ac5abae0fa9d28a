"""Reads about subscribers, digest runs and contact pressure."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count

from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.models import Region

from .constants import SizeClass, SubscriberStatus
from .models import DigestRun, Subscriber


def region_subscriber_counts(*, region: Region) -> dict[str, int]:
    rows = Subscriber.objects.filter(region=region).values("status").annotate(n=Count("pk"))
    counts = dict.fromkeys(SubscriberStatus.values, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def recent_runs(*, region: Region, limit: int = 12) -> list[DigestRun]:
    return list(
        DigestRun.objects.filter(region=region)
        .annotate(mail_count=Count("mails"))
        .order_by("-period_start")[:limit]
    )


@dataclass
class PressureRow:
    label: str
    subscribers: int
    mails_wanted: int
    mails_sent: int
    items_sent: int

    @property
    def wanted_per_subscriber(self) -> float:
        return self.mails_wanted / self.subscribers if self.subscribers else 0.0

    @property
    def sent_per_subscriber(self) -> float:
        return self.mails_sent / self.subscribers if self.subscribers else 0.0


@dataclass
class SenderRow:
    organisation: str
    wanted: int
    delivered: int


@dataclass
class Pressure:
    runs: int
    segments: list[PressureRow]
    senders: list[SenderRow]


def contact_pressure(*, region: Region, runs: int = 6) -> Pressure:
    """Over the last ``runs`` runs: per size class, how many mails the senders would have
    sent (one per matching message) against the digests that went out, and per sender how
    often their messages matched and how often they were delivered."""
    chosen = list(DigestRun.objects.filter(region=region).order_by("-period_start")[:runs])
    segments: dict[str, Counter[str]] = {}
    senders: dict[str, Counter[str]] = {}
    for run in chosen:
        figures = run.statistics.get("pressure") or {}
        for name, values in (figures.get("segments") or {}).items():
            segments.setdefault(name, Counter()).update(values)
        for name, values in (figures.get("senders") or {}).items():
            senders.setdefault(name, Counter()).update(values)
    labels = dict(SizeClass.choices)
    names = dict(
        Organisation.objects.filter(pk__in=[int(k) for k in senders]).values_list("pk", "name")
    )
    return Pressure(
        runs=len(chosen),
        segments=[
            PressureRow(
                label=str(labels.get(key, "—")),
                subscribers=values["subscribers"],
                mails_wanted=values["mails_wanted"],
                mails_sent=values["mails_sent"],
                items_sent=values["items_sent"],
            )
            for key, values in sorted(segments.items())
        ],
        senders=sorted(
            (
                SenderRow(names.get(int(k), "?"), v["wanted"], v["delivered"])
                for k, v in senders.items()
            ),
            key=lambda row: (-row.wanted, row.organisation),
        ),
    )
