"""Bytes from anywhere (file, HTTP response, WARC record) to a ``RawDocument``."""

from __future__ import annotations

from ..extract.decode import decode_bytes, looks_like_html
from ..records import RawDocument, content_id


def raw_from_bytes(
    data: bytes,
    origin: str,
    max_bytes: int,
    *,
    url: str | None = None,
    published: str | None = None,
    published_source: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    fetched_at: str | None = None,
) -> RawDocument:
    """Decode ``data`` and wrap it; the id hashes the URL and content, so reruns match."""
    content = decode_bytes(data, origin, max_bytes)
    return RawDocument(
        id=content_id(url or "", content),
        content=content,
        kind="html" if looks_like_html(content) else "text",
        origin=origin,
        url=url,
        published=published,
        published_source=published_source if published else None,
        outlet=outlet,
        title=title,
        fetched_at=fetched_at,
    )
