"""Event database benchmark: clustering quality, ingest rate, query latency, export cost.

    .venv/bin/python benchmarks/store.py [--events 1000000] [--no-postgres] [--no-export]

1. Event clustering and near-duplicate detection, pairwise precision/recall, on the planted
   corpus (``wirewatch.store.synthetic``: each story told by 1–5 outlets, wire copies and
   own reports, distractor stories with the same actors at another date or place).
2. Ingest rate (stored documents/s, one transaction each) into SQLite and PostgreSQL.
3. Query latency on ``--events`` synthetic events bulk-loaded into ``events``: events by
   actor pair and month, and a dashboard's daily counts (median and p95 of 30 runs).
4. Export of all events to each format through ``wirewatch export``: time and peak RSS.
The 1M-row part is not in the test suite; run it by hand (minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import md_table, write_section
from _store_data import COLUMNS, event_rows
from wirewatch.records import Document, Entity, Quote, Span, Speaker
from wirewatch.store import EventFilter, Store, open_store
from wirewatch.store import schema as t
from wirewatch.store.synthetic import pairwise_prf, planted_corpus
from wirewatch.store.testing import postgres_unavailable, temporary_postgres_schema

ROOT = Path(__file__).resolve().parents[1]


# -- 1. clustering ----------------------------------------------------------------------------
def clustering_quality(seeds: tuple[int, ...] = (1, 2, 3), stories: int = 150) -> str:
    from sqlalchemy import select

    rows = []
    for seed in seeds:
        corpus = planted_corpus(seed=seed, stories=stories)
        with open_store("sqlite:///:memory:") as store:
            store.add_documents([p.doc for p in corpus])
            with store.engine.connect() as conn:
                events = dict(conn.execute(select(t.event_mentions.c.doc_id,  # type: ignore
                                                  t.event_mentions.c.event_id)).all())
                groups = {r[0]: r[1] or r[0] for r in conn.execute(
                    select(t.documents.c.id, t.documents.c.duplicate_of))}
            n_events = store.stats()["events"]
        ev = pairwise_prf(events, {p.doc.id: p.story for p in corpus})
        nd = pairwise_prf(groups, {p.doc.id: p.copy_group for p in corpus})
        rows.append([seed, len(corpus), len({p.story for p in corpus}), n_events, *ev, *nd])
    mean = ["mean", "", "", ""] + [statistics.mean(r[i] for r in rows) for i in range(4, 10)]
    return md_table(["seed", "articles", "true events", "events found", "event P", "event R",
                     "event F1", "near-dup P", "near-dup R", "near-dup F1"],
                    [*rows, mean])


DEMO_STAGES = ("extract.article", "actors.entities", "quotes.attribution", "geo.places",
               "events.coder")


def demo_corpus_linkage() -> str:
    """End to end on the bundled demo corpus: do articles of one news event share an event?"""
    import itertools
    from collections import defaultdict

    from sqlalchemy import select

    from wirewatch.config import Settings
    from wirewatch.demo import CORPUS_DIR, manifest
    from wirewatch.ingest import read_input
    from wirewatch.pipeline import Pipeline

    settings = Settings(pipeline=DEMO_STAGES)
    pipeline = Pipeline(settings)
    entries = manifest()
    raws = [read_input(str(CORPUS_DIR / e["file"]), settings, url=e["url"],
                       published=e["published"], outlet=e["outlet"]) for e in entries]
    docs = list(pipeline.process_many(raws))
    cluster = {r.id: e["cluster"] for r, e in zip(raws, entries)}
    with open_store("sqlite:///:memory:") as store:
        summary = store.add_documents(docs, run_stages=pipeline.stage_names)
        with store.engine.connect() as conn:
            shared: dict[str, set[int]] = defaultdict(set)
            for doc_id, event_id in conn.execute(select(t.event_mentions.c.doc_id,
                                                        t.event_mentions.c.event_id)):
                shared[doc_id].add(event_id)
        stats = store.stats()
    tp = fp = fn = 0
    for a, b in itertools.combinations([d.id for d in docs], 2):
        same, linked = cluster[a] == cluster[b], bool(shared[a] & shared[b])
        tp += same and linked
        fp += linked and not same
        fn += same and not linked
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return md_table(
        ["articles", "new versions", "near-dups", "event mentions", "events",
         "same-event article pairs", "pair P", "pair R"],
        [[len(docs), summary.new_version, summary.near_duplicate, stats["event_mentions"],
          stats["events"], tp + fn, precision, recall]])


# -- 2. ingest ----------------------------------------------------------------------------------
def enriched(doc: Document, i: int) -> Document:
    """A planted document with entities and quotes, so rows per document look realistic."""
    ents = tuple(Entity(f"e{k}", f"Person {i}-{k}", "PERSON", "USAGOV" if k % 2 else None,
                        mentions=(Span(k, k + 5, "x"), Span(k + 10, k + 15, "y")))
                 for k in range(6))
    quotes = tuple(Quote(f"q{k}", f"Statement number {k} of article {i}", "direct", 5, 30,
                         Speaker(f"Person {i}-{k}", f"e{k}", "USAGOV"), "said")
                   for k in range(2))
    return dataclasses.replace(doc, entities=ents, quotes=quotes)


def ingest_rate(url: str, docs: list[Document]) -> tuple[float, float]:
    with open_store(url) as store:
        t0 = time.perf_counter()
        first = store.add_documents(docs, run_stages=["extract.article.v1"])
        t1 = time.perf_counter()
        again = store.add_documents(docs, run_stages=["extract.article.v1"])
        t2 = time.perf_counter()
    assert first.stored == len(docs) and again.duplicate == len(docs)
    return len(docs) / (t1 - t0), len(docs) / (t2 - t1)


# -- 3. bulk load and queries -------------------------------------------------------------------
def load_sqlite(path: Path, n: int) -> float:
    import sqlite3

    with open_store(f"sqlite:///{path}"):
        pass
    t0 = time.perf_counter()
    conn = sqlite3.connect(path)
    sql = (f"INSERT INTO events ({', '.join(COLUMNS)}) "
           f"VALUES ({', '.join('?' for _ in COLUMNS)})")
    rows = event_rows(n)
    with conn:
        while True:
            chunk = [r for _, r in zip(range(50_000), rows)]
            if not chunk:
                break
            conn.executemany(sql, chunk)
    conn.execute("ANALYZE")
    conn.close()
    return time.perf_counter() - t0


def load_postgres(url: str, n: int) -> float:
    import psycopg

    from wirewatch.store.engine import normalise_url

    with open_store(url):
        pass
    dsn = normalise_url(url).replace("postgresql+psycopg://", "postgresql://")
    t0 = time.perf_counter()
    with psycopg.connect(dsn, autocommit=True) as conn:
        with conn.cursor() as cur, cur.copy(
                f"COPY events ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for row in event_rows(n):
                copy.write_row(row)
        conn.execute("SELECT setval(pg_get_serial_sequence('events', 'id'), %s)", (n,))
        conn.execute("VACUUM ANALYZE events")
    return time.perf_counter() - t0


def _months() -> list[tuple[str, str]]:
    out = []
    for year in (2022, 2023, 2024):
        for month in range(1, 13):
            end = 31 if month in (1, 3, 5, 7, 8, 10, 12) else (30 if month != 2 else 28)
            out.append((f"{year}-{month:02d}-01", f"{year}-{month:02d}-{end}"))
    return out


def timed(fn: Callable[[], Any], runs: int = 30, warmup: int = 3) -> tuple[float, float]:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def query_latency(store: Store) -> list[tuple[str, float, float, int]]:
    from _store_data import COUNTRIES

    rng = random.Random(5)
    months = _months()
    busy = COUNTRIES[:12]

    def pair_month() -> int:
        a, b = rng.sample(busy, 2)
        since, until = rng.choice(months)
        return len(store.query_events(EventFilter(source=a, target=b, since=since,
                                                  until=until), limit=100).rows)

    def pair_month_sector() -> int:
        a, b = rng.sample(busy, 2)
        since, until = rng.choice(months)
        return len(store.query_events(EventFilter(source=a + "MIL", target=b + "GOV",
                                                  since=since, until=until), limit=100).rows)

    def daily_90() -> int:
        since, _ = rng.choice(months[:-3])
        y, m = int(since[:4]), int(since[5:7])
        m2 = m + 2
        until = f"{y + (m2 - 1) // 12}-{(m2 - 1) % 12 + 1:02d}-28"
        return len(store.daily_counts(EventFilter(since=since, until=until), by="quad"))

    def daily_year_root() -> int:
        year = rng.choice((2022, 2023, 2024))
        return len(store.daily_counts(EventFilter(since=f"{year}-01-01",
                                                  until=f"{year}-12-31"), by="root"))

    def daily_actor_year() -> int:
        year = rng.choice((2022, 2023, 2024))
        return len(store.daily_counts(EventFilter(actor=rng.choice(busy), since=f"{year}-01-01",
                                                  until=f"{year}-12-31")))

    def dyads_month() -> int:
        since, until = rng.choice(months)
        return len(store.dyads(EventFilter(since=since, until=until), limit=20))

    out = []
    for name, fn in [
        ("events by actor pair (country) and month, first 100", pair_month),
        ("events by actor pair (country+sector) and month", pair_month_sector),
        ("daily counts by quad class, 90 days", daily_90),
        ("daily counts by CAMEO root, one year", daily_year_root),
        ("daily counts for one actor, one year", daily_actor_year),
        ("top 20 dyads in a month", dyads_month),
    ]:
        sizes: list[int] = []
        med, p95 = timed(lambda fn=fn, sizes=sizes: sizes.append(fn()))
        out.append((name, med, p95, int(statistics.median(sizes))))
    return out


# -- 4. export -----------------------------------------------------------------------------------
_EXPORT = """
import sys, time
from wirewatch.cli import main
t0 = time.perf_counter()
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    # VmHWM: this process's peak RSS (ru_maxrss would include the parent's, kept over exec)
    with open("/proc/self/status") as fh:
        kb = next(int(ln.split()[1]) for ln in fh if ln.startswith("VmHWM"))
    print(f"BENCH {time.perf_counter() - t0:.3f} {kb / 1024:.1f}", file=sys.stderr)
