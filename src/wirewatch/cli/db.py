"""``wirewatch db init|migrate|stats``: create, upgrade and describe the event database."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ._common import handle_errors

F = TypeVar("F", bound=Callable[..., Any])

DB_ENV = "WIREWATCH_DB"


def default_db() -> str:
    return os.environ.get(DB_ENV) or "sqlite:///wirewatch.db"


def db_option(func: F) -> F:
    """``--db URL``: ``sqlite:///PATH`` or ``postgresql://user@host:port/db``."""
    return click.option(
        "--db", "db_url", default=default_db, show_default=f"${DB_ENV} or sqlite:///wirewatch.db",
        help="Database URL: sqlite:///PATH or postgresql://user@host:5432/db.",
    )(func)


@click.group()
def db() -> None:
    """Create, upgrade and describe the event database."""


@db.command("init")
@db_option
@handle_errors
def init(db_url: str) -> None:
    """Create the database schema (or bring an existing one up to date)."""
    from ..store import open_store

    with open_store(db_url) as store:
        click.echo(f"{store.url}: schema version {store.schema_version()}")


@db.command("migrate")
@db_option
@click.option("--to", "target", type=int, default=None, help="Stop at this version.")
@handle_errors
def migrate_cmd(db_url: str, target: int | None) -> None:
    """Apply pending schema migrations, in order, in place."""
    from ..store import make_engine, migrate
    from ..store.migrations import current_version, migrations

    engine = make_engine(db_url)
    try:
        applied = migrate(engine, target)
        with engine.connect() as conn:
            version = current_version(conn)
    finally:
        engine.dispose()
    names = {m.version: m.name for m in migrations()}
    for v in applied:
        click.echo(f"applied {v}: {names[v]}")
    click.echo(f"schema version {version}" + ("" if applied else " (up to date)"))


@db.command("stats")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def stats(db_url: str, as_json: bool) -> None:
    """Row counts per table and the schema version."""
    from ..store import open_store

    with open_store(db_url, create=False, migrate_schema=False) as store:
        data = store.stats()
    if as_json:
        click.echo(json.dumps(data, indent=2))
        return
    width = max(len(k) for k in data)
    for key, value in data.items():
        click.echo(f"{key.ljust(width)}  {value}")


def register(group: click.Group) -> None:
    group.add_command(db)
