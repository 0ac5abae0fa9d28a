"""The demo of monitoring: indicators with targets and measurements for Noordoost-Brabant and
the MKB-Deal West-Brabant, computed ones filled from the platform's own figures, and the reach
sketches of three parties of Noordoost-Brabant for one indicator, made with the sketch tool's
own code from generated (fictional) KVK numbers. Loading again adds nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import random

from django.utils import timezone

from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.models import Region
from kennisnetwerk.learning.models import Programme
from kennisnetwerk.monitoring import services
from kennisnetwerk.monitoring.constants import Direction, Frequency, Source, Unit
from kennisnetwerk.monitoring.models import Indicator, ReachSketch
from kennisnetwerk.monitoring.sketches import sketch_file_make

from .inventory import MLV, OMZ, OSS

NOB = "Noordoost-Brabant"
DEAL = "MKB-Deal West-Brabant"
REACH_CODE = "bereik-mkb"
# The demo's network key; a real network's key is made with kennisnetwerk-sketch --new-key
# and never stored on the platform.
DEMO_NETWORK_KEY = hashlib.sha256(b"kennisnetwerk demo netwerksleutel").digest()
# (party, how many KVK numbers it reached, where in the shared pool its list starts)
REACH_PARTIES = ((OSS, 1400, 0), (MLV, 900, 1000), (OMZ, 600, 1700))

# region, code, name, unit, direction, frequency, source, metric, source detail, targets,
# measurements (by hand), programme slug
INDICATORS = [
    (
        NOB, "adviesgesprekken", "Ondernemers met een adviesgesprek", Unit.ENTREPRENEURS,
        Direction.UP, Frequency.YEAR, Source.MANUAL, "",
        "Registraties van het ondernemersloket en de accountmanagers van de partijen",
        {"2024": 350, "2025": 450, "2026": 550}, {"2024": 312, "2025": 468}, "",
    ),
    (
        NOB, REACH_CODE, "Bereik onder mkb-ondernemers (uniek)", Unit.ENTREPRENEURS,
        Direction.UP, Frequency.YEAR, Source.REACH, "",
        "Bereikschetsen van de partijen uit hun eigen klantbestanden",
        {"2025": 2500}, {}, "",
    ),
    (
        NOB, "aanwezigen-cop", "Aanwezigen bij de bijeenkomsten van de CoP", Unit.NUMBER,
        Direction.UP, Frequency.YEAR, Source.COMPUTED, "learning-attendance", "",
        {"2025": 40, "2026": 60}, {}, "cop-noordoost-brabant",
    ),
    (
        NOB, "abonnees-nieuwsbrief", "Abonnees van de nieuwsbrief", Unit.NUMBER,
        Direction.UP, Frequency.QUARTER, Source.COMPUTED, "subscribers", "", {}, {}, "",
    ),
    (
        NOB, "acties-op-schema", "Acties van de DOE-agenda op schema", Unit.PERCENT,
        Direction.UP, Frequency.QUARTER, Source.COMPUTED, "actions-on-schedule", "", {}, {}, "",
    ),
    (
        DEAL, "deelnemende-bedrijven", "Deelnemende mkb-bedrijven", Unit.ENTREPRENEURS,
        Direction.UP, Frequency.QUARTER, Source.MANUAL, "",
        "Deelnemerslijsten van de projecten van de MKB-Deal",
        {"2025-Q1": 40, "2025-Q2": 60, "2025-Q3": 80, "2025-Q4": 100},
        {"2025-Q1": 35, "2025-Q2": 58, "2025-Q3": 71, "2025-Q4": 96}, "",
    ),
    (
        DEAL, "initiatieven", "Initiatieven in de inventarisatie", Unit.NUMBER,
        Direction.UP, Frequency.YEAR, Source.COMPUTED, "initiatives", "", {}, {}, "",
    ),
]  # fmt: skip


def _kvk_pool(size: int) -> list[str]:
    """Generated, fictional KVK numbers (always the same ones)."""
    generator = random.Random(20_260_601)  # noqa: S311 (demo numbers, not a secret)
    return [f"{n:08d}" for n in generator.sample(range(10_000_000, 99_999_999), size)]


def _reach_sketches(indicator: Indicator, period: str) -> None:
    pool = _kvk_pool(max(start + size for _name, size, start in REACH_PARTIES))
    organisations = {
        o.name: o for o in Organisation.objects.filter(name__in=[p[0] for p in REACH_PARTIES])
    }
    for name, size, start in REACH_PARTIES:
        organisation = organisations.get(name)
        if (
            organisation is None
            or ReachSketch.objects.filter(
                indicator=indicator, period=period, organisation=organisation
            ).exists()
        ):
            continue
        data = sketch_file_make(
            pool[start : start + size],
            key=DEMO_NETWORK_KEY,
            indicator=indicator.code,
            period=period,
        ).to_bytes()
        services.sketch_upload(
            indicator=indicator, organisation=organisation, period=period, data=data, actor=None
        )


def monitoring_demo_load(*, today: dt.date | None = None) -> None:
    today = today or timezone.localdate()
    regions = {r.name: r for r in Region.objects.filter(name__in=[NOB, DEAL])}
    programmes = {p.slug: p for p in Programme.objects.all()}
    for spec in INDICATORS:
        (region_name, code, name, unit, direction, frequency, source, metric, detail,
         targets, measured, programme_slug) = spec  # fmt: skip
        region = regions.get(region_name)
        if region is None or Indicator.objects.filter(region=region, code=code).exists():
            continue
        indicator = services.indicator_create(
            region=region,
            data=services.IndicatorData(
                code=code,
                name=name,
                unit=unit,
                direction=direction,
                frequency=frequency,
                source=source,
                metric=metric,
                source_detail=detail,
                programme=programmes.get(programme_slug),
            ),
            actor=None,
        )
        for period, value in targets.items():
            services.target_set(indicator=indicator, period=period, value=value, actor=None)
        for period, value in measured.items():
            services.measurement_record(indicator=indicator, period=period, value=value, actor=None)
        if source == Source.COMPUTED:
            services.indicator_compute(indicator=indicator, today=today)
    reach = Indicator.objects.filter(region__name=NOB, code=REACH_CODE).first()
    if reach is not None:
        _reach_sketches(reach, "2025")
