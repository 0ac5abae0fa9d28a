"""Matching benchmark: how well and how fast entrepreneurs' questions are matched to offers.

    make bench BENCH=matching

1. Quality, on the demo inventory (``kennisnetwerk load_demo_data``: 153 offers of
   Noordoost-Brabant, Zuid-Holland and national parties). The evaluation set
   ``benchmarks/data/matching_eval.json`` holds hand-written questions, each with the offers
   judged relevant (grade 2: answers the question, grade 1: helps in part) and why. For every
   question we take the top 10 of:

   - the matcher (``needs.matching.match_need`` with the region's thesaurus, as the pages
     use it);
   - the matcher without the thesaurus (to show what the synonyms add);
   - plain BM25 without Dutch analysis, written here: lower case, split on everything that
     is not a letter or digit, no stop words, no stemming, no compounds, no synonyms; title
     and text of the search document (``ecosystem.search_index``) as one field; k1 = 1.2,
     b = 0.75; over all offers (every region, every status), as a text search would;
   - the same BM25 over only the offers that pass the matcher's hard filters (region and
     national, active, published, area, size class, sector), to separate what the Dutch
     analysis and the scoring add from what the filters add.

   nDCG@10 uses the gain 2^grade − 1 and the ideal order of the judged offers; recall@10 is
   the share of judged offers in the top 10.
2. Speed, over 20 000 generated offers (``atlas_data``, as the atlas benchmark) plus the
   demo inventory, indexed with ``rebuild_search_index``: the evaluation questions, asked in
   the region with the most offers (and the national ones), for a municipality of it and a
   random size class, ``BENCH_WARMUP`` rounds unmeasured and at least ``BENCH_REQUESTS``
   matches measured. Baseline in the same run: the atlas's search (``search.selectors.search``,
   limit 10) for the same question.
"""

from __future__ import annotations

import io
import json
import math
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks import atlas_data
from benchmarks.common import BenchConfig, fmt, say, stopwatch, summary, timed_ms
from benchmarks.dutch_text import DutchText

TITLE = "Matching questions to offers: quality and speed"

EVAL_FILE = Path(__file__).resolve().parent / "data" / "matching_eval.json"
INITIATIVES = 20_000
ORGANISATIONS = 5_000
K = 10
K1, B = 1.2, 0.75

_TOKEN = re.compile(r"[^\W_]+")


def load_eval() -> list[dict[str, Any]]:
    return json.loads(EVAL_FILE.read_text(encoding="utf-8"))["questions"]


# --- Measures ---------------------------------------------------------------------------------


def ndcg(ranked: list[str], grades: dict[str, int], k: int = K) -> float:
    def dcg(gains: list[int]) -> float:
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains[:k]))

    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades.get(title, 0) for title in ranked]) / ideal if ideal else 0.0


def recall(ranked: list[str], grades: dict[str, int], k: int = K) -> float:
    relevant = {t for t, g in grades.items() if g > 0}
    return len(relevant & set(ranked[:k])) / len(relevant) if relevant else 0.0


# --- Plain BM25 without Dutch analysis (the baseline) ----------------------------------------


def plain_tokens(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text.lower()) if len(t) > 1 or t.isdigit()]


class PlainBM25:
    """BM25 over title + text as one field, with no language knowledge at all."""

    def __init__(self, documents: dict[int, str]):
        self.terms = {pk: Counter(plain_tokens(text)) for pk, text in documents.items()}
        self.lengths = {pk: sum(c.values()) for pk, c in self.terms.items()}
        self.average = sum(self.lengths.values()) / max(len(self.lengths), 1)
        self.df: Counter[str] = Counter()
        for counts in self.terms.values():
            self.df.update(counts.keys())
        self.n = len(self.terms)

    def rank(self, query: str, *, only: set[int] | None = None, k: int = K) -> list[int]:
        words = list(dict.fromkeys(plain_tokens(query)))
        scores: list[tuple[float, int]] = []
        for pk, counts in self.terms.items():
            if only is not None and pk not in only:
                continue
            score = 0.0
            for word in words:
                tf = counts.get(word, 0)
                if not tf:
                    continue
                df = self.df[word]
                idf = math.log(1 + (self.n - df + 0.5) / (df + 0.5))
                norm = K1 * (1 - B + B * self.lengths[pk] / self.average)
                score += idf * tf * (K1 + 1) / (tf + norm)
            if score > 0:
                scores.append((score, pk))
        scores.sort(key=lambda item: (-item[0], item[1]))
        return [pk for _score, pk in scores[:k]]


