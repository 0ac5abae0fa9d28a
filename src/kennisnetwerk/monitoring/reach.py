"""Estimating reach from the parties' theta sketches: unique reach (the union), each party's
reach and share, the overlap of every pair, and what each party reaches that no other does,
each with a 95 % interval. No list of KVK numbers is ever needed.

The union and each party's own reach use the DataSketches bounds (2 standard deviations).
Pairwise overlaps and exclusive reach are counted directly on the retained hashes with numpy,
so that all pairs of 100 parties take well under a second:

- a theta sketch keeps every hash of its set below its threshold θ; for two sketches with
  θa ≤ θb every retained hash of A lies below θb too, so |A ∩ B| among the retained hashes is the
  number of common items in a uniform sample at rate θa, and the estimate is that count / θa;
- for exclusive reach the sample is taken at the smallest θ of all parties, where every sketch
  is complete, and an item counts when no other party has it.

Lists smaller than the sketch size give θ = 1: then every figure is exact."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

STD_DEVS = 2  # ≈ 95 %


@dataclass(frozen=True)
class Estimate:
    value: float
    lower: float
    upper: float
    exact: bool

    @property
    def rounded(self) -> int:
        return round(self.value)


def _sampled(count: int, theta: float) -> Estimate:
    """An estimate of a set size from ``count`` items found in a uniform sample at rate θ."""
    if theta >= 1.0:
        return Estimate(float(count), float(count), float(count), True)
    value = count / theta
    spread = STD_DEVS * math.sqrt(max(count, 1) * (1 - theta)) / theta
    return Estimate(value, max(float(count), value - spread), value + spread, False)


def _from_sketch(sketch) -> Estimate:
    return Estimate(
        sketch.get_estimate(),
        sketch.get_lower_bound(STD_DEVS),
        sketch.get_upper_bound(STD_DEVS),
        not sketch.is_estimation_mode(),
    )


@dataclass
class ReachResult:
    parties: list[str]
    union: Estimate
    reach: list[Estimate]
    shares: list[float]
    exclusive: list[Estimate]
    # (i, j) with i < j → overlap of party i and party j
    overlaps: dict[tuple[int, int], Estimate] = field(default_factory=dict)


def _hashes(sketch) -> np.ndarray:
    return np.sort(np.fromiter(iter(sketch), dtype=np.uint64, count=sketch.num_retained))


def reach_compute(parties: list[str], sketches: list, *, lg_k: int, seed: int) -> ReachResult:
    """All reach figures of ``sketches`` (compact theta sketches, one per party)."""
    import datasketches

    n = len(sketches)
    union = datasketches.theta_union(lg_k, 1.0, seed)
    for sketch in sketches:
        union.update(sketch)
    union_estimate = _from_sketch(union.get_result()) if n else Estimate(0, 0, 0, True)
    reach = [_from_sketch(s) for s in sketches]
    shares = [(r.value / union_estimate.value) if union_estimate.value else 0.0 for r in reach]

    thetas = np.array([s.theta64 for s in sketches], dtype=np.uint64)
    theta_fraction = [s.theta for s in sketches]
    hashes = [_hashes(s) for s in sketches]

    # One column per distinct retained hash; one row of bits per party.
    overlaps: dict[tuple[int, int], Estimate] = {}
    if n >= 2:
        every = np.unique(np.concatenate(hashes))
        width = (len(every) + 63) // 64
        rows = np.zeros((n, width * 64), dtype=bool)
        for i, h in enumerate(hashes):
            rows[i, np.searchsorted(every, h)] = True
        bits = np.packbits(rows, axis=1, bitorder="little").view(np.uint64)
        del rows
        for i in range(n - 1):
            counts = np.bitwise_count(bits[i + 1 :] & bits[i]).sum(axis=1)
            for offset, count in enumerate(counts.tolist()):
                j = i + 1 + offset
                theta = min(theta_fraction[i], theta_fraction[j])
                overlaps[(i, j)] = _sampled(int(count), theta)

    # Exclusive reach: the sample below the smallest threshold, where every sketch is complete.
    exclusive: list[Estimate] = []
    if n:
        cut = thetas.min()
        theta_all = min(theta_fraction)
        below = [h[h < cut] for h in hashes]
        owner = np.concatenate([np.full(len(b), i, dtype=np.int64) for i, b in enumerate(below)])
        values, inverse, counts = np.unique(
            np.concatenate(below), return_inverse=True, return_counts=True
        )
        only = np.bincount(owner[counts[inverse] == 1], minlength=n)
        exclusive = [_sampled(int(c), theta_all) for c in only.tolist()]
    return ReachResult(
        parties=list(parties),
        union=union_estimate,
        reach=reach,
        shares=shares,
        exclusive=exclusive,
        overlaps=overlaps,
    )
