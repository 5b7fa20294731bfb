"""Country names, aliases, demonyms and capitals: the one list wirewatch keeps of them.

``actors/data/countries.tsv`` is the single source of truth.  The actor knowledge base codes
every name in it as the country (``"North Korean"`` → ``PRK``, ``"Scotland"`` → ``GBR``); the
geo gazetteer indexes the names and aliases as place names of the country and the demonyms as
its adjectives (not the parts and their demonyms), and takes only coordinates from its own
files.  ``load_countries()`` reads the file without building the knowledge base, so the
gazetteer does not pay for it.

    load_countries()["PRK"].aliases     # ("DPRK", "D.P.R.K.", ...)
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .tables import data_text, read_rows, split_list

COUNTRIES_FILE = "countries.tsv"


@dataclass(frozen=True, slots=True)
class CountryNames:
    """What the countries file says of one country or territory."""

    iso3: str
    """ISO 3166-1 alpha-3."""
    name: str
    """English short name."""
    aliases: tuple[str, ...] = ()
    """Other names of the whole country ("DPRK", "Burma", "Soviet Union")."""
    demonyms: tuple[str, ...] = ()
    """Demonyms and national adjectives ("North Korean", "Filipinos")."""
    capitals: tuple[str, ...] = ()
    """Capitals or seats of government (coded as the country's government)."""
    parts: tuple[str, ...] = ()
    """Parts whose name stands for the country as an actor ("Gaza", "Scotland") but that
    are places of their own to the gazetteer (listed in ``geo/data/regions.tsv``)."""
    part_demonyms: tuple[str, ...] = ()
    """The parts' demonyms ("Scottish"): the country as an actor, not as a place."""

    @property
    def place_names(self) -> tuple[str, ...]:
        """The names that denote the country itself as a place: its name and aliases."""
        return (self.name, *self.aliases)


def countries_text() -> str:
    """The raw text of the countries file (caches built from it hash this)."""
    return data_text(COUNTRIES_FILE)


def parse_countries(text: str) -> dict[str, CountryNames]:
    """ISO3 → ``CountryNames`` for every row of a countries table in ``text``."""
    out: dict[str, CountryNames] = {}
    for row in read_rows(text.splitlines()):
        iso3 = row["iso3"]
        out[iso3] = CountryNames(
            iso3, row["name"], tuple(split_list(row.get("aliases"))),
            tuple(split_list(row.get("demonyms"))), tuple(split_list(row.get("capitals"))),
            tuple(split_list(row.get("parts"))), tuple(split_list(row.get("part_demonyms"))))
    return out


@functools.lru_cache(maxsize=1)
def load_countries() -> Mapping[str, CountryNames]:
    """The built-in countries by ISO3 (read once per process)."""
    return MappingProxyType(parse_countries(countries_text()))