# --- The run ------------------------------------------------------------------------------------


def _profile(question: dict[str, Any], regions: dict[str, Any]):
    from kennisnetwerk.geo.models import Municipality, SbiSection
    from kennisnetwerk.needs.matching import NeedProfile

    sector = SbiSection.objects.get(code=question["sector"]).pk if question.get("sector") else None
    municipality = (
        Municipality.objects.get(name=question["municipality"], is_current=True)
        if question.get("municipality")
        else None
    )
    return NeedProfile(
        question=question["question"],
        region=regions[question["region"]],
        municipality=municipality,
        size_class=question.get("size_class") or "",
        sbi_section_id=sector,
    )


def measure_quality(questions: list[dict[str, Any]]) -> dict[str, Any]:
    from django.core.management import call_command

    from kennisnetwerk.ecosystem.models import Initiative
    from kennisnetwerk.ecosystem.search_index import KIND
    from kennisnetwerk.geo.models import Region
    from kennisnetwerk.needs.matching import candidate_initiatives, match_need
    from kennisnetwerk.needs.selectors import region_thesaurus
    from kennisnetwerk.search.models import SearchDocument

    call_command("load_demo_data", stdout=io.StringIO())
    titles = dict(Initiative.objects.values_list("pk", "title"))
    known = set(titles.values())
    unknown = sorted({r["title"] for q in questions for r in q["relevant"]} - known)
    if unknown:
        raise SystemExit(f"evaluation set names offers not in the demo inventory: {unknown}")
    documents = {
        int(oid): f"{title}\n{body}"
        for oid, title, body in SearchDocument.objects.filter(kind=KIND).values_list(
            "object_id", "title", "body"
        )
    }
    bm25 = PlainBM25(documents)
    regions = {name: Region.objects.get(name=name) for name in {q["region"] for q in questions}}
    thesauri = {name: region_thesaurus(region) for name, region in regions.items()}
    systems = ["matcher", "matcher_without_thesaurus", "bm25_plain", "bm25_plain_filtered"]
    per_question = []
    for question in questions:
        grades = {r["title"]: r["grade"] for r in question["relevant"]}
        profile = _profile(question, regions)
        allowed = set(candidate_initiatives(profile).values_list("pk", flat=True))
        rankings = {
            "matcher": [
                m.initiative.title
                for m in match_need(profile, thesaurus=thesauri[question["region"]], limit=K)
            ],
            "matcher_without_thesaurus": [
                m.initiative.title for m in match_need(profile, thesaurus=(), limit=K)
            ],
            "bm25_plain": [titles[pk] for pk in bm25.rank(question["question"])],
            "bm25_plain_filtered": [
                titles[pk] for pk in bm25.rank(question["question"], only=allowed)
            ],
        }
        per_question.append(
            {
                "id": question["id"],
                "judged": len(grades),
                **{
                    name: {
                        "ndcg_at_10": round(ndcg(ranking, grades), 4),
                        "recall_at_10": round(recall(ranking, grades), 4),
                    }
                    for name, ranking in rankings.items()
                },
                "matcher_top3": rankings["matcher"][:3],
            }
        )
    means = {
        name: {
            "ndcg_at_10": round(
                sum(q[name]["ndcg_at_10"] for q in per_question) / len(questions), 4
            ),
            "recall_at_10": round(
                sum(q[name]["recall_at_10"] for q in per_question) / len(questions), 4
            ),
        }
        for name in systems
    }
    worst = sorted(per_question, key=lambda q: q["matcher"]["ndcg_at_10"])[:5]
    return {
        "questions": len(questions),
        "judgements": sum(len(q["relevant"]) for q in questions),
        "offers": len(titles),
        "means": means,
        "worst_for_matcher": [
            {"id": q["id"], "ndcg_at_10": q["matcher"]["ndcg_at_10"], "top3": q["matcher_top3"]}
            for q in worst
        ],
        "per_question": per_question,
    }


