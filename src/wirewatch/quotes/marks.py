"""Find quoted passages by their quotation marks, tolerant of how real news is typed.

Handles curly (“ ”) and straight (") double quotes, quotes running over several sentences,
the newspaper continuation convention (a paragraph that opens a quote without closing it
continues in the next paragraph, which opens with a quote mark again), and unbalanced marks
(an opened quote never closed ends with its paragraph).  Single quotes are left alone: in
news they are apostrophes, headline quotes or quotes nested inside double ones.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
APOSTROPHES = "''"
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """A quoted passage: ``[start, end)`` includes the marks; ``inner`` excludes them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True
    """False when the passage ran to the end of a paragraph without a closing mark."""


def _is_opening_straight(text: str, i: int) -> bool:
    """A straight quote opens when it follows a space or start, and precedes a non-space."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in "([{—–-:/" or i == 0


_MARK = re.compile("[" + OPENING + CLOSING + STRAIGHT + "]|" + APOSTROPHES[0] + "{2,}")


def _marks(paragraph: str, offset: int) -> list[tuple[int, str, int]]:
    """(position, 'open' | 'close', width) for every double quote mark in a paragraph; two
    apostrophes ('') count as one straight double quote, as some archives type them."""
    out: list[tuple[int, str, int]] = []
    for m in _MARK.finditer(paragraph):
        i = m.start()
        ch = m.group()
        if ch in OPENING:
            out.append((offset + i, "open", 1))
        elif ch in CLOSING:
            out.append((offset + i, "close", 1))
        elif ch == STRAIGHT:
            out.append((offset + i, "open" if _is_opening_straight(paragraph, i) else "close", 1))
        elif _is_opening_straight(paragraph, i):
            out.append((offset + i, "open", 2))  # three marks: a double, then a single
        else:
            out.append((offset + i + len(ch) - 2, "close", 2))  # a single, then a double
    return out


def find_quoted(text: str) -> list[QuotedSpan]:
    """All top-level double-quoted passages of ``text``, in order."""
    spans: list[QuotedSpan] = []
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    open_at: int | None = None  # start of a quote carried over from an earlier paragraph
    width = 1  # of the opening mark of the quote in progress
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        marks = _marks(text[p_start:p_end], p_start)
        continued = bool(marks) and marks[0][:2] == (_first_visible(text, p_start), "open")
        if open_at is not None and not continued:
            # The carried quote was not continued: it ended with the previous paragraph.
            prev_end = paragraphs[p_index - 1][1]
            spans.append(QuotedSpan(open_at, prev_end, open_at + width, prev_end, closed=False))
            open_at = None
        current: int | None = open_at
        carried = open_at is not None
        for pos, kind, size in marks:
            if kind == "open":
                if current is None:
                    current, width = pos, size
                elif carried and pos == _first_visible(text, p_start):
                    carried = False  # the continuation mark of a carried quote
                # an "open" mark inside an open quote is a typo or nesting: ignore it
            elif current is not None:
                spans.append(QuotedSpan(current, pos + size, current + width, pos))
                current = None
                carried = False
        open_at = current
    if open_at is not None:
        end = paragraphs[-1][1]
        spans.append(QuotedSpan(open_at, end, open_at + width, end, closed=False))
    return spans


def _first_visible(text: str, start: int) -> int:
    i = start
    while i < len(text) and text[i] in " \t":
        i += 1
    return i


class QuoteIndex:
    """Which characters lie inside closed quotations, answered by bisection."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: list[QuotedSpan]) -> None:
        inner = sorted((s.inner_start, s.inner_end) for s in spans if s.closed)
        self._starts = [a for a, _ in inner]
        self._ends: list[int] = []
        reach = -1
        for _, b in inner:  # running maximum: exact even if spans were to overlap
            reach = max(reach, b)
            self._ends.append(reach)

    def inside(self, pos: int) -> bool:
        """Whether ``pos`` lies between the marks of a closed quotation."""
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]


def quoted_fraction(spans: list[QuotedSpan], start: int, end: int, text: str) -> float:
    """Share of the letters and digits in ``text[start:end]`` that lie inside quoted passages."""
    total = inside = 0
    for i in range(start, end):
        if not text[i].isalnum():
            continue
        total += 1
        if any(s.inner_start <= i < s.inner_end for s in spans):
            inside += 1
    return inside / total if total else 0.0
