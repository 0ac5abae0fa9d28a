"""Bar charts as SVG drawn on the server: they appear without JavaScript, and every chart comes
with the table of its numbers (the template shows both)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 240, 48, 28, 12


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


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    maximum: float
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    baseline: float = HEIGHT - BOTTOM

    @property
    def gridlines(self) -> list[tuple[float, str]]:
        steps = 4
        return [
            (self.baseline - (self.baseline - TOP) * i / steps, f"{self.maximum * i / steps:g}")
            for i in range(steps + 1)
        ]


def bar_chart(points: list[tuple[str, Decimal | float | None, Decimal | float | None]]) -> Chart:
    """``points``: (label, value, target) per period."""
    values = [float(v) for _l, v, t in points for v in (v, t) if v is not None]
    maximum = max(values, default=0.0) or 1.0
    plot = HEIGHT - BOTTOM - TOP
    slot = (WIDTH - LEFT - 8) / max(len(points), 1)
    bars = []
    for index, (label, value, target) in enumerate(points):
        v = None if value is None else float(value)
        t = None if target is None else float(target)
        height = 0.0 if v is None else plot * max(v, 0) / maximum
        bars.append(
            Bar(
                label=label,
                value=v,
                target=t,
                x=LEFT + index * slot + slot * 0.2,
                width=slot * 0.6,
                y=HEIGHT - BOTTOM - height,
                height=height,
                target_y=None if t is None else HEIGHT - BOTTOM - plot * max(t, 0) / maximum,
            )
        )
    return Chart(bars=bars, maximum=maximum)
