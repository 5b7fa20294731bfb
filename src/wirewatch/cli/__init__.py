"""The ``wirewatch`` command line: a thin layer over library calls.

Each module in this package that defines ``register(group)`` adds its commands; modules
import heavy dependencies inside their commands so ``wirewatch --help`` stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wirewatch")
def main() -> None:
    """Turn news into event data: articles, actors, quotes and events, with provenance."""


def _register_all() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(main)


_register_all()

__all__ = ["main"]
