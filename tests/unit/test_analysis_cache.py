"""The dashboard's aggregate cache: fresh hits, stale-while-refresh, single flight."""

from __future__ import annotations

import threading
import time

from wirewatch.api.cache import TTLCache


def test_fresh_values_are_reused_and_clear_drops_them() -> None:
    cache = TTLCache(60)
    calls: list[int] = []
    assert cache.get_or_make("k", lambda: calls.append(1) or 1) == 1
    assert cache.get_or_make("k", lambda: calls.append(2) or 2) == 1
    cache.clear()
    assert cache.get_or_make("k", lambda: calls.append(3) or 3) == 3
    assert calls == [1, 3]


def test_zero_seconds_disables_the_cache() -> None:
    cache = TTLCache(0)
    values = iter(range(10))
    assert cache.get_or_make("k", lambda: next(values)) == 0
    assert cache.get_or_make("k", lambda: next(values)) == 1


def test_stale_value_is_served_while_one_refresh_runs() -> None:
    cache = TTLCache(0.05)
    cache.get_or_make("k", lambda: "old")
    time.sleep(0.08)
    started = threading.Event()

    def slow() -> str:
        started.set()
        time.sleep(0.1)
        return "new"

    t0 = time.monotonic()
    assert cache.get_or_make("k", slow) == "old"  # no waiting on the refresh
    assert time.monotonic() - t0 < 0.05
    assert started.wait(1)
    time.sleep(0.2)
    assert cache.get_or_make("k", lambda: "other") == "new"


def test_concurrent_misses_compute_once() -> None:
    cache = TTLCache(60)
    calls: list[int] = []
    lock = threading.Lock()

    def make() -> int:
        time.sleep(0.05)
        with lock:
            calls.append(1)
        return 42

    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get_or_make("k", make)))
               for _ in range(10)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert results == [42] * 10 and len(calls) == 1
