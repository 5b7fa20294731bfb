"""Scores for extraction against gold articles: body P/R/F1, title, authors, date, leaks.

Shared by ``benchmarks/extraction.py``, ``benchmarks/scraped_text.py`` and the gold tests so
that every system is measured by the same code.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_WORD = re.compile(r"\w+", re.UNICODE)

LEAK_PATTERNS = re.compile(
    r"""^(?:
        advertisement|advertisements?\s*[-–—:]?\s*scroll\s+to\s+continue.*|
        story\s+continues\s+below(?:\s+advertisement)?|
        (?:article\s+)?continues?\s+(?:below|after\s+(?:this\s+)?(?:ad|advertisement))|
        sponsored(?:\s+content|\s+stories|\s+links)?|paid\s+content|promoted(?:\s+stories)?|
        adchoices|ad\s+choices|
        read\s+(?:more|next|also|the\s+full\s+story)\b.*|related(?:\s+(?:articles?|stories|content))?\s*:?.*|
        (?:see|more)\s+also\s*:.*|recommended(?:\s+(?:for\s+you|stories|videos?))?\s*:?|
        (?:sign\s+up|subscribe)\b.*(?:newsletter|inbox|email|updates|free).*|
        .*\bnewsletter\b.*(?:sign\s+up|subscribe|inbox|delivered).*|
        (?:get|receive)\s+(?:our|the)\b.*(?:newsletter|inbox|email).*|
        (?:share|tweet|email|print)\s+(?:this|on\s+\w+)(?:\s+(?:article|story|page))?\s*[:!.]?|
        share(?:\s+via)?\s*(?:facebook|twitter|email|whatsapp|linkedin)?\s*|
        follow\s+(?:us|@\w+)\b.*|
        click\s+(?:here|to\s+(?:play|watch|share|subscribe|read)).*|
        (?:watch|listen)\s*:.*|
        (?:photo|image|picture)\s*(?:credit)?\s*:.*|
        (?:copyright\s+)?©.*all\s+rights\s+reserved.*|
        all\s+rights\s+reserved\.?|
        (?:leave|post|add)\s+a\s+comment.*|comments?\s*\(?\d*\)?|
        skip\s+(?:to\s+)?(?:content|advertisement|ad)|
        this\s+article\s+(?:was\s+)?(?:originally\s+)?(?:appeared|published)\s+(?:on|in)\b.*
    )$""",
    re.I | re.X,
)
"""Boilerplate line shapes counted as a leak when a system keeps them (and gold does not)."""


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    title: str
    authors: tuple[str, ...]
    date: str | None
    body: str
    url: str | None
    site: str | None


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens after Unicode compatibility folding."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


def _prf(pred: Counter[object], gold: Counter[object]) -> PRF:
    if not pred and not gold:
        return PRF(1.0, 1.0, 1.0)
    if not pred or not gold:
        return PRF(0.0, 0.0, 0.0)
    overlap = sum((pred & gold).values())
    p = overlap / sum(pred.values())
    r = overlap / sum(gold.values())
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def token_prf(pred: str, gold: str) -> PRF:
    """Bag-of-words precision/recall/F1 of ``pred`` against ``gold``."""
    return _prf(Counter(tokens(pred)), Counter(tokens(gold)))


def shingle_prf(pred: str, gold: str, n: int = 4) -> PRF:
    """Precision/recall/F1 over word ``n``-gram shingles (order-sensitive)."""

    def grams(text: str) -> Counter[object]:
        t = tokens(text)
        return Counter(tuple(t[i:i + n]) for i in range(max(0, len(t) - n + 1)))

    return _prf(grams(pred), grams(gold))


def norm_title(title: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", title or "").lower().split())


def _norm_name(name: str) -> str:
    return " ".join(tokens(name))


def author_f1(pred: tuple[str, ...] | list[str], gold: tuple[str, ...] | list[str]) -> float:
    """Set F1 over normalised names; 1.0 when both are empty."""
    p = {_norm_name(a) for a in pred if _norm_name(a)}
    g = {_norm_name(a) for a in gold if _norm_name(a)}
    return _prf(Counter(p), Counter(g)).f1


def leak_lines(text: str, gold: str = "") -> list[str]:
    """Lines of ``text`` that are boilerplate (and not also lines of the gold body)."""
    gold_lines = {" ".join(ln.split()).lower() for ln in gold.splitlines()}
    out = []
    for line in text.splitlines():
        ln = " ".join(line.split())
        if ln and len(ln) < 200 and LEAK_PATTERNS.match(ln) and ln.lower() not in gold_lines:
            out.append(ln)
    return out


def load_naeb(folder: Path) -> Iterator[tuple[GoldArticle, str]]:
    """``(gold, html)`` for every NAEB page whose HTML is present, in id order."""
    meta = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    for key in sorted(meta):
        path = folder / "html" / f"{key}.html.gz"
        if not path.exists():
            continue
        item = meta[key]
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        authors = tuple(a.strip() for a in (item.get("authors") or "").split(",") if a.strip())
        yield GoldArticle(
            id=key, title=item.get("title") or "", authors=authors,
            date=item.get("date") or None, body=item.get("articleBody") or "",
            url=item.get("url"), site=item.get("site"),
        ), html


INVISIBLE = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object",
             "canvas", "math", "select", "option", "button", "input", "textarea"}
BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section",
         "article", "aside", "header", "footer", "nav", "main", "figure", "figcaption",
         "blockquote", "pre", "table", "tr", "td", "th", "dt", "dd", "dl", "form", "br",
         "hr", "address", "details", "summary", "caption"}


def naive_scrape(page: str) -> str:
    """All visible text of ``page``, a line per block element, as a naive scraper saves it."""
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8")
    root = lxml.html.fromstring(page.encode("utf-8", "replace"), parser=parser)
    out: list[str] = []

    def hidden(el: lxml.html.HtmlElement) -> bool:
        style = (el.get("style") or "").replace(" ", "").lower()
        return el.get("hidden") is not None or "display:none" in style

    def walk(el: lxml.html.HtmlElement) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag or tag in INVISIBLE or hidden(el):
            return
        block = tag in BLOCK
        if block:
            out.append("\n")
        if el.text:
            out.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                out.append(child.tail)
        if block:
            out.append("\n")

    body = root.find("body")
    walk(body if body is not None else root)
    lines = (" ".join(ln.split()) for ln in "".join(out).split("\n"))
    return "\n".join(ln for ln in lines if ln)