"""


def export_cost(url: str, fmt: str, out: Path, *extra: str) -> tuple[float, float, int]:
    proc = subprocess.run([sys.executable, "-c", _EXPORT, "export", "--db", url, "--format", fmt,
                           "--out", str(out), *extra], capture_output=True, text=True,
                          check=False)
    line = next((ln for ln in proc.stderr.splitlines() if ln.startswith("BENCH")), None)
    if proc.returncode or line is None:
        raise RuntimeError(proc.stderr[-2000:])
    _, secs, rss = line.split()
    size = out.stat().st_size if out.exists() else 0
    return float(secs), float(rss), size


def bench_big(label: str, url: str, n: int, load: Callable[[], float], export: bool,
              workdir: Path) -> tuple[list[list[object]], list[list[object]]]:
    print(f"[{label}] loading {n:,} events…", file=sys.stderr, flush=True)
    load_s = load()
    print(f"[{label}] loaded in {load_s:.0f} s; querying…", file=sys.stderr, flush=True)
    with open_store(url, create=False) as store:
        assert store.stats()["events"] == n
        queries = query_latency(store)
    qrows: list[list[object]] = [[label, name, f"{med:.1f}", f"{p95:.1f}", size,
                                  "yes" if med < 200 else "no"]
                                 for name, med, p95, size in queries]
    erows: list[list[object]] = []
    if export:
        base = export_cost(url, "jsonl", workdir / "empty.jsonl", "--actor", "ZZZ")
        erows.append([label, "(nothing: import baseline)", f"{base[0]:.1f}", f"{base[1]:.0f}",
                      "-", "-"])
        for fmt, suffix in (("gdelt", "tsv"), ("csv", "csv"), ("jsonl", "jsonl"),
                            ("parquet", "parquet")):
            print(f"[{label}] export {fmt}…", file=sys.stderr, flush=True)
            out = workdir / f"events.{suffix}"
            secs, rss, size = export_cost(url, fmt, out)
            erows.append([label, fmt, f"{secs:.1f}", f"{rss:.0f}", f"{size / 1e6:.0f}",
                          f"{n / secs:,.0f}"])
            out.unlink()
    return qrows, erows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--no-postgres", action="store_true")
    ap.add_argument("--no-export", action="store_true")
    ap.add_argument("--parts", default="quality,big",
                    help="quality (clustering, demo corpus, ingest) and/or big (1M rows)")
    args = ap.parse_args()
    parts = set(args.parts.split(","))
    pg_reason = "skipped (--no-postgres)" if args.no_postgres else postgres_unavailable()
    if "quality" in parts:
        quality_section(pg_reason)
    if "big" in parts:
        big_section(args.events, pg_reason, not args.no_export)


def quality_section(pg_reason: str | None) -> None:
    print("clustering…", file=sys.stderr, flush=True)
    clustering = clustering_quality()
    print("demo corpus…", file=sys.stderr, flush=True)
    try:
        demo = demo_corpus_linkage()
    except Exception as exc:  # the full pipeline needs the spaCy model and all stages
        demo = f"(not measured: {exc})"
    print("ingest…", file=sys.stderr, flush=True)
    docs = [enriched(p.doc, i) for i, p in enumerate(planted_corpus(seed=21, stories=150))]
    ingest_rows: list[list[object]] = []
    with tempfile.TemporaryDirectory(prefix="ww-bench-") as tmp:
        first, again = ingest_rate(f"sqlite:///{Path(tmp) / 'ingest.db'}", docs)
        ingest_rows.append(["SQLite (WAL, file)", len(docs), f"{first:.0f}", f"{again:.0f}"])
    if pg_reason is None:
        with temporary_postgres_schema(prefix="ww_bench") as url:
            first, again = ingest_rate(url, docs)
        ingest_rows.append(["PostgreSQL 127.0.0.1", len(docs), f"{first:.0f}", f"{again:.0f}"])
    body = f"""
