"""``wirewatch spark`` (process a manifest on Spark to Parquet) and ``wirewatch load``."""

from __future__ import annotations

import json

import click

from ._common import config_option, handle_errors, settings_from
from .db import db_option


@click.command()
@click.argument("manifest", type=click.Path(dir_okay=False, exists=True))
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="Parquet folder to write (replaced if it exists).")
@click.option("--master", default="local[*]", show_default=True,
              help="Spark master URL (local[N], spark://host:7077, yarn…).")
@config_option
@handle_errors
def spark(manifest: str, out: str, master: str, config_path: str | None) -> None:
    """Process the inputs listed in MANIFEST (one a line) on Spark, writing Parquet to --out.

    Each input (file, folder, WARC, JSONL or URL) is one task; a record that fails is a
    row with an error, not a failed job.  Then: wirewatch load OUT --db URL.
    """
    from ..scale.spark import read_manifest, run_spark_job

    settings = settings_from(config_path)
    run = run_spark_job(read_manifest(manifest), out, settings, master=master)
    click.echo(json.dumps({"out": run.out, "inputs": run.inputs, "documents": run.documents,
                           "failures": run.failures}))


@click.command()
@click.argument("parquet_dir", metavar="PARQUET_DIR", type=click.Path(file_okay=False))
@db_option
@handle_errors
def load(parquet_dir: str, db_url: str) -> None:
    """Load the Parquet output of `wirewatch spark` into the database."""
    from ..scale.spark import load_parquet, parquet_stages
    from ..store import open_store

    with open_store(db_url) as store:
        summary = store.add_documents(load_parquet(parquet_dir),
                                      run_stages=parquet_stages(parquet_dir) or ())
    click.echo(json.dumps({k: v for k, v in summary.as_dict().items() if k != "failures"}))


def register(group: click.Group) -> None:
    group.add_command(spark)
    group.add_command(load)
