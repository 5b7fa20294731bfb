"""Load the built-in knowledge base from the tab-separated files in ``actors/data``.

Each file opens with ``#`` comment lines naming its sources, then a header row; lists inside a
column are separated by ``|``.  The files are meant to be read and edited by people.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from importlib import resources

from .kb import Entry, KnowledgeBase


def split_list(value: str | None) -> list[str]:
    """``"a|b| c"`` → ``["a", "b", "c"]`` (empty parts dropped)."""
    return [p.strip() for p in (value or "").split("|") if p.strip()]


def read_rows(lines: list[str]) -> Iterator[dict[str, str]]:
    """Rows of a commented, tab-separated table as dicts keyed by its header."""
    body = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(body, delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        yield {k: (v or "").strip() for k, v in row.items() if k}


def data_rows(name: str) -> Iterator[dict[str, str]]:
    """Rows of the built-in data file ``name``."""
    text = resources.files("wirewatch.actors").joinpath("data", name).read_text("utf-8")
    yield from read_rows(text.splitlines())


def load_builtin(kb: KnowledgeBase) -> KnowledgeBase:
    """Fill ``kb`` with the built-in countries, organisations, agents and office holders."""
    for row in data_rows("countries.tsv"):
        kb.add_country(row["iso3"], row["name"], split_list(row["aliases"]),
                       split_list(row["demonyms"]), split_list(row["capitals"]))
    for row in data_rows("organizations.tsv"):
        kind = "igo" if row["kind"] == "igo" else "org"
        kb.add(Entry(row["name"], kind, code=row["code"]), split_list(row["aliases"]))
    for row in data_rows("national_bodies.tsv"):
        kb.add(Entry(row["name"], row["kind"] or "org", row["country"] or None,
                     row["sector"] or None), split_list(row["aliases"]))
    igo_codes = {row["code"] for row in data_rows("organizations.tsv")}
    for row in data_rows("people.tsv"):
        where = row["country"]
        in_igo = where in igo_codes
        kb.add(Entry(row["name"], "person", None if in_igo else where,
                     row["sector"] or None, where if in_igo else None, row["role"] or None,
                     row["start"] or None, row["end"] or None), split_list(row["aliases"]))
    for row in data_rows("org_name_words.tsv"):
        kb.add_org_word(row["word"], row["sector"])
    for row in data_rows("agents.tsv"):
        kb.add_agent(row["phrase"], row["sector"] or None, row["role"] or None)
    return kb
