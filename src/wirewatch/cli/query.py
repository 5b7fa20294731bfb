"""``wirewatch events|quotes|actors``: read the event database."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from ._common import handle_errors
from .db import db_option

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("table", "csv", "jsonl")


def event_filter_options(func: F) -> F:
    """The event filters shared by ``events``, ``actors`` and ``export``."""
    options = [
        click.option("--actor", help="Either side's CAMEO code starts with this (PRK, RUSMIL)."),
        click.option("--source", help="Source actor code prefix."),
        click.option("--target", help="Target actor code prefix."),
        click.option("--root", multiple=True, help="CAMEO root code (repeatable): 19."),
        click.option("--cameo", help="CAMEO event code prefix: 190."),
        click.option("--plover", help="PLOVER event type: ASSAULT."),
        click.option("--since", help="First day, YYYY-MM-DD (or YYYY-MM)."),
        click.option("--until", help="Last day, YYYY-MM-DD."),
        click.option("--country", help="ISO alpha-3 country of the event's place."),
        click.option("--min-mentions", type=int, help="At least this many mentions."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def event_filter(kw: dict[str, Any]) -> Any:
    from ..store import EventFilter

    return EventFilter(
        actor=kw.get("actor"), source=kw.get("source"), target=kw.get("target"),
        root=tuple(kw.get("root") or ()) or None, cameo=kw.get("cameo"),
        plover=kw.get("plover"), since=kw.get("since"), until=kw.get("until"),
        country=kw.get("country"), min_mentions=kw.get("min_mentions"),
    )


def format_option(func: F) -> F:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
                        show_default=True)(func)


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str) -> None:
    """Print ``rows`` as an aligned table, CSV (``columns``) or JSON lines (all fields)."""
    out = sys.stdout
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(r.get(c)) for c in columns] for r in rows])
        return
    cells = [[_cell(r.get(c), 48) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip() + "\n")
    for row in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() + "\n")
    if not rows:
        click.echo("(no rows)", err=True)


def _cell(value: Any, width: int | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "+".join(v.get("code") or v.get("name") or "" if isinstance(v, dict) else str(v)
                         for v in value)
    text = " ".join(str(value).split())
    if width and len(text) > width:
        text = text[: width - 1] + "…"
    return text


EVENT_COLUMNS = ("id", "date", "source_actors", "cameo", "target_actors", "plover_type",
                 "goldstein", "loc_name", "num_mentions", "num_sources", "num_articles",
                 "source_url")


@click.command()
@db_option
@event_filter_options
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--offset", type=int, default=0)
@click.option("--mentions", is_flag=True, help="JSONL: include each event's mention list.")
@format_option
@handle_errors
def events(db_url: str, limit: int, offset: int, mentions: bool, fmt: str,
           **filters: Any) -> None:
    """Deduplicated events, newest first."""
    from ..store import open_store

    with open_store(db_url, create=False) as store:
        page = store.query_events(event_filter(filters), limit=limit, offset=offset)
        rows = page.rows
        if mentions:
            rows = [{**r, "mentions": store.event_mentions(r["id"])} for r in rows]
    emit(rows, EVENT_COLUMNS, fmt)


QUOTE_COLUMNS = ("date", "speaker_name", "speaker_code", "kind", "cue", "text", "outlet", "url")


@click.command()
@db_option
@click.option("--speaker", help="Speaker code prefix or part of the name.")
@click.option("--contains", help="Quote text contains this.")
@click.option("--outlet", help="Outlet name.")
@click.option("--kind", help="direct, partial, mixed or indirect.")
@click.option("--since", help="First day, YYYY-MM-DD.")
@click.option("--until", help="Last day, YYYY-MM-DD.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--offset", type=int, default=0)
@format_option
@handle_errors
def quotes(db_url: str, speaker: str | None, contains: str | None, outlet: str | None,
           kind: str | None, since: str | None, until: str | None, limit: int, offset: int,
           fmt: str) -> None:
    """Attributed quotes, newest first."""
    from ..store import QuoteFilter, open_store

    f = QuoteFilter(speaker=speaker, contains=contains, outlet=outlet, since=since,
                    until=until, kind=kind)
    with open_store(db_url, create=False) as store:
        rows = store.query_quotes(f, limit=limit, offset=offset)
    emit(rows, QUOTE_COLUMNS, fmt)


ACTOR_COLUMNS = ("actor_code", "name", "events", "as_source", "as_target")


@click.command()
@db_option
@event_filter_options
@click.option("--limit", type=int, default=50, show_default=True)
@format_option
@handle_errors
def actors(db_url: str, limit: int, fmt: str, **filters: Any) -> None:
    """Actors of matching events, most active first."""
    from ..store import open_store

    with open_store(db_url, create=False) as store:
        rows = store.query_actors(event_filter(filters), limit=limit)
    emit(rows, ACTOR_COLUMNS, fmt)


def register(group: click.Group) -> None:
    for command in (events, quotes, actors):
        group.add_command(command)
