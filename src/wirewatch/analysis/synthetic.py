"""Synthetic event streams with known structure, to validate the detectors.

``background`` draws a quiet relationship (Poisson counts per day and direction);
``plant_escalation`` multiplies the conflict rate over a span of days; ``plant_cycles``
adds tit-for-tat exchanges whose answers and delays are known.  Seeded and deterministic.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, timedelta

from .rows import EventRow

GOLDSTEIN_BY_QUAD = {1: 3.0, 2: 7.0, 3: -2.0, 4: -9.0}
ROOT_BY_QUAD = {1: "04", 2: "07", 3: "11", 4: "19"}


def poisson(rng: random.Random, lam: float) -> int:
    """Knuth's Poisson sampler (fine for the small rates used here)."""
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _row(rng: random.Random, day: date, src: str, tgt: str, quad: int, tag: str) -> EventRow:
    return EventRow(day, src, tgt, quad, GOLDSTEIN_BY_QUAD[quad], ROOT_BY_QUAD[quad],
                    f"{tag}-{rng.getrandbits(40):010x}")


@dataclass(frozen=True, slots=True)
class Rates:
    """Mean events per day in one direction, by quad class 1–4."""

    verbal_cooperation: float = 1.0
    material_cooperation: float = 0.3
    verbal_conflict: float = 0.6
    material_conflict: float = 0.15

    def by_quad(self) -> dict[int, float]:
        return {1: self.verbal_cooperation, 2: self.material_cooperation,
                3: self.verbal_conflict, 4: self.material_conflict}


def background(seed: int, start: date, days: int, a: str = "AAAGOV", b: str = "BBBGOV",
               rates: Rates | None = None) -> list[EventRow]:
    """Independent Poisson events in both directions for ``days`` days."""
    rng = random.Random(seed)
    r = (rates or Rates()).by_quad()
    rows = []
    for i in range(days):
        day = start + timedelta(days=i)
        for src, tgt in ((a, b), (b, a)):
            for quad, lam in r.items():
                rows += [_row(rng, day, src, tgt, quad, "bg") for _ in range(poisson(rng, lam))]
    return rows


def plant_escalation(seed: int, start: date, days: int, factor: float,
                     a: str = "AAAGOV", b: str = "BBBGOV",
                     rates: Rates | None = None) -> list[EventRow]:
    """Extra conflict making the conflict rate ``factor`` times the background, both ways."""
    rng = random.Random(seed)
    r = (rates or Rates()).by_quad()
    rows = []
    for i in range(days):
        day = start + timedelta(days=i)
        for src, tgt in ((a, b), (b, a)):
            for quad in (3, 4):
                n = poisson(rng, r[quad] * (factor - 1.0))
                rows += [_row(rng, day, src, tgt, quad, "esc") for _ in range(n)]
    return rows


def plant_cycles(seed: int, start: date, days: int, cycles: int, length: int,
                 max_delay: int, a: str = "AAAGOV", b: str = "BBBGOV") -> list[EventRow]:
    """``cycles`` tit-for-tat exchanges of ``length`` acts, each answered within ``max_delay``."""
    rng = random.Random(seed)
    rows = []
    for _ in range(cycles):
        day = start + timedelta(days=rng.randrange(max(days - length * max_delay, 1)))
        quad = rng.choice((3, 4))
        src, tgt = (a, b) if rng.random() < 0.5 else (b, a)
        for _ in range(length):
            rows.append(_row(rng, day, src, tgt, quad, "cyc"))
            day += timedelta(days=rng.randint(0, max_delay))
            src, tgt = tgt, src
    return rows
