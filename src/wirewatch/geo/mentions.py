"""Find place names in plain text and resolve them together, each in the light of the others.

No language model is needed: capitalised word sequences are matched against the gazetteer
(longest match first), and sequences that look like parts of person or organisation names
("Michael Jordan", "Washington Post") are skipped.  ``place_mentions`` finds them,
``geo_context`` summarises which countries and states a text is about, and
``resolve_mentions`` resolves every mention with that context: a context-free pass reads
each name (confident readings count fully, ambiguous ones a little, spread over their
readings), then every name is resolved with what the *other* names say.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import cast

from ..records import Location
from .gazetteer import Gazetteer, Place, load_gazetteer, normalize
from .resolve import score_candidates, to_location


def _words(text: str) -> list[str]:
    return text.split()


MAX_WORDS = 5
_WORD = re.compile(r"[A-Z][\w'’.\-]*|of|de|del|da|do|du|la|le|el|upon|on|the|and|al|es")
NOT_PLACES = frozenset(_words("""
a an the in on at to of for from by with and or but if as he she it we they i you his her its
their our this that these those there here then when while after before during since until
mr mrs ms dr sir lord president minister secretary senator governor mayor general gen col
sgt lt capt officer chief judge justice king queen prince princess pope rev st
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december today tomorrow yesterday
north south east west northern southern eastern western central
police court county city state department university college school hospital church
news says said according also however meanwhile still just
"""))
"""Capitalised words that begin sentences or titles far more often than they name a place."""
ADMIN_WORDS = frozenset({"county", "parish", "borough", "province", "oblast", "region"})
CONTEXT_MIN_SCORE = 6.0
"""A context-free resolution must score this much to count as what the text is about."""
CONTEXT_MARGIN = 2.0
"""…and beat the next reading of the name by this much."""
SOFT_WEIGHT = 0.5
"""Total evidence an ambiguous mention spreads over its readings."""
SOFT_READINGS = 5
MIN_CONTEXT_WEIGHT = 0.25
"""Evidence a country or state needs to be listed in ``GeoContext.countries``/``admin1``."""


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name found in a text: its span and the gazetteer entries it may denote."""

    start: int
    end: int
    text: str
    candidates: tuple[Place, ...] = field(default=(), repr=False)
    demonym: bool = False
    """An adjective or people name ("Russian", "Filipinos") standing for a country."""


@dataclass(frozen=True, slots=True)
class GeoContext:
    """What a text is about geographically: countries, states and a rough centre."""

    countries: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    near: tuple[float, float] | None = None
    weights: dict[str, float] | None = field(default=None, compare=False)
    """Evidence (0..1) for each country (ISO3) and state (``CC.CODE``); ``None`` counts
    every listed country and state fully."""


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _clean(word: str) -> str:
    return word.rstrip(".’'").removesuffix("’s").removesuffix("'s")


def place_mentions(text: str, gaz: Gazetteer | None = None, *,
                   demonyms: bool = True) -> list[PlaceMention]:
    """Capitalised names in ``text`` that the gazetteer knows, longest first, non-overlapping.

    A name glued to other capitalised words ("Michael Jordan", "Georgia Power") is skipped,
    and so is a one-word name seen elsewhere in the text after a capitalised word: "Ernesto
    Villalba" makes a later "Villalba said" a person, not the town in Spain.  ``demonyms``
    keeps "Russian", "Filipino" (flagged ``demonym``; they say which country a text is about).
    """
    gaz = gaz or load_gazetteer()
    toks = _tokens(text)
    found: list[PlaceMention] = []
    person_words: set[str] = set()
    i = 0
    while i < len(toks):
        match = _longest_match(text, toks, i, gaz) if toks[i][2][0].isupper() else None
        if match is None:
            i += 1
            continue
        n, end, name = match
        key = normalize(name)
        if _after_name(text, toks, i):
            if n == 1:
                person_words.add(key)
        elif not _before_name(text, toks, i + n):
            start, name = _drop_article(toks[i][0], name, gaz)
            found.append(PlaceMention(start, end, name, gaz.lookup(name),
                                      demonym=key in gaz.demonyms))
        i += n
    return [m for m in found if normalize(m.text) not in person_words
            and (demonyms or not m.demonym)]


def _drop_article(start: int, name: str, gaz: Gazetteer) -> tuple[int, str]:
    """"The United States" -> "United States"; "The Hague" keeps its article."""
    if name[:4] in ("The ", "the ") and not any(
            p.name.startswith("The ") for p in gaz.lookup(name)):
        return start + 4, name[4:]
    return start, name


def _longest_match(text: str, toks: list[tuple[int, int, str]], i: int,
                   gaz: Gazetteer) -> tuple[int, int, str] | None:
    """``(words, end, name)`` of the longest gazetteer name starting at token ``i``."""
    start = toks[i][0]
    for n in range(min(MAX_WORDS, len(toks) - i), 0, -1):
        last = toks[i + n - 1]
        if not last[2][0].isupper() or _gap(text, toks, i, i + n):
            continue
        if n == 1 and _clean(last[2]).casefold() in NOT_PLACES:
            return None
        end = last[0] + len(_clean(last[2]))
        name = text[start:end]
        if name in gaz:
            return n, end, name
    return None


