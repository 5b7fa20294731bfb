"""Article body and metadata from a raw news page.

The body comes from trafilatura's main-content extraction (its fast path: no fallback
extractors, which on news pages is both quicker and cleaner), then every line is passed
through the furniture classifier so ads, promos, share prompts and link labels that
survive are stripped and recorded.  Title, authors and date are chosen from what the
markup declares (``metadata.py``), with trafilatura's guesses as fallbacks.
"""

from __future__ import annotations

from ..records import FieldSource, Removed
from . import metadata as meta_mod
from .base import Extracted
from .furniture import furniture_reason, normalise_line

VERSION = "2"


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Body, title, date, authors, outlet and language of the article in ``html``."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return Extracted(text="")
    page = meta_mod.read_meta(tree)
    doc = trafilatura.bare_extraction(
        tree, url=url, fast=True, with_metadata=True, include_comments=False,
        include_tables=False, deduplicate=False,
    )
    title = meta_mod.choose_title(page)
    if doc is None or isinstance(doc, dict):
        return Extracted(text="", title=title, outlet=page.site_name, language=page.language)
    title = title or doc.title
    lines = [" ".join(ln.split()) for ln in (doc.text or "").split("\n")]
    kept, removed = post_clean([ln for ln in lines if ln], title)
    traf_authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
    authors = meta_mod.choose_authors(page, traf_authors)
    published = (doc.date or "")[:10] or meta_mod.choose_date(page)
    provenance = [FieldSource("text", "html.trafilatura+furniture")]
    for name, value in (("title", title), ("published", published), ("authors", authors)):
        if value:
            provenance.append(FieldSource(name, "html.metadata"))
    return Extracted(
        text="\n\n".join(kept),
        title=title,
        published=published or None,
        authors=authors,
        outlet=page.site_name or doc.sitename,
        language=page.language or doc.language,
        removed=tuple(removed),
        provenance=tuple(provenance),
    )


def post_clean(lines: list[str], title: str | None) -> tuple[list[str], list[Removed]]:
    """Drop furniture lines from an extracted body, and a leading repeat of the title."""
    kept: list[str] = []
    removed: list[Removed] = []
    title_key = normalise_line(title) if title else None
    for i, line in enumerate(lines):
        if i == 0 and title_key and normalise_line(line) == title_key:
            removed.append(Removed(line, "title"))
            continue
        reason = furniture_reason(line)
        if reason:
            removed.append(Removed(line, reason))
        else:
            kept.append(line)
    return kept, removed
