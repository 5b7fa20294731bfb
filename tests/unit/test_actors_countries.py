"""The one country list: read without the knowledge base, and coded by it as the country."""

from __future__ import annotations

import re

from wirewatch.actors import builtin_kb
from wirewatch.actors.countries import load_countries, parse_countries

KB = builtin_kb()


def test_table_parses_every_column() -> None:
    text = ("# a comment\n"
            "iso3\tname\taliases\tdemonyms\tcapitals\tparts\tpart_demonyms\n"
            "GBR\tUnited Kingdom\tUK| Britain\tBritish\tLondon\tScotland\tScottish\n"
            "ATA\tAntarctica\n")
    rows = parse_countries(text)
    uk = rows["GBR"]
    assert uk.place_names == ("United Kingdom", "UK", "Britain")
    assert (uk.demonyms, uk.capitals) == (("British",), ("London",))
    assert (uk.parts, uk.part_demonyms) == (("Scotland",), ("Scottish",))
    assert rows["ATA"].aliases == () and rows["ATA"].parts == ()


def test_builtin_list_is_complete_and_read_only() -> None:
    countries = load_countries()
    assert len(countries) >= 240
    assert all(re.fullmatch(r"[A-Z]{3}", iso) and c.iso3 == iso and c.name
               for iso, c in countries.items())
    assert "DPRK" in countries["PRK"].aliases
    assert load_countries() is countries
    assert not hasattr(countries, "__setitem__")


def test_every_listed_name_codes_as_its_country() -> None:
    for c in load_countries().values():
        for name in (*c.place_names, *c.parts, *c.capitals):
            assert KB.country(name) is not None, (c.iso3, name)
    # former and short names that only the geo package used to know
    assert KB.country("Soviet Union") == "RUS"
    assert KB.country("Burma") == "MMR"
    assert KB.country("Zaire") == "COD"
    assert KB.country("Filipina") == "PHL"
    assert KB.country("S. Korea") == "KOR"


def test_parts_and_their_demonyms_code_as_the_country() -> None:
    assert KB.country("Scotland") == "GBR"
    assert KB.country("Gaza") == "PSE"
    assert KB.is_demonym("Welsh")
    assert KB.match("Scottish ministers").code == "GBRGOV"  # type: ignore[union-attr]
