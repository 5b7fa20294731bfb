"""``wirewatch serve``: the API and dashboard over an event database."""

from __future__ import annotations

import json
import os
from typing import Any

import click

from ._common import config_option, handle_errors, settings_from
from .db import db_option

WORKERS_ENV = "WIREWATCH_SERVE_ARGS"
"""With ``--workers`` above 1, the options reach each worker process as JSON in this
variable (the token itself stays in the variable ``--token-env`` names)."""


def _token(token_env: str | None) -> str | None:
    from ..errors import ConfigError

    if not token_env:
        return None
    token = os.environ.get(token_env)
    if not token:
        raise ConfigError(f"${token_env} is empty or unset", origin="--token-env")
    return token


def _app(db_url: str, token_env: str | None, max_body: int | None, cache_seconds: float,
         config_path: str | None) -> Any:
    from ..api import create_app
    from ..store import open_store

    store = open_store(db_url, create=False)
    return create_app(store, settings_from(config_path), token=_token(token_env),
                      max_body_bytes=max_body, cache_seconds=cache_seconds)


def app_from_env() -> Any:
    """The app of one ``--workers`` process, from the options in ``$WIREWATCH_SERVE_ARGS``."""
    return _app(**json.loads(os.environ[WORKERS_ENV]))


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
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes; each keeps its own connections and aggregate cache.")
@config_option
@handle_errors
def serve(db_url: str, host: str, port: int, token_env: str | None, max_body: int | None,
          cache_seconds: float, workers: int, config_path: str | None) -> None:
    """Serve the dashboard (/), the JSON API (/api) and its docs (/docs) over --db."""
    import uvicorn

    app = _app(db_url, token_env, max_body, cache_seconds, config_path)  # fails early
    where = f"http://{host}:{port}/"
    more = f", {workers} worker processes" if workers > 1 else ""
    click.echo(f"wirewatch: serving {db_url} at {where} (API docs: {where}docs{more})",
               err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo("wirewatch: warning: bound beyond this machine; anyone who can reach "
                   f"{host} can read the database", err=True)
    store = app.state.service.store
    try:
        if workers == 1:
            uvicorn.run(app, host=host, port=port, log_level="warning")
        else:
            store.close()
            os.environ[WORKERS_ENV] = json.dumps({
                "db_url": db_url, "token_env": token_env, "max_body": max_body,
                "cache_seconds": cache_seconds, "config_path": config_path})
            uvicorn.run("wirewatch.cli.serve:app_from_env", factory=True, workers=workers,
                        host=host, port=port, log_level="warning")
    finally:
        store.close()


def register(group: click.Group) -> None:
    group.add_command(serve)
