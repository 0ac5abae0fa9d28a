"""Bar charts as SVG drawn on the server: they appear without JavaScript, every chart has a
title and a description for screen readers, and the page shows the table of its numbers
beside it (the templates show both, with downloads of the table)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from kennisnetwerk.core.formatting import format_number

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 240, 56, 28, 12
Number = Decimal | float | int | None


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    target: float | None
    x: float
    width: float
    y: float
    height: float
    target_y: float | None
    series: int = 0


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    maximum: float
    labels: list[tuple[float, str]] = field(default_factory=list)  # (x, category)
    legend: list[str] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    baseline: float = HEIGHT - BOTTOM

    @property
    def gridlines(self) -> list[tuple[float, str]]:
        steps = 4
        return [
            (self.baseline - (self.baseline - TOP) * i / steps, _number(self.maximum * i / steps))
            for i in range(steps + 1)
        ]

    @property
    def has_targets(self) -> bool:
        return any(bar.target_y is not None for bar in self.bars)


def _number(value: float) -> str:
    """A gridline label in Dutch notation: 2.500, 12,5."""
    if float(value).is_integer():
        return format_number(int(value))
    return format_number(value, 1)


def nice_maximum(value: float) -> float:
    """The top of the axis: the value rounded up to 1, 2, 2.5 or 5 times a power of ten,
    so the four gridlines fall on round numbers."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 4, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _float(value: Number) -> float | None:
    return None if value is None else float(value)


def _scale(value: float, maximum: float) -> float:
    return (HEIGHT - BOTTOM - TOP) * max(value, 0) / maximum


def bar_chart(points: list[tuple[str, Number, Number]]) -> Chart:
    """``points``: (label, value, target) per period; the target is drawn as a line."""
    values = [float(v) for _l, v, t in points for v in (v, t) if v is not None]
    maximum = nice_maximum(max(values, default=0.0))
    slot = (WIDTH - LEFT - 8) / max(len(points), 1)
    bars = []
    for index, (label, value, target) in enumerate(points):
        v, t = _float(value), _float(target)
        height = 0.0 if v is None else _scale(v, maximum)
        x = LEFT + index * slot + slot * 0.2
        bars.append(
            Bar(
                label=label,
                value=v,
                target=t,
                x=x,
                width=slot * 0.6,
                y=HEIGHT - BOTTOM - height,
                height=height,
                target_y=None if t is None else HEIGHT - BOTTOM - _scale(t, maximum),
            )
        )
    return Chart(bars=bars, maximum=maximum, labels=[(b.x, b.label) for b in bars])


def grouped_chart(categories: list[str], series: list[tuple[str, list[Number]]]) -> Chart:
    """Bars of several series side by side per category (e.g. registrations and attendance
    per programme). A value of None (unknown, or too small to show) draws no bar."""
    values = [float(v) for _name, row in series for v in row if v is not None]
    maximum = nice_maximum(max(values, default=0.0))
    slot = (WIDTH - LEFT - 8) / max(len(categories), 1)
    width = slot * 0.8 / max(len(series), 1)
    bars = []
    labels = []
    for index, category in enumerate(categories):
        start = LEFT + index * slot + slot * 0.1
        labels.append((start, category))
        for number, (_name, row) in enumerate(series):
            v = _float(row[index]) if index < len(row) else None
            height = 0.0 if v is None else _scale(v, maximum)
            bars.append(
                Bar(
                    label=category,
                    value=v,
                    target=None,
                    x=start + number * width,
                    width=width * 0.9,
                    y=HEIGHT - BOTTOM - height,
                    height=height,
                    target_y=None,
                    series=number,
                )
            )
    return Chart(bars=bars, maximum=maximum, labels=labels, legend=[n for n, _r in series])
