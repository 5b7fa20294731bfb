"""Resolve an event's date expression against the article's publication date.

"Sunday" is the most recent Sunday on or before publication (news reports the past);
"last month" is the month before; "July 27" takes the publication year (the year before
when that would put a past event after publication).  Without a publication date the
expression is kept, unresolved, with its text.  Values are ISO dates, or ``YYYY-MM`` /
``YYYY`` when the expression names only a month or a year.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..records import EventDate

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY = re.compile(r"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?(?:,?\s+(\d{4}))?\b")
_MONTH_YEAR = re.compile(r"\b([a-z]{3,9})\.?(?:\s+(\d{4}))?\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def parse_published(published: str | None) -> date | None:
    """The date part of an ISO publication timestamp."""
    if not published:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _resolve(text: str, pub: date, future: bool) -> str | None:
    low = text.lower()
    if m := _ISO.search(low):
        return m.group(0)
    if any(w in low for w in ("today", "tonight", "this morning", "this afternoon",
                              "this evening")):
        return pub.isoformat()
    if "yesterday" in low or "last night" in low:
        return (pub - timedelta(days=1)).isoformat()
    if "tomorrow" in low:
        return (pub + timedelta(days=1)).isoformat()
    for i, day in enumerate(WEEKDAYS):
        if day in low:
            delta = (pub.weekday() - i) % 7
            if future or "next" in low:
                return (pub + timedelta(days=(i - pub.weekday()) % 7 or 7)).isoformat()
            if "last" in low and delta == 0:
                delta = 7
            return (pub - timedelta(days=delta)).isoformat()
    for unit, step in (("month", 1), ("year", 12)):
        if unit in low and ("last " + unit in low or "next " + unit in low or
                            "this " + unit in low or "later this " + unit in low or
                            "earlier this " + unit in low):
            delta = -step if "last" in low else step if "next" in low else 0
            y, mo = _shift_month(pub.year, pub.month, delta)
            return f"{y:04d}-{mo:02d}" if unit == "month" else f"{y:04d}"
    for pattern, order in ((_MONTH_DAY, "md"), (_DAY_MONTH, "dm")):
        for m in pattern.finditer(low):
            month_word, day_s = (m[1], m[2]) if order == "md" else (m[2], m[1])
            month = MONTHS.get(month_word)
            if month is None:
                continue
            year = int(m[3]) if m[3] else pub.year
            try:
                when = date(year, month, int(day_s))
            except ValueError:
                continue
            if not m[3] and not future and when > pub + timedelta(days=2):
                when = when.replace(year=year - 1)
            return when.isoformat()
    for m in _MONTH_YEAR.finditer(low):
        month = MONTHS.get(m[1])
        if month is not None and (m[2] or len(m[1]) > 3):
            year = int(m[2]) if m[2] else pub.year
            if not m[2] and not future and month > pub.month:
                year -= 1
            return f"{year:04d}-{month:02d}"
    if m := _YEAR.search(low):
        return m.group(1)
    return None


def resolve_date(text: str, published: str | None, future: bool = False) -> EventDate:
    """An ``EventDate`` for ``text`` ("Sunday", "last month", "July 27, 2023")."""
    text = " ".join(text.split())
    low = text.lower()
    if m := _ISO.search(low):
        return EventDate(m.group(0), text, True)
    explicit_year = _MONTH_DAY.search(low)
    if explicit_year and explicit_year[3] and MONTHS.get(explicit_year[1]):
        value = _resolve(text, date(int(explicit_year[3]), 1, 1), future)
        return EventDate(value, text, value is not None)
    pub = parse_published(published)
    if pub is None:
        return EventDate(None, text, False)
    value = _resolve(text, pub, future)
    return EventDate(value, text, value is not None)
