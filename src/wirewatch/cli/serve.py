"""``wirewatch serve``: the API and dashboard over an event database."""

from __future__ import annotations

import os

import click

from ._common import config_option, handle_errors, settings_from
from .db import db_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind; the default serves this machine only.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token-env", metavar="NAME", default=None,
              help="Turn on POST /documents with the bearer token read from $NAME.")
@click.option("--max-body", "max_body", type=click.IntRange(1_000, 100_000_000), default=None,
              help="Largest POST /documents body in bytes (default 5 MB).")
@click.option("--cache-seconds", type=click.FloatRange(0, 3600), default=30.0,
              show_default=True, help="Reuse dashboard aggregates this long (0: never).")
@config_option
@handle_errors
def serve(db_url: str, host: str, port: int, token_env: str | None, max_body: int | None,
          cache_seconds: float, config_path: str | None) -> None:
    """Serve the dashboard (/), the JSON API (/api) and its docs (/docs) over --db."""
    import uvicorn

    from ..api import create_app
    from ..errors import ConfigError
    from ..store import open_store

    token = None
    if token_env:
        token = os.environ.get(token_env)
        if not token:
            raise ConfigError(f"${token_env} is empty or unset", origin="--token-env")
    settings = settings_from(config_path)
    store = open_store(db_url, create=False)
    app = create_app(store, settings, token=token, max_body_bytes=max_body,
                     cache_seconds=cache_seconds)
    where = f"http://{host}:{port}/"
    click.echo(f"wirewatch: serving {db_url} at {where} (API docs: {where}docs)", err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo("wirewatch: warning: bound beyond this machine; anyone who can reach "
                   f"{host} can read the database", err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        store.close()


def register(group: click.Group) -> None:
    group.add_command(serve)
