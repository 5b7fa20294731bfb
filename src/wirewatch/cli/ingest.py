"""``wirewatch ingest``: inputs of any kind -> pipeline -> the event database."""

from __future__ import annotations

import json

import click

from ._common import config_option, handle_errors, settings_from
from .db import db_option


@click.command()
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option("--batch", "batches", multiple=True, type=click.Path(dir_okay=False),
              help="JSONL file of {id, html|text, url?, published?, outlet?} (repeatable).")
@db_option
@click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Worker processes (one model load each).")
@click.option("--include", multiple=True, metavar="GLOB",
              help="Only files under folders matching GLOB (repeatable), e.g. '*.html'.")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Skip files under folders matching GLOB (repeatable).")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local",
              show_default=True, help="Process locally or on Apache Spark.")
@click.option("--spark-master", default="local[*]", show_default=True,
              help="Spark master URL for --engine spark.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@config_option
@handle_errors
def ingest(
    inputs: tuple[str, ...], batches: tuple[str, ...], db_url: str, workers: int,
    include: tuple[str, ...], exclude: tuple[str, ...], engine: str, spark_master: str,
    as_json: bool, config_path: str | None,
) -> None:
    """Ingest INPUTs into the database and print a summary.

    An INPUT is a file (.html/.htm/.txt, gzip or not), a folder, a WARC (.warc[.gz]),
    a JSONL batch, a feed file (.rss/.atom/.xml), a URL list (.urls or a text file of
    URLs), or a URL (page or feed).  Inputs the database already has are skipped, so an
    interrupted run can simply be started again.
    """
    from ..scale.run import run_ingest
    from ..store import open_store

    specs = [*inputs, *batches]
    if not specs:
        raise click.UsageError("give at least one INPUT or --batch FILE")
    settings = settings_from(config_path)
    with open_store(db_url) as store:
        summary = run_ingest(specs, settings, store, workers=workers, include=include,
                             exclude=exclude, engine=engine, spark_master=spark_master)
    if as_json:
        stored = summary.stored.as_dict() if summary.stored is not None else {}
        click.echo(json.dumps({
            "processed": summary.processed, "seconds": round(summary.seconds, 3),
            "skipped": dict(summary.skipped), "failed": dict(summary.failed), "store": stored,
        }, ensure_ascii=False))
        return
    for line in summary.lines():
        click.echo(line)
    failures = getattr(summary.stored, "failures", None) or []
    for doc_id, error in failures[:10]:
        click.echo(f"  - {doc_id}: {error}")
    if len(failures) > 10:
        click.echo(f"  … and {len(failures) - 10:,} more (see the failures table)")


def register(group: click.Group) -> None:
    group.add_command(ingest)
