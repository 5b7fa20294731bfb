"""wirewatch: turn news into event data, with provenance for every field.

>>> import wirewatch
>>> doc = wirewatch.process_text("SEOUL (AP) — ...")          # doctest: +SKIP
>>> doc.article.title, doc.events                               # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Settings, load_settings
from .errors import WirewatchError
from .records import (
    Actor,
    Article,
    Document,
    Entity,
    Event,
    Failure,
    Quote,
    RawDocument,
    content_id,
)


def process_text(
    content: str,
    *,
    kind: str | None = None,
    url: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    settings: Settings | None = None,
) -> Document:
    """Run the configured pipeline over one HTML page or scraped text."""
    from .extract.decode import looks_like_html
    from .pipeline import Pipeline

    raw = RawDocument(
        id=content_id(url or "", content),
        content=content,
        kind=kind or ("html" if looks_like_html(content) else "text"),
        origin=url or "<string>",
        url=url,
        published=published,
        published_source="override" if published else None,
        outlet=outlet,
    )
    return Pipeline(settings).process(raw)


__all__ = [
    "Actor",
    "Article",
    "Document",
    "Entity",
    "Event",
    "Failure",
    "Quote",
    "RawDocument",
    "Settings",
    "WirewatchError",
    "__version__",
    "content_id",
    "load_settings",
    "process_text",
]
