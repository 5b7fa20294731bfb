"""Event search reads one actor's events newest first from an index, on SQLite and PostgreSQL:
a new database and an upgraded one both get the indexes, and SQLite's planner uses them."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, inspect

from wirewatch.api.queries import Filters, search_events
from wirewatch.store import make_engine, migrate, open_store
from wirewatch.store import schema as t

ACTOR_SEARCH = [["source_country", "day", "id"], ["target_country", "day", "id"]]
"""Each actor side seeks its country and reads (day, id) in order: newest first, no sort."""
SEARCH_INDEXES = 6
"""The schema version that adds them."""



def ordered_actor_indexes(engine: Engine) -> list[list[str]]:
    """Column lists of the ``events`` indexes that lead with an actor country, day and id."""
    with engine.connect() as conn:
        indexes = inspect(conn).get_indexes(t.events.name)
    return sorted(list(ix["column_names"][:3]) for ix in indexes  # type: ignore[misc]
                  if ix["column_names"][:3] in ACTOR_SEARCH)


def test_a_new_database_has_the_event_search_indexes(store_url: str) -> None:
    with open_store(store_url) as store:
        assert ordered_actor_indexes(store.engine) == ACTOR_SEARCH


def test_an_older_database_gets_them_by_migrating_once(store_url: str) -> None:
    engine = make_engine(store_url)
    try:
        migrate(engine, target=SEARCH_INDEXES - 1)
        assert ordered_actor_indexes(engine) == []
        assert migrate(engine, target=SEARCH_INDEXES) == [SEARCH_INDEXES]
        assert ordered_actor_indexes(engine) == ACTOR_SEARCH
        migrate(engine)
        assert migrate(engine) == []  # nothing left to do, and nothing breaks
        assert ordered_actor_indexes(engine) == ACTOR_SEARCH
    finally:
        engine.dispose()


def _add_events(engine: Engine, n: int) -> None:
    rng = random.Random(3)
    countries = ["USA", "RUS", "CHN", "UKR", "PRK", "KOR", "IRN", "ISR"]
    rows = []
    for i in range(1, n + 1):
        a, b = rng.sample(countries, 2)
        root = rng.choice(["01", "04", "11", "13", "19"])
        rows.append({"id": i, "cluster_key": f"k{i}", "day": 20240101 + rng.randrange(28),
                     "source_code": a, "source_country": a, "target_code": b,
                     "target_country": b, "cameo": root + "0", "cameo_root": root,
                     "is_root": False, "num_mentions": 1, "num_sources": 1,
                     "num_articles": 1, "date_added": "2024-02-01"})
    with engine.begin() as conn:
        conn.execute(t.events.insert(), rows)


@pytest.mark.parametrize("analysed", [False, True], ids=["fresh", "analysed"])
def test_sqlite_event_search_by_actor_reads_the_index_in_order(
        tmp_path: Path, analysed: bool) -> None:
    with open_store(f"sqlite:///{tmp_path / 'ww.db'}") as store:
        _add_events(store.engine, 3000)
        if analysed:
            with store.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
        statements: list[tuple[str, Any]] = []

        def record(_c: Any, _cur: Any, sql: str, params: Any, _ctx: Any, _many: bool) -> None:
            if sql.lstrip().upper().startswith("SELECT"):
                statements.append((sql, params))

        event.listen(store.engine, "before_cursor_execute", record)
        with store.engine.connect() as conn:
            for f in (Filters(actor="USA", root=("19",), since="2024-01-10"),
                      Filters(actor="RUS"), Filters(actor="CHN", until="2024-01-20")):
                rows, _ = search_events(conn, f, 20)
                assert rows and [r["date"] for r in rows] == sorted(
                    (r["date"] for r in rows), reverse=True)
        event.remove(store.engine, "before_cursor_execute", record)
        with store.engine.connect() as conn:
            by_name = {ix["name"]: ix["column_names"][:3]
                       for ix in inspect(conn).get_indexes(t.events.name)}
            plans = [" ".join(str(r[3]) for r in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + sql, params)) for sql, params in statements]
    assert len(plans) == 6  # one query per actor side
    for plan in plans:
        used = [name for name in by_name if f"INDEX {name} " in plan]
        assert len(used) == 1 and by_name[used[0]] in ACTOR_SEARCH, plan
        assert "TEMP B-TREE" not in plan, plan  # read in order: nothing sorted


def test_sqlite_connections_read_the_file_through_a_memory_map(tmp_path: Path) -> None:
    from wirewatch.store.engine import SQLITE_MMAP_BYTES

    with open_store(f"sqlite:///{tmp_path / 'ww.db'}") as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA mmap_size").scalar() == SQLITE_MMAP_BYTES
