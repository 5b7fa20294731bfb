"""``wirewatch evaluate``: score wirewatch against public gold data.

Subcommands live in ``cli/evaluate_*.py`` modules, each adding itself to this group.
"""

from __future__ import annotations

import click


@click.group()
def evaluate() -> None:
    """Score a stage against gold data (events, quotes, geo, extraction)."""


def register(group: click.Group) -> None:
    group.add_command(evaluate)
