"""Reach estimates against exact set arithmetic on generated lists."""

import random

import pytest

from kennisnetwerk.monitoring.reach import reach_compute
from kennisnetwerk.monitoring.sketches import LG_K, SEED, sketch_build

KEY = b"netwerksleutel-voor-de-test-1234"


def _lists(rng, sizes, universe):
    return [{f"{rng.randrange(1, universe):08d}" for _ in range(size)} for size in sizes]


def _compute(sets):
    sketches = [sketch_build(sorted(s), key=KEY) for s in sets]
    return reach_compute([f"partij {i}" for i in range(len(sets))], sketches, lg_k=LG_K, seed=SEED)


def test_large_lists_union_overlaps_and_exclusive_reach_lie_within_their_95_percent_bounds():
    rng = random.Random(7)
    sets = _lists(rng, [60_000, 40_000, 25_000], 200_000)

    result = _compute(sets)

    union = set().union(*sets)
    assert not result.union.exact
    assert result.union.lower <= len(union) <= result.union.upper
    assert abs(result.union.value - len(union)) / len(union) < 0.03
    for (i, j), estimate in result.overlaps.items():
        exact = len(sets[i] & sets[j])
        assert estimate.lower <= exact <= estimate.upper, (i, j, exact, estimate)
    for i, estimate in enumerate(result.exclusive):
        exact = len(sets[i] - set().union(*(s for k, s in enumerate(sets) if k != i)))
        assert estimate.lower <= exact <= estimate.upper, (i, exact, estimate)
    assert sum(result.shares) > 1  # the parties overlap, so shares add up to more than 100 %


def test_lists_smaller_than_the_sketch_are_counted_exactly():
    rng = random.Random(11)
    sets = _lists(rng, [5_000, 3_000, 800, 20], 30_000)

    result = _compute(sets)

    assert result.union.exact and result.union.value == len(set().union(*sets))
    for i, s in enumerate(sets):
        assert result.reach[i].value == len(s)
    for (i, j), estimate in result.overlaps.items():
        assert estimate.exact and estimate.value == len(sets[i] & sets[j])
    for i, estimate in enumerate(result.exclusive):
        others = set().union(*(s for k, s in enumerate(sets) if k != i))
        assert estimate.exact and estimate.value == len(sets[i] - others)


@pytest.mark.parametrize("key", [b"een-andere-sleutel-van-32-tekens!"])
def test_the_same_numbers_under_another_key_do_not_overlap(key):
    numbers = [f"{n:08d}" for n in range(1000, 3000)]
    sketches = [sketch_build(numbers, key=KEY), sketch_build(numbers, key=key)]

    result = reach_compute(["a", "b"], sketches, lg_k=LG_K, seed=SEED)

    assert result.overlaps[(0, 1)].value == 0
