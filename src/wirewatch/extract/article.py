"""Assemble the ``Article`` from an HTML or text extraction plus datelines and credits."""

from __future__ import annotations

import re
from datetime import date

from ..config import Settings
from ..errors import NoArticleError
from ..records import Article, Document, FieldSource, RawDocument
from . import html as html_mod
from . import text as text_mod
from . import wire
from .decode import looks_like_html
from .furniture import is_story_line

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_EN_STOPWORDS = frozenset((
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by",
    "said", "it", "from", "at",
))


def normalise_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO-ish date string, or ``None`` (never invented)."""
    if not value:
        return None
    m = _ISO.match(value.strip())
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        from dateutil import parser

        return parser.parse(value, fuzzy=False).date().isoformat()
    except (ValueError, OverflowError, ImportError):
        return None


MIN_ARTICLE_WORDS = 25
"""Bodies shorter than this are not articles (menus, error pages); wire briefs are longer."""
_ERROR_PAGE = re.compile(
    r"\b(?:404|410|page\s+(?:not\s+found|(?:you\s+requested\s+)?"
    r"(?:could\s+not|cannot|can'?t)\s+be\s+found|does\s*n[o']t\s+exist)|"
    r"not\s+found|error\s+\d{3}|access\s+denied|"
    r"forbidden|server\s+error)\b",
    re.I,
)


def not_an_article(body: str, title: str | None) -> str | None:
    """Why ``body`` is not an article (empty, an error page, a link list), or ``None``."""
    if not body.strip():
        return "no article text found (index, error or empty page?)"
    words = len(body.split())
    if title and _ERROR_PAGE.search(title) and words < 150:
        return f"looks like an error page ({title[:60]!r}), not an article"
    if words < MIN_ARTICLE_WORDS or not any(is_story_line(p) for p in body.split("\n\n")):
        return f"no article found: only {words} words of short lines (index or menu page?)"
    return None


def guess_language(text: str) -> str | None:
    """``en`` when the text reads as English; ``None`` when unsure."""
    words = re.findall(r"[a-z]+", text[:5000].lower())
    if len(words) < 20:
        return None
    ratio = sum(w in _EN_STOPWORDS for w in words) / len(words)
    return "en" if ratio > 0.12 else None


class ArticleExtractor:
    """Stage ``extract.article``: ``RawDocument -> Document``."""

    name = "extract.article"

    @property
    def version(self) -> str:
        return f"1+html{html_mod.VERSION}+text{text_mod.VERSION}+wire{wire.VERSION}"

    def __call__(self, raw: RawDocument, settings: Settings | None = None) -> Document:
        article = extract_article(raw)
        return Document(id=raw.id, article=article).with_stage(self.name, self.version)


def extract_article(raw: RawDocument) -> Article:
    """The clean article in ``raw``; raises ``NoArticleError`` when there is none."""
    kind = raw.kind if raw.kind in ("html", "text") else (
        "html" if looks_like_html(raw.content) else "text"
    )
    if kind == "html":
        ex = html_mod.extract_html(raw.content, raw.url)
    else:
        ex = text_mod.clean_text(raw.content)
    fm = wire.front_matter(ex.text)
    problem = not_an_article(fm.text, ex.title)
    if problem:
        raise NoArticleError(problem, raw.origin)
    provenance = list(ex.provenance)
    if fm.dateline:
        provenance.append(FieldSource("dateline", "wire.dateline", 0, len(fm.dateline)))
    published = normalise_date(raw.published)
    source: str | None = "override"
    if published is None or raw.published_source not in (None, "override"):
        page_date = normalise_date(ex.published)
        if page_date:
            published, source = page_date, ("page" if kind == "html" else "text")
        elif published is not None:
            source = raw.published_source or "override"
    if published is None:
        source = None
    return Article(
        title=raw.title or ex.title,
        text=fm.text,
        published=published,
        authors=tuple(dict.fromkeys((*ex.authors, *fm.authors))),
        outlet=raw.outlet or ex.outlet,
        dateline=fm.dateline,
        credits=fm.credits,
        language=ex.language or guess_language(fm.text),
        removed=(*ex.removed, *fm.removed),
        url=raw.url,
        published_source=source,
        input_kind=kind,
        provenance=tuple(provenance),
    )
