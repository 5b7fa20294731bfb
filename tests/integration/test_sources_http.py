"""URLs and feeds from a real HTTP server on 127.0.0.1, hostile cases included.

Each hostile case must end as a clear, recorded failure within the short test timeouts;
nothing hangs and nothing already stored is lost.
"""

from __future__ import annotations

import io
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from wirewatch.cli import main
from wirewatch.config import Settings
from wirewatch.ingest.fetch import Fetcher
from wirewatch.scale.progress import Progress
from wirewatch.scale.run import run_ingest
from wirewatch.store import open_store

pytestmark = pytest.mark.network

SETTINGS = Settings(pipeline=("extract.article",), per_host_delay=0.0, fetch_timeout=1.0,
                    fetch_max_bytes=200_000)


def story(n: int) -> bytes:
    return (
        f"<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>"
        f"<p>Item {n}: the harbour authority said on Wednesday that the new container "
        "terminal would open next month, creating several hundred jobs in the port town.</p>"
        "<p>Union leaders welcomed the announcement but asked for guarantees on pay and "
        "safety for the dock workers who will run the cranes.</p></article></body></html>"
    ).encode()


class Handler(BaseHTTPRequestHandler):
    hits: ClassVar[Counter[str]] = Counter()
    not_modified = 0

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/html",
              **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        Handler.hits[path] += 1
        if path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path.startswith("/news/"):
            n = int(path.rsplit("/", 1)[1].split(".")[0])
            etag = f'"story-{n}"'
            if self.headers.get("If-None-Match") == etag:
                Handler.not_modified += 1
                self._send(304, ETag=etag)
            else:
                self._send(200, story(n), ETag=etag,
                           Last_Modified="Wed, 06 Mar 2024 10:00:00 GMT")
        elif path == "/slow":
            time.sleep(4)
            self._send(200, story(90))
        elif path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(400):  # ~20 s if nobody stops reading
                    self.wfile.write(b"<p>and more and more</p>" * 4)
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass
        elif path in ("/loop-a", "/loop-b"):
            self._send(302, Location="/loop-b" if path == "/loop-a" else "/loop-a")
        elif path == "/flaky":
            if Handler.hits[path] <= 2:
                self._send(500, b"oops")
            else:
                self._send(200, story(77))
        elif path == "/big":
            self._send(200, b"<html><body>" + b"<p>padding</p>" * 30_000 + b"</body></html>")
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n", "image/png")
        elif path.startswith("/private/"):
            self._send(200, story(66))
        elif path == "/feed.xml":
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            items = "".join(
                f"<item><title>Feed story {n}</title><link>{base}/news/{n}.html</link>"
                f"<guid>g{n}</guid><pubDate>Thu, 07 Mar 2024 0{n}:00:00 GMT</pubDate></item>"
                for n in (11, 12))
            items += (f"<item><title>Hidden</title><link>{base}/private/13</link>"
                      "<guid>g13</guid></item>")
            self._send(200, (f'<?xml version="1.0"?><rss version="2.0"><channel>'
                             f"<title>Harbour Times</title>{items}</channel></rss>").encode(),
                       "application/rss+xml")
        elif path == "/broken.xml":
            self._send(200, b'<?xml version="1.0"?><rss><channel><item><title>cut',
                       "application/rss+xml")
        else:
            self._send(404, b"not found")


@pytest.fixture
def server() -> Iterator[str]:
    Handler.hits = Counter()
    Handler.not_modified = 0
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def fetcher() -> Fetcher:
    return Fetcher(SETTINGS, backoff=0.05)


def quiet() -> Progress:
    return Progress(stream=io.StringIO(), live=False)


