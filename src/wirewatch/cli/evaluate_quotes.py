"""``wirewatch evaluate quotes``: score quote attribution on PolNeAR (brat standoff)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ._common import config_option, handle_errors, settings_from


def render_scores(scores: dict[str, dict[str, Any]]) -> str:
    """A plain-text table of ``scoring.evaluate`` results, one row per system."""
    lines = [
        f"{'system':<10} {'gold':>5} {'pred':>5}  {'exact P/R/F1':<17}  {'overlap P/R/F1':<17}"
        f"  {'speaker':>7} {'cue':>6}"
    ]
    for system, s in scores.items():
        exact = "/".join(f"{s['exact'][k]:.3f}" for k in ("p", "r", "f1"))
        overlap = "/".join(f"{s['overlap'][k]:.3f}" for k in ("p", "r", "f1"))
        lines.append(
            f"{system:<10} {s['gold']:>5} {s['pred']:>5}  {exact}  {overlap}"
            f"  {s['speaker_accuracy']:>7.3f} {s['cue_accuracy']:>6.3f}"
        )
    lines.append("")
    lines.append("overlap recall by gold kind (gold count):")
    for system, s in scores.items():
        cells = [f"{k} {v['r']:.3f} ({v['gold']})" for k, v in s["kinds"].items()]
        lines.append(f"  {system:<10} " + "   ".join(cells))
    return "\n".join(lines)


@click.command("quotes")
@click.option("--data", "data_dir", required=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="PolNeAR folder holding train/ and dev/ (text/ and attributions/).")
@click.option("--split", type=click.Choice(["dev", "train"]), default="dev", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Score only the first N articles.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@config_option
@handle_errors
def quotes(data_dir: Path, split: str, limit: int | None, fmt: str,
           config_path: str | None) -> None:
    """Score quote attribution (and a quote-marks baseline) on PolNeAR gold data."""
    from ..nlp import load_model
    from ..quotes.brat import read_split
    from ..quotes.scoring import evaluate

    settings = settings_from(config_path)
    articles = read_split(data_dir, split, limit)
    scores = evaluate(articles, load_model(settings.model))
    if fmt == "json":
        click.echo(json.dumps({"split": split, "articles": len(articles), **scores}, indent=2))
    else:
        click.echo(f"PolNeAR {split}: {len(articles)} articles")
        click.echo(render_scores(scores))


def register(group: click.Group) -> None:
    evaluate = group.commands["evaluate"]
    assert isinstance(evaluate, click.Group)
    evaluate.add_command(quotes)
