"""Options and error handling shared by commands."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..config import Settings, load_settings
from ..errors import WirewatchError

F = TypeVar("F", bound=Callable[..., Any])


def config_option(func: F) -> F:
    """``--config FILE``: a YAML settings file (also ``$WIREWATCH_CONFIG``)."""
    return click.option(
        "--config", "config_path", type=click.Path(dir_okay=False), default=None,
        help="YAML settings file (default: $WIREWATCH_CONFIG).",
    )(func)


def settings_from(config_path: str | None, **overrides: Any) -> Settings:
    return load_settings(config_path, **overrides)


def fail(message: str, code: int = 1) -> None:
    """Print one line to stderr and exit non-zero."""
    click.echo(f"wirewatch: error: {message}", err=True)
    sys.exit(code)


def handle_errors(func: F) -> F:
    """Turn ``WirewatchError`` (and OS errors) into one line on stderr and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except WirewatchError as exc:
            fail(str(exc))
        except BrokenPipeError:
            sys.exit(0)
        except OSError as exc:
            fail(f"{getattr(exc, 'filename', None) or ''}: {exc.strerror or exc}".lstrip(": "))

    return wrapper  # type: ignore[return-value]
