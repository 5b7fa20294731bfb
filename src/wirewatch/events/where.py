"""Pick the place where an event happened.

Only a place attached to the trigger itself counts ("clashes *in Gaza*", "the parade in
North Korea's capital, *Pyongyang*", "arrived *in Amman*"), never every place in the
sentence; a place already used as an actor ("Moscow said", "visited Russia" as the target
of a meeting) is not also a location, except for visits, where the target is where it
happened.  Names are resolved through ``wirewatch.geo`` when that package is installed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..errors import WirewatchError
from ..nlp.spans import entity_at
from ..records import Location

PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "into", "on",
                         "off", "along", "around", "throughout"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})

PlaceResolver = Callable[[str, Sequence[str]], "Location | None"]


def geo_resolver() -> PlaceResolver | None:
    """``wirewatch.geo.resolve_place`` when the geo package is available."""
    try:
        from ..geo import resolve_place
    except ImportError:
        return None

    def resolve(name: str, countries: Sequence[str]) -> Location | None:
        return resolve_place(name, context_countries=countries)  # type: ignore[no-any-return]

    return resolve


def _place_head(tok: Any) -> Any | None:
    if tok.ent_type_ in PLACE_TYPES:
        return tok
    for child in tok.children:  # "North Korea's capital, Pyongyang"
        if child.dep_ == "appos" and child.ent_type_ in PLACE_TYPES:
            return child
    for child in tok.children:  # "the city of Hebron"
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in PLACE_TYPES:
                    return pobj
    return None


def _span_text(tok: Any) -> tuple[str, int, int]:
    ent = entity_at(tok)
    if ent is not None:
        text = ent.text
        if text.lower().startswith("the "):
            return text[4:], ent.start_char + 4, ent.end_char
        return text, ent.start_char, ent.end_char
    return tok.text, tok.idx, tok.idx + len(tok.text)


def find_place(trigger: Any, used: set[int], visit_target: Any | None = None) -> Any | None:
    """The token naming where the event at ``trigger`` happened, if any."""
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                head = _place_head(pobj)
                if head is not None and head.i not in used:
                    return head
    if visit_target is not None and visit_target.ent_type_ in PLACE_TYPES:
        return visit_target
    return None


def locate(place: Any, resolver: PlaceResolver | None,
           countries: Sequence[str] = ()) -> Location:
    """A ``Location`` for the place token (resolved to GeoNames when possible)."""
    name, start, end = _span_text(place)
    if resolver is not None:
        try:
            hit = resolver(name, countries)
        except (WirewatchError, LookupError, ValueError):  # keep the event, unresolved
            hit = None
        if hit is not None:
            return Location(hit.name or name, hit.country, hit.geonames_id, hit.latitude,
                            hit.longitude, hit.feature, start, end)
    return Location(name, start=start, end=end)
