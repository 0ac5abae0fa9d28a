"""Atlas benchmark: page server time, Dutch search and the Excel import at the size of a
national inventory (targets: DESIGN.md §6).

    make bench BENCH=atlas

1. Data: 20 000 initiatives and 5 000 organisations (``atlas_data``), written with
   ``bulk_create``; ``rebuild_search_index`` indexes the initiatives; generated documents
   of the kind ``bench-document`` fill the search index up to 100 000 documents.
2. Pages: ``django.test.Client`` in this process, so the time is server time (URL routing,
   middleware, view, queries, template) without network or browser. Per page a set of URLs
   (list: pages 1, 2, middle, last; filtered list: theme, target group, kind and status,
   region, organisation, a combination; search: 20 queries of one to three words; matrix:
   three dimensions and a region; detail: 100 random published initiatives), as an
   anonymous visitor and as a logged-in regional coordinator. Rounds of one request per
   page, the pages in turn (so a busy moment of the machine hits all of them alike):
   ``BENCH_WARMUP`` rounds unmeasured, then ``BENCH_REQUESTS`` measured. The baseline is
   ``/bench/minimal/`` (``HttpResponse("ok")`` behind the same middleware), measured in the
   same rounds. Afterwards every distinct URL is requested once more with the queries
   captured (``CaptureQueriesContext``), outside the timing.
3. Search: ``search(query=…, limit=20)`` over all documents for three sets of queries (as in
   the former ``search.perf_check``): Zipf-drawn words, evenly drawn topical words, and the
   worst case (the commonest words, alone and in pairs). Baseline: a naive scan,
   ``Q(title__icontains=w) | Q(body__icontains=w)`` for every word, limit 20, on the first
   ``BENCH_BASELINE_QUERIES`` (20) queries of each set.
4. Import: a 20 000-row .xlsx with the headers of ``ecosystem.exports.COLUMNS``, imported
   with ``call_command("import_inventory", path, region=…)`` into a region without entries.
"""

from __future__ import annotations

import io
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from benchmarks import atlas_data
from benchmarks.common import BenchConfig, fmt, say, stopwatch, summary, timed_ms
from benchmarks.dutch_text import DutchText

TITLE = "Atlas: pages, search and Excel import"

INITIATIVES = 20_000
ORGANISATIONS = 5_000
DOCUMENTS = 100_000
IMPORT_ROWS = 20_000
SEARCH_QUERIES = 100  # per query set
SEARCH_PAGE_QUERIES = 20
DETAIL_SAMPLE = 100
BENCH_KIND = "bench-document"

# DESIGN.md §6.
TARGET_PAGE_P95_MS = 100.0
TARGET_PAGE_QUERIES = 15
TARGET_PAGE_RATIO = 5.0
TARGET_SEARCH_P95_MS = 25.0
TARGET_IMPORT_S = 20.0

PAGES = {
    "minimal": "minimal Django view (baseline)",
    "list": "atlas list",
    "list-filtered": "atlas list, filtered",
    "search": "atlas search",
    "matrix": "matrix",
    "detail": "initiative detail",
}


