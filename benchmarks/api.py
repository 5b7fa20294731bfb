"""API latency at 20 concurrent clients over a 1,000,000-event SQLite database, and the
dashboard's first load in Chromium.

    .venv/bin/python benchmarks/api.py [--events 1000000] [--seconds 20]

Builds ``benchmarks/out/api_events.db`` once (synthetic events from ``_store_data.py``,
bulk-inserted through SQLAlchemy Core), then runs ``wirewatch serve`` three times — the
product default (one worker, aggregate cache 30 s), the same with ``--workers 2``, and one
worker with the cache off (a diagnostic: what every request costs uncached) — and drives it
from 20 client threads on loopback for each scenario: the overview page, an actor-pair
timeline (trend JSON and the pair page) and event searches (varied filters, never cached).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx

from _report import ROOT, md_table, write_section
from _store_data import COLUMNS, COUNTRIES, event_rows

OUT = ROOT / "benchmarks" / "out"
CLIENTS = 20
PAIRS = [(a, b) for a in COUNTRIES[:8] for b in COUNTRIES[:8] if a < b]


def build_db(path: Path, n: int) -> str:
    from sqlalchemy import func, select

    from wirewatch.store import open_store
    from wirewatch.store import schema as t

    url = f"sqlite:///{path}"
    with open_store(url) as store:
        with store.engine.connect() as conn:
            have = conn.execute(select(func.count()).select_from(t.events)).scalar_one()
        if have >= n:
            return url
        print(f"building {n:,} events in {path} …", file=sys.stderr)
        names = [c.name for c in t.events.columns]
        keep = [i for i, c in enumerate(COLUMNS) if c in names]
        cols = [COLUMNS[i] for i in keep]
        batch: list[dict[str, object]] = []
        with store.engine.begin() as conn:
            conn.execute(t.events.delete())
            for row in event_rows(n):
                batch.append({c: row[i] for c, i in zip(cols, keep, strict=True)})
                if len(batch) == 20_000:
                    conn.execute(t.events.insert(), batch)
                    batch = []
            if batch:
                conn.execute(t.events.insert(), batch)
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(url: str, cache_seconds: float,
                 workers: int = 1) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "wirewatch", "serve", "--db", url, "--port", str(port),
         "--cache-seconds", str(cache_seconds), "--workers", str(workers)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(base + "/api/stats", timeout=30)
            return proc, base
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start")


def _stat(pid: int | str) -> list[str]:
    """Fields of ``/proc/PID/stat`` after the command name (field 3 onwards)."""
    return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` and its children (uvicorn workers)."""
    if not Path("/proc").is_dir():
        return float("nan")
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = _stat(entry.name)
        except OSError:  # the process ended meanwhile
            continue
        if int(entry.name) == pid or int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def overview(rng: random.Random) -> str:
    return "/"


def pair_trend(rng: random.Random) -> str:
    a, b = rng.choice(PAIRS)
    return f"/api/trends?pair={a}-{b}&period=week&since=2023-07-01"


def pair_page(rng: random.Random) -> str:
    a, b = rng.choice(PAIRS)
    return f"/pair?a={a}&b={b}&period=week&since=2024-01-01"


def event_search(rng: random.Random) -> str:
    actor = rng.choice(COUNTRIES[:20])
    root = rng.choice(["19", "13", "04", "11", "05"])
    month = rng.randrange(1, 13)
    year = rng.choice((2022, 2023, 2024))
    return (f"/api/events?actor={actor}&root={root}&since={year}-{month:02d}-01"
            f"&limit=50")


SCENARIOS: list[tuple[str, Callable[[random.Random], str]]] = [
    ("overview page `/`", overview),
    ("actor-pair trend `/api/trends`", pair_trend),
    ("actor-pair page `/pair`", pair_page),
    ("event search `/api/events`", event_search),
]


def hammer(base: str, make: Callable[[random.Random], str], seconds: float) -> list[float]:
    """Latencies of ``CLIENTS`` threads sending requests back to back for ``seconds``.

    Each client keeps one HTTP/1.1 connection open (as a browser does) and reads every
    response body whole; ``http.client`` is used because it costs the shared CPU far less
    per request than httpx, so the numbers are the server's, not the client's.
    """
    latencies: list[float] = []
    errors: list[str] = []
    stop = time.monotonic() + seconds
    lock = threading.Lock()
    host, port = base.removeprefix("http://").split(":")

    def client(seed: int) -> None:
        rng = random.Random(seed)
        conn = http.client.HTTPConnection(host, int(port), timeout=60)
        try:
            while time.monotonic() < stop:
                path = make(rng)
                t0 = time.perf_counter()
                conn.request("GET", path)
                r = conn.getresponse()
                body = r.read()
                dt = time.perf_counter() - t0
                with lock:
                    if r.status != 200 or not body:
                        errors.append(f"{r.status} {path}")
                    latencies.append(dt)
        finally:
            conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    if errors:
        raise RuntimeError(f"{len(errors)} failed requests, e.g. {errors[0]}")
    return latencies


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def first_load(base: str) -> list[tuple[str, int, float, int]]:
    """Per page: bytes transferred, seconds to the drawn chart, requests — in Chromium.

    One warm-up navigation starts the renderer; each page then loads in a fresh browser
    context (empty HTTP cache), as a first visit does.
    """
    if not Path("/usr/bin/chromium").exists():
        return []
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                              args=["--no-sandbox", "--disable-gpu",
                                    "--disable-background-networking"])
        warm = b.new_page()
        warm.goto(base + "/static/favicon.svg")
        for path, ready in (("/", "#daily-chart svg"), ("/map", "#map svg path.country"),
                            ("/pair?a=USA&b=RUS", "[data-chart=index] svg")):
            ctx = b.new_context()
            page = ctx.new_page()
            sizes: list[int] = []
            page.on("response", lambda r, sizes=sizes: sizes.append(len(r.body())))
            t0 = time.perf_counter()
            page.goto(base + path, wait_until="load")
            page.wait_for_selector(ready)
            out.append((path, sum(sizes), time.perf_counter() - t0, len(sizes)))
            ctx.close()
        b.close()
    return out


