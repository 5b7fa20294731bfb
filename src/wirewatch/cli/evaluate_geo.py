"""``wirewatch evaluate geo --data DIR``: toponym resolution on LGL / TR-News style XML."""

from __future__ import annotations

import json
import math

import click

from ._common import handle_errors

METRICS = ("toponyms", "accuracy", "in_gazetteer", "resolved", "acc@161km", "mean_km", "median_km")


def format_table(results: dict[str, dict[str, dict[str, float]]]) -> str:
    """A plain-text table: one row per corpus and system."""
    header = f"{'corpus':<12} {'system':<26}" + "".join(f"{m:>13}" for m in METRICS)
    lines = [header, "-" * len(header)]
    for corpus, systems in results.items():
        for system, metrics in systems.items():
            cells = []
            for m in METRICS:
                v = metrics[m]
                if m == "toponyms":
                    cells.append(f"{int(v):>13d}")
                elif math.isnan(v):
                    cells.append(f"{'-':>13}")
                else:
                    cells.append(f"{v:>13.1f}" if m.endswith("_km") else f"{v:>13.3f}")
            lines.append(f"{corpus:<12} {system:<26}" + "".join(cells))
    return "\n".join(lines)


@click.command("geo")
@click.option("--data", "data", required=True, type=click.Path(exists=True),
              help="A geoparsing XML file or a folder of them (LGL, TR-News format).")
@click.option("--limit", type=int, default=None, help="Score only the first N articles per file.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@handle_errors
def evaluate_geo(data: str, limit: int | None, fmt: str) -> None:
    """Accuracy of resolved GeoNames ids and distance error, next to a population baseline."""
    from pathlib import Path

    from ..geo.evaluate import evaluate

    results = evaluate(Path(data), limit)
    if fmt == "json":
        click.echo(json.dumps(results, indent=2))
    else:
        click.echo(format_table(results))


def register(group: click.Group) -> None:
    evaluate = group.commands.get("evaluate")
    if isinstance(evaluate, click.Group):
        evaluate.add_command(evaluate_geo)
