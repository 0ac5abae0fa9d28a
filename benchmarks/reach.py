"""Reach without sharing lists: 100 parties × 50 000 KVK numbers (DESIGN.md §6: union and
overlap ≤ 2 s; union within ±3 % at 95 %), against exact set arithmetic in the same run.

Measured:

- building one party's sketch (HMAC-SHA256 of every number with the network key, theta sketch
  update, compact, serialise) — what ``kennisnetwerk-sketch`` does after reading the file;
- ``reach_compute``: the union, each party's reach, all 4 950 pairwise overlaps and each
  party's exclusive reach, from the parsed sketches;
- ``reach_report``: the same from the database as the reach page does it (read 100 stored
  sketches, parse, compute, suppress small cells);
- the baseline: the same figures by exact set arithmetic on the lists themselves;
- the errors of every estimate against the exact figures, and how often the exact figure lies
  inside the reported 95 % interval.
"""

from __future__ import annotations

import random
import statistics
import time
from typing import Any

from benchmarks.common import BenchConfig, fmt, say

TITLE = "Reach: union and overlaps of the parties' sketches"
PARTIES = 100
NUMBERS = 50_000
UNIVERSE = 1_500_000  # establishments the parties of a large region may reach
TARGET_SECONDS = 2.0
TARGET_UNION_ERROR = 0.03


def _lists(rng: random.Random, parties: int, size: int) -> list[list[str]]:
    """Each party draws from a popular core (shared with many others) and a long tail, so
    overlaps range from large to small as in a real region."""
    core = max(size * 4, 1000)
    lists = []
    for _ in range(parties):
        share_core = rng.uniform(0.1, 0.6)
        numbers: set[int] = set()
        while len(numbers) < size:
            if rng.random() < share_core:
                numbers.add(rng.randrange(1, core))
            else:
                numbers.add(rng.randrange(core, UNIVERSE))
        lists.append([f"{n:08d}" for n in numbers])
    return lists


def run(config: BenchConfig) -> dict[str, Any]:
    from kennisnetwerk.ecosystem.models import Organisation
    from kennisnetwerk.geo.models import Region
    from kennisnetwerk.monitoring import services
    from kennisnetwerk.monitoring.models import Indicator
    from kennisnetwerk.monitoring.reach import reach_compute
    from kennisnetwerk.monitoring.selectors import reach_report
    from kennisnetwerk.monitoring.sketches import LG_K, SEED, key_new, sketch_file_make

    parties = config.count(PARTIES, 2)
    size = config.count(NUMBERS, 100)
    rng = random.Random(config.seed)  # noqa: S311 (generated test data)
    say(f"generating {parties} lists of {size} KVK numbers")
    lists = _lists(rng, parties, size)
    sets = [set(numbers) for numbers in lists]
    key = bytes.fromhex(key_new())

    import datasketches

    build_s = []
    files = []
    for numbers in lists:
        start = time.perf_counter()
        made = sketch_file_make(numbers, key=key, indicator="bereik", period="2025")
        build_s.append(time.perf_counter() - start)
        files.append(made)
    say(f"sketch per party: median {statistics.median(build_s):.3f} s")
    parsed = [datasketches.compact_theta_sketch.deserialize(f.sketch_bytes, SEED) for f in files]
    names = [f"Partij {i + 1:03d}" for i in range(parties)]

    compute_s = []
    result = None
    for _ in range(3):
        start = time.perf_counter()
        result = reach_compute(names, parsed, lg_k=LG_K, seed=SEED)
        compute_s.append(time.perf_counter() - start)
    say(f"reach_compute: best {min(compute_s):.3f} s")

    # Baseline: exact set arithmetic on the lists (what pooling the lists would allow).
    start = time.perf_counter()
    union_exact = set().union(*sets)
    pairs_exact = {
        (i, j): len(sets[i] & sets[j]) for i in range(parties) for j in range(i + 1, parties)
    }
    counts: dict[str, int] = {}
    for s in sets:
        for number in s:
            counts[number] = counts.get(number, 0) + 1
    exclusive_exact = [sum(1 for number in s if counts[number] == 1) for s in sets]
    baseline_s = time.perf_counter() - start
    say(f"exact arithmetic: {baseline_s:.3f} s")

    # Through the platform: stored sketches, the report as the reach page builds it.
    region = Region.objects.create(name="Benchmarkregio", slug="benchmarkregio", kind="custom")
    indicator = Indicator.objects.create(
        region=region, code="bereik", name="Bereik", unit="ondernemers", source="bereik"
    )
    organisations = Organisation.objects.bulk_create(
        [Organisation(name=name, slug=f"partij-{i}", type="overig") for i, name in enumerate(names)]
    )
    start = time.perf_counter()
    for organisation, made in zip(organisations, files, strict=True):
        services.sketch_upload(
            indicator=indicator,
            organisation=organisation,
            period="2025",
            data=made.to_bytes(),
            actor=None,
        )
    upload_s = time.perf_counter() - start
    report_s = []
    for _ in range(3):
        start = time.perf_counter()
        report = reach_report(indicator=indicator, period="2025")
        report_s.append(time.perf_counter() - start)
    if report.union is None:
        raise RuntimeError("the reach report has no union")
    say(f"reach_report from the database: best {min(report_s):.3f} s")

    union_error = (result.union.value - len(union_exact)) / len(union_exact)
    pair_errors = []
    pair_inside = 0
    for pair, exact in pairs_exact.items():
        estimate = result.overlaps[pair]
        pair_inside += estimate.lower <= exact <= estimate.upper
        if exact >= 1000:
            pair_errors.append(abs(estimate.value - exact) / exact)
    excl_inside = sum(
        e.lower <= x <= e.upper for e, x in zip(result.exclusive, exclusive_exact, strict=True)
    )
    reach_errors = [abs(r.value - len(s)) / len(s) for r, s in zip(result.reach, sets, strict=True)]
    sketch_kb = statistics.mean(len(f.to_bytes()) for f in files) / 1024
    return {
        "parameters": {
            "parties": parties,
            "numbers_per_party": size,
            "universe": UNIVERSE,
            "lg_k": LG_K,
            "pairs": len(pairs_exact),
            "union_exact": len(union_exact),
        },
        "build": {
            "per_party_median_s": round(statistics.median(build_s), 4),
            "per_party_max_s": round(max(build_s), 4),
            "numbers_per_s": round(size / statistics.median(build_s)),
            "sketch_kb_mean": round(sketch_kb, 1),
        },
        "compute": {
            "seconds_best": round(min(compute_s), 4),
            "seconds_all": [round(s, 4) for s in compute_s],
            "met": min(compute_s) <= TARGET_SECONDS,
        },
        "report_from_database": {
            "upload_all_s": round(upload_s, 3),
            "seconds_best": round(min(report_s), 4),
            "met": min(report_s) <= TARGET_SECONDS,
        },
        "baseline_exact": {"seconds": round(baseline_s, 3)},
        "ratio_compute_to_exact": round(min(compute_s) / baseline_s, 3),
        "errors": {
            "union_relative": round(union_error, 5),
            "union_interval": [round(result.union.lower), round(result.union.upper)],
            "union_within_interval": result.union.lower <= len(union_exact) <= result.union.upper,
            "union_met": abs(union_error) <= TARGET_UNION_ERROR,
            "party_reach_max_relative": round(max(reach_errors), 5),
            "pairs_within_interval": round(pair_inside / len(pairs_exact), 4),
            "pairs_relative_median": round(statistics.median(pair_errors), 5)
            if pair_errors
            else None,
            "pairs_relative_max": round(max(pair_errors), 5) if pair_errors else None,
            "pairs_compared": len(pair_errors),
            "exclusive_within_interval": round(excl_inside / parties, 4),
        },
    }


