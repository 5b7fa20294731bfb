"""RSS/Atom parsing and ``watch`` polling against a mock transport and a SQLite store."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from wirewatch.config import Settings
from wirewatch.errors import ConfigError, MalformedInputError
from wirewatch.ingest.feeds import parse_feed
from wirewatch.ingest.fetch import Fetcher
from wirewatch.ingest.watch import FeedWatcher, parse_interval
from wirewatch.store import open_store

SETTINGS = Settings(pipeline=("extract.article",), per_host_delay=0.0)


def rss(items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>https://news.example/{slug}</link>"
        f"<guid>news-{slug}</guid><pubDate>Tue, 05 Mar 2024 09:15:00 GMT</pubDate></item>"
        for slug, title in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>'
            f"<link>https://news.example/</link>{entries}</channel></rss>")


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title>Bridge opens</title><id>urn:x:1</id><link href="https://wire.example/bridge"/>
<updated>2024-02-01T10:00:00Z</updated></entry></feed>"""


def article(slug: str) -> str:
    return (f"<html><head><title>{slug}</title></head><body><article><p>Story {slug}: the "
            "regional council approved a plan on Monday to rebuild the flood defences along "
            "the river, officials said, after storms damaged several embankments.</p><p>Work "
            "is due to begin in the spring and to last two years.</p></article></body></html>")


def test_parse_rss_and_atom() -> None:
    feed = parse_feed(rss([("a", "First"), ("b", "Second")]).encode(), "https://news.example/rss")
    assert feed.title == "Example News"
    assert [i.link for i in feed.items] == ["https://news.example/a", "https://news.example/b"]
    assert feed.items[0].key.endswith("news-a")
    assert feed.items[0].published == "2024-03-05T09:15:00Z"
    atom = parse_feed(ATOM.encode(), "https://wire.example/atom")
    assert atom.items[0].link == "https://wire.example/bridge"
    assert atom.items[0].published == "2024-02-01T10:00:00Z"


@pytest.mark.parametrize("data", [b"<html><body>not a feed</body></html>",
                                  b'<?xml version="1.0"?><rss><channel><item><title>x'])
def test_malformed_feed_is_an_input_error(data: bytes) -> None:
    with pytest.raises(MalformedInputError, match=r"https://bad\.example/rss"):
        parse_feed(data, "https://bad.example/rss")


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("30s", 30), ("2h", 7200),
                                               ("45", 45)])
def test_parse_interval(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


def test_bad_interval() -> None:
    with pytest.raises(ConfigError):
        parse_interval("soon")


class NewsSite:
    """A mock outlet whose feed grows; ``down`` makes every request fail."""

    def __init__(self) -> None:
        self.items = [("a", "Flood plan"), ("b", "Embankments")]
        self.down = False
        self.article_hits: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            return httpx.Response(503)
        path = request.url.path
        if path == "/robots.txt":
            return httpx.Response(404)
        if path == "/rss":
            return httpx.Response(200, text=rss(self.items),
                                  headers={"content-type": "application/rss+xml"})
        if path == "/broken":
            return httpx.Response(200, text="<?xml version='1.0'?><rss><chan",
                                  headers={"content-type": "application/rss+xml"})
        self.article_hits.append(path)
        return httpx.Response(200, text=article(path.strip("/")),
                              headers={"content-type": "text/html"})


def watcher_for(site: NewsSite, db: Path, feeds: list[str]) -> tuple[FeedWatcher, object]:
    store = open_store(f"sqlite:///{db}")
    fetcher = Fetcher(SETTINGS, transport=httpx.MockTransport(site), sleep=lambda s: None)
    return FeedWatcher(feeds, SETTINGS, store, fetcher=fetcher), store


def test_watch_ingests_only_new_items_across_restarts(tmp_path: Path) -> None:
    site = NewsSite()
    db = tmp_path / "w.db"
    watcher, store = watcher_for(site, db, ["https://news.example/rss"])
    (first,) = watcher.run(60, once=True)
    assert (first.new_items, first.stored) == (2, 2)
    (second,) = watcher.run(60, once=True)
    assert second.new_items == 0 and site.article_hits == ["/a", "/b"]
    store.close()  # type: ignore[attr-defined]

    site.items.append(("c", "Work begins"))
    watcher, store = watcher_for(site, db, ["https://news.example/rss"])  # a restart
    (third,) = watcher.run(60, once=True)
    assert third.new_items == 1 and site.article_hits == ["/a", "/b", "/c"]
    doc_stats = store.stats()  # type: ignore[attr-defined]
    assert doc_stats["documents"] == 3
    store.close()  # type: ignore[attr-defined]


def test_watch_keeps_going_when_a_feed_is_down(tmp_path: Path) -> None:
    site = NewsSite()
    watcher, store = watcher_for(site, tmp_path / "w.db",
                                 ["https://news.example/broken", "https://news.example/rss"])
    (result,) = watcher.run(60, once=True)
    assert result.feeds_down == ["https://news.example/broken"]
    assert result.stored == 2
    stats = store.stats()  # type: ignore[attr-defined]
    assert stats["documents"] == 2 and stats["failures"] >= 1
    store.close()  # type: ignore[attr-defined]


def test_item_failing_transiently_is_retried_later(tmp_path: Path) -> None:
    site = NewsSite()
    real = site.__call__

    def flaky(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/b" and len(site.article_hits) < 6:
            site.article_hits.append("/b-fail")
            return httpx.Response(500)
        return real(request)

    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    fetcher = Fetcher(SETTINGS, transport=httpx.MockTransport(flaky), sleep=lambda s: None)
    watcher = FeedWatcher(["https://news.example/rss"], SETTINGS, store, fetcher=fetcher)
    first, second = watcher.run(1, cycles=2, sleep=lambda s: None)
    assert (first.stored, first.failed) == (1, 1)
    assert (second.new_items, second.stored) == (1, 1)
    assert store.stats()["documents"] == 2
    store.close()
