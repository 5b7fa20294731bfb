"""Title, date, authors and outlet from a page's markup (JSON-LD, meta tags, headings).

Reads a parsed lxml tree and never changes it.  Each ``*_candidates`` function lists what
the page declares, best source first; ``choose_*`` picks and normalises.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

_SPACE = re.compile(r"\s+")
_SUFFIX_SEP = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/)\s+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ORG_WORDS = re.compile(
    r"\b(?:staff|news|newsroom|desk|team|editors?|editorial|media|press|agency|reporters?|"
    r"correspondents?|contributors?|wire|service|network|magazine|times|post|journal|daily|"
    r"tribune|herald|gazette|inc|ltd|llc|group|online|digital|tv|radio|channel|bureau|"
    r"associated|reuters|afp|bloomberg|com)\b",
    re.I,
)
_PERSON_TYPES = {"person"}
_WORD = re.compile(r"\w+")
_NOT_NAME = re.compile(
    r"[()\[\]:@/|<>0-9]|\b(?:updated|published|posted|image|photo|author|view\s+all|more\s+by)\b|"
    r"\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b",
    re.I,
)
_CREDENTIAL = r"(?:[A-Z]{2,5}|Ph\.?\s?D\.?|M\.?\s?D\.?|M\.?\s?S\.?|R\.?\s?N\.?)"
_CREDENTIALS = re.compile(rf"(?:,?\s+{_CREDENTIAL})+$")
_ONLY_CREDENTIAL = re.compile(rf"^{_CREDENTIAL}$")
TITLE_AGREEMENT = 0.5
"""Word-set Jaccard above which an ``h1`` is taken to be the declared title (calibrated by eye
on a handful of pages: logos and section names score near 0, headlines near 1)."""


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What the markup declares, before choosing."""

    titles: tuple[tuple[str, str], ...]
    """``(source, title)`` pairs: ``h1``, ``og``, ``jsonld``, ``twitter``, ``html``."""
    dates: tuple[tuple[str, str], ...]
    authors: tuple[tuple[str, tuple[str, ...]], ...]
    site_name: str | None
    language: str | None


def clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def _meta(tree: HtmlElement, *keys: str) -> list[str]:
    out = []
    wanted = {k.lower() for k in keys}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in wanted:
            val = clean(el.get("content"))
            if val:
                out.append(val)
    return out


def _jsonld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    items = t if isinstance(t, list) else [t]
    return {str(x).lower() for x in items if x}


def _is_article(obj: dict[str, Any]) -> bool:
    return any(t.endswith(("article", "posting", "report", "blogposting")) or t == "webpage"
               for t in _types(obj))


def _names(value: Any, persons_only: bool) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out = []
    for it in items:
        if isinstance(it, str):
            out.append(clean(it))
        elif isinstance(it, dict):
            types = _types(it)
            if persons_only and types and not types & _PERSON_TYPES:
                continue
            name = it.get("name")
            if isinstance(name, str):
                out.append(clean(name))
            elif isinstance(name, list):
                out += [clean(n) for n in name if isinstance(n, str)]
    return [n for n in out if n]


def read_meta(tree: HtmlElement) -> PageMeta:
    """Everything the page declares about its article."""
    titles: list[tuple[str, str]] = []
    dates: list[tuple[str, str]] = []
    authors: list[tuple[str, tuple[str, ...]]] = []
    site_name = None
    for obj in _jsonld_objects(tree):
        if not _is_article(obj):
            if "organization" in _types(obj) or "newsmediaorganization" in _types(obj):
                site_name = site_name or (clean(obj.get("name")) if isinstance(
                    obj.get("name"), str) else None)
            continue
        headline = obj.get("headline")
        if isinstance(headline, str) and clean(headline):
            titles.append(("jsonld", clean(headline)))
        for key in ("datePublished", "dateCreated"):
            v = obj.get(key)
            if isinstance(v, str) and v.strip():
                dates.append(("jsonld", v.strip()))
        names = _names(obj.get("author"), persons_only=True)
        if names:
            authors.append(("jsonld", tuple(names)))
        pub = obj.get("publisher")
        if isinstance(pub, dict) and isinstance(pub.get("name"), str):
            site_name = site_name or clean(pub["name"])
    h1s = [clean(h.text_content()) for h in tree.iter("h1")]
    titles[:0] = [("h1", h) for h in h1s if 1 <= len(h.split()) <= 40]
    titles += [("og", t) for t in _meta(tree, "og:title")[:1]]
    titles += [("twitter", t) for t in _meta(tree, "twitter:title")[:1]]
    for el in tree.iter("title"):
        if clean(el.text_content()):
            titles.append(("html", clean(el.text_content())))
            break
    for key in ("article:published_time", "og:article:published_time", "datePublished",
                "pubdate", "publishdate", "publish-date", "date", "dc.date", "dc.date.issued",
                "sailthru.date", "parsely-pub-date", "article.published", "publication_date"):
        dates += [("meta", v) for v in _meta(tree, key)]
    for el in tree.iter("time"):
        published = el.get("itemprop", "").lower() == "datepublished" or el.get("pubdate")
        if published is not None and published is not False and el.get("datetime"):
            dates.append(("time", el.get("datetime", "")))
    meta_authors = [a for a in _meta(tree, "author", "article:author", "parsely-author",
                                     "sailthru.author", "dc.creator", "byl")
                    if "://" not in a]
    if meta_authors:
        authors.append(("meta", tuple(meta_authors)))
    site_name = site_name or next(iter(_meta(tree, "og:site_name", "application-name")), None)
    lang = tree.get("lang") or next(iter(_meta(tree, "og:locale", "language")), None)
    return PageMeta(tuple(titles), tuple(dates), tuple(authors), site_name,
                    lang.split("-")[0].split("_")[0].lower() if lang else None)