def _gap(text: str, toks: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """True when tokens ``i..j`` are not one run of words (punctuation between them)."""
    for k in range(i + 1, j):
        between = text[toks[k - 1][1]:toks[k][0]]
        if between.strip(" -"):
            return True
    return False


def _after_name(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Token ``i`` follows a capitalised word across one space: "Michael *Jordan*"."""
    if i == 0 or not toks[i - 1][2][0].isupper() or text[toks[i - 1][1]:toks[i][0]] != " ":
        return False
    if toks[i - 1][2].endswith(".") and len(toks[i - 1][2]) > 3:
        return False  # "…in Texas. Houston …", but "Gen. Jordan" stays glued
    return _clean(toks[i - 1][2]).casefold() not in NOT_PLACES


def _before_name(text: str, toks: list[tuple[int, int, str]], j: int) -> bool:
    """Token ``j`` is a capitalised word right after the match: "*Georgia* Power".

    A county or parish may be followed by one ("Rapides Parish Sheriff's Office"): the name
    already says it is a place.
    """
    if j >= len(toks) or not toks[j][2][0].isupper() or text[toks[j - 1][1]:toks[j][0]] != " ":
        return False
    if toks[j - 1][2].endswith("."):
        return False  # a sentence ends between them
    if _clean(toks[j - 1][2]).casefold() in ADMIN_WORDS:
        return False
    nxt = _clean(toks[j][2]).casefold()
    return nxt not in NOT_PLACES or nxt in {"county", "state", "city"}


Anchor = tuple[str, Place, float]
"""A reading of a mention: ``(normalized name, place, weight)``."""


def anchors(mentions: Iterable[PlaceMention]) -> list[Anchor]:
    """Readings of the mentions, resolved without context, weighted by confidence.

    A confident mention (a strong prior, ``CONTEXT_MIN_SCORE``, and a clear lead over its
    next reading, ``CONTEXT_MARGIN``) or the only reading of a county or state name gives its
    place with weight 1.  An ambiguous one ("Springfield") spreads ``SOFT_WEIGHT`` over its
    readings by their scores: it still says "somewhere in the US" without naming the state.
    """
    out: list[Anchor] = []
    memo: dict[str, list[Anchor]] = {}
    for m in mentions:
        key = normalize(m.text)
        if key not in memo:
            memo[key] = _readings(key, score_candidates(m.text))
        out.extend(memo[key])
    return out


def _readings(key: str, scored: list[tuple[float, Place]]) -> list[Anchor]:
    if not scored:
        return []
    top, place = scored[0]
    unique_admin = len(scored) == 1 and place.feature in ("ADM1", "ADM2")
    lead = top - scored[1][0] if len(scored) > 1 else float("inf")
    if unique_admin or (top >= CONTEXT_MIN_SCORE and lead >= CONTEXT_MARGIN):
        return [(key, place, 1.0)]
    shares = [math.exp(score - top) for score, _ in scored[:SOFT_READINGS]]
    total = sum(shares)
    return [(key, p, SOFT_WEIGHT * w / total)
            for w, (_, p) in zip(shares, scored[:SOFT_READINGS], strict=False)]


def geo_context(mentions: Iterable[PlaceMention] | Sequence[Anchor],
                exclude: str | None = None) -> GeoContext:
    """Countries and states a text is about, from the readings of its place mentions.

    ``mentions`` are ``PlaceMention``s or ready ``anchors``; mentions of the name
    ``exclude`` are left out (a name must not be its own context).
    """
    items = list(mentions)
    readings: list[Anchor] = []
    for item in items:
        if isinstance(item, PlaceMention):
            readings = anchors(m for m in items if isinstance(m, PlaceMention))
            break
        readings.append(cast("Anchor", item))
    skip = normalize(exclude) if exclude else None
    countries: defaultdict[str, float] = defaultdict(float)
    admin1: defaultdict[str, float] = defaultdict(float)
    points: list[tuple[float, float]] = []
    for key, place, weight in readings:
        if key == skip:
            continue
        if place.country:
            countries[place.country] += weight
        if place.admin1:
            admin1[place.admin1] += weight
        if weight >= 1.0 and place.feature not in ("PCLI", "CONT", "OCN") \
                and place.latitude is not None and place.longitude is not None:
            points.append((place.latitude, place.longitude))
    near = None
    if points:
        lats = sorted(p[0] for p in points)
        lons = sorted(p[1] for p in points)
        near = (lats[len(lats) // 2], lons[len(lons) // 2])
    weights = {k: min(1.0, v) for k, v in (*countries.items(), *admin1.items())}
    return GeoContext(
        countries=_strongest(countries), admin1=_strongest(admin1), near=near, weights=weights)


def _strongest(evidence: dict[str, float]) -> tuple[str, ...]:
    ranked = sorted(evidence.items(), key=lambda kv: -kv[1])
    return tuple(k for k, w in ranked if w >= MIN_CONTEXT_WEIGHT)


def resolve_in_context(name: str, context: GeoContext, *,
                       start: int | None = None, end: int | None = None) -> Location | None:
    """Resolve ``name`` using a text's ``GeoContext``."""
    scored = score_candidates(name, context_countries=context.countries,
                              context_admin1=context.admin1, near=context.near,
                              weights=context.weights)
    if not scored:
        return None
    return to_location(scored[0][1], name, start, end)


def resolve_mentions(text: str, mentions: Sequence[PlaceMention] | None = None, *,
                     demonyms: bool = False) -> list[Location]:
    """Every place named in ``text``, resolved with the text's own context.

    Demonyms ("Chinese") count as context but are returned only with ``demonyms=True``.
    """
    found = list(mentions) if mentions is not None else place_mentions(text)
    pairs = anchors(found)
    out = []
    for m in found:
        if m.demonym and not demonyms:
            continue
        context = geo_context(pairs, exclude=m.text)
        loc = resolve_in_context(m.text, context, start=m.start, end=m.end)
        if loc is not None:
            out.append(loc)
    return out