def test_hostile_urls_are_recorded_failures_and_good_ones_stored(
    server: str, tmp_path: Path
) -> None:
    urls = tmp_path / "list.urls"
    urls.write_text("\n".join(f"{server}{p}" for p in (
        "/news/1.html", "/slow", "/endless", "/loop-a", "/flaky", "/private/secret",
        "/big", "/image", "/missing", "/news/2.html")) + "\nfile:///etc/passwd\n")
    db = f"sqlite:///{tmp_path / 'h.db'}"
    started = time.monotonic()
    with open_store(db) as store:
        summary = run_ingest([str(urls)], SETTINGS, store, fetcher=fetcher(),
                             progress=quiet())
        elapsed = time.monotonic() - started
        failures = summary.stored.failures
        assert store.stats()["documents"] == 3  # news/1, news/2 and flaky after retries
    errors = {e.split(": ", 1)[0].rsplit("/", 1)[-1]: e for _, e in failures}
    assert "timed out" in errors["slow"]
    assert "still streaming" in errors["endless"]
    assert "redirect loop" in errors["loop-a"]
    assert "robots.txt disallows" in errors["secret"]
    assert "200,000-byte limit" in errors["big"]
    assert "content-type image/png" in errors["image"]
    assert "HTTP 404" in errors["missing"]
    assert "refusing scheme 'file'" in errors["passwd"]
    assert summary.failed["FetchTimeoutError"] == 2 and summary.failures == 8
    assert Handler.hits["/flaky"] == 3 and Handler.hits["/private/secret"] == 0
    assert elapsed < 15, "a hostile server must not stall the run"


def test_refetch_uses_conditional_get_and_keeps_stored_documents(
    server: str, tmp_path: Path
) -> None:
    urls = tmp_path / "list.urls"
    urls.write_text(f"{server}/news/1.html\n{server}/news/2.html\n")
    db = f"sqlite:///{tmp_path / 'c.db'}"
    with open_store(db) as store:
        first = run_ingest([str(urls)], SETTINGS, store, fetcher=fetcher(), progress=quiet())
        second = run_ingest([str(urls)], SETTINGS, store, fetcher=fetcher(), progress=quiet())
        assert first.stored.stored == 2
        assert second.processed == 0
        assert second.skipped == {"unchanged since the last fetch (HTTP 304)": 2}
        assert Handler.not_modified == 2
        assert store.stats()["documents"] == 2


def test_feed_url_ingests_items_with_feed_dates(server: str, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'f.db'}"
    with open_store(db) as store:
        summary = run_ingest([f"{server}/feed.xml"], SETTINGS, store, fetcher=fetcher(),
                             progress=quiet())
        assert summary.stored.stored == 2 and summary.failed == {"DisallowedError": 1}
        docs = [store.get_document(i) for i in _document_ids(store)]
    by_title = {d.article.title: d.article for d in docs if d}
    assert by_title["Feed story 11"].published == "2024-03-07"
    assert by_title["Feed story 11"].published_source == "feed"
    assert by_title["Feed story 11"].outlet == "Harbour Times"


def _document_ids(store: object) -> list[str]:
    from sqlalchemy import select

    from wirewatch.store import schema

    with store.engine.connect() as conn:  # type: ignore[attr-defined]
        return [r[0] for r in conn.execute(select(schema.documents.c.id))]


def test_watch_cli_once_survives_restart_and_a_broken_feed(server: str, tmp_path: Path) -> None:
    config = tmp_path / "ww.yaml"
    config.write_text("pipeline: [extract.article]\nper_host_delay: 0\nfetch_timeout: 1\n")
    db = f"sqlite:///{tmp_path / 'w.db'}"
    args = ["watch", f"{server}/broken.xml", f"{server}/feed.xml", "--once", "--json",
            "--db", db, "--config", str(config)]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    totals = json.loads(first.stdout.strip().splitlines()[-1])
    assert totals["stored"] == 2 and totals["feeds_down"] == [f"{server}/broken.xml"]
    assert "malformed feed" in first.stderr
    second = CliRunner().invoke(main, args)  # a restart: nothing is ingested twice
    totals = json.loads(second.stdout.strip().splitlines()[-1])
    assert totals["new_items"] == 0 and Handler.hits["/news/11.html"] == 1


def test_ingest_cli_prints_a_summary(server: str, tmp_path: Path) -> None:
    config = tmp_path / "ww.yaml"
    config.write_text("pipeline: [extract.article]\nper_host_delay: 0\nfetch_timeout: 1\n")
    result = CliRunner().invoke(main, [
        "ingest", f"{server}/news/5.html", f"{server}/missing", "--db",
        f"sqlite:///{tmp_path / 'i.db'}", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "processed 2 input(s)" in result.stdout
    assert "1 × HTTPStatusError" in result.stdout and "HTTP 404" in result.stdout
