"""Peer article extractors behind one interface, for the extraction benchmarks.

Each takes ``(html, url)`` and returns a ``Result``; none touches the network.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable
from dataclasses import dataclass

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "div", "td",
          "figcaption", "dt", "dd", "tr", "section", "article", "header", "footer", "br"}


def quiet_peers() -> None:
    """Silence the peers' warnings and log lines (call from a benchmark's ``main``)."""
    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)


@dataclass(frozen=True, slots=True)
class Result:
    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None


def html_blocks_text(fragment: str) -> str:
    """Text of an HTML fragment with a line per block element (for readability's output)."""
    import lxml.html

    if not fragment.strip():
        return ""
    root = lxml.html.fromstring(fragment)
    parts: list[str] = []

    def walk(el: object) -> None:
        tag = getattr(el, "tag", None)
        if not isinstance(tag, str):
            return
        if tag.lower() in BLOCKS:
            parts.append("\n")
        if el.text:  # type: ignore[attr-defined]
            parts.append(el.text)  # type: ignore[attr-defined]
        for child in el:  # type: ignore[attr-defined]
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag.lower() in BLOCKS:
            parts.append("\n")

    walk(root)
    lines = (" ".join(ln.split()) for ln in "".join(parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def _names(values: object) -> tuple[str, ...]:
    """Author names as flat strings (some peers nest lists)."""
    if isinstance(values, str):
        return (values,) if values.strip() else ()
    if isinstance(values, (list, tuple)):
        return tuple(n for v in values for n in _names(v))
    return ()


def _date(value: object) -> str | None:
    if value is None:
        return None
    iso = getattr(value, "isoformat", None)
    text = iso() if callable(iso) else str(value)
    return text[:10] if len(text) >= 10 else None


def wirewatch(html: str, url: str | None) -> Result:
    from wirewatch.extract import extract_article
    from wirewatch.records import RawDocument

    a = extract_article(RawDocument(id="x", content=html, kind="html", origin="bench", url=url))
    return Result(a.text, a.title, a.authors, a.published)


def trafilatura(html: str, url: str | None) -> Result:
    import trafilatura as t

    doc = t.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                            include_tables=False)
    if doc is None or isinstance(doc, dict):
        return Result("")
    authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
    return Result(doc.text or "", doc.title, authors, _date(doc.date))


def readability(html: str, url: str | None) -> Result:
    from readability import Document

    d = Document(html, url=url)
    return Result(html_blocks_text(d.summary(html_partial=True)), d.short_title())


def newspaper4k(html: str, url: str | None) -> Result:
    from newspaper import Article

    a = Article(url or "http://example.com/article", fetch_images=False)
    a.download(input_html=html)
    a.parse()
    return Result(a.text or "", a.title, _names(a.authors), _date(a.publish_date))


def goose3(html: str, url: str | None) -> Result:
    from goose3 import Goose

    with Goose({"enable_image_fetching": False, "http_timeout": 0.01}) as g:
        a = g.extract(raw_html=html)
    return Result(a.cleaned_text or "", a.title, _names(a.authors), _date(a.publish_date))


SYSTEMS: dict[str, Callable[[str, str | None], Result]] = {
    "wirewatch": wirewatch,
    "trafilatura": trafilatura,
    "readability-lxml": readability,
    "newspaper4k": newspaper4k,
    "goose3": goose3,
}
