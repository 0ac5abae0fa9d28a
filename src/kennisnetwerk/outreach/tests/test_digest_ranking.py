"""The fast planner (bit masks, shared results) against the plain definition: for every
subscriber, all candidates that pass the filters, ranked by score, without what they
received, cut to the budget; and the senders' wanted/delivered counts summed one by one."""

import datetime as dt
import random
from collections import Counter

import pytest

from kennisnetwerk.outreach.digest import (
    Candidate,
    DueSubscriber,
    plan_for,
    ranked_for_segment,
    segment_of,
)

TODAY = dt.date(2026, 11, 24)


def _pool(rng: random.Random, n: int) -> list[Candidate]:
    pool = []
    for pk in range(1, n + 1):
        kind = rng.choice(["nieuws", "bijeenkomst", "subsidie", "oproep"])
        pool.append(
            Candidate(
                pk=pk,
                kind=kind,
                municipalities=frozenset(rng.sample(range(1, 8), rng.choice([0, 0, 0, 1, 2]))),
                themes=frozenset(rng.sample(range(1, 6), rng.choice([0, 1, 1, 2, 3]))),
                sectors=frozenset(rng.sample(range(1, 5), rng.choice([0, 0, 0, 1]))),
                sizes=frozenset(rng.sample(["zzp", "micro", "klein"], rng.choice([0, 0, 1]))),
                deadline=TODAY + dt.timedelta(days=rng.randint(-2, 40))
                if rng.random() < 0.3
                else None,
                event_day=TODAY + dt.timedelta(days=rng.randint(0, 40))
                if kind == "bijeenkomst"
                else None,
                valid_until=TODAY + dt.timedelta(days=rng.randint(0, 60)),
                senders=frozenset(rng.sample(range(100, 110), rng.choice([1, 1, 2]))),
                national=rng.random() < 0.15,
            )
        )
    return pool


def _subscribers(rng: random.Random, n: int, pool: list[Candidate]) -> list[DueSubscriber]:
    found = []
    for pk in range(1, n + 1):
        received = frozenset()
        if rng.random() < 0.3:
            received = frozenset(c.pk for c in rng.sample(pool, rng.randint(1, 10)))
        found.append(
            DueSubscriber(
                pk=pk,
                email=f"{pk}@voorbeeld.example",
                company_name=f"Bedrijf {pk}",
                municipality_id=rng.choice([None, *range(1, 8)]),
                sbi_section_id=rng.choice([None, *range(1, 5)]),
                size_class=rng.choice(["", "zzp", "micro", "klein"]),
                themes=frozenset(rng.sample(range(1, 6), rng.choice([0, 1, 2, 3]))),
                received=received,
            )
        )
    return found


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_fast_plan_equals_the_plain_definition(seed):
    rng = random.Random(seed)
    pool = _pool(rng, 300)
    subscribers = _subscribers(rng, 400, pool)
    budget = 8
    plan = plan_for(pool=pool, today=TODAY, subscribers=subscribers, budget=budget)

    senders = {c.pk: c.senders for c in pool}
    wanted_senders, delivered_senders = Counter(), Counter()
    empty = 0
    for subscriber in subscribers:
        ranked = ranked_for_segment(segment_of(subscriber), pool, TODAY)
        new = [c.pk for c in ranked if c.pk not in subscriber.received]
        assert plan.items.get(subscriber.pk, []) == new[:budget], subscriber
        assert plan.wanted_count.get(subscriber.pk, 0) == len(new)
        empty += not new
        for pk in new:
            wanted_senders.update(senders[pk])
        for pk in new[:budget]:
            delivered_senders.update(senders[pk])
    assert plan.skipped_empty == empty
    assert plan.sender_wanted == wanted_senders
    assert plan.sender_delivered == delivered_senders


def test_local_before_regional_before_national():
    def candidate(pk, **extra):
        values = {
            "pk": pk,
            "kind": "nieuws",
            "municipalities": frozenset(),
            "themes": frozenset(),
            "sectors": frozenset(),
            "sizes": frozenset(),
            "deadline": None,
            "event_day": None,
            "valid_until": TODAY + dt.timedelta(days=10),
            "senders": frozenset([1]),
        }
        values.update(extra)
        return Candidate(**values)

    pool = [
        candidate(1, national=True),
        candidate(2),
        candidate(3, municipalities=frozenset([7])),
    ]
    subscriber = DueSubscriber(
        pk=1,
        email="a@voorbeeld.example",
        company_name="A",
        municipality_id=7,
        sbi_section_id=None,
        size_class="",
        themes=frozenset(),
    )
    plan = plan_for(pool=pool, today=TODAY, subscribers=[subscriber], budget=8)
    assert plan.items[1] == [3, 2, 1]
