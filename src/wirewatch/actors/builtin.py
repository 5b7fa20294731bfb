"""Load the built-in knowledge base from the tab-separated files in ``actors/data``.

The file formats are described in ``wirewatch.actors.tables``; the countries file, which the
geo gazetteer shares, is read by ``wirewatch.actors.countries``.
"""

from __future__ import annotations

from .countries import load_countries
from .kb import Entry, KnowledgeBase
from .tables import data_rows, read_rows, split_list

__all__ = ["data_rows", "load_builtin", "read_rows", "split_list"]


def load_builtin(kb: KnowledgeBase) -> KnowledgeBase:
    """Fill ``kb`` with the built-in countries, organisations, agents and office holders."""
    for c in load_countries().values():
        kb.add_country(c.iso3, c.name, (*c.aliases, *c.parts), (*c.demonyms, *c.part_demonyms),
                       c.capitals)
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
