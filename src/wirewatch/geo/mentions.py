"""Find place names in plain text and resolve them together, each in the light of the others.

No language model is needed: capitalised word sequences are matched against the gazetteer
(longest match first), and sequences that look like parts of person or organisation names
("Michael Jordan", "Washington Post") are skipped.  ``place_mentions`` finds them,
``geo_context`` summarises which countries and states a text is about, and
``resolve_mentions`` resolves every mention with that context (first a context-free pass to
learn what the text is about, then a second pass using it).
"""

from __future__ import annotations

import re
from collections import Counter
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
_CONNECTORS = {"of", "de", "del", "da", "do", "du", "la", "le", "el", "upon", "on", "the",
               "and", "al", "es"}
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


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name found in a text: its span and the gazetteer entries it may denote."""

    start: int
    end: int
    text: str
    candidates: tuple[Place, ...] = field(default=(), repr=False)


@dataclass(frozen=True, slots=True)
class GeoContext:
    """What a text is about geographically: countries, states and a rough centre."""

    countries: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    near: tuple[float, float] | None = None


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _clean(word: str) -> str:
    return word.rstrip(".’'").removesuffix("’s").removesuffix("'s")


def place_mentions(text: str, gaz: Gazetteer | None = None) -> list[PlaceMention]:
    """Capitalised names in ``text`` that the gazetteer knows, longest first, non-overlapping."""
    gaz = gaz or load_gazetteer()
    toks = _tokens(text)
    out: list[PlaceMention] = []
    i = 0
    while i < len(toks):
        start, _, word = toks[i]
        if not word[0].isupper() or _clean(word).casefold() in NOT_PLACES:
            i += 1
            continue
        found = None
        for n in range(min(MAX_WORDS, len(toks) - i), 0, -1):
            last = toks[i + n - 1]
            if not last[2][0].isupper() or _gap(text, toks, i, i + n):
                continue
            end = last[0] + len(_clean(last[2]))
            name = text[start:end]
            if name in gaz:
                found = (n, end, name)
                break
        if found is None:
            i += 1
            continue
        n, end, name = found
        if not _part_of_longer_name(text, toks, i, i + n):
            out.append(PlaceMention(start, end, name, gaz.lookup(name)))
        i += n
    return out


def _gap(text: str, toks: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """True when tokens ``i..j`` are not one run of words (punctuation between them)."""
    for k in range(i + 1, j):
        between = text[toks[k - 1][1]:toks[k][0]]
        if between.strip(" -"):
            return True
    return False


def _part_of_longer_name(text: str, toks: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """A capitalised neighbour joined by a space: "Michael Jordan", "Georgia Power".

    A county or parish may be followed by a capitalised word ("Rapides Parish Sheriff's
    Office"): the name already says it is a place.
    """
    if i > 0 and toks[i - 1][2][0].isupper() and text[toks[i - 1][1]:toks[i][0]] == " " \
            and _clean(toks[i - 1][2]).casefold() not in NOT_PLACES:
        return True
    if j < len(toks) and toks[j][2][0].isupper() and text[toks[j - 1][1]:toks[j][0]] == " ":
        if _clean(toks[j - 1][2]).casefold() in ADMIN_WORDS:
            return False
        nxt = _clean(toks[j][2]).casefold()
        return nxt not in NOT_PLACES or nxt in {"county", "state", "city"}
    return False


def anchors(mentions: Iterable[PlaceMention]) -> list[tuple[str, Place]]:
    """Mentions resolved confidently without context: ``(normalized name, place)``.

    Confident means a strong prior (``CONTEXT_MIN_SCORE``) and a clear lead over the next
    reading (``CONTEXT_MARGIN``), so an ambiguous "Springfield" does not decide the context
    it is itself resolved in.
    """
    out = []
    memo: dict[str, Place | None] = {}
    for m in mentions:
        key = normalize(m.text)
        if key not in memo:
            scored = score_candidates(m.text)
            ok = bool(scored) and scored[0][0] >= CONTEXT_MIN_SCORE and (
                len(scored) == 1 or scored[0][0] - scored[1][0] >= CONTEXT_MARGIN)
            memo[key] = scored[0][1] if ok else None
        place = memo[key]
        if place is not None:
            out.append((key, place))
    return out


def geo_context(mentions: Iterable[PlaceMention] | Sequence[tuple[str, Place]],
                exclude: str | None = None) -> GeoContext:
    """Countries and states a text is about, from its confidently resolved mentions.

    ``mentions`` are ``PlaceMention``s or ready ``anchors``; mentions of the name
    ``exclude`` are left out (a name must not be its own context).
    """
    items = list(mentions)
    pairs: list[tuple[str, Place]] = []
    for item in items:
        if isinstance(item, PlaceMention):
            pairs = anchors(m for m in items if isinstance(m, PlaceMention))
            break
        pairs.append(cast("tuple[str, Place]", item))
    skip = normalize(exclude) if exclude else None
    countries: Counter[str] = Counter()
    admin1: Counter[str] = Counter()
    points: list[tuple[float, float]] = []
    for key, place in pairs:
        if key == skip:
            continue
        if place.country:
            countries[place.country] += 1
        if place.admin1:
            admin1[place.admin1] += 1
        if place.feature not in ("PCLI", "CONT", "OCN") and place.latitude is not None \
                and place.longitude is not None:
            points.append((place.latitude, place.longitude))
    near = None
    if points:
        lats = sorted(p[0] for p in points)
        lons = sorted(p[1] for p in points)
        near = (lats[len(lats) // 2], lons[len(lons) // 2])
    return GeoContext(
        countries=tuple(c for c, _ in countries.most_common()),
        admin1=tuple(a for a, _ in admin1.most_common()),
        near=near,
    )


def resolve_in_context(name: str, context: GeoContext, *,
                       start: int | None = None, end: int | None = None) -> Location | None:
    """Resolve ``name`` using a text's ``GeoContext``."""
    scored = score_candidates(name, context_countries=context.countries,
                              context_admin1=context.admin1, near=context.near)
    if not scored:
        return None
    return to_location(scored[0][1], name, start, end)


def resolve_mentions(text: str, mentions: Sequence[PlaceMention] | None = None
                     ) -> list[Location]:
    """Every place named in ``text``, resolved with the text's own context."""
    found = list(mentions) if mentions is not None else place_mentions(text)
    pairs = anchors(found)
    out = []
    for m in found:
        context = geo_context(pairs, exclude=m.text)
        loc = resolve_in_context(m.text, context, start=m.start, end=m.end)
        if loc is not None:
            out.append(loc)
    return out