def run(config: BenchConfig) -> dict[str, Any]:
    from django.core.management import call_command
    from django.db import connection

    from kennisnetwerk.search.models import SearchDocument
    from kennisnetwerk.search.services import search_documents_replace

    rng = random.Random(config.seed)  # noqa: S311 (generated benchmark data)
    text = DutchText.build(rng)
    counts = {
        "initiatives": config.count(INITIATIVES, 20),
        "organisations": config.count(ORGANISATIONS, 20),
        "documents": config.count(DOCUMENTS, 50),
        "import_rows": config.count(IMPORT_ROWS, 10),
    }
    baseline_queries = int(os.environ.get("BENCH_BASELINE_QUERIES") or 20)
    setup: dict[str, float] = {}

    say(f"generating {counts['organisations']} organisations, {counts['initiatives']} initiatives")
    with stopwatch(setup, "generate_data_s"):
        world = atlas_data.generate(
            rng, text, organisations=counts["organisations"], initiatives=counts["initiatives"]
        )
    say(f"  {setup['generate_data_s']:.1f} s")
    with stopwatch(setup, "index_initiatives_s"):
        call_command("rebuild_search_index", stdout=io.StringIO())
    indexed = SearchDocument.objects.count()
    extra = max(0, counts["documents"] - indexed)
    say(f"search index: {indexed} documents from rebuild_search_index, adding {extra} generated")
    with stopwatch(setup, "index_documents_s"):
        search_documents_replace(kind=BENCH_KIND, documents=text.documents(extra))
    statistics_note = "none (SQLite without ANALYZE: the platform never runs it)"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # what autovacuum does soon after a bulk load
        statistics_note = "ANALYZE after loading (as autovacuum would)"
    documents_in_index = SearchDocument.objects.count()
    say(
        f"  indexing took {setup['index_initiatives_s'] + setup['index_documents_s']:.1f} s, "
        f"{documents_in_index} documents in the index"
    )

    pages = measure_pages(config, world, text, rng)
    search = measure_search(text, baseline_queries)
    import_result = measure_import(rng, text, world, counts["import_rows"])
    return {
        "parameters": {
            **counts,
            "documents_in_index": documents_in_index,
            "search_queries_per_set": SEARCH_QUERIES,
            "baseline_queries_per_set": baseline_queries,
            "planner_statistics": statistics_note,
        },
        "targets": {
            "page_p95_ms": TARGET_PAGE_P95_MS,
            "page_queries": TARGET_PAGE_QUERIES,
            "page_ratio_to_minimal": TARGET_PAGE_RATIO,
            "search_p95_ms": TARGET_SEARCH_P95_MS,
            "import_s": TARGET_IMPORT_S,
            "source": "DESIGN.md §6",
        },
        "setup": setup,
        "pages": pages,
        "search": search,
        "import": import_result,
    }


# --- Pages ----------------------------------------------------------------------------------


