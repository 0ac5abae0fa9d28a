"""A closer look at the search index alone: indexing rates and query latency. Not part of
``make bench`` (the atlas benchmark measures search against its target); run it by hand when
working on ``kennisnetwerk.search``:

    .venv/bin/python benchmarks/search_perf_check.py [--documents 100000] [--queries 100]
        [--database-url postgres://postgres@127.0.0.1:5432/some_empty_database]

Without ``--database-url`` it works in a new SQLite database in a temporary folder. It
generates Dutch-looking documents (``benchmarks.dutch_text``: titles of two to six topical
words, bodies of 30 to 80 words drawn with a Zipf-Mandelbrot distribution, so that the
commonest words occur in a third to half of all documents), and measures:

- analysis alone, indexing with ``search_documents_replace`` (new, unchanged, changed) and
  ``search_document_upsert`` of single documents;
- ``search`` (limit 20, all kinds and one kind) and ``search_count`` over three sets of
  queries: zipf (words drawn like the body words), topical (real words and compounds drawn
  evenly) and the worst case (the ten commonest words, alone and in pairs);
- a naive ``icontains`` scan of title and body as the baseline.

It prints the figures; the documents it made are removed at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.common import say, summary, timed_ms  # noqa: E402
from benchmarks.dutch_text import DutchText  # noqa: E402

KIND = "perf-check"


def report(label: str, millis: list[float]) -> None:
    figures = summary(millis)
    say(
        f"{label:<34} p50 {figures['p50_ms']:7.2f} ms   p95 {figures['p95_ms']:7.2f} ms"
        f"   max {figures['max_ms']:7.2f} ms   (n={figures['n']})"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--baseline-queries", type=int, default=20)
    parser.add_argument("--database-url", help="An existing database (default: new SQLite).")
    args = parser.parse_args(argv)

    tmp = tempfile.TemporaryDirectory(prefix="kn-search-perf-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{Path(tmp.name) / 'perf.db'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "kennisnetwerk.conf.ci"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Q

    from kennisnetwerk.search.analysis import analyse
    from kennisnetwerk.search.models import SearchDocument
    from kennisnetwerk.search.selectors import search, search_count
    from kennisnetwerk.search.services import search_document_upsert, search_documents_replace

    call_command("migrate", verbosity=0)
    rng = random.Random(20251124)  # noqa: S311 (generated test data)
    text = DutchText.build(rng)
    docs = list(text.documents(args.documents))
    say(f"database: {connection.vendor}, {len(docs)} documents, vocabulary {len(text.words)} words")

    def rate(label: str, seconds: float, count: int) -> None:
        say(f"{label:<36} {seconds:7.2f} s = {count / seconds:8.0f} documents/s")

    sample_size = min(10_000, len(docs))
    start = time.perf_counter()
    for _object_id, title, body in docs[:sample_size]:
        analyse(title)
        analyse(body)
    rate(f"analysis only, first {sample_size}", time.perf_counter() - start, sample_size)

    start = time.perf_counter()
    created = search_documents_replace(kind=KIND, documents=docs)
    rate(f"index {created.created} new documents", time.perf_counter() - start, len(docs))

    start = time.perf_counter()
    unchanged = search_documents_replace(kind=KIND, documents=docs)
    rate(f"replace, {unchanged.unchanged} unchanged", time.perf_counter() - start, len(docs))

    changed = [(oid, title, body + " gewijzigd") for oid, title, body in docs[:sample_size]]
    start = time.perf_counter()
    result = search_documents_replace(kind=KIND, documents=changed + docs[sample_size:])
    rate(f"replace, {result.updated} changed", time.perf_counter() - start, len(docs))

    upserts = [
        timed_ms(
            lambda d=doc: search_document_upsert(kind=KIND, object_id=d[0], title=d[1], body=d[2])
        )
        for doc in docs[:200]
    ]
    report("upsert one document", upserts)

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA optimize" if connection.vendor == "sqlite" else "ANALYZE")

    shares = ", ".join(
        f"{word} {search_count(query=word) / len(docs):.0%}" for word in text.words[:5]
    )
    say(f"documents with the commonest words: {shares}")

    def naive(query: str) -> list:
        condition = Q()
        for word in query.split():
            condition &= Q(title__icontains=word) | Q(body__icontains=word)
        return list(SearchDocument.objects.filter(condition).values_list("pk")[:20])

    for label, query_set in [
        ("zipf", text.queries(text.sample, args.queries)),
        ("topical", text.queries(text.uniform, args.queries)),
        ("worst-case", text.worst_case_queries()),
    ]:
        for query in query_set[:5]:  # warm up the caches
            search(query=query, limit=20)
        hit_counts = [search_count(query=query) for query in query_set]
        say(
            f"{label} queries: hits median {statistics.median(hit_counts):.0f}, "
            f"max {max(hit_counts)}, none {sum(1 for c in hit_counts if not c)}"
        )
        report(
            "  search, limit 20",
            [timed_ms(lambda q=q: search(query=q, limit=20)) for q in query_set],
        )
        report(
            f"  search, limit 20, kinds=[{KIND}]",
            [timed_ms(lambda q=q: search(query=q, kinds=[KIND], limit=20)) for q in query_set],
        )
        report("  search_count", [timed_ms(lambda q=q: search_count(query=q)) for q in query_set])
        report(
            "  baseline: icontains scan, limit 20",
            [timed_ms(lambda q=q: naive(q)) for q in query_set[: args.baseline_queries]],
        )

    SearchDocument.objects.filter(kind=KIND).delete()
    tmp.cleanup()


if __name__ == "__main__":
    main()
