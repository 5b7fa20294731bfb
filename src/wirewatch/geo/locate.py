"""Where did it happen?  The literal place of a parsed sentence, and the dateline's place."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..records import Location
from .metonymy import literal_reason
from .resolve import resolve_place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_DATELINE = re.compile(r"^\s*([^(—–\-]+?)\s*(?:\(|—|–|-{1,2}\s|$)")


def _strip_article(text: str, start: int) -> tuple[str, int, int]:
    """Name, start and end without a leading "the" or a trailing possessive "'s"."""
    end = start + len(text)
    if text.lower().startswith("the "):
        text, start = text[4:], start + 4
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text, end = text[: -len(suffix)], end - len(suffix)
    return text, start, end


def event_place(sentence: Any, *, context_countries: Sequence[str] = ()) -> Location | None:
    """The first place in ``sentence`` (a parsed spaCy ``Span``) used literally as a place.

    "Ships clashed near Second Thomas Shoal, Manila said" gives the shoal, not Manila
    (which is the speaker).  ``None`` when no place is used as a location; the ``start``
    and ``end`` of the result are character offsets in the parsed text.
    """
    found = []
    for ent in sentence.ents:
        reason = literal_reason(ent) if ent.label_ in PLACE_LABELS else None
        if reason is not None:
            found.append((reason.startswith("possessor"), ent))  # "Guyana's region" last
    for _, ent in sorted(found, key=lambda f: f[0]):
        name, start, end = _strip_article(ent.text, ent.start_char)
        loc = resolve_place(name, context_countries=context_countries)
        if loc is not None:
            return Location(name, loc.country, loc.geonames_id, loc.latitude, loc.longitude,
                            loc.feature, start, end)
    return None


def dateline_place(dateline: str | None) -> Location | None:
    """The place of a dateline: "MANILA, Philippines (AP) —", "BRASÍLIA, Brazil —"."""
    if not dateline:
        return None
    m = _DATELINE.match(dateline)
    if not m:
        return None
    parts = [p.strip() for p in m.group(1).split(",") if p.strip()]
    parts = [p for p in parts if not re.search(r"\d", p)]  # "MANILA, March 5" keeps MANILA
    if not parts:
        return None
    city = " ".join(w.capitalize() if w.isupper() else w for w in parts[0].split())
    context: list[str] = []
    for extra in parts[1:]:
        where = resolve_place(extra)
        if where is not None and where.country:
            context.append(where.country)
    city = city.split("/")[0]  # "MANILA/BEIJING"
    return resolve_place(city, context_countries=context)
