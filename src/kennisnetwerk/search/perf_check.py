"""A quick local check of search speed; not a test and not run by CI.

    .venv/bin/python -m kennisnetwerk.search.perf_check [--documents 100000] [--queries 100]
        [--database-url postgres://postgres@127.0.0.1:5432/some_empty_database]

Without ``--database-url`` it works in a new SQLite database in a temporary folder. It
generates Dutch-looking documents (a vocabulary of real words, compounds and a long tail of
made-up words, drawn with a Zipf distribution), indexes them with
``search_documents_replace``, and measures the latency of ``search`` (limit 20) and
``search_count`` over generated one- to three-word queries, with a naive ``icontains`` scan
of title and body as the baseline. It prints the figures; the documents it made are removed
at the end.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

KIND = "perf-check"


def _words(text: str) -> list[str]:
    return text.split()


REAL_WORDS = _words("""
    ondernemer ondernemers mkb regio gemeente provincie subsidie regeling financiering
    innovatie digitalisering digitaliseren circulaire economie duurzaamheid verduurzaming
    energie arbeidsmarkt werkgevers personeel scholing opleiding onderwijs techniek
    maakindustrie bouw landbouw voedsel zorg horeca detailhandel logistiek export
    internationalisering bedrijfsopvolging familiebedrijven starters groei coaching advies
    netwerk bijeenkomst workshop training programma project loket vouchers lening krediet
    investering banken investeerders kennis onderzoek hogeschool universiteit studenten
    data cybersecurity automatisering robotisering productiviteit samenwerking partners
    cijfers monitor bereik agenda deal fonds garantie aanvraag voorwaarden begeleiding
    webinar handelsmissie Duitsland België Europa Groningen Twente Brabant Limburg Utrecht
    café restaurant winkel webwinkel klanten markt prijs kosten vergunning regels wetgeving
""")

NOUNS = _words("""
    regio regeling loket fonds plan budget vraag aanbod centrum tafel scan traject netwerk
    agenda deal monitor partners beleid onderzoek krediet lening vouchers advies coaching
    programma project academie werkplaats punt platform campagne dag week prijs route
""")

HEADS = _words("""
    arbeidsmarkt arbeids bedrijfs circulair duurzaamheids export familie financierings
    innovatie kennis leer mkb netwerk ondernemers opleidings regio samenwerkings starters
    subsidie werkgevers
""")

SYLLABLES = _words("ba be bo de di do ka ke ko la le lo ma me mo na ne no ra re ro sa se so ta te")


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    compounds = [head + noun for head in HEADS for noun in NOUNS]
    rng.shuffle(compounds)
    made_up: set[str] = set()
    while len(made_up) < size - len(REAL_WORDS) - len(compounds):
        made_up.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return REAL_WORDS + compounds + sorted(made_up)


def zipf_sampler(rng: random.Random, words: list[str]) -> Callable[[int], list[str]]:
    cumulative = list(itertools.accumulate(1 / rank for rank in range(1, len(words) + 1)))

    def sample(count: int) -> list[str]:
        return rng.choices(words, cum_weights=cumulative, k=count)

    return sample


def documents(rng: random.Random, sample, count: int) -> Iterator[tuple[str, str, str]]:
    for n in range(count):
        title = " ".join(sample(rng.randint(2, 6))).capitalize()
        body = " ".join(sample(rng.randint(30, 80))) + f". Gestart in {rng.randint(2000, 2026)}."
        yield str(n), title, body


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def report(label: str, millis: list[float]) -> None:
    sys.stdout.write(
        f"{label:<34} p50 {percentile(millis, 0.5):7.2f} ms   p95 {percentile(millis, 0.95):7.2f}"
        f" ms   max {max(millis):7.2f} ms   (n={len(millis)})\n"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--baseline-queries", type=int, default=20)
    parser.add_argument("--database-url", help="An existing database (default: new SQLite).")
    args = parser.parse_args(argv)

    tmp = tempfile.TemporaryDirectory()
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{Path(tmp.name) / 'perf.db'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "kennisnetwerk.conf.ci"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Q

    from .analysis import analyse
    from .models import SearchDocument
    from .selectors import search, search_count
    from .services import search_document_upsert, search_documents_replace

    call_command("migrate", verbosity=0)
    rng = random.Random(20251124)  # noqa: S311 (generated test data)
    words = vocabulary(rng)
    sample = zipf_sampler(rng, words)
    docs = list(documents(rng, sample, args.documents))
    out = sys.stdout.write
    out(f"database: {connection.vendor}, {len(docs)} documents, vocabulary {len(words)} words\n")

    def rate(label: str, seconds: float, count: int) -> None:
        out(f"{label:<34} {seconds:7.2f} s = {count / seconds:8.0f} documents/s\n")

    start = time.perf_counter()
    for _object_id, title, body in docs[:10_000]:
        analyse(title)
        analyse(body)
    rate("analysis only, first 10k", time.perf_counter() - start, 10_000)

    start = time.perf_counter()
    created = search_documents_replace(kind=KIND, documents=docs)
    rate(f"index {created.created} new documents", time.perf_counter() - start, len(docs))

    start = time.perf_counter()
    unchanged = search_documents_replace(kind=KIND, documents=docs)
    rate(f"replace, {unchanged.unchanged} unchanged", time.perf_counter() - start, len(docs))

    changed = [(oid, title, body + " gewijzigd") for oid, title, body in docs[:10_000]]
    start = time.perf_counter()
    result = search_documents_replace(kind=KIND, documents=changed + docs[10_000:])
    rate(f"replace, {result.updated} changed", time.perf_counter() - start, len(docs))

    upserts = [
        timed(
            lambda d=doc: search_document_upsert(kind=KIND, object_id=d[0], title=d[1], body=d[2])
        )
        for doc in docs[:200]
    ]
    report("upsert one document", upserts)

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA optimize")

    queries = [" ".join(sample(rng.choice([1, 1, 2, 2, 3]))) for _ in range(args.queries)]
    # A few queries for words that are not there, and with stop words only.
    queries[::10] = [f"{q} blockchain" for q in queries[::10]]
    queries[5::25] = ["de van het"] * len(queries[5::25])
    for query in queries[:10]:  # warm up the caches
        search(query=query, limit=20)
    hit_counts = []
    latencies = []
    for query in queries:
        latencies.append(timed(lambda q=query: search(query=q, limit=20)))
        hit_counts.append(search_count(query=query))
    report("search, limit 20", latencies)
    report("search_count", [timed(lambda q=q: search_count(query=q)) for q in queries])
    out(
        f"hits per query: median {statistics.median(hit_counts):.0f}, max {max(hit_counts)}, "
        f"empty {sum(1 for c in hit_counts if not c)}\n"
    )

    def naive(query: str) -> list:
        condition = Q()
        for word in query.split():
            condition &= Q(title__icontains=word) | Q(body__icontains=word)
        return list(SearchDocument.objects.filter(condition).values_list("pk")[:20])

    report(
        "baseline: icontains scan, limit 20",
        [timed(lambda q=q: naive(q)) for q in queries[: args.baseline_queries]],
    )

    SearchDocument.objects.filter(kind=KIND).delete()
    tmp.cleanup()


if __name__ == "__main__":
    main()
