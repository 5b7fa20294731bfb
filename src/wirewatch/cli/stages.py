"""``wirewatch stages``: the registered stages, their versions, and the default pipeline."""

from __future__ import annotations

import click

from ._common import config_option, handle_errors, settings_from


@click.command()
@config_option
@handle_errors
def stages(config_path: str | None) -> None:
    """List registered pipeline stages; `*` marks those the configured pipeline runs."""
    from .. import registry

    settings = settings_from(config_path)
    active = {registry.get(n).full_name for n in settings.pipeline}
    for info in registry.registered():
        mark = "*" if info.full_name in active else " "
        assigns = ", ".join(info.assigns) or "-"
        click.echo(f"{mark} {info.full_name:<28} assigns: {assigns}")


def register(group: click.Group) -> None:
    group.add_command(stages)
