"""The event row the analysis functions work on: one coded event, flattened.

Analysis is pure: it takes rows (from the store, a JSONL export or synthetic streams) and
returns plain records.  ``EventRow.from_mapping`` accepts the dict shape the store and the API
hand out; ``rows_from_document`` flattens a ``Document``'s events.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..errors import InputError
from ..records import Document

CONFLICT_QUADS = (3, 4)
"""CAMEO quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict (Schrodt, CAMEO manual 1.1b3, 2012)."""
COOPERATION_QUADS = (1, 2)


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event reduced to what trend analysis needs."""

    day: date
    source: str
    """Actor code of the source (``USAGOV``); a compound source gives one row per actor."""
    target: str
    quad_class: int | None = None
    goldstein: float | None = None
    cameo_root: str = ""
    id: str = ""
    count: int = 1
    """How many identical events this row stands for (rows aggregated in SQL); ``goldstein``
    is then their mean."""

    @property
    def is_conflict(self) -> bool:
        return self.quad_class in CONFLICT_QUADS

    @property
    def is_cooperation(self) -> bool:
        return self.quad_class in COOPERATION_QUADS

    @property
    def weight(self) -> float:
        """Intensity of the act: material acts (quad 2 and 4) count double verbal ones."""
        return 2.0 if self.quad_class in (2, 4) else 1.0

    @classmethod
    def from_mapping(cls, row: Mapping[str, Any]) -> EventRow:
        """Build from a dict with ``date``/``day``, ``source``, ``target``, ``quad_class``…"""
        raw_day = row.get("day", row.get("date"))
        day = parse_day(raw_day, origin=str(row.get("id") or "event row"))
        quad = row.get("quad_class")
        gold = row.get("goldstein")
        return cls(
            day=day,
            source=str(row.get("source") or ""),
            target=str(row.get("target") or ""),
            quad_class=int(quad) if quad is not None else None,
            goldstein=float(gold) if gold is not None else None,
            cameo_root=str(row.get("cameo_root") or ""),
            id=str(row.get("id") or ""),
            count=int(row.get("count") or 1),
        )


def parse_day(value: object, origin: str = "date") -> date:
    """A ``date`` from a date, datetime or ISO string (``2024-05-01``, ``2024-05-01T10:00``)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise InputError(f"not an ISO date: {value!r}", origin=origin)


def rows_from_mappings(rows: Iterable[Mapping[str, Any]]) -> list[EventRow]:
    """Rows with a usable date; rows without one are skipped (they cannot be placed in time)."""
    out = []
    for row in rows:
        if row.get("day", row.get("date")) in (None, ""):
            continue
        out.append(EventRow.from_mapping(row))
    return out


def rows_from_document(doc: Document) -> Iterator[EventRow]:
    """Flatten a document's events: one row per (source actor, target actor) with a code.

    The event date is the resolved ``event.date``, else the article's publication date;
    events with neither are skipped.
    """
    for ev in doc.events:
        when = (ev.date.value if ev.date and ev.date.resolved else None) or doc.article.published
        if not when:
            continue
        try:
            day = parse_day(when)
        except InputError:
            continue
        for src in ev.source:
            for tgt in ev.target:
                if src.actor_code and tgt.actor_code:
                    yield EventRow(day, src.actor_code, tgt.actor_code, ev.quad_class,
                                   ev.goldstein, ev.cameo_root, ev.id)


def actor_matches(code: str, wanted: str) -> bool:
    """``wanted`` is a code prefix: ``PRK`` matches ``PRKGOV`` and ``PRKMIL``."""
    return bool(wanted) and code.upper().startswith(wanted.upper())


def parse_pair(spec: str) -> tuple[str, str]:
    """``"PRK-USA"`` → ``("PRK", "USA")``; raises ``InputError`` on anything else."""
    parts = [p.strip().upper() for p in spec.replace("/", "-").split("-")]
    if len(parts) != 2 or not all(p.isalnum() for p in parts):
        raise InputError("an actor pair looks like PRK-USA", origin=spec)
    return parts[0], parts[1]
