"""``wirewatch watch``: poll RSS/Atom feeds and ingest their new items."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import click

from ._common import config_option, handle_errors, settings_from
from .db import db_option


@click.command()
@click.argument("feeds", nargs=-1, required=True, metavar="FEED...")
@click.option("--interval", default="15m", show_default=True,
              help="Time between polls: 30s, 15m, 1h…")
@db_option
@click.option("--once", is_flag=True, help="Poll once and exit (for cron and tests).")
@click.option("--json", "as_json", is_flag=True, help="Print totals as JSON when done.")
@config_option
@handle_errors
def watch(feeds: tuple[str, ...], interval: str, db_url: str, once: bool, as_json: bool,
          config_path: str | None) -> None:
    """Poll each FEED URL every --interval and store the articles of new items.

    Seen items are remembered in the database, so restarting does not re-ingest them;
    a feed that is down is reported and the others go on.  Stop with Ctrl-C.
    """
    from ..ingest.fetch import check_url
    from ..ingest.watch import FeedWatcher, describe, parse_interval
    from ..store import open_store

    seconds = parse_interval(interval)
    for feed in feeds:
        check_url(feed)
    settings = settings_from(config_path)

    def log(line: str) -> None:
        click.echo(f"{datetime.now(UTC):%Y-%m-%dT%H:%M:%SZ} {line}", err=True)

    with open_store(db_url) as store:
        watcher = FeedWatcher(feeds, settings, store, log=log)
        try:
            results = watcher.run(seconds, once=once)
        except KeyboardInterrupt:
            log("stopped")
            return
        finally:
            watcher.close()
    if as_json:
        click.echo(json.dumps(describe(results)))


def register(group: click.Group) -> None:
    group.add_command(watch)
