"""Datelines, bylines and wire credits, in HTML-extracted bodies and scraped text alike."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Removed

VERSION = "1"

_AGENCIES = (
    r"AP|Associated Press|Reuters|AFP|Agence France-Presse|Bloomberg|Yonhap|Kyodo|dpa|"
    r"ANSA|EFE|Xinhua|TASS|PA|CP|The Canadian Press|UPI|Anadolu|PTI|IANS|AAP|NYT|"
    r"The Associated Press|CNN|BBC|Tass"
)
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}(?:,\s+[A-Z][A-Za-z.'\- ]{1,40})?)"
    r"(?:\s*\((?P<agency>" + _AGENCIES + r")\))?\s*[—–\-]{1,2}\s+"
)
BYLINE = re.compile(
    r"^(?:By|BY|Written by|Story by)\s+(?P<names>[^\n]{2,160})$"
)
CREDIT = re.compile(
    r"^[-—–(\s]*(?:with\s+files\s+from|with\s+reporting\s+by|additional\s+reporting\s+by|"
    r"reporting\s+by|compiled\s+from|source:)\s+(?P<who>[^\n]{2,200}?)[)\s.]*$",
    re.I,
)
_SPLIT_NAMES = re.compile(r"\s*(?:,|\band\b|&|;)\s*")
_AGENCY_RX = re.compile(r"^(?:" + _AGENCIES + r")$", re.I)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    text: str
    dateline: str | None
    authors: tuple[str, ...]
    credits: tuple[str, ...]
    removed: tuple[Removed, ...]


def split_names(names: str) -> tuple[list[str], list[str]]:
    """People and agencies named in a byline or credit."""
    people: list[str] = []
    agencies: list[str] = []
    for part in _SPLIT_NAMES.split(names):
        part = part.strip(" .-")
        if not part:
            continue
        if _AGENCY_RX.match(part) or part.lower().startswith("the "):
            agencies.append(part)
        elif len(part.split()) <= 4 and part[:1].isupper():
            people.append(part)
    return people, agencies


def front_matter(text: str) -> FrontMatter:
    """Take bylines and credit lines out of ``text``; find the dateline (kept in the text)."""
    paragraphs = text.split("\n\n")
    kept: list[str] = []
    authors: list[str] = []
    credits: list[str] = []
    removed: list[Removed] = []
    for para in paragraphs:
        line = para.strip()
        byline = BYLINE.match(line) if len(line) < 160 else None
        credit = CREDIT.match(line) if len(line) < 240 else None
        if byline:
            people, agencies = split_names(byline.group("names"))
            authors += people
            credits += agencies
            removed.append(Removed(line, "byline"))
        elif credit:
            people, agencies = split_names(credit.group("who"))
            credits += agencies + people
            removed.append(Removed(line, "credit"))
        else:
            kept.append(para)
    body = "\n\n".join(kept)
    dateline = None
    m = DATELINE.match(body)
    if m:
        dateline = m.group(0).rstrip(" —–-").strip()
        if m.group("agency"):
            credits.insert(0, m.group("agency"))
    return FrontMatter(
        body, dateline, tuple(dict.fromkeys(authors)), tuple(dict.fromkeys(credits)),
        tuple(removed),
    )
