"""RSS/Atom feeds: parse a feed into items, then fetch each item's article page."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import MalformedInputError, WirewatchError
from ..records import Failure, RawDocument, content_id
from .fetch import FEED_TYPES, Fetcher
from .raw import raw_from_bytes


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed: its link and what the feed says about it."""

    key: str
    """A stable identity for the item: its guid, else its link."""
    link: str
    title: str | None = None
    published: str | None = None
    """ISO date-time from the feed, when it gives one."""


@dataclass(frozen=True, slots=True)
class Feed:
    url: str
    title: str | None
    items: tuple[FeedItem, ...]


def _iso(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)


def looks_like_feed(data: bytes) -> bool:
    """Whether ``data`` opens like an RSS, RDF or Atom document."""
    head = data[:2048].lstrip().lower()
    return head.startswith(b"<?xml") and any(t in head for t in (b"<rss", b"<feed", b"<rdf"))


def parse_feed(data: bytes, url: str) -> Feed:
    """Items of an RSS/Atom feed; a feed that cannot be read raises ``MalformedInputError``."""
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        raise MalformedInputError("not an RSS or Atom feed", url)
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        items.append(FeedItem(
            key=str(entry.get("id") or link),
            link=str(link),
            title=entry.get("title"),
            published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        ))
    if parsed.bozo and not items:
        # a broken feed is kept only if the parser still recovered linked items from it
        reason = getattr(parsed.get("bozo_exception"), "getMessage", None)
        detail = reason() if callable(reason) else str(parsed.get("bozo_exception", ""))
        raise MalformedInputError(f"malformed feed: {detail or 'no items'}", url)
    return Feed(url, parsed.feed.get("title"), tuple(items))


def fetch_feed(fetcher: Fetcher, url: str, etag: str | None = None,
               last_modified: str | None = None) -> tuple[Feed | None, dict[str, str | None]]:
    """The feed at ``url`` (``None`` when unchanged since the validators) and new validators."""
    page = fetcher.fetch(url, accept=(*FEED_TYPES, "text/html", "text/plain"), etag=etag,
                         last_modified=last_modified)
    validators = {"etag": page.etag or etag, "last_modified": page.last_modified or last_modified}
    if page.not_modified:
        return None, validators
    return parse_feed(page.content, url), validators


def item_document(fetcher: Fetcher, feed: Feed, item: FeedItem,
                  max_bytes: int) -> RawDocument | Failure:
    """The article page of ``item``, with the feed's date and title as metadata."""
    try:
        page = fetcher.fetch(item.link)
        return raw_from_bytes(
            page.content, item.link, max_bytes, url=page.url, published=item.published,
            published_source="feed" if item.published else None, outlet=feed.title,
            title=item.title, fetched_at=page.fetched_at,
        )
    except WirewatchError as exc:
        return Failure(content_id(item.link), item.link, str(exc), type(exc).__name__)


def iter_feed(fetcher: Fetcher, url: str, max_bytes: int) -> Iterator[RawDocument | Failure]:
    """Every item of the feed at ``url`` as a raw document (or a failure naming it)."""
    try:
        feed, _ = fetch_feed(fetcher, url)
    except WirewatchError as exc:
        yield Failure(content_id(url), url, str(exc), type(exc).__name__)
        return
    assert feed is not None
    for item in feed.items:
        yield item_document(fetcher, feed, item, max_bytes)
