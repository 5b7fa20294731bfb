"""Datelines, bylines and wire credits, in HTML-extracted bodies and scraped text alike.

``front_matter(body)`` takes byline and credit paragraphs out of a body (anywhere in it),
reads the dateline that opens the story (it stays in the text: it is part of the first
sentence), and sorts the names it finds: people become ``authors``, agencies ``credits``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Removed

VERSION = "2"

AGENCIES = (
    "The Associated Press", "Associated Press", "AP", "Reuters", "Thomson Reuters", "AFP",
    "Agence France-Presse", "Agence France Presse", "Bloomberg", "Bloomberg News", "Yonhap",
    "Kyodo", "Kyodo News", "dpa", "ANSA", "EFE", "Xinhua", "TASS", "Tass", "Interfax", "PA",
    "PA Media", "Press Association", "The Canadian Press", "Canadian Press", "CP", "UPI",
    "United Press International", "Anadolu", "Anadolu Agency", "PTI", "IANS", "ANI", "AAP",
    "Australian Associated Press", "NYT", "The New York Times", "The Washington Post", "CNN",
    "BBC", "Field Level Media", "CNS", "RIA Novosti", "NHK", "Bernama", "Antara", "KCNA",
)
CANONICAL_AGENCY = {
    "ap": "The Associated Press", "associated press": "The Associated Press",
    "the associated press": "The Associated Press", "thomson reuters": "Reuters",
    "reuters": "Reuters", "agence france-presse": "AFP", "agence france presse": "AFP",
    "afp": "AFP", "cp": "The Canadian Press", "canadian press": "The Canadian Press",
    "the canadian press": "The Canadian Press", "upi": "UPI",
    "united press international": "UPI", "pa": "PA Media", "press association": "PA Media",
    "pa media": "PA Media", "bloomberg news": "Bloomberg", "kyodo news": "Kyodo",
    "anadolu agency": "Anadolu", "tass": "TASS", "australian associated press": "AAP",
}
"""One name per agency, so credits from a dateline, a byline and a footer agree."""
_AGENCY_ALT = "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
_AGENCY_RX = re.compile(rf"^(?:{_AGENCY_ALT})$", re.I)
_ORGISH = re.compile(
    r"\b(?:news|press|agency|media|times|post|journal|staff|wire|service|network|bureau|"
    r"herald|tribune|gazette|reuters|associated|writers?|reporters?|correspondents?)\b",
    re.I,
)

DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}(?:,\s+[A-Z][A-Za-z.'’\- ]{1,40}){0,2})"
    rf"(?:\s*\((?P<agency>{_AGENCY_ALT})\))?\s*(?:[—–]|--?)\s+"
)
_NAME = (r"(?:[A-Z][\w.'’\-]*|Mc\w+)(?:\s+(?:[A-Z][\w.'’\-]*|de|da|del|der|van|von|bin|al|"
         r"la|le|du|dos))*")
BYLINE = re.compile(
    rf"^(?:By|BY|Written by|Story by|Words by)\s+(?P<names>{_NAME}"
    rf"(?:\s*(?:,|;|&|\||/|\band\b|\bAND\b)\s*{_NAME})*)\s*\.?$"
)
"""``By`` and a list of capitalised names (``By Tuesday, officials said…`` is no byline)."""
CREDIT = re.compile(
    r"^[-—–(\s]*(?:with\s+files\s+from|with\s+reporting\s+(?:by|from)|additional\s+reporting\s+"
    r"(?:by|from)|reporting\s+by|compiled\s+by|compiled\s+from|source:|editing\s+by|"
    r"writing\s+by)\s+(?P<who>[^\n]{2,240}?)[)\s.]*$",
    re.I,
)
CONTRIBUTED = re.compile(
    r"^[-—–(\s]*(?P<who>[^\n]{2,160}?)\s+(?:contributed|also\s+contributed)\s+"
    r"(?:to\s+this\s+(?:report|story|article)|reporting|(?:to\s+)?this\s+report)[^\n]{0,60}?[.)]*$",
    re.I,
)
COPYRIGHT_CREDIT = re.compile(
    rf"^(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s*)?(?P<who>{_AGENCY_ALT})\b[^\n]{{0,120}}$", re.I
)
AGENCY_LINE = re.compile(rf"^[-—–(\s]*(?P<who>{_AGENCY_ALT})[)\s.]*$", re.I)
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|\band\b|&|\|)\s*")
_CREDIT_ROLE = re.compile(
    r"^(?:(?:additional\s+)?reporting|editing|writing|compiled|with\s+files)\s+(?:by|from)\s+",
    re.I,
)
_AGENCY_STAFF = re.compile(
    rf"^(?:the\s+)?(?P<agency>{_AGENCY_ALT})\s+(?:staff\s+)?(?:writers?|reporters?|"
    r"correspondents?|journalists?)\s+(?P<people>.+)$",
    re.I,
)
_PLACE_TAIL = re.compile(r"\s+in\s+[A-Z][\w .'-]*$")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    text: str
    dateline: str | None
    authors: tuple[str, ...]
    credits: tuple[str, ...]
    removed: tuple[Removed, ...]


def is_agency(name: str) -> bool:
    return bool(_AGENCY_RX.match(name.strip(" .")))


def canonical_agency(name: str) -> str:
    """``"AP"``, ``"Associated Press"`` → ``"The Associated Press"``; others unchanged."""
    return CANONICAL_AGENCY.get(" ".join(name.lower().split()).strip(" ."), name)


def split_names(names: str) -> tuple[list[str], list[str]]:
    """People and agencies named in a byline or credit."""
    people: list[str] = []
    agencies: list[str] = []
    for part in _SPLIT_NAMES.split(names):
        part = _CREDIT_ROLE.sub("", part.strip(" .-—–()"))
        part = _PLACE_TAIL.sub("", part).strip(" .")
        if not part:
            continue
        if is_agency(part) or part.lower().startswith("the ") or _ORGISH.search(part):
            agencies.append(part)
        elif 1 <= len(part.split()) <= 4 and part[:1].isupper():
            people.append(part)
    return people, agencies


def is_credit_line(line: str) -> bool:
    """A wire credit (``-With files from Reuters``, ``© 2023 The Canadian Press``…)."""
    s = line.strip()
    if len(s) > 300:
        return False
    return bool(CREDIT.match(s) or COPYRIGHT_CREDIT.match(s) or CONTRIBUTED.match(s)
                or AGENCY_LINE.match(s))


def front_matter(text: str) -> FrontMatter:
    """Take bylines and credit lines out of ``text``; find the dateline (kept in the text)."""
    kept: list[str] = []
    authors: list[str] = []
    credits: list[str] = []
    removed: list[Removed] = []
    for para in text.split("\n\n"):
        line = para.strip()
        if not line:
            continue
        byline = BYLINE.match(line) if len(line) < 160 and not kept else None
        if byline is None and len(line) < 120 and BYLINE.match(line):
            byline = BYLINE.match(line)
        if byline:
            people, agencies = split_names(byline.group("names"))
            authors += people
            credits += agencies
            removed.append(Removed(line, "byline"))
            continue
        credit = _credit_names(line)
        if credit is not None:
            people, agencies = credit
            credits += agencies + people
            removed.append(Removed(line, "credit"))
            continue
        kept.append(para)
    body = "\n\n".join(kept)
    dateline = None
    m = DATELINE.match(body)
    if m and len(m.group("place").split()) <= 6:
        dateline = m.group(0).strip().rstrip("—–-").strip()
        if m.group("agency"):
            credits.insert(0, m.group("agency"))
    credits = [canonical_agency(c) for c in credits]
    return FrontMatter(
        body, dateline, tuple(dict.fromkeys(authors)), tuple(dict.fromkeys(credits)),
        tuple(removed),
    )


def _credit_names(line: str) -> tuple[list[str], list[str]] | None:
    if len(line) > 300:
        return None
    m = COPYRIGHT_CREDIT.match(line) or AGENCY_LINE.match(line)
    if m:
        return [], [m.group("who")]
    m = CREDIT.match(line)
    if m:
        return split_names(m.group("who"))
    m = CONTRIBUTED.match(line)
    if m:
        who = m.group("who")
        staff = _AGENCY_STAFF.match(who)
        if staff:
            people, agencies = split_names(staff.group("people"))
            return people, [staff.group("agency"), *agencies]
        return split_names(who)
    return None
