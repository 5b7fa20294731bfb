"""Article body and metadata from a raw news page."""

from __future__ import annotations

from ..records import FieldSource, Removed
from .base import Extracted

VERSION = "1"


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Body, title, date, authors, outlet and language of the article in ``html``."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=False, deduplicate=False,
    )
    if doc is None:
        return Extracted(text="")
    text = "\n\n".join(p.strip() for p in (doc.text or "").split("\n") if p.strip())
    authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
    removed: tuple[Removed, ...] = ()
    return Extracted(
        text=text,
        title=doc.title,
        published=doc.date,
        authors=authors,
        outlet=doc.sitename,
        language=doc.language,
        removed=removed,
        provenance=tuple(
            FieldSource(f, "html.trafilatura")
            for f, v in (("title", doc.title), ("published", doc.date), ("authors", authors))
            if v
        ),
    )
