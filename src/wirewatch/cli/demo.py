"""``wirewatch demo``: the bundled corpus into SQLite, a summary, then the dashboard."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import click

from ._common import config_option, handle_errors, settings_from


def demo_batch(path: Path) -> int:
    """Write the demo corpus as an ``extract --batch`` JSONL file; return how many lines.

    Only what a crawler would know travels with a page (URL, outlet, and for scraped text the
    feed's date); titles, authors and everything else come from extraction.
    """
    from ..demo import CORPUS_DIR, manifest

    entries = manifest()
    with path.open("w", encoding="utf-8") as out:
        for entry in entries:
            content = (CORPUS_DIR / entry["file"]).read_text(encoding="utf-8")
            rec: dict[str, Any] = {"id": entry["id"], entry["kind"]: content,
                                   "url": entry["url"], "outlet": entry["outlet"]}
            if entry["kind"] == "text":
                rec["published"] = entry["published"]
                rec["published_source"] = "feed"
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return len(entries)


def print_summary(store: Any) -> None:
    """What the demo found: counts, the busiest actors and pairs, and some events."""
    from ..store import EventFilter

    stats = store.stats()
    counts = stats.get("counts", stats)
    click.echo("\nIn the database:")
    for key in ("documents", "entities", "quotes", "event_mentions", "events"):
        if key in counts:
            click.echo(f"  {key.replace('_', ' '):<15} {counts[key]:>6,}")
    actors = store.query_actors(EventFilter(), limit=8)
    if actors:
        click.echo("\nMost active actors:")
        for row in actors:
            click.echo(f"  {row['actor_code']!s:<10} {row['events']:>5} events  "
                       f"{row.get('name') or ''}")
    dyads = store.dyads(EventFilter(), limit=6)
    if dyads:
        click.echo("\nBusiest actor pairs (source → target):")
        for row in dyads:
            tone = row.get("mean_goldstein")
            tone_text = f"  mean Goldstein {tone:+.1f}" if tone is not None else ""
            click.echo(f"  {row['source_code']!s:>8} → {row['target_code']!s:<8} "
                       f"{row['events']:>4} events{tone_text}")
    page = store.query_events(EventFilter(), limit=12)
    if page.rows:
        click.echo("\nLatest events:")
        for ev in page.rows:
            click.echo(
                f"  {ev.get('date') or '?':<10} {ev.get('source_code') or '-':>8} "
                f"{ev.get('cameo')!s:<4} {ev.get('target_code') or '-':<8} "
                f"[{ev.get('modality')}] mentions={ev.get('num_mentions')}"
            )


@click.command()
@click.option("--db", "db_url", default="sqlite:///wirewatch-demo.db", show_default=True,
              help="Database to fill (it is kept; rerunning adds nothing new).")
@click.option("--serve/--no-serve", default=True, show_default=True,
              help="Open the dashboard afterwards.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@config_option
@handle_errors
@click.pass_context
def demo(ctx: click.Context, db_url: str, serve: bool, host: str, port: int,
         config_path: str | None) -> None:
    """Process the bundled demo corpus into SQLite, print a summary, serve the dashboard."""
    from ..scale.run import run_ingest
    from ..store import open_store

    settings = settings_from(config_path)
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "demo.jsonl"
        n = demo_batch(batch)
        click.echo(f"wirewatch demo: {n} bundled articles → {db_url}")
        with open_store(db_url) as store:
            summary = run_ingest([str(batch)], settings, store)
            for line in summary.lines():
                click.echo(line)
            print_summary(store)
    if serve:
        from .serve import serve as serve_command

        click.echo("\nDashboard: press Ctrl-C to stop.")
        ctx.invoke(serve_command, db_url=db_url, host=host, port=port,
                   config_path=config_path)


def register(group: click.Group) -> None:
    group.add_command(demo)