def strip_site_suffix(title: str, site: str | None) -> str:
    """``"Story | Site"`` → ``"Story"`` when the tail looks like an outlet name."""
    parts = _SUFFIX_SEP.split(title)
    if len(parts) < 2:
        return title
    site_key = _key(site or "")
    while len(parts) > 1:
        tail = parts[-1]
        if (site_key and (_key(tail) in site_key or site_key in _key(tail))) or (
            len(tail.split()) <= 4 and len(" ".join(parts[:-1]).split()) >= 3
        ):
            parts = parts[:-1]
        else:
            break
    head = parts[0]
    if site_key and len(parts) > 1 and _key(head) == site_key:
        return title
    return " - ".join(parts) if len(parts) > 1 else head


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _overlap(a: str, b: str) -> float:
    x, y = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(x & y) / max(1, len(x | y))


def choose_title(meta: PageMeta) -> str | None:
    """The headline: the ``h1`` that best agrees with a declared title, else the best guess.

    Pages often have several ``h1`` (logo, section, headline); the declared titles
    (og/JSON-LD/twitter/``<title>``, site suffix removed) say which one is the story's.
    """
    h1s = [t for src, t in meta.titles if src == "h1"]
    declared = [strip_site_suffix(t, meta.site_name) for src, t in meta.titles if src != "h1"]
    if h1s and declared:
        score, best = max(((max(_overlap(h, d) for d in declared), h) for h in h1s),
                          key=lambda pair: pair[0])
        if score >= TITLE_AGREEMENT:
            return best
    if h1s and len(h1s[0].split()) >= 3:
        return h1s[0]
    return declared[0] if declared else (h1s[0] if h1s else None)


def is_person_name(name: str, site: str | None = None) -> bool:
    """Whether ``name`` looks like a person rather than an outlet, desk or agency."""
    n = clean(name)
    if not n or len(n) > 60 or "@" in n or "://" in n:
        return False
    words = n.split()
    if not 1 <= len(words) <= 5:
        return False
    if site and _key(n) and (_key(n) in _key(site) or _key(site) in _key(n)):
        return False
    if _ORG_WORDS.search(n) or _NOT_NAME.search(n):
        return False
    return any(w[:1].isupper() for w in words)


def clean_author(name: str) -> str:
    """``"By Jane Doe"`` → ``"Jane Doe"``; drops roles after a comma or pipe."""
    n = clean(name)
    n = re.sub(r"^(?:by|written\s+by|story\s+by|words\s+by)\s+", "", n, flags=re.I)
    n = re.split(r"\s+[|]\s+|\s+[-–—]\s+", n)[0]
    n = n.strip(" ,;")
    if re.search(r"[a-z]", n):  # "Jane Doe MS, RDN" (not "JANE DOE" in capitals)
        n = _CREDENTIALS.sub("", n)
    return "" if _ONLY_CREDENTIAL.match(n) else n.strip(" ,;")


def split_authors(value: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|\band\b|&)\s*", value)
    return [clean_author(p) for p in parts if clean_author(p)]


def choose_authors(meta: PageMeta, fallback: tuple[str, ...]) -> tuple[str, ...]:
    """People credited as authors (outlets and desks dropped), best source first."""
    for _src, names in meta.authors:
        people = _people(names, meta.site_name)
        if people:
            return people
    return _people(fallback, meta.site_name)


def _people(names: tuple[str, ...], site: str | None) -> tuple[str, ...]:
    out: list[str] = []
    for raw in names:
        for n in split_authors(raw):
            if is_person_name(n, site) and n not in out:
                out.append(n)
    return tuple(out)


def choose_date(meta: PageMeta) -> str | None:
    """``YYYY-MM-DD`` of the first declared publication date that parses."""
    for _src, value in meta.dates:
        m = _ISO_DATE.search(value)
        if m:
            return m.group(0)
    return None
