"""Clean text that a scraper already pulled out of a page (ads, captions, menus left in).

Rules, each recording what it removes and why:

1. *line shape* — ``furniture.furniture_reason`` (ads, promos, share prompts, link labels,
   video captions and ``– Jul 28, 2023`` stamps, photo credits, copyright);
2. *repetition* — the caption quoted by ``Click to play video: '…'`` repeated on a later
   line; a line repeated inside the story;
3. *position* — the story is the best-scoring run of lines (paragraph-shaped lines score
   their length, short unpunctuated lines a penalty); a wire credit ends it.  The title is
   the headline-shaped line before it whose words the lead repeats most.  Lines before the
   story are page header (dates become ``published``), lines after it page footer;
4. *runs* — three or more headline-shaped lines in a row inside the story are a link list,
   and a short heading next to a promo belongs to the promo.

Bylines, datelines and wire credits are kept for ``wire.front_matter``.
"""

from __future__ import annotations

import re

from ..records import Removed
from .base import Extracted
from .furniture import (
    caption_of_video_line,
    ends_like_sentence,
    furniture_reason,
    is_headline_shaped,
    is_story_line,
    normalise_line,
    word_count,
)
from .wire import BYLINE, CREDIT, is_credit_line

VERSION = "2"

LINK_RUN = 3
"""Consecutive headline-shaped lines inside a story that make a related-links list."""

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_IN_LINE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    r"\d{1,2}/\d{1,2}/\d{4})",
    re.I,
)
_DATE_NOISE = re.compile(
    rf"{_MONTH}|\b(?:published|posted|updated|last|first|modified|on|at|am|pm|a\.m\.|p\.m\.|"
    r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"utc|gmt|et|est|edt|ct|cst|cdt|mt|pt|pst|pdt|bst|cet|cest|ist|kst|jst|aest)\b|\d+|"
    r"[\s,:.|·•/()+-]",
    re.I,
)
_BYLINE_ISH = re.compile(r"^by\s+\S", re.I)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


