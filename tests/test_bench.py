"""`make bench` end to end at a tiny scale: the atlas benchmark runs in its own database and
process, and writes every measurement with real figures. The figures themselves mean nothing
at this scale (benchmarks are not timed tests); this only keeps the benchmark working."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "benchmarks" / "run.py"
DOCS = ROOT / "docs" / "benchmarks.md"


def _run_tiny(name: str, tmp_path, settings: dict[str, str]) -> dict:
    """Run one benchmark at a tiny scale in its own process with results in ``tmp_path``;
    it must succeed and leave docs/benchmarks.md alone (figures are written there only at
    full scale). Returns its results."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "BENCH_"))
    }
    env.update(
        {
            **settings,
            "BENCH_OUTPUT_DIR": str(tmp_path / "results"),
            "TMPDIR": str(tmp_path),
        }
    )
    docs_before = DOCS.read_text(encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, str(RUNNER), name],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    assert DOCS.read_text(encoding="utf-8") == docs_before
    return json.loads((tmp_path / "results" / f"{name}.json").read_text(encoding="utf-8"))


def test_atlas_benchmark_at_tiny_scale_writes_every_measurement(tmp_path):
    result = _run_tiny(
        "atlas",
        tmp_path,
        {
            "BENCH_SCALE": "0.01",
            "BENCH_REQUESTS": "3",
            "BENCH_WARMUP": "1",
            "BENCH_BASELINE_QUERIES": "5",
        },
    )
    assert result["benchmark"] == "atlas"
    assert result["representative"] is False
    assert result["database"]["vendor"] == "sqlite"
    assert result["parameters"]["initiatives"] == 200
    assert result["parameters"]["documents_in_index"] == 1000

    pages = {(row["page"], row["visitor"]): row for row in result["pages"]}
    expected = {"minimal", "list", "list-filtered", "search", "matrix", "detail"}
    assert set(pages) == {(p, v) for p in expected for v in ("anonymous", "coordinator")}
    for (page, _visitor), row in pages.items():
        assert row["n"] == 3
        assert 0 < row["p50_ms"] <= row["p95_ms"] <= row["max_ms"]
        if page != "minimal":
            assert row["queries_max"] > 0
            assert row["ratio_p95_to_minimal"] > 0
            assert isinstance(row["met"], bool)

    search = result["search"]
    assert {row["set"] for row in search["sets"]} == {"zipf", "topical", "worst-case"}
    for row in search["sets"]:
        assert 0 < row["p50_ms"] <= row["p95_ms"]
        assert row["baseline"]["n"] == 5
        assert row["baseline"]["p95_ms"] > 0
    assert search["realistic"]["p95_ms"] > 0

    excel = result["import"]
    assert excel["rows"] == 200
    assert excel["file_kb"] > 0
    assert excel["status"] in {"ok", "not available"}, excel
    if excel["status"] == "ok":
        assert excel["seconds"] > 0

    # Only figures at full scale go into the documentation.


def test_digest_benchmark_at_tiny_scale_writes_every_measurement(tmp_path):
    result = _run_tiny(
        "digest",
        tmp_path,
        {
            "BENCH_SCALE": "0.001",
        },
    )
    assert result["benchmark"] == "digest"
    assert result["representative"] is False
    assert result["parameters"]["subscribers"] == 2600
    plan = result["plan"]
    assert plan["due"] == 2600
    assert plan["seconds"] > 0 and plan["peak_rss_mb"] > 0
    assert plan["mails"] > 0
    baseline = result["baseline"]
    assert baseline["sample"] > 0 and baseline["seconds"] > 0
    assert baseline["same_result_as_plan"] is True
    compose = result["compose"]
    assert compose["mails"] == plan["mails"] == compose["counts"]["composed"]
    assert 0 < compose["contents"] <= compose["mails"] and compose["peak_rss_mb"] > 0
    smtp = result["smtp"]
    assert smtp["outbox_deliver"]["sent"] == smtp["mails"] == smtp["baseline"]["sent"]
    assert smtp["outbox_deliver"]["received"] == smtp["mails"]
    assert smtp["crash"]["crashed"] is True
    assert smtp["crash"]["duplicates"] == 0
    assert smtp["crash"]["lost"] == 0


def test_matching_benchmark_at_tiny_scale_measures_quality_and_speed(tmp_path):
    result = _run_tiny(
        "matching",
        tmp_path,
        {
            "BENCH_SCALE": "0.01",
            "BENCH_REQUESTS": "3",
            "BENCH_WARMUP": "1",
        },
    )
    quality = result["quality"]
    assert quality["questions"] >= 60
    assert set(quality["means"]) == {
        "matcher",
        "matcher_without_thesaurus",
        "bm25_plain",
        "bm25_plain_filtered",
    }
    for values in quality["means"].values():
        assert 0 <= values["ndcg_at_10"] <= 1 and 0 <= values["recall_at_10"] <= 1
    assert len(quality["per_question"]) == quality["questions"]
    speed = result["speed"]
    assert speed["matcher"]["n"] == quality["questions"]  # at least one round of questions
    assert 0 < speed["matcher"]["p50_ms"] <= speed["matcher"]["p95_ms"]
    assert speed["baseline_search"]["p95_ms"] > 0


def test_reach_benchmark_at_tiny_scale_writes_every_measurement(tmp_path):
    result = _run_tiny(
        "reach",
        tmp_path,
        {
            "BENCH_SCALE": "0.05",
        },
    )
    assert result["benchmark"] == "reach"
    assert result["representative"] is False
    assert result["parameters"]["parties"] == 5
    assert result["parameters"]["numbers_per_party"] == 2500
    assert result["parameters"]["pairs"] == 10
    assert result["build"]["per_party_median_s"] > 0
    assert result["compute"]["seconds_best"] > 0
    assert result["report_from_database"]["seconds_best"] > 0
    assert result["baseline_exact"]["seconds"] > 0
    # Lists smaller than the sketch: every figure is exact.
    assert result["errors"]["union_relative"] == 0
    assert result["errors"]["pairs_within_interval"] == 1


def test_community_benchmark_at_tiny_scale_measures_fan_out_thread_and_live_polling(tmp_path):
    result = _run_tiny(
        "community",
        tmp_path,
        {
            "BENCH_SCALE": "0.01",
            "BENCH_REQUESTS": "2",
            "BENCH_WARMUP": "1",
            "BENCH_COMMUNITY_POLLERS": "3",
            "BENCH_COMMUNITY_SECONDS": "4",
        },
    )
    assert result["benchmark"] == "community" and result["representative"] is False
    fan_out = result["fan_out"]
    assert fan_out["members"] == 50
    # Every member a notification and (all chose mail at once) a queued mail.
    assert fan_out["notifications_written"] == fan_out["mails_queued"] == 50
    assert fan_out["bulk_create_s"] > 0 and fan_out["ratio_to_bulk_create"] > 0
    pages = result["thread"]["pages"]
    assert [row["n"] for row in pages] == [2, 2]
    assert all(row["queries"] > 0 and row["p95_ms"] > 0 for row in pages)
    live = result["live"]
    assert live["participants"] == 3
    # The real server answered every poll of the live page and of the baseline.
    assert live["live"]["errors"] == 0 and live["minimal"]["errors"] == 0
    assert live["live"]["page"]["n"] == 3 and live["live"]["all"]["p95_ms"] > 0
