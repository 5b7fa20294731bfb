"""Which event mentions report the same real-world event (pure functions, no database).

Two mentions are one event when they have the same actors at country+sector level, the
same CAMEO root and PLOVER type, dates at most ``DATE_WINDOW_DAYS`` apart, and compatible
places (``places_compatible``).  ``cluster_key`` (countries, root, PLOVER type) finds the
candidates; ``sectors_compatible`` then lets a side without a sector (``USA``) match one
with (``USAGOV``), since coders often know one and not the other, but not ``USAMIL``
against ``USAGOV``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from ..records import Actor, Document, Event, Location
from .codes import parse_code

DATE_WINDOW_DAYS = 2
"""Reports of one event carry dates up to two days apart (time zones, "on Tuesday" vs the
publication day, follow-ups); calibrated on the planted corpus in ``benchmarks/store.py``."""

SAME_PLACE_KM = 150.0
"""Two resolved places farther apart than this are different events."""


def actor_key(actor: Actor) -> str:
    """The country (or group, or normalised name) of an actor: the exact-match part."""
    parsed = parse_code(actor.actor_code)
    if parsed is not None:
        return parsed.country or parsed.known_group or parsed.cluster_key
    return "~" + " ".join(actor.name.lower().split())


def _sectors(codes: list[str | None]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for code in codes:
        parsed = parse_code(code)
        if parsed is not None and parsed.sector:
            out.setdefault(parsed.country or parsed.known_group or "", set()).add(parsed.sector)
    return out


def sectors_compatible(a: list[str | None], b: list[str | None]) -> bool:
    """No actor country appears on both sides with different, explicit sectors."""
    sa, sb = _sectors(a), _sectors(b)
    return all(not (sa[c] and sb[c]) or bool(sa[c] & sb[c]) for c in sa.keys() & sb.keys())


def side_key(actors: tuple[Actor, ...]) -> str:
    return "+".join(sorted({actor_key(a) for a in actors})) or "-"


def cluster_key(event: Event) -> str:
    """Actor countries, CAMEO root and PLOVER type: what must match exactly."""
    plover = event.plover.type if event.plover else "-"
    key = f"{side_key(event.source)}|{side_key(event.target)}|{event.cameo_root}|{plover}"
    return key[:500]


def parse_day(value: str | None) -> int | None:
    """``YYYY-MM-DD…`` to the integer ``YYYYMMDD`` (``None`` when not a date)."""
    if not value or len(value) < 10:
        return None
    try:
        d = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return d.year * 10000 + d.month * 100 + d.day


def day_to_date(day: int) -> date:
    return date(day // 10000, day // 100 % 100, day % 100)


def shift_day(day: int, days: int) -> int:
    d = day_to_date(day) + timedelta(days=days)
    return d.year * 10000 + d.month * 100 + d.day


def event_day(event: Event, doc: Document, fallback: int) -> int:
    """The event's resolved date, else the article's publication date, else ``fallback``."""
    if event.date is not None and event.date.value:
        day = parse_day(event.date.value)
        if day is not None:
            return day
    return parse_day(doc.article.published) or fallback


def _km(a: Location, b: Location) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude,  # type: ignore[arg-type]
                                                b.latitude, b.longitude))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def places_compatible(a: Location | None, b: Location | None) -> bool:
    """Unknown places match anything; known ones must share the country and lie close."""
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return True
    km = _km(a, b)
    return km is None or km <= SAME_PLACE_KM


@dataclass(frozen=True)
class Candidate:
    """An existing event a new mention might join."""

    event_id: int
    day: int
    location: Location | None
    num_mentions: int = 0
    source_codes: tuple[str | None, ...] = ()
    target_codes: tuple[str | None, ...] = ()


def event_codes(event: Event) -> tuple[tuple[str | None, ...], tuple[str | None, ...]]:
    return (tuple(a.actor_code for a in event.source), tuple(a.actor_code for a in event.target))


def best_candidate(day: int, location: Location | None, candidates: list[Candidate],
                   codes: tuple[tuple[str | None, ...], tuple[str | None, ...]] = ((), ()),
                   ) -> Candidate | None:
    """The candidate with compatible sectors and place, closest in date (ties: most mentions)."""
    src, tgt = codes
    fitting = [c for c in candidates
               if abs((day_to_date(c.day) - day_to_date(day)).days) <= DATE_WINDOW_DAYS
               and places_compatible(location, c.location)
               and sectors_compatible(list(src), list(c.source_codes))
               and sectors_compatible(list(tgt), list(c.target_codes))]
    if not fitting:
        return None
    return min(fitting, key=lambda c: (abs((day_to_date(c.day) - day_to_date(day)).days),
                                       -c.num_mentions, c.event_id))
