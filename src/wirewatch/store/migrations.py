"""Versioned schema migrations: registered functions, run in order, recorded in a table.

``migrate(engine)`` brings a database (new or old) to ``LATEST`` in place; each migration
runs in its own transaction together with the row that records it, so an interrupted
upgrade leaves the database at the last complete version.  Add a migration with::

    @migration(4, "what it does")
    def _v4(conn: Connection) -> None: ...

Columns, indexes and tables tagged ``info={"since": N}`` in ``schema.py`` are created by
``add_schema_objects(conn, N)``; a migration may also move data (see ``_v2``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Column, Connection, Engine, Index, MetaData, Table, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError

from ..errors import MigrationError
from . import schema
from .engine import is_sqlite, writing
from .minhash import band_hashes, signature_bytes, signature_of

Migration = Callable[[Connection], None]


@dataclass(frozen=True)
class MigrationInfo:
    version: int
    name: str
    apply: Migration


_MIGRATIONS: dict[int, MigrationInfo] = {}


def migration(version: int, name: str) -> Callable[[Migration], Migration]:
    """Register ``func(conn)`` as migration ``version``."""

    def deco(func: Migration) -> Migration:
        if version in _MIGRATIONS:
            raise MigrationError(f"migration {version} registered twice")
        _MIGRATIONS[version] = MigrationInfo(version, name, func)
        return func

    return deco


def _since(obj: Table | Column[object] | Index) -> int:
    return int(obj.info.get("since", 1))


def add_schema_objects(conn: Connection, version: int) -> None:
    """Create the tables, columns and indexes that ``schema.py`` tags with ``since=version``."""
    dialect = conn.dialect
    for table in schema.metadata.sorted_tables:
        if table is schema.schema_migrations:  # made by ``migrate`` itself
            continue
        if _since(table) == version:
            _create_table_as_of(conn, table, version)
            continue
        if _since(table) > version:
            continue
        for col in table.columns:
            if _since(col) == version and version > 1:
                coltype = col.type.compile(dialect=dialect)
                conn.execute(text(f'ALTER TABLE {table.name} ADD COLUMN "{col.name}" {coltype}'))
        for index in table.indexes:
            if _since(index) == version and _since(table) < version:
                index.create(conn, checkfirst=True)  # one already there is kept


def _create_table_as_of(conn: Connection, table: Table, version: int) -> None:
    """Create ``table`` with only the columns and indexes it had at ``version``."""
    meta = MetaData()
    for other in schema.metadata.sorted_tables:  # referenced tables, for foreign keys
        if other is not table:
            Table(other.name, meta, *[Column(c.name, c.type, primary_key=c.primary_key)
                                      for c in other.columns if c.primary_key])
    cols = [c._copy() for c in table.columns if _since(c) <= version]
    names = {c.name for c in cols}
    constraints = [
        c._copy() for c in table.constraints
        if c.__class__.__name__ == "UniqueConstraint"
        and all(n in names for n in c.columns)  # type: ignore[attr-defined]
    ]
    copy = Table(table.name, meta, *cols, *constraints)
    copy.create(conn)
    for index in table.indexes:
        if _since(index) <= version:
            Index(index.name, *[copy.c[c.name] for c in index.columns]).create(conn)


@migration(1, "core tables: documents, entities, quotes, events, runs, failures, state")
def _v1(conn: Connection) -> None:
    add_schema_objects(conn, 1)


@migration(2, "near-duplicate detection: MinHash signatures and LSH bands")
def _v2(conn: Connection) -> None:
    add_schema_objects(conn, 2)
    # Backfill: documents stored before this version get signatures and bands too.
    docs = schema.documents
    rows = conn.execute(select(docs.c.id, docs.c.data)).all()
    for doc_id, data in rows:
        sig = signature_of(json.loads(data).get("article", {}).get("text") or "")
        conn.execute(docs.update().where(docs.c.id == doc_id)
                     .values(minhash=signature_bytes(sig)))
        conn.execute(schema.doc_bands.insert(), [
            {"band": b, "hash": h, "doc_id": doc_id} for b, h in band_hashes(sig)
        ])


_V3_INDEXES = {  # made by version 3, replaced by version 4
    "ix_events_pair_day": "source_code, target_code, day",
    "ix_events_target_day": "target_code, day",
    "ix_events_day": "day, cameo_root, quad_class, num_mentions",
}


@migration(3, "indexes for event queries by actor pair, day, CAMEO root and PLOVER type")
def _v3(conn: Connection) -> None:
    add_schema_objects(conn, 3)
    for name, columns in _V3_INDEXES.items():
        conn.execute(text(f"CREATE INDEX {name} ON events ({columns})"))


@migration(4, "country-level actor indexes; covering index for daily counts and dyads")
def _v4(conn: Connection) -> None:
    for name in _V3_INDEXES:
        conn.execute(text(f"DROP INDEX {name}"))
    add_schema_objects(conn, 4)


@migration(5, "covering indexes for daily counts by CAMEO root and actor-pair timelines")
def _v5(conn: Connection) -> None:
    add_schema_objects(conn, 5)


@migration(6, "event search indexes: actor country, newest first, CAMEO root in the index")
def _v6(conn: Connection) -> None:
    add_schema_objects(conn, 6)
    if conn.dialect.name == "sqlite" and inspect(conn).has_table("sqlite_stat1"):
        # A database analysed before (``ANALYZE``) has statistics for every other index;
        # without them for the new ones the planner misjudges them, so gather theirs.
        for index in schema.events.indexes:
            if _since(index) == 6:
                conn.exec_driver_sql(f"ANALYZE {index.name}")


LATEST = max(_MIGRATIONS)


def current_version(conn: Connection) -> int:
    """The highest applied migration (0 for an empty database)."""
    if not inspect(conn).has_table(schema.schema_migrations.name):
        return 0
    value = conn.execute(select(schema.schema_migrations.c.version)
                         .order_by(schema.schema_migrations.c.version.desc()).limit(1)).scalar()
    return int(value or 0)


_PG_MIGRATION_LOCK = 0x77777761  # advisory lock id: one migrator at a time per database


def migrate(engine: Engine, target: int | None = None) -> list[int]:
    """Apply pending migrations up to ``target`` (default ``LATEST``); the versions applied."""
    target = LATEST if target is None else target
    if target not in _MIGRATIONS and target != 0:
        raise MigrationError(f"no migration {target} (latest is {LATEST})",
                             origin=_safe_url(engine))
    applied: list[int] = []
    try:
        with writing(engine) as conn:
            if not is_sqlite(engine):
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            if not inspect(conn).has_table(schema.schema_migrations.name):
                schema.schema_migrations.create(conn)
        for version in sorted(v for v in _MIGRATIONS if v <= target):
            with writing(engine) as conn:
                if not is_sqlite(engine):
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"),
                                 {"k": _PG_MIGRATION_LOCK})
                if current_version(conn) >= version:
                    continue
                info = _MIGRATIONS[version]
                info.apply(conn)
                conn.execute(schema.schema_migrations.insert().values(
                    version=version, name=info.name,
                    applied_at=datetime.now(UTC).isoformat(timespec="seconds")))
                applied.append(version)
    except SQLAlchemyError as exc:
        orig = getattr(exc, "orig", None) or exc
        raise MigrationError(f"migration failed: {str(orig).splitlines()[0]}",
                             origin=_safe_url(engine)) from exc
    return applied


def _safe_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def migrations() -> list[MigrationInfo]:
    return [_MIGRATIONS[v] for v in sorted(_MIGRATIONS)]