### Event clustering and near-duplicate articles (planted corpus)

Synthetic articles (`wirewatch.store.synthetic.planted_corpus`, 150 stories + ~30% distractor
stories with the same actors and action at another date or place; each told by 1–5 outlets
that either republish one agency copy with light edits or write their own report).
Pairwise precision/recall: event = the mentions clustered into one event; near-dup = the
articles linked by MinHash/LSH (3-word shingles, 128 permutations, 32×4 bands, Jaccard ≥ 0.45).

{clustering}

End to end on the bundled demo corpus (`wirewatch.demo`: 24 articles, two storylines, each
news event reported by 2–3 outlets, two updated pages), through the full pipeline
({", ".join(DEMO_STAGES)}): an article pair counts as linked when the two
share at least one stored event; the truth is the manifest's `cluster`.  Recall here is
bounded by the coder: two outlets' articles often yield different actor codes or CAMEO roots
for the same news.

{demo}

### Ingest rate

Stored documents per second, one transaction per document (each with 6 entities, 12
mentions, 2 quotes, 1 event; near-duplicate lookup and event clustering included);
"rerun" = the same documents again, all recognised as already stored.  Wall-clock rates
on a machine shared with other jobs (1-minute load average {os.getloadavg()[0]:.1f} at the
end): compare SQLite with PostgreSQL, not with other machines.