def measure_speed(config: BenchConfig, questions: list[dict[str, Any]]) -> dict[str, Any]:
    from django.core.management import call_command
    from django.db import connection

    from kennisnetwerk.ecosystem.models import Initiative
    from kennisnetwerk.ecosystem.search_index import KIND
    from kennisnetwerk.geo.models import Municipality
    from kennisnetwerk.needs.matching import NeedProfile, candidate_initiatives, match_need
    from kennisnetwerk.needs.selectors import region_thesaurus
    from kennisnetwerk.search.selectors import search

    rng = random.Random(config.seed)  # noqa: S311 (generated benchmark data)
    text = DutchText.build(rng)
    setup: dict[str, float] = {}
    initiatives = config.count(INITIATIVES, 20)
    say(f"generating {initiatives} initiatives for the speed measurement")
    with stopwatch(setup, "generate_data_s"):
        world = atlas_data.generate(
            rng, text, organisations=config.count(ORGANISATIONS, 20), initiatives=initiatives
        )
    with stopwatch(setup, "index_s"):
        call_command("rebuild_search_index", stdout=io.StringIO())
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    region = world.busiest_region
    municipalities = list(
        Municipality.objects.filter(regions=region, is_current=True).order_by("code")
    )
    thesaurus = region_thesaurus(region)
    sizes = ["", "zzp", "micro", "klein", "middelgroot"]
    profiles = [
        NeedProfile(
            question=q["question"],
            region=region,
            municipality=rng.choice(municipalities) if municipalities else None,
            size_class=rng.choice(sizes),
        )
        for q in questions
    ]
    candidates = [candidate_initiatives(p).count() for p in profiles[:10]]
    for profile in profiles[: config.warmup]:
        match_need(profile, thesaurus=thesaurus)
        search(query=profile.question, kinds=KIND, limit=K)
    total = max(config.requests, len(profiles))
    matcher_ms, search_ms, found = [], [], []
    for n in range(total):
        profile = profiles[n % len(profiles)]
        result: list = []
        matcher_ms.append(
            timed_ms(lambda p=profile, r=result: r.extend(match_need(p, thesaurus=thesaurus)))
        )
        found.append(len(result))
        search_ms.append(timed_ms(lambda p=profile: search(query=p.question, kinds=KIND, limit=K)))
    matcher = summary(matcher_ms)
    baseline = summary(search_ms)
    return {
        "setup": setup,
        "initiatives": Initiative.objects.count(),
        "region": region.name,
        "region_inventory": Initiative.objects.filter(inventory_region=region).count(),
        "candidates_after_filters_sample": candidates,
        "matcher": matcher,
        "baseline_search": baseline,
        "ratio_p95_to_search": round(matcher["p95_ms"] / baseline["p95_ms"], 2),
        "mean_matches_returned": round(sum(found) / len(found), 1),
    }


def run(config: BenchConfig) -> dict[str, Any]:
    questions = load_eval()
    say(f"quality: {len(questions)} questions of the evaluation set on the demo inventory")
    quality = measure_quality(questions)
    for name, values in quality["means"].items():
        say(
            f"  {name:28} nDCG@10 {values['ndcg_at_10']:.3f}  recall@10 "
            f"{values['recall_at_10']:.3f}"
        )
    speed = measure_speed(config, questions)
    say(
        f"speed: p95 {speed['matcher']['p95_ms']:.1f} ms per match over {speed['initiatives']} "
        f"offers (search baseline p95 {speed['baseline_search']['p95_ms']:.1f} ms)"
    )
    return {
        "parameters": {
            "questions": len(questions),
            "initiatives_generated": config.count(INITIATIVES, 20),
            "k": K,
        },
        "quality": quality,
        "speed": speed,
        "setup": speed.pop("setup"),
    }


