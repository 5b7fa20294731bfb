"""The dateline that opens many wire stories: "SEOUL, South Korea (AP) — ", "KYIV, July 20
(Reuters) - ", "NEW DELHI: ".  Its place gives the story's home country; its wire credit is
not an entity of the story."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .kb import KnowledgeBase

_PARAGRAPH = re.compile(r"(?:^|\n)(?=\S)")
_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Z.'’ -]{1,40}?)"
    r"(?:,\s*(?P<region>[A-Z][\w.' -]{1,30}?))?"
    r"(?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?"
    r"\s*(?:\((?P<credit>[^)\n]{1,40})\))?"
    r"\s*(?:—|–|--|-|:)(?:\s|$)"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    country: str | None
    credit: tuple[int, int] | None
    """Character span of the wire credit inside the text, if any."""
    end: int = 0
    """Where the dateline ends in the text (0 when it came from the extractor)."""


def read_dateline(text: str, kb: KnowledgeBase, given: str | None = None) -> Dateline | None:
    """The dateline opening ``text`` (or the extractor's ``given`` one), else ``None``."""
    m = None
    for para in _PARAGRAPH.finditer(text[:800]):  # a release may open with a headline
        m = _DATELINE.match(text, para.start())
        if m is not None:
            break
    source = text
    if m is None and given:
        source = given.strip() + " — "
        m = _DATELINE.match(source)
    if m is None or not any(c.isalpha() for c in m.group("place")):
        return None
    place = m.group("place").strip()
    region = (m.group("region") or "").strip()
    country = (kb.country(region) if region else None) or kb.country(place.title())
    credit = m.span("credit") if m.group("credit") and source is text else None
    return Dateline(place, country, credit, m.end() if source is text else 0)
