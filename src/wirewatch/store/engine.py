"""Database engines: SQLite (WAL mode) and PostgreSQL, from one URL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from ..errors import StoreError

DEFAULT_URL = "sqlite:///wirewatch.db"

SQLITE_BUSY_TIMEOUT_MS = 60_000
"""How long a writer waits for another process's transaction before giving up."""

SQLITE_MMAP_BYTES = 1 << 30
"""SQLite reads a database file through a memory map of up to this many bytes (address space,
not memory: pages stay in the OS cache, shared by every connection and process instead of
copied into each connection's 2 MB page cache); it halved SQLite's CPU time per API event
search over 1,000,000 events (``benchmarks/api.py``)."""


def normalise_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` use psycopg 3; other URLs pass through."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str = DEFAULT_URL) -> Engine:
    """An engine for ``url``; SQLite gets WAL, a memory-mapped file, a busy timeout and
    ``BEGIN IMMEDIATE`` writes."""
    try:
        parsed = make_url(normalise_url(url))
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {exc}", origin=url) from exc
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError("only sqlite:/// and postgresql:// databases are supported", origin=url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy (not the driver) open transactions, so BEGIN IMMEDIATE below applies.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if engine.url.database not in (None, "", ":memory:"):
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers (execution option ``sqlite_immediate=True``, see ``writing``) take the write
        # lock up front, so two writers never deadlock upgrading read locks; readers start a
        # deferred transaction and never block writers (WAL).
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A connection in a write transaction (committed on success, rolled back on error)."""
    with engine.connect().execution_options(sqlite_immediate=True) as conn, conn.begin():
        yield conn
