"""The gazetteer takes country names from the actors' list and keys its cache on it."""

from __future__ import annotations

import pytest

from wirewatch.actors.countries import load_countries
from wirewatch.geo import gazetteer
from wirewatch.geo.gazetteer import DATA_DIR, load_gazetteer


def test_every_name_and_alias_finds_its_country() -> None:
    gaz = load_gazetteer()
    for c in load_countries().values():
        if c.iso3 not in gaz.countries:
            continue  # a territory GeoNames does not list as a country
        for name in c.place_names:
            found = {(p.feature, p.country) for p in gaz.lookup(name)}
            assert ("PCLI", c.iso3) in found, (c.iso3, name)


def test_demonyms_are_context_not_places() -> None:
    gaz = load_gazetteer()
    assert {"russian", "north korean", "filipina", "persian"} <= gaz.demonyms
    assert "PHL" in {p.country for p in gaz.lookup("Filipinos")}
    assert "us" not in gaz.demonyms  # "U.S." is listed as an adjective, but is a name first


def test_parts_are_places_of_their_own() -> None:
    gaz = load_gazetteer()
    assert all(p.feature != "PCLI" for p in gaz.lookup("Scotland"))
    assert any(p.feature == "RGN" and p.country == "PSE" for p in gaz.lookup("West Bank"))
    assert "english" not in gaz.demonyms  # "English classes" says nothing of the UK


def test_geo_country_file_holds_only_coordinates() -> None:
    known = load_countries()
    for line in (DATA_DIR / "countries.tsv").read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        iso3, lat, lon = line.split("\t")
        assert iso3 in known, iso3
        assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180, line
    assert not (DATA_DIR / "demonyms.tsv").exists()


def test_cache_key_changes_with_the_country_list(monkeypatch: pytest.MonkeyPatch) -> None:
    before = gazetteer._fingerprint()
    assert gazetteer._fingerprint() == before
    text = gazetteer.countries_text()
    monkeypatch.setattr(gazetteer, "countries_text", lambda: text + "XXA\tAtlantis\n")
    assert gazetteer._fingerprint() != before
