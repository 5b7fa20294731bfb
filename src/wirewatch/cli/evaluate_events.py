"""``wirewatch evaluate events --data DIR``: score the event coder on public gold data."""

from __future__ import annotations

import json

import click

from ._common import config_option, handle_errors, settings_from


@click.command("events")
@click.option("--data", "data_dir", required=True,
              type=click.Path(exists=True, file_okay=False),
              help="Folder holding petrarch2_unittest/ and/or plover_gsr/ (or its parent).")
@click.option("--limit", type=int, default=None, help="Score only the first N sentences of each.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown",
              show_default=True)
@config_option
@handle_errors
def evaluate_events(data_dir: str, limit: int | None, fmt: str, config_path: str | None) -> None:
    """Score events against PETRARCH-2's validation records and PLOVER's gold.

    Reports PETRARCH's correct/uncoded/extra percentages, micro P/R/F1 at full CAMEO code,
    root, quad class and PLOVER type, actor match at country and country+sector, and the
    false-event rate on sentences whose gold has no event, overall and per group.
    """
    from pathlib import Path

    from ..events.evaluate import evaluate_dir

    report = evaluate_dir(Path(data_dir), settings_from(config_path), limit)
    if fmt == "json":
        rows = {r.name: dict(zip(report.SUMMARY_HEADERS, row, strict=True))
                for r, row in zip(report.results, report.summary_rows(), strict=True)}
        click.echo(json.dumps(rows, indent=2, default=str))
    else:
        click.echo(report.markdown())


def register(group: click.Group) -> None:
    evaluate = group.commands.get("evaluate")
    if isinstance(evaluate, click.Group):
        evaluate.add_command(evaluate_events)
