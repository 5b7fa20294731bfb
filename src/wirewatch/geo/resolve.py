"""Choose the place a name denotes, using the document's context, population and feature.

``resolve_place("Alexandria", context_countries=["USA"], context_admin1=["US.LA"])`` gives
Alexandria, Louisiana; without context the most prominent Alexandria (Egypt).  Each
candidate gets a score: a prior from population and feature class, a bonus when the name is
its main name, and bonuses when it lies in a country or first-level division the document
mentions, or near a given point.  The weights are named constants below, calibrated on the
LGL and TR-News gold sets (``wirewatch evaluate geo``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from ..records import Location
from .gazetteer import Gazetteer, Place, load_gazetteer

FEATURE_BONUS = {
    "PCLI": 5.0, "CONT": 4.0, "ADM1": 3.5, "RGN": 1.0, "SEA": 1.0, "OCN": 1.0, "ISL": 1.0,
    "STM": 0.0, "PPLC": 3.0, "ADM2": 0.0, "PPL": 0.0,
}
"""Prominence of a feature class beyond its population (countries and states are what a
bare name most often means in news)."""
MAIN_NAME_BONUS = 2.0
"""The name is the place's own name, not one of its alternate names."""
COUNTRY_BONUS = 4.0
"""The candidate lies in a country the document mentions."""
ADMIN1_BONUS = 3.0
"""The candidate lies in a state/province the document mentions."""
NEAR_BONUS = 3.0
"""At most this much for being close to ``near``, fading to 0 at ``NEAR_RADIUS_KM``."""
NEAR_RADIUS_KM = 1500.0
SUFFIX_WORDS = {"county": "ADM2", "parish": "ADM2", "borough": "ADM2", "state": "ADM1",
                "province": "ADM1", "region": "RGN", "river": "STM", "island": "ISL"}
"""A name ending in one of these words asks for that feature class."""


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def prior(place: Place, main_name: bool = True) -> float:
    """Context-free score: population, feature class and name match."""
    score = math.log10(place.population + 1) + FEATURE_BONUS.get(place.feature, 0.0)
    return score + (MAIN_NAME_BONUS if main_name else 0.0)


def score_candidates(
    name: str,
    *,
    context_countries: Sequence[str] = (),
    context_admin1: Sequence[str] = (),
    near: tuple[float, float] | None = None,
    gaz: Gazetteer | None = None,
    weights: Mapping[str, float] | None = None,
) -> list[tuple[float, Place]]:
    """Every candidate for ``name`` with its score, best first.

    ``weights`` (evidence 0..1 per country ISO3 and ``CC.CODE`` state) replaces the
    all-or-nothing ``context_countries``/``context_admin1`` when given.
    """
    gaz = gaz or load_gazetteer()
    cands = gaz.lookup_ranked(name)
    if not cands:
        return []
    evidence: Mapping[str, float] = weights if weights is not None else {
        k: 1.0 for k in (*context_countries, *context_admin1)}
    wanted = SUFFIX_WORDS.get(name.rsplit(None, 1)[-1].casefold()) if " " in name else None
    scored = []
    for place, main in cands:
        score = prior(place, main)
        if place.country and place.feature != "PCLI":
            score += COUNTRY_BONUS * evidence.get(place.country, 0.0)
        if place.admin1 and place.feature != "ADM1":
            score += ADMIN1_BONUS * evidence.get(place.admin1, 0.0)
        if near and place.latitude is not None and place.longitude is not None:
            km = haversine_km(near[0], near[1], place.latitude, place.longitude)
            score += NEAR_BONUS * max(0.0, 1.0 - km / NEAR_RADIUS_KM)
        if wanted and place.feature == wanted:
            score += 5.0
        scored.append((score, place))
    scored.sort(key=lambda sp: (-sp[0], sp[1].key))
    return scored


def to_location(place: Place, name: str | None = None,
                start: int | None = None, end: int | None = None) -> Location:
    """The ``records.Location`` of a gazetteer entry."""
    return Location(
        name=name or place.name, country=place.country, geonames_id=place.geonames_id,
        latitude=place.latitude, longitude=place.longitude, feature=place.feature,
        start=start, end=end,
    )


def resolve_place(
    name: str,
    *,
    context_countries: Sequence[str] = (),
    near: tuple[float, float] | None = None,
    context_admin1: Sequence[str] = (),
) -> Location | None:
    """The place ``name`` most likely denotes given the context, or ``None`` if unknown.

    ``context_countries`` are ISO3 codes of countries the document mentions;
    ``context_admin1`` are ``CC.CODE`` first-level divisions (``US.LA``); ``near`` is a
    ``(latitude, longitude)`` the place is likely close to.
    """
    scored = score_candidates(name, context_countries=context_countries,
                              context_admin1=context_admin1, near=near)
    if not scored:
        return None
    place = scored[0][1]
    return to_location(place, place.name)
