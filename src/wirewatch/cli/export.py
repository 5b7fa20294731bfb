"""``wirewatch export``: stream events to GDELT 2.0 TSV, CSV, JSONL or Parquet."""

from __future__ import annotations

from typing import Any

import click

from ._common import handle_errors
from .db import db_option
from .query import event_filter, event_filter_options


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["gdelt", "csv", "jsonl", "parquet"]),
              required=True, help="gdelt: the 61 GDELT 2.0 event columns, tab-separated.")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="Output file ('-' for stdout; Parquet needs a file).")
@event_filter_options
@handle_errors
def export(db_url: str, fmt: str, out: str, **filters: Any) -> None:
    """Export matching events (streamed: constant memory, any size)."""
    from ..store import open_store
    from ..store.export import export_events

    with open_store(db_url, create=False) as store:
        n = export_events(store, fmt, out, event_filter(filters))
    click.echo(f"wirewatch: wrote {n} {fmt} rows to {out}", err=True)


def register(group: click.Group) -> None:
    group.add_command(export)
