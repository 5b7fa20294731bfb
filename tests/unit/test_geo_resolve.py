"""Gazetteer lookups and place resolution in context (no model needed)."""

from __future__ import annotations

import pytest

from wirewatch.geo import haversine_km, load_gazetteer, normalize, resolve_place


def test_lookup_by_name_alias_and_abbreviation() -> None:
    gaz = load_gazetteer()
    assert any(p.country == "FRA" and p.feature == "PPLC" for p in gaz.lookup("Paris"))
    assert {p.country for p in gaz.lookup("Brasilia")} == {"BRA"}  # accent-insensitive
    assert resolve_place("U.S.").geonames_id == 6252001  # type: ignore[union-attr]
    assert resolve_place("W.Va.").name == "West Virginia"  # type: ignore[union-attr]
    assert resolve_place("Russian").country == "RUS"  # type: ignore[union-attr]
    assert resolve_place("Nowhereville-on-Sea") is None


def test_countries_use_iso3_and_have_a_point() -> None:
    loc = resolve_place("Philippines")
    assert loc is not None and loc.country == "PHL" and loc.feature == "PCLI"
    assert loc.latitude is not None and haversine_km(loc.latitude, loc.longitude or 0,
                                                     14.6, 121.0) < 500


def test_context_chooses_among_namesakes() -> None:
    assert resolve_place("Alexandria").country == "EGY"  # type: ignore[union-attr]
    us = resolve_place("Alexandria", context_countries=["USA"])
    assert us is not None and us.country == "USA"
    la = resolve_place("Alexandria", context_countries=["USA"], context_admin1=["US.LA"])
    assert la is not None and la.geonames_id == 4314550
    near = resolve_place("Paris", context_countries=["USA"], near=(33.5, -95.5))
    assert near is not None and near.geonames_id == 4717560  # Paris, Texas


def test_country_beats_us_state_abroad_but_not_in_us_context() -> None:
    assert resolve_place("Georgia").country == "GEO"  # type: ignore[union-attr]
    state = resolve_place("Georgia", context_countries=["USA"], context_admin1=["US.GA"])
    assert state is not None and state.feature == "ADM1" and state.country == "USA"


def test_regions_and_disputed_areas_are_known() -> None:
    shoal = resolve_place("Ayungin Shoal")
    assert shoal is not None and shoal.name == "Second Thomas Shoal"
    assert shoal.latitude is not None and 9 < shoal.latitude < 11
    assert resolve_place("Donbas").country == "UKR"  # type: ignore[union-attr]
    assert resolve_place("Gaza Strip").country == "PSE"  # type: ignore[union-attr]


@pytest.mark.parametrize(("raw", "norm"), [
    ("U.S.", "us"), ("Brasília", "brasilia"), ("the Hague", "hague"),
    ("Ren’ai Jiao", "ren'ai jiao"), ("Guinea-Bissau", "guinea bissau"),
])
def test_normalize(raw: str, norm: str) -> None:
    assert normalize(raw) == norm


def test_haversine() -> None:
    assert haversine_km(0, 0, 0, 0) == 0
    assert 340 < haversine_km(48.85, 2.35, 51.51, -0.13) < 350  # Paris-London
