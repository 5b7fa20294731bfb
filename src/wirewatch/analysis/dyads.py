"""Directed actor pairs (dyads): event volume and tone, for the network view and tables."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .rows import EventRow
from .trends import conflict_index


@dataclass(frozen=True, slots=True)
class Dyad:
    """Events from ``source`` to ``target``: how many, and how hostile."""

    source: str
    target: str
    events: int
    conflict: int
    cooperation: int
    goldstein_mean: float | None
    conflict_index: float | None

    def to_dict(self) -> dict[str, object]:
        return {"source": self.source, "target": self.target, "events": self.events,
                "conflict": self.conflict, "cooperation": self.cooperation,
                "goldstein_mean": None if self.goldstein_mean is None
                else round(self.goldstein_mean, 3),
                "conflict_index": None if self.conflict_index is None
                else round(self.conflict_index, 3)}


def actor_level(code: str, level: str = "country") -> str:
    """Coarsen a CAMEO actor code: ``country`` keeps 3 letters, ``sector`` 6, ``full`` all."""
    if level == "country":
        return code[:3]
    if level == "sector":
        return code[:6]
    return code


def dyads(rows: Iterable[EventRow], *, level: str = "country", min_events: int = 1,
          limit: int | None = None) -> list[Dyad]:
    """Directed dyads at ``level``, busiest first; self-loops (``USA``→``USA``) are kept."""
    acc: dict[tuple[str, str], list[float]] = {}
    for r in rows:
        key = (actor_level(r.source, level), actor_level(r.target, level))
        a = acc.setdefault(key, [0, 0, 0, 0.0, 0, 0.0, 0.0])
        n = r.count
        a[0] += n
        if r.is_conflict:
            a[1] += n
            a[5] += r.weight * n
        elif r.is_cooperation:
            a[2] += n
            a[6] += r.weight * n
        if r.goldstein is not None:
            a[3] += r.goldstein * n
            a[4] += n
    out = [
        Dyad(s, t, int(a[0]), int(a[1]), int(a[2]), a[3] / a[4] if a[4] else None,
             conflict_index(a[6], a[5]))
        for (s, t), a in acc.items() if a[0] >= min_events
    ]
    out.sort(key=lambda d: (-d.events, d.source, d.target))
    return out[:limit] if limit is not None else out
