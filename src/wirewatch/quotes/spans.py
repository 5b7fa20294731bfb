"""Small helpers over spaCy tokens: character spans, trimming, subtree hulls."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Token = Any
"""A spaCy ``Token`` (typed loosely: spaCy ships no stubs for its Cython classes)."""

EDGE_PUNCT = " \t\n,;:—–-"
"""Characters trimmed from both ends of a content span (quote marks are kept)."""


def char_span(first: Token, last: Token) -> tuple[int, int]:
    """``[start, end)`` in the text from token ``first`` to token ``last`` inclusive."""
    return first.idx, last.idx + len(last.text)


def hull(tokens: Iterable[Token]) -> tuple[int, int] | None:
    """The smallest character span covering ``tokens`` (``None`` when empty)."""
    toks = list(tokens)
    if not toks:
        return None
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    return char_span(first, last)


def trim(text: str, start: int, end: int, extra: str = "") -> tuple[int, int]:
    """Shrink ``[start, end)`` past edge punctuation and whitespace (and ``extra`` chars)."""
    strip = EDGE_PUNCT + extra
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def contains(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def same_paragraph(a: Token, b: Token) -> bool:
    """Whether no line break separates tokens ``a`` and ``b`` (parses can run across them)."""
    lo, hi = (a, b) if a.i <= b.i else (b, a)
    # Doc.text is rebuilt on every access: look only at the tokens in between.
    return "\n" not in lo.doc[lo.i:hi.i].text_with_ws
