"""Reciprocity: how often, and how fast, B answers A's conflictual act in kind.

An *act* is a conflictual event (quad class 3 or 4) from A to B.  It is *answered* when B
directs a conflictual event of the same quad class back at A within ``window_days`` (the
same day counts).  Each response answers at most one act — the earliest open one — so a
single retort is not credited to every act before it.  Runs of alternating answers
(A→B, B→A, A→B…) are the tit-for-tat *cycles* analysts watch.
"""

from __future__ import annotations

import statistics
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from .rows import EventRow
from .trends import pair_rows

WINDOW_DAYS = 7


@dataclass(frozen=True, slots=True)
class DirectionReciprocity:
    """How ``responder`` answered ``initiator``'s conflictual acts."""

    initiator: str
    responder: str
    acts: int
    answered: int
    median_delay_days: float | None
    mean_delay_days: float | None

    @property
    def rate(self) -> float | None:
        return self.answered / self.acts if self.acts else None

    def to_dict(self) -> dict[str, object]:
        return {"initiator": self.initiator, "responder": self.responder, "acts": self.acts,
                "answered": self.answered,
                "rate": None if self.rate is None else round(self.rate, 3),
                "median_delay_days": self.median_delay_days,
                "mean_delay_days": None if self.mean_delay_days is None
                else round(self.mean_delay_days, 2)}


@dataclass(frozen=True, slots=True)
class Reciprocity:
    """Both directions plus the tit-for-tat cycles between ``a`` and ``b``."""

    a: str
    b: str
    window_days: int
    a_to_b: DirectionReciprocity
    """B answering A's acts."""
    b_to_a: DirectionReciprocity
    cycles: int
    """Exchanges of at least three alternating, answered acts (A→B→A or B→A→B)."""
    longest_cycle: int

    def to_dict(self) -> dict[str, object]:
        return {"a": self.a, "b": self.b, "window_days": self.window_days,
                "a_to_b": self.a_to_b.to_dict(), "b_to_a": self.b_to_a.to_dict(),
                "cycles": self.cycles, "longest_cycle": self.longest_cycle}


def _answer(
    acts: list[EventRow], responses: list[EventRow], window: int
) -> tuple[list[int], dict[int, int]]:
    """Match responses to acts; delays in days and act index → response index."""
    by_quad: dict[int, deque[int]] = {}
    delays: list[int] = []
    matched: dict[int, int] = {}
    events = sorted(
        [(r.day, 0, i) for i, r in enumerate(acts)] + [(r.day, 1, i) for i, r in
                                                     enumerate(responses)]
    )
    for day, kind, i in events:
        if kind == 0:
            by_quad.setdefault(acts[i].quad_class or 0, deque()).append(i)
            continue
        open_acts = by_quad.get(responses[i].quad_class or 0)
        while open_acts and (day - acts[open_acts[0]].day).days > window:
            open_acts.popleft()
        if open_acts:
            j = open_acts.popleft()
            delays.append((day - acts[j].day).days)
            matched[j] = i
    return delays, matched


def _direction(initiator: str, responder: str, acts: int,
               delays: list[int]) -> DirectionReciprocity:
    return DirectionReciprocity(
        initiator, responder, acts, len(delays),
        float(statistics.median(delays)) if delays else None,
        statistics.fmean(delays) if delays else None,
    )


def reciprocity(
    rows: Iterable[EventRow], a: str, b: str, *, window_days: int = WINDOW_DAYS
) -> Reciprocity:
    """Reciprocity between actor-code prefixes ``a`` and ``b``."""
    tagged = pair_rows(rows, a, b)
    ab = [r for d, r in tagged if d == "ab" and r.is_conflict for _ in range(r.count)]
    ba = [r for d, r in tagged if d == "ba" and r.is_conflict for _ in range(r.count)]
    delays_ab, match_ab = _answer(ab, ba, window_days)
    delays_ba, match_ba = _answer(ba, ab, window_days)
    cycles, longest = _cycles(match_ab, match_ba)
    return Reciprocity(
        a, b, window_days, _direction(a, b, len(ab), delays_ab),
        _direction(b, a, len(ba), delays_ba), cycles, longest,
    )


def _cycles(match_ab: dict[int, int], match_ba: dict[int, int]) -> tuple[int, int]:
    """Chains act→answer→answer…; count those of length ≥ 3 and the longest."""
    answered_ab = set(match_ab.values())  # indices into ba that answer something
    answered_ba = set(match_ba.values())  # indices into ab that answer something
    lengths = []
    for start_side, matches, next_matches, answered in (
        ("ab", match_ab, match_ba, answered_ba), ("ba", match_ba, match_ab, answered_ab),
    ):
        del start_side
        for start in matches:
            if start in answered:
                continue  # not the start of a chain
            length, cur, side = 1, start, 0
            tables = (matches, next_matches)
            while cur in tables[side]:
                cur = tables[side][cur]
                side = 1 - side
                length += 1
            lengths.append(length)
    long_chains = [n for n in lengths if n >= 3]
    return len(long_chains), max(lengths, default=0)