def clean_text(text: str) -> Extracted:
    """The story in scraped ``text``: title, body paragraphs and what was removed."""
    lines = [" ".join(ln.split()) for ln in text.replace("\r\n", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    reasons: list[str | None] = [_line_reason(ln) for ln in lines]
    _mark_caption_repeats(lines, reasons)
    first, last = story_span(lines, reasons)
    _mark_repeats(lines, reasons, first, last)
    title_at = _find_title(lines, reasons, first)
    published = None
    for i in range(first):
        if i == title_at or reasons[i] is not None:
            continue
        if is_date_line(lines[i]):
            reasons[i] = "timestamp"
            published = published or _iso_date(lines[i])
        elif _is_front_matter(lines[i]):
            continue
        elif title_at is not None and i > title_at and word_count(lines[i]) >= 8:
            reasons[i] = "standfirst"
        else:
            reasons[i] = "page header"
    _mark_promo_neighbours(lines, reasons)
    _mark_footer(lines, reasons, last)
    _mark_link_runs(lines, reasons, first, last)
    kept = [ln for i, ln in enumerate(lines) if reasons[i] is None and i != title_at]
    removed = tuple(Removed(ln, r) for ln, r in zip(lines, reasons, strict=True) if r)
    return Extracted(
        text="\n\n".join(kept),
        title=lines[title_at] if title_at is not None else None,
        published=published,
        removed=removed,
    )


def is_date_line(line: str) -> bool:
    """A line that only states a date (and time): ``Updated 6:42 PM EST, Feb 12, 2024``."""
    return (word_count(line) <= 12 and bool(_DATE_IN_LINE.search(line))
            and not _DATE_NOISE.sub("", line).strip())


def _line_reason(line: str) -> str | None:
    if is_credit_line(line):
        return None
    return furniture_reason(line)


def _mark_caption_repeats(lines: list[str], reasons: list[str | None]) -> None:
    captions: set[str] = set()
    for i, line in enumerate(lines):
        caption = caption_of_video_line(line)
        if caption:
            captions.add(normalise_line(caption))
        elif normalise_line(line) in captions:
            reasons[i] = "repeated caption"


def _mark_repeats(lines: list[str], reasons: list[str | None], first: int, last: int) -> None:
    """A line seen before is a repeat; inside the story the first in-story copy is kept."""
    seen: set[str] = set()
    order = [*range(first, last + 1), *range(first), *range(last + 1, len(lines))]
    for i in order:
        key = normalise_line(lines[i])
        if key in seen and reasons[i] is None and first <= i <= last:
            reasons[i] = "repeated line"
        if key:
            seen.add(key)


STORY_GAP_PENALTY = 6.0
"""Score of a short, unpunctuated line (menu item, link) when looking for the story span; a
story paragraph scores its word count, so a few subheads never split a story but a menu
or a footer of links (ten or more lines) outweighs a stray long sentence beyond it."""


def _line_score(line: str, reason: str | None) -> float:
    if reason is not None or _is_front_matter(line):
        return 0.0
    n = word_count(line)
    if is_story_line(line):
        return float(n)
    if ends_like_sentence(line) and n >= 4:
        return n / 2
    return -STORY_GAP_PENALTY


def story_span(lines: list[str], reasons: list[str | None]) -> tuple[int, int]:
    """First and last line of the highest-scoring run of lines (the story)."""
    best, best_span = 0.0, (0, len(lines) - 1)
    run, start = 0.0, 0
    for i, line in enumerate(lines):
        score = _line_score(line, reasons[i])
        if run <= 0:
            run, start = 0.0, i
        run += score
        if score > 0 and run > best:
            best, best_span = run, (start, i)
    first, last = best_span
    while first < last and _line_score(lines[first], reasons[first]) <= 0:
        first += 1
    for i in range(first + 1, last + 1):  # a wire credit after the last paragraph ends it
        if is_credit_line(lines[i]) and not any(
            is_story_line(ln) for ln in lines[i + 1:last + 1]
        ):
            return first, i - 1
    return first, last


TITLE_WINDOW = 40
"""How many lines before the story the headline is looked for."""
_STOP = frozenset((
    "the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "is", "are", "was", "were",
    "be", "with", "as", "at", "by", "from", "that", "this", "it", "its", "his", "her", "their",
    "he", "she", "they", "after", "over", "into", "about", "has", "have", "had", "will", "not",
    "but", "up", "out", "new", "says", "said", "how", "what", "why", "who", "you", "your",
))


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[^\W_]+", text.lower())
    return {w.rstrip("s") for w in words if w not in _STOP and len(w) > 1}


def _find_title(lines: list[str], reasons: list[str | None], first: int) -> int | None:
    """The headline: of the headline-shaped lines shortly before the story, the one whose
    words the opening paragraphs repeat most (headlines summarise the lead); nav items,
    author roles and captions share few words with it.  Ties go to the earlier line (a
    headline comes before its standfirst).
    """
    lead = _content_words(" ".join(
        ln for i, ln in enumerate(lines[first:first + 12], first)
        if reasons[i] is None and is_story_line(ln)
    ))
    best: tuple[float, int] | None = None
    for i in range(max(0, first - TITLE_WINDOW), first):
        line = lines[i]
        if (reasons[i] is not None or not is_headline_shaped(line) or word_count(line) < 3
                or _is_front_matter(line) or is_date_line(line) or _BYLINE_ISH.match(line)
                or _DATE_IN_LINE.search(line)):
            continue
        words = _content_words(line)
        if not words:
            continue
        score = len(words & lead) / len(words) + (0.15 if 5 <= word_count(line) <= 25 else 0.0)
        score -= 0.004 * (first - i)
        if best is None or score > best[0] + 1e-9:
            best = (score, i)
    if best is not None and best[0] > 0.2:
        return best[1]
    if first == 0 and len(lines) > 1 and reasons[0] is None and is_headline_shaped(lines[0]):
        return 0
    return None


def _is_front_matter(line: str) -> bool:
    """Bylines, datelines-only and credit lines, which ``wire`` reads later."""
    return bool(BYLINE.match(line) or CREDIT.match(line) or is_credit_line(line))


def _mark_footer(lines: list[str], reasons: list[str | None], last: int) -> None:
    """After the last story paragraph keep sentence-shaped lines until furniture starts."""
    open_tail = True
    for i in range(last + 1, len(lines)):
        line = lines[i]
        if is_credit_line(line) or _is_front_matter(line):
            reasons[i] = None
            open_tail = False  # a credit line closes the story
            continue
        if reasons[i] is not None:
            open_tail = False
            continue
        if open_tail and ends_like_sentence(line) and word_count(line) >= 3:
            continue
        open_tail = False
        reasons[i] = "page footer"


def _mark_promo_neighbours(lines: list[str], reasons: list[str | None]) -> None:
    """A short heading right before or after a promo belongs to it (``Get daily news``)."""
    for i, line in enumerate(lines):
        if reasons[i] is not None or ends_like_sentence(line) or word_count(line) > 8:
            continue
        near = [reasons[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        if "promo" in near:
            reasons[i] = "promo"


def _mark_link_runs(lines: list[str], reasons: list[str | None], first: int, last: int) -> None:
    run: list[int] = []
    for i in range(first, last + 2):
        shaped = (
            i <= last and reasons[i] is None and is_headline_shaped(lines[i])
            and not ends_like_sentence(lines[i]) and not _is_front_matter(lines[i])
        )
        if shaped:
            run.append(i)
            continue
        if i <= last and reasons[i] is not None and run:
            continue  # furniture between links (e.g. "Read more") does not break the run
        if len(run) >= LINK_RUN:
            for j in run:
                reasons[j] = "related links"
        run = []


def _iso_date(line: str) -> str | None:
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", line)
    if m:
        return m.group(0)
    m = re.search(r"([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})", line, re.I) or None
    if m and m.group(1).lower() in _MONTHS:
        return f"{m.group(3)}-{_MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}"
    m = re.search(r"(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})", line, re.I)
    if m and m.group(2).lower() in _MONTHS:
        return f"{m.group(3)}-{_MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    return None