def markdown(result: dict[str, Any]) -> str:
    quality, speed = result["quality"], result["speed"]
    machine = result["machine"]
    load_before = " ".join(str(x) for x in machine.get("load_average_before") or [])
    load_after = " ".join(str(x) for x in machine.get("load_average_after") or [])
    names = {
        "matcher": "matcher (Dutch analysis, thesaurus, themes, target group, hard filters)",
        "matcher_without_thesaurus": "matcher without the thesaurus",
        "bm25_plain": "plain BM25 without Dutch analysis, all offers",
        "bm25_plain_filtered": "plain BM25 without Dutch analysis, same hard filters",
    }
    lines = [
        f"### {result['title']}",
        "",
        f"`make bench BENCH=matching` on {result['started_at'][:10]}, commit `{result['commit']}`"
        f"{' (with uncommitted changes)' if result.get('uncommitted_changes') else ''}: "
        f"{machine['cpus']} CPUs, {machine['memory_gb']} GB memory, Python {machine['python']}, "
        f"Django {result['django']}, {result['database']['vendor']} "
        f"{result['database']['version']}; load average (1, 5, 15 min) {load_before} before "
        f"and {load_after} after (other work shared the machine). "
        f"The whole run took {result['duration_s']:.0f} s. "
        "All figures, per question too: `benchmarks/results/matching.json`.",
        "",
        f"**Quality** on the demo inventory ({quality['offers']} offers): "
        f"{quality['questions']} questions of `benchmarks/data/matching_eval.json` with "
        f"{quality['judgements']} judged offers, measured in the same run. No target is set; "
        "the baseline is plain BM25 without Dutch analysis.",
        "",
        "| ranking | nDCG@10 | recall@10 |",
        "|---|---:|---:|",
    ]
    for key, label in names.items():
        values = quality["means"][key]
        lines.append(f"| {label} | {values['ndcg_at_10']:.3f} | {values['recall_at_10']:.3f} |")
    matcher = quality["means"]["matcher"]["ndcg_at_10"]
    plain = quality["means"]["bm25_plain"]["ndcg_at_10"]
    lines += [
        "",
        f"Ratio nDCG@10 matcher / plain BM25: {matcher / plain:.2f}." if plain else "",
        "Questions where the matcher did worst: "
        + "; ".join(f"{q['id']} ({q['ndcg_at_10']:.2f})" for q in quality["worst_for_matcher"])
        + ".",
        "",
        f"**Speed** over {fmt(speed['initiatives'], 0)} offers "
        f"({fmt(result['parameters']['initiatives_generated'], 0)} generated + the demo "
        f"inventory), questions asked in {speed['region']} "
        f"({fmt(speed['region_inventory'], 0)} offers in its inventory) for a municipality of it: "
        "no target is set in DESIGN.md; the baseline is the atlas's plain search for the same "
        "question.",
        "",
        "| what | n | p50 ms | p95 ms | max ms |",
        "|---|---:|---:|---:|---:|",
        f"| matching (top 10 with reasons) | {speed['matcher']['n']} | "
        f"{speed['matcher']['p50_ms']:.1f} | {speed['matcher']['p95_ms']:.1f} | "
        f"{speed['matcher']['max_ms']:.1f} |",
        f"| baseline: atlas search, limit 10 | {speed['baseline_search']['n']} | "
        f"{speed['baseline_search']['p50_ms']:.1f} | {speed['baseline_search']['p95_ms']:.1f} | "
        f"{speed['baseline_search']['max_ms']:.1f} |",
        "",
        f"Ratio p95 matching / search: {speed['ratio_p95_to_search']:.2f}.",
    ]
    return "\n".join(lines)