{md_table(["store", "documents", "stored docs/s", "rerun docs/s"], ingest_rows)}
{"" if pg_reason is None else f"PostgreSQL: {pg_reason}."}
"""
    write_section("store", "Event database: dedup quality and ingest rate",
                  ".venv/bin/python benchmarks/store.py --parts quality", body)
    print(body)


def big_section(n: int, pg_reason: str | None, export: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="ww-bench-") as tmp:
        workdir = Path(tmp)
        qrows, erows = bench_big("SQLite", f"sqlite:///{workdir / 'events.db'}", n,
                                 lambda: load_sqlite(workdir / "events.db", n), export, workdir)
        (workdir / "events.db").unlink()
        if pg_reason is None:
            with temporary_postgres_schema(prefix="ww_bench") as url:
                q2, e2 = bench_big("PostgreSQL", url, n, lambda: load_postgres(url, n),
                                   export, workdir)
            qrows += q2
            erows += e2
    body = f"""
### Query latency on {n:,} synthetic events

Events bulk-generated straight into `events` (`benchmarks/_store_data.py`: 40 countries
with skewed activity, 9 sector variants, 16 CAMEO codes, 3 years), then `ANALYZE`.
Queries through the public read API (`Store.query_events`, `daily_counts`, `dyads`); 30 runs
with random parameters after 3 warm-ups; goal: median < 200 ms.  Other jobs shared the
2 cores during the run.

{md_table(["store", "query", "median ms", "p95 ms", "median rows", "< 200 ms"], qrows)}
"""
    if erows:
        body += f"""
### Export of {n:,} events

`wirewatch export --format F --out FILE` in a fresh process (streamed in pages of 5,000
events); peak memory = the process's peak RSS (`VmHWM`), to compare with the baseline (the
same command exporting nothing). GDELT rows are one per actor pair.

{md_table(["store", "format", "seconds", "peak RSS MB", "file MB", "events/s"], erows)}
"""
    write_section("store-scale", f"Event database at {n:,} events: queries and export",
                  ".venv/bin/python benchmarks/store.py --parts big", body)
    print(body)


if __name__ == "__main__":
    main()
