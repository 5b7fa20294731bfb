"""Read the commented, tab-separated tables in ``actors/data``.

Each file opens with ``#`` comment lines naming its sources, then a header row; lists inside a
column are separated by ``|``.  The files are meant to be read and edited by people.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from importlib import resources


def split_list(value: str | None) -> list[str]:
    """``"a|b| c"`` → ``["a", "b", "c"]`` (empty parts dropped)."""
    return [p.strip() for p in (value or "").split("|") if p.strip()]


def read_rows(lines: list[str]) -> Iterator[dict[str, str]]:
    """Rows of a commented, tab-separated table as dicts keyed by its header."""
    body = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(body, delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        yield {k: (v or "").strip() for k, v in row.items() if k}


def data_text(name: str) -> str:
    """The text of the built-in data file ``name``."""
    return resources.files("wirewatch.actors").joinpath("data", name).read_text("utf-8")


def data_rows(name: str) -> Iterator[dict[str, str]]:
    """Rows of the built-in data file ``name``."""
    yield from read_rows(data_text(name).splitlines())