def markdown(result: dict[str, Any]) -> str:
    p, b, c, r, e = (
        result["parameters"],
        result["build"],
        result["compute"],
        result["report_from_database"],
        result["errors"],
    )
    machine = result["machine"]
    load_before = " ".join(str(x) for x in machine.get("load_average_before") or [])
    load_after = " ".join(str(x) for x in machine.get("load_average_after") or [])

    def yes(flag: bool) -> str:
        return "yes" if flag else "**no**"

    return "\n".join(
        [
            f"### {result['title']}",
            "",
            f"`make bench BENCH=reach` on {result['started_at'][:10]}, commit "
            f"`{result['commit']}`"
            f"{' (with uncommitted changes)' if result.get('uncommitted_changes') else ''}: "
            f"{machine['cpus']} CPUs, {machine['memory_gb']} GB memory, Python "
            f"{machine['python']}, {result['database']['vendor']} "
            f"{result['database']['version']}; load average {load_before} before and "
            f"{load_after} after (other work shared the machine). All figures: "
            "`benchmarks/results/reach.json`.",
            "",
            f"{p['parties']} parties × {fmt(p['numbers_per_party'], 0)} KVK numbers "
            f"(drawn from {fmt(p['universe'], 0)}, with a shared popular core), "
            f"{fmt(p['union_exact'], 0)} distinct in total; theta sketches with "
            f"2^{p['lg_k']} entries.",
            "",
            "| what | measured | target | met |",
            "|---|---|---|---|",
            f"| building one party's sketch (HMAC + sketch), median / max | "
            f"{b['per_party_median_s']:.3f} s / {b['per_party_max_s']:.3f} s "
            f"({fmt(b['numbers_per_s'], 0)} numbers/s; {b['sketch_kb_mean']:.0f} kB file) "
            "| — | — |",
            f"| union + all {p['pairs']} pairwise overlaps + exclusive reach "
            f"(`reach_compute`) | {c['seconds_best']:.3f} s | ≤ 2 s | {yes(c['met'])} |",
            f"| the same from the database as the reach page (`reach_report`) | "
            f"{r['seconds_best']:.3f} s | ≤ 2 s | {yes(r['met'])} |",
            f"| baseline: exact set arithmetic on the pooled lists | "
            f"{result['baseline_exact']['seconds']:.3f} s (ratio "
            f"{result['ratio_compute_to_exact']:.2f}) | — | — |",
            f"| union error against the exact count | {e['union_relative'] * 100:+.2f} % "
            f"(95 % interval {fmt(e['union_interval'][0], 0)}–{fmt(e['union_interval'][1], 0)}, "
            f"exact inside: {yes(e['union_within_interval'])}) | ±3 % | {yes(e['union_met'])} |",
            f"| pairwise overlaps: exact figure inside the 95 % interval | "
            f"{e['pairs_within_interval'] * 100:.1f} % of pairs | ≈ 95 % | — |",
            f"| pairwise overlaps ≥ 1 000: relative error median / max | "
            f"{(e['pairs_relative_median'] or 0) * 100:.2f} % / "
            f"{(e['pairs_relative_max'] or 0) * 100:.2f} % ({e['pairs_compared']} pairs) | — | — |",
            f"| exclusive reach: exact figure inside the 95 % interval | "
            f"{e['exclusive_within_interval'] * 100:.0f} % of parties | ≈ 95 % | — |",
            f"| each party's reach: largest relative error | "
            f"{e['party_reach_max_relative'] * 100:.2f} % | — | — |",
        ]
    )