def page_urls(world: atlas_data.World, text: DutchText, rng: random.Random) -> dict[str, list]:
    from django.urls import reverse

    atlas = reverse("ecosystem:atlas")
    matrix = reverse("ecosystem:matrix")

    def query(base: str, **params: str) -> str:
        return f"{base}?{urlencode(params)}" if params else base

    last_page = max(1, -(-len(world.published_slugs) // 25))
    theme = world.themes[0]
    size_group = next(g for g in world.target_groups if g.dimension == "size")
    phase_group = next(g for g in world.target_groups if g.dimension == "phase")
    region = world.busiest_region.slug
    searches = text.queries(text.uniform, SEARCH_PAGE_QUERIES)
    details = rng.sample(world.published_slugs, min(DETAIL_SAMPLE, len(world.published_slugs)))
    return {
        "minimal": [reverse("bench_minimal")],
        "list": [
            atlas,
            query(atlas, pagina="2"),
            query(atlas, pagina=str(max(1, last_page // 2))),
            query(atlas, pagina=str(last_page)),
        ],
        "list-filtered": [
            query(atlas, thema=theme.slug),
            query(atlas, doelgroep=size_group.code),
            query(atlas, soort="regeling", status="actief"),
            query(atlas, regio=region),
            query(atlas, organisatie=world.busiest_owner.slug),
            query(atlas, thema=world.themes[1].slug, doelgroep=phase_group.code, regio=region),
        ],
        "search": [query(atlas, q=q) for q in searches],
        "matrix": [
            matrix,
            query(matrix, dimensie="phase"),
            query(matrix, dimensie="attitude"),
            query(matrix, regio=region),
        ],
        "detail": [reverse("ecosystem:initiative", args=[slug]) for slug in details],
    }


def _get(client, url: str):
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"GET {url} answered {response.status_code}, not 200")
    return response


def measure_pages(
    config: BenchConfig, world: atlas_data.World, text: DutchText, rng: random.Random
) -> list[dict[str, Any]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    urls = page_urls(world, text, rng)
    clients = {"anonymous": Client(), "coordinator": Client()}
    clients["coordinator"].force_login(world.coordinator)
    say(
        f"pages: {config.warmup} warm-up and {config.requests} measured rounds, "
        f"{len(urls)} pages × {len(clients)} visitors"
    )
    results = []
    for visitor, client in clients.items():
        millis: dict[str, list[float]] = {page: [] for page in urls}
        sizes: dict[str, list[int]] = {page: [] for page in urls}
        for round_number in range(config.warmup + config.requests):
            for page, page_urls_ in urls.items():
                url = page_urls_[round_number % len(page_urls_)]
                start = time.perf_counter()
                response = _get(client, url)
                elapsed = (time.perf_counter() - start) * 1000
                if round_number >= config.warmup:
                    millis[page].append(elapsed)
                    sizes[page].append(len(response.content))
        minimal_p95 = None
        for page, page_urls_ in urls.items():
            used = list(dict.fromkeys(page_urls_[: config.warmup + config.requests]))
            queries = []
            for url in used:
                with CaptureQueriesContext(connection) as captured:
                    _get(client, url)
                queries.append(len(captured))
            figures = summary(millis[page])
            if page == "minimal":
                minimal_p95 = figures["p95_ms"]
            entry = {
                "page": page,
                "label": PAGES[page],
                "visitor": visitor,
                "urls": len(page_urls_),
                "example_url": page_urls_[0],
                **figures,
                "queries_max": max(queries),
                "queries_median": statistics.median(queries),
                "response_kb_median": round(statistics.median(sizes[page]) / 1024, 1),
            }
            if page != "minimal":
                ratio = figures["p95_ms"] / minimal_p95 if minimal_p95 else None
                entry["ratio_p95_to_minimal"] = round(ratio, 1) if ratio else None
                entry["failed"] = [
                    name
                    for name, ok in (
                        ("p95", figures["p95_ms"] <= TARGET_PAGE_P95_MS),
                        ("queries", max(queries) <= TARGET_PAGE_QUERIES),
                        ("ratio", ratio is not None and ratio <= TARGET_PAGE_RATIO),
                    )
                    if not ok
                ]
                entry["met"] = not entry["failed"]
            results.append(entry)
            say(
                f"  {visitor:<11} {page:<14} p50 {figures['p50_ms']:8.2f}  p95 "
                f"{figures['p95_ms']:8.2f}  max {figures['max_ms']:8.2f} ms  "
                f"queries ≤ {max(queries):3d}"
                + (
                    f"  ×{entry['ratio_p95_to_minimal']} minimal"
                    if entry.get("ratio_p95_to_minimal")
                    else ""
                )
            )
    return results


# --- Search ---------------------------------------------------------------------------------


def _ratio(numerator: float, denominator: float) -> float | None:
    """numerator / denominator with three significant digits."""
    if not denominator:
        return None
    value = numerator / denominator
    return float(f"{value:.3g}")


def _ratio_text(numerator: float, denominator: float) -> str:
    value = _ratio(numerator, denominator)
    return "–" if value is None else f"{value:g}"


def measure_search(text: DutchText, baseline_queries: int) -> dict[str, Any]:
    from django.db.models import Q

    from kennisnetwerk.search.models import SearchDocument
    from kennisnetwerk.search.selectors import search, search_count

    def naive(query: str) -> list:
        condition = Q()
        for word in query.split():
            condition &= Q(title__icontains=word) | Q(body__icontains=word)
        return list(SearchDocument.objects.filter(condition).values_list("pk")[:20])

    documents = SearchDocument.objects.count()
    say(f"search: {documents} documents")
    sets = {
        "zipf": text.queries(text.sample, SEARCH_QUERIES),
        "topical": text.queries(text.uniform, SEARCH_QUERIES),
        "worst-case": text.worst_case_queries(),
    }
    entries = []
    realistic: list[float] = []
    for name, queries in sets.items():
        for query in queries[:5]:  # warm up the caches
            search(query=query, limit=20)
        millis = [timed_ms(lambda q=q: search(query=q, limit=20)) for q in queries]
        hits = [search_count(query=q) for q in queries]
        compared = queries[:baseline_queries]
        baseline = [timed_ms(lambda q=q: naive(q)) for q in compared]
        same = summary(millis[: len(compared)])
        base = summary(baseline)
        figures = summary(millis)
        entry = {
            "set": name,
            "queries": len(queries),
            **figures,
            "hits_median": statistics.median(hits),
            "hits_max": max(hits),
            "queries_without_hits": sum(1 for h in hits if not h),
            "baseline": {"method": "icontains scan, limit 20", **base},
            "search_on_baseline_queries": same,
            "speedup_p95": _ratio(base["p95_ms"], same["p95_ms"]),
            "met": figures["p95_ms"] <= TARGET_SEARCH_P95_MS,
        }
        if name != "worst-case":
            realistic += millis
        entries.append(entry)
        say(
            f"  {name:<10} p50 {figures['p50_ms']:7.2f}  p95 {figures['p95_ms']:7.2f} ms"
            f"   icontains p95 {base['p95_ms']:8.2f} ms (×{entry['speedup_p95']})"
            f"   hits median {entry['hits_median']:.0f}"
        )
    overall = summary(realistic)
    return {
        "documents": documents,
        "method": "search(query=…, limit=20) over all kinds",
        "realistic": {
            "sets": "zipf + topical",
            **overall,
            "met": overall["p95_ms"] <= TARGET_SEARCH_P95_MS,
        },
        "sets": entries,
    }


# --- Import ---------------------------------------------------------------------------------


def measure_import(
    rng: random.Random, text: DutchText, world: atlas_data.World, rows: int
) -> dict[str, Any]:
    from django.core.management import call_command, get_commands

    from kennisnetwerk.ecosystem.exports import COLUMNS
    from kennisnetwerk.ecosystem.models import Initiative

    region = world.import_region
    entry: dict[str, Any] = {"rows": rows, "region": region.name, "command": "import_inventory"}
    with tempfile.TemporaryDirectory(prefix="kn-bench-import-") as folder:
        path = Path(folder) / "inventaris.xlsx"
        start = time.perf_counter()
        missing = atlas_data.write_xlsx(
            path, COLUMNS, atlas_data.inventory_rows(rng, text, world, rows)
        )
        entry["generate_file_s"] = round(time.perf_counter() - start, 2)
        entry["file_kb"] = round(path.stat().st_size / 1024)
        if missing:
            entry["columns_left_empty"] = missing
        if "import_inventory" not in get_commands():
            entry["status"] = "not available"
            entry["reason"] = (
                "the management command import_inventory does not exist in this checkout; "
                "the file was generated but nothing was timed"
            )
            say(f"import: NOT AVAILABLE (no command import_inventory); {rows}-row file generated")
            return entry
        before = Initiative.objects.filter(inventory_region=region).count()
        stdout, stderr = io.StringIO(), io.StringIO()
        start = time.perf_counter()
        try:
            call_command(
                "import_inventory", str(path), region=region.name, stdout=stdout, stderr=stderr
            )
        except Exception as error:  # a failed import is a result too, with its message
            entry["status"] = "failed"
            entry["error"] = f"{type(error).__name__}: {error}"[:2000]
            entry["seconds_until_failure"] = round(time.perf_counter() - start, 2)
            entry["output_tail"] = _tail(stdout, stderr, 40)
            say(f"import: FAILED after {entry['seconds_until_failure']} s: {entry['error'][:300]}")
            return entry
        seconds = time.perf_counter() - start
    created = Initiative.objects.filter(inventory_region=region).count() - before
    entry.update(
        status="ok",
        seconds=round(seconds, 2),
        rows_per_second=round(rows / seconds),
        initiatives_created=created,
        complete=created == rows,
        output_tail=_tail(stdout, stderr, 10),
        met=seconds <= TARGET_IMPORT_S and created == rows,
    )
    say(f"import: {rows} rows in {seconds:.2f} s ({created} initiatives created)")
    return entry


def _tail(stdout: io.StringIO, stderr: io.StringIO, lines: int) -> list[str]:
    return (stdout.getvalue() + stderr.getvalue()).strip().splitlines()[-lines:]


# --- Report ---------------------------------------------------------------------------------


def _yes_no(met: bool | None, failed: list[str] | None = None) -> str:
    if met is None:
        return "–"
    if met:
        return "yes"
    return f"**no** ({', '.join(failed)})" if failed else "**no**"


def _n(value: int) -> str:
    """20 000 rather than 20,000 or 20000."""
    return f"{value:,}".replace(",", "\u202f")


def _load(values: list[float] | None) -> str:
    return " ".join(f"{v:.2f}" for v in values) if values else "unknown"


def markdown(result: dict[str, Any]) -> str:
    p = result["parameters"]
    config = result["config"]
    machine = result["machine"]
    db = result["database"]
    changes = " (with uncommitted changes)" if result.get("uncommitted_changes") else ""
    lines = [
        f"### {result['title']}",
        "",
        f"`make bench BENCH=atlas` on {result['started_at'][:10]}, commit "
        f"`{result['commit']}`{changes}: {machine['cpus']} CPUs ({machine['cpu_model']}), "
        f"{machine['memory_gb']} GB memory, Python {machine['python']}, Django "
        f"{result['django']}, {db['vendor']} {db['version']}; load average (1, 5, 15 min) "
        f"{_load(machine['load_average_before'])} before and "
        f"{_load(machine['load_average_after'])} after the measurements. The whole run took "
        f"{result['duration_s']:.0f} s. All figures: `benchmarks/results/atlas.json`.",
        "",
        f"Data: {_n(p['initiatives'])} initiatives, {_n(p['organisations'])} organisations, "
        f"{_n(p['documents_in_index'])} search documents. Planner statistics: "
        f"{p['planner_statistics']}.",
        "",
        "**Pages**: server time in-process (`django.test.Client`: routing, middleware, view, "
        f"queries, template; no network), {config['requests']} measured requests per page and "
        f"visitor after {config['warmup']} warm-up rounds, the pages in turn; queries counted "
        f"once per distinct URL. Target: p95 ≤ {TARGET_PAGE_P95_MS:.0f} ms, ≤ "
        f"{TARGET_PAGE_QUERIES} queries and p95 ≤ {TARGET_PAGE_RATIO:.0f}× the minimal view's.",
        "",
        "| page | visitor | URLs | p50 ms | p95 ms | max ms | queries (max) "
        "| × minimal view (p95) | target met |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in result["pages"]:
        baseline = row["page"] == "minimal"
        lines.append(
            f"| {row['label']} | {row['visitor']} | {row['urls']} | {fmt(row['p50_ms'], 2)} "
            f"| {fmt(row['p95_ms'], 2)} | {fmt(row['max_ms'], 2)} | {row['queries_max']} "
            f"| {'baseline' if baseline else fmt(row.get('ratio_p95_to_minimal'))} "
            f"| {'–' if baseline else _yes_no(row['met'], row['failed'])} |"
        )
    search = result["search"]
    lines += [
        "",
        f"**Search**: `search(query, limit=20)` over {_n(search['documents'])} documents, "
        "queries of one to three words. Baseline in the same run: an `icontains` scan of title "
        f"and body for every word, limit 20, on the first {p['baseline_queries_per_set']} "
        f"queries of each set. Target: p95 ≤ {TARGET_SEARCH_P95_MS:.0f} ms.",
        "",
        "| queries | n | p50 ms | p95 ms | max ms | hits (median) | icontains p95 ms "
        "| × faster (p95, same queries) | target met |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in search["sets"]:
        speedup = _ratio_text(
            row["baseline"]["p95_ms"], row["search_on_baseline_queries"]["p95_ms"]
        )
        lines.append(
            f"| {row['set']} | {row['queries']} | {fmt(row['p50_ms'], 2)} "
            f"| {fmt(row['p95_ms'], 2)} | {fmt(row['max_ms'], 2)} | {row['hits_median']:.0f} "
            f"| {fmt(row['baseline']['p95_ms'], 1)} "
            f"| {speedup} "
            f"| {_yes_no(row['met'])} |"
        )
    real = search["realistic"]
    lines.append(
        f"| **zipf + topical** | {real['n']} | {fmt(real['p50_ms'], 2)} "
        f"| {fmt(real['p95_ms'], 2)} | {fmt(real['max_ms'], 2)} | | | | {_yes_no(real['met'])} |"
    )
    imp = result["import"]
    lines += [
        "",
        f"**Excel import**: a {_n(imp['rows'])}-row .xlsx with the export's headers, "
        f"`import_inventory` into {imp['region']}. Target: ≤ {TARGET_IMPORT_S:.0f} s.",
        "",
    ]
    if imp.get("status") == "ok":
        complete = "" if imp["complete"] else f" ({imp['initiatives_created']} created)"
        lines += [
            "| rows | seconds | rows/s | target met |",
            "|---:|---:|---:|---|",
            f"| {_n(imp['rows'])} | {fmt(imp['seconds'], 2)} | {_n(imp['rows_per_second'])} "
            f"| {_yes_no(imp['met'])}{complete} |",
        ]
    elif imp.get("status") == "failed":
        lines.append(f"Failed after {imp['seconds_until_failure']} s: `{imp['error'][:300]}`")
    else:
        lines.append(f"Not measured: {imp.get('reason', 'not available')}.")
    return "\n".join(lines)
