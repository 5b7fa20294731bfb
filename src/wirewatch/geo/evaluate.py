"""Score toponym resolution on gold geoparsing corpora (LGL, TR-News XML format).

The format (``<articles><article><text/><toponyms><toponym><start/><end/><phrase/>
<gaztag geonameid=..><lat/><lon/>…``) gives each toponym's span and its GeoNames entry.
Every toponym with a ``gaztag`` is resolved from its phrase, with the article's own text as
context; we report how often the GeoNames id is right, how far the chosen point is from the
gold point, and the same for a baseline that takes the most populous candidate.
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, MalformedInputError
from ..records import Location
from .gazetteer import load_gazetteer
from .mentions import GeoContext, anchors, geo_context, place_mentions, resolve_in_context
from .resolve import haversine_km, to_location

ACCURACY_KM = 161.0
"""The usual geoparsing tolerance: 100 miles."""


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    geonames_id: int
    latitude: float
    longitude: float
    feature: str


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def read_corpus(path: Path, limit: int | None = None) -> Iterator[GoldArticle]:
    """Articles of one XML file, with their resolvable toponyms."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise MalformedInputError(f"not valid geoparsing XML: {exc}", str(path)) from exc
    for n, art in enumerate(root.iter("article")):
        if limit is not None and n >= limit:
            return
        tops = []
        for tp in art.iter("toponym"):
            gaz = tp.find("gaztag")
            if gaz is None or not gaz.get("geonameid"):
                continue
            try:
                tops.append(GoldToponym(
                    int(tp.findtext("start") or 0), int(tp.findtext("end") or 0),
                    tp.findtext("phrase") or "", int(gaz.get("geonameid") or 0),
                    float(gaz.findtext("lat") or "nan"), float(gaz.findtext("lon") or "nan"),
                    gaz.findtext("fcode") or "",
                ))
            except ValueError:
                continue
        yield GoldArticle(art.get("docid") or str(n), art.findtext("text") or "", tuple(tops))


def corpus_files(data: Path) -> list[Path]:
    """The gold XML files under ``data`` (a file, or a folder searched recursively)."""
    if data.is_file():
        return [data]
    files = sorted(p for p in data.rglob("*.xml"))
    if not files:
        raise InputError("no geoparsing XML files found", str(data))
    return files


Resolver = Callable[[str, GeoContext], Location | None]


def wirewatch_resolver(name: str, context: GeoContext) -> Location | None:
    return resolve_in_context(name, context)


def population_baseline(name: str, context: GeoContext) -> Location | None:
    """The most populous place of that name, ignoring context."""
    cands = load_gazetteer().lookup(name)
    if not cands:
        return None
    best = max(cands, key=lambda p: (p.population, -p.key))
    return to_location(best, name)


@dataclass
class Score:
    """Running totals for one system on one corpus."""

    total: int = 0
    known: int = 0
    """Gold ids present in the gazetteer at all (the ceiling on accuracy)."""
    correct: int = 0
    resolved: int = 0
    within: int = 0
    errors_km: list[float] = field(default_factory=list)

    def add(self, gold: GoldToponym, loc: Location | None) -> None:
        self.total += 1
        self.known += int(load_gazetteer().get(gold.geonames_id) is not None)
        if loc is None:
            return
        self.resolved += 1
        self.correct += int(loc.geonames_id == gold.geonames_id)
        if loc.latitude is not None and loc.longitude is not None:
            km = haversine_km(gold.latitude, gold.longitude, loc.latitude, loc.longitude)
            self.errors_km.append(km)
            self.within += int(km <= ACCURACY_KM)

    def summary(self) -> dict[str, float]:
        n = max(self.total, 1)
        errs = self.errors_km
        return {
            "toponyms": self.total,
            "accuracy": self.correct / n,
            "in_gazetteer": self.known / n,
            "resolved": self.resolved / n,
            "acc@161km": self.within / n,
            "mean_km": statistics.fmean(errs) if errs else float("nan"),
            "median_km": statistics.median(errs) if errs else float("nan"),
        }


SYSTEMS: dict[str, Resolver] = {
    "wirewatch": wirewatch_resolver,
    "baseline (most populous)": population_baseline,
}


def evaluate_file(path: Path, limit: int | None = None) -> dict[str, dict[str, float]]:
    """Scores of every system on one corpus file."""
    scores = {name: Score() for name in SYSTEMS}
    for art in read_corpus(path, limit):
        pairs = anchors(place_mentions(art.text))
        for gold in art.toponyms:
            context = geo_context(pairs, exclude=gold.phrase)
            for name, resolver in SYSTEMS.items():
                scores[name].add(gold, resolver(gold.phrase, context))
    return {name: s.summary() for name, s in scores.items()}


def evaluate(data: Path, limit: int | None = None) -> dict[str, dict[str, dict[str, float]]]:
    """``{corpus: {system: metrics}}`` for every XML file under ``data``."""
    return {p.stem: evaluate_file(p, limit) for p in corpus_files(data)}
