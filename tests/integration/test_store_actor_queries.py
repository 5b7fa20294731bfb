"""Actor-filtered reads (split into a source-side and a target-side scan) give exactly what a
plain scan of every event gives, in SQLite and PostgreSQL: pages, cursors, daily counts."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from wirewatch.api.queries import Filters, search_events
from wirewatch.store import EventFilter, Store, open_store
from wirewatch.store import schema as t
from wirewatch.store.queries import iso_day, query_events

CODES = ["USA", "USAGOV", "USAMIL", "RUS", "RUSGOV", "CHN", "CHNMIL", "IRN", None]


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as s:
        yield s


def synthetic_events(n: int = 1200, seed: int = 3) -> list[dict[str, Any]]:
    """Events with few days (many ties on ``day``), self-pairs (USA→USA) and missing sides."""
    rng = random.Random(seed)
    out = []
    for i in range(1, n + 1):
        src, tgt = rng.choice(CODES), rng.choice(CODES)
        root = rng.choice(["04", "13", "19"])
        out.append({
            "id": i, "cluster_key": f"k{i}", "day": 20240100 + rng.randrange(1, 29),
            "source_code": src, "source_country": src[:3] if src else None,
            "target_code": tgt, "target_country": tgt[:3] if tgt else None,
            "cameo": root + "0", "cameo_root": root, "quad_class": rng.choice([1, 3, 4, None]),
            "goldstein": 1.0, "is_root": True, "num_mentions": rng.randrange(1, 5),
            "date_added": "2024-02-01",
        })
    rng.shuffle(out)  # ids are not in day order
    return out


def matches(code: str | None, actor: str) -> bool:
    return code is not None and code.startswith(actor)


def expected(events: list[dict[str, Any]], actor: str, root: str | None = None) -> list[dict]:
    return [e for e in events
            if (matches(e["source_code"], actor) or matches(e["target_code"], actor))
            and (root is None or e["cameo_root"] == root)]


@pytest.fixture
def loaded(store: Store) -> tuple[Store, list[dict[str, Any]]]:
    events = synthetic_events()
    with store.engine.begin() as conn:
        conn.execute(t.events.insert(), events)
    return store, events


ACTORS = ["USA", "USAGOV", "RUS", "IRN"]


def test_event_pages_match_a_full_scan_in_every_order(
        loaded: tuple[Store, list[dict[str, Any]]]) -> None:
    store, events = loaded
    for actor in ACTORS:
        want = expected(events, actor, "19")
        orders = {"newest": sorted(want, key=lambda e: (e["day"], e["id"]), reverse=True),
                  "oldest": sorted(want, key=lambda e: (e["day"], e["id"])),
                  "id": sorted(want, key=lambda e: e["id"])}
        for order, ranked in orders.items():
            f = EventFilter(actor=actor, root="19")
            with store.engine.connect() as conn:
                page = query_events(conn, f, limit=7, offset=5, order=order)
            assert [r["id"] for r in page.rows] == [e["id"] for e in ranked[5:12]]
            seen: list[int] = []
            cursor = None
            while True:  # walking the cursor visits every event once, in order
                with store.engine.connect() as conn:
                    page = query_events(conn, f, limit=25, cursor=cursor, order=order)
                seen += [r["id"] for r in page.rows]
                cursor = page.next_cursor
                if cursor is None:
                    break
            assert seen == [e["id"] for e in ranked]


def test_api_search_pages_match_a_full_scan(loaded: tuple[Store, list[dict[str, Any]]]) -> None:
    store, events = loaded
    for actor in ACTORS:
        ranked = sorted(expected(events, actor), key=lambda e: (e["day"], e["id"]), reverse=True)
        with store.engine.connect() as conn:
            rows, _ = search_events(conn, Filters(actor=actor), 10, offset=3)
            assert [r["id"] for r in rows] == [e["id"] for e in ranked[3:13]]
            seen: list[int] = []
            cursor = None
            while True:
                rows, cursor = search_events(conn, Filters(actor=actor), 40, cursor=cursor)
                seen += [r["id"] for r in rows]
                if cursor is None:
                    break
        assert seen == [e["id"] for e in ranked]
        assert len(set(seen)) == len(seen)


@pytest.mark.parametrize("by", [None, "root", "quad"])
def test_daily_counts_for_an_actor_count_each_event_once(
        loaded: tuple[Store, list[dict[str, Any]]], by: str | None) -> None:
    store, events = loaded
    group = {None: None, "root": "cameo_root", "quad": "quad_class"}[by]
    for actor in ACTORS:
        want_n: Counter[tuple[Any, ...]] = Counter()
        want_m: Counter[tuple[Any, ...]] = Counter()
        for e in expected(events, actor):  # self-pairs (USA→USA) are one event, not two
            key = (iso_day(e["day"]),) + ((e[group],) if group else ())
            want_n[key] += 1
            want_m[key] += e["num_mentions"]
        got = store.daily_counts(EventFilter(actor=actor), by=by)
        assert {(r["day"],) + ((r["group"],) if by else ()): r["events"] for r in got} \
            == dict(want_n)
        assert {(r["day"],) + ((r["group"],) if by else ()): r["mentions"] for r in got} \
            == dict(want_m)
        assert [r["day"] for r in got] == sorted(r["day"] for r in got)