CONFIGS = [  # (label, cache seconds, workers); the first is the product default
    ("default: 1 worker, cache 30 s", 30.0, 1),
    ("`--workers 2`, cache 30 s", 30.0, 2),
    ("diagnostic: 1 worker, cache off", 0.0, 1),
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--seconds", type=float, default=20.0)
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    url = build_db(OUT / "api_events.db", args.events)
    print(f"database ready in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    rows = []
    load: list[tuple[str, int, float, int]] = []
    loads = [os.getloadavg()[0]]
    default_p95: list[float] = []
    for label, cache, workers in CONFIGS:
        proc, base = start_server(url, cache, workers)
        try:
            for name, make in SCENARIOS:
                cold = time.perf_counter()
                httpx.get(base + make(random.Random(99)), timeout=120)
                cold_s = time.perf_counter() - cold
                cpu0 = cpu_seconds(proc.pid)
                lat = hammer(base, make, args.seconds)
                cpu_ms = 1000 * (cpu_seconds(proc.pid) - cpu0) / len(lat)
                loads.append(os.getloadavg()[0])
                if label.startswith("default"):
                    default_p95.append(pct(lat, 0.95))
                rows.append([name, label, len(lat), f"{len(lat) / args.seconds:.1f}",
                             f"{1000 * statistics.median(lat):.0f}",
                             f"{1000 * pct(lat, 0.95):.0f}", f"{1000 * cold_s:.0f}",
                             f"{cpu_ms:.1f}"])
                print(rows[-1], f"load {loads[-1]:.1f}", file=sys.stderr)
            if label.startswith("default"):
                load = first_load(base)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    worst = 1000 * max(default_p95)
    verdict = "met" if worst < 300 else "**not met**"
    narrow = ", narrowly: on a busier machine it can pass 300 ms" \
        if 0.85 * 300 < worst < 300 else ""
    body = (
        f"{args.events:,} synthetic events (`benchmarks/_store_data.py`) in SQLite, "
        f"`wirewatch serve` on loopback, {CLIENTS} client threads for {args.seconds:g} s "
        "per row, each keeping one HTTP/1.1 connection open and reading every response "
        "whole (`http.client`: a cheap client, so the numbers are the server's). Pair and "
        "search parameters vary per request (28 pairs; 20 actors × 5 roots × 36 months); "
        "*cold* is the first request of the scenario; *server CPU* is the server "
        "processes' CPU time per request. The client threads and the server share the "
        "same 2 cores, so throughput is CPU-bound. Dashboard aggregates "
        "(overview panels, trends, pair event lists) are cached for 30 s, served stale "
        "while one refresh runs, and computed once when many requests miss together; event "
        "searches are never cached. With `--workers 2` each process has its own cache. "
        "The *cache off* rows are a diagnostic, not a way to run the server: they show "
        "what each page costs uncached (its *cold* column) multiplied by 20 clients "
        "queueing for 2 cores. "
        f"Load average (1 min) during the run: {min(loads):.1f}–{max(loads):.1f} "
        "— other jobs shared the machine. "
        f"Goal: p95 < 300 ms in the default configuration — {verdict} (worst p95 "
        f"{worst:.0f} ms){narrow}.\n\n"
        + md_table(["scenario", "server", "requests", "req/s", "p50 ms", "p95 ms",
                    "cold ms", "server CPU ms/req"], rows)
    )
    if load:
        body += ("\n\nDashboard first load in headless Chromium (fresh browser context, "
                 "default server, cache warm); no request leaves the app (no CDN, no "
                 "tiles):\n\n"
                 + md_table(["page", "KiB transferred", "requests", "ms to chart drawn"],
                            [[f"`{path}`", f"{size / 1024:.0f}", n, f"{1000 * sec:.0f}"]
                             for path, size, sec, n in load]))
    print(body)
    write_section("api", "API latency and dashboard load", ".venv/bin/python benchmarks/api.py",
                  body)


if __name__ == "__main__":
    main()
