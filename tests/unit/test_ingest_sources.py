"""Folders, globs, gzip, URL lists, JSONL and the input counter (no network)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from wirewatch.config import Settings
from wirewatch.ingest.fetch import Fetcher
from wirewatch.ingest.files import matches
from wirewatch.ingest.sources import Skipped, count_inputs, iter_inputs, iter_sources, read_url_list
from wirewatch.ingest.state import MemoryState
from wirewatch.records import Failure, RawDocument


@pytest.fixture
def site(fixtures: Path) -> Path:
    return fixtures / "sources" / "site"


def names(items: list[RawDocument | Failure]) -> list[str]:
    return [Path(i.origin).name for i in items]


def test_folder_tree_in_stable_order_with_gzip(site: Path) -> None:
    items = list(iter_sources([str(site)], Settings()))
    assert names(items) == ["briefing.txt", "briefing-update.txt.gz", "grain-convoy.htm",
                            "harbour-talks.html", "unfinished.html"]
    assert all(isinstance(i, RawDocument) for i in items)
    gz = items[1]
    assert isinstance(gz, RawDocument) and "three months" in gz.content and gz.kind == "text"
    assert items[3].kind == "html"  # type: ignore[union-attr]


def test_include_and_exclude_globs(site: Path) -> None:
    only_html = list(iter_sources([str(site)], Settings(), include=["*.html", "*.htm"]))
    assert names(only_html) == ["grain-convoy.htm", "harbour-talks.html", "unfinished.html"]
    no_drafts = list(iter_sources([str(site)], Settings(), exclude=["drafts/*"]))
    assert "unfinished.html" not in names(no_drafts) and len(no_drafts) == 4
    deep = list(iter_sources([str(site)], Settings(), include=["2024/**/*.html"]))
    assert names(deep) == ["harbour-talks.html"]


@pytest.mark.parametrize(("path", "include", "exclude", "ok"), [
    ("a/b.html", [], [], True),
    ("a/b.html", ["*.txt"], [], False),
    ("a/b.html", ["a/*"], ["*.html"], False),
    ("x/y/z.txt", ["x/**/*.txt"], [], True),
    ("z.txt", ["x/**/*.txt"], [], False),
])
def test_glob_matching(path: str, include: list[str], exclude: list[str], ok: bool) -> None:
    assert matches(path, include, exclude) is ok


def test_missing_and_binary_inputs_become_failures(tmp_path: Path) -> None:
    (tmp_path / "pic.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    items = list(iter_sources([str(tmp_path / "nope.html"), str(tmp_path)], Settings()))
    assert [type(i).__name__ for i in items] == ["Failure", "Failure"]
    assert "no such file" in items[0].error  # type: ignore[union-attr]
    assert "binary" in items[1].error  # type: ignore[union-attr]


def test_jsonl_batch_like_extract(tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text(json.dumps({"id": "a1", "text": "Some text here."}) + "\n{broken\n",
                     encoding="utf-8")
    items = list(iter_sources([str(batch)], Settings()))
    assert isinstance(items[0], RawDocument) and items[0].id == "a1"
    assert isinstance(items[1], Failure) and "invalid JSON" in items[1].error


def test_url_list_detection(tmp_path: Path) -> None:
    listed = tmp_path / "feeds.txt"
    listed.write_text("# my sources\nhttps://a.example/1\n\nhttp://b.example/2\n")
    assert read_url_list(listed) == ["https://a.example/1", "http://b.example/2"]
    article = tmp_path / "story.txt"
    article.write_text("See https://a.example/1 for more.\nA second line of prose.\n")
    assert read_url_list(article) is None
    explicit = tmp_path / "x.urls"
    explicit.write_text("https://a.example/1\n")
    assert read_url_list(explicit) == ["https://a.example/1"]


def test_url_list_fetches_politely_and_skips_unchanged(tmp_path: Path) -> None:
    """A refetch sends stored validators; a 304 for a stored document is a skip."""
    body = ("<html><body><article><p>The river ferry service restarted on Friday after "
            "repairs, officials said, and crossings will run every hour.</p></article>"
            "</body></html>")

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        if request.url.scheme == "http" and request.url.path == "/bad":
            return httpx.Response(500)
        if request.headers.get("if-none-match") == '"e1"':
            return httpx.Response(304)
        return httpx.Response(200, text=body, headers={"content-type": "text/html",
                                                       "etag": '"e1"'})

    urls = tmp_path / "list.urls"
    urls.write_text("https://n.example/story\nftp://n.example/x\nhttp://n.example/bad\n")
    state = MemoryState()
    fetcher = Fetcher(Settings(per_host_delay=0), transport=httpx.MockTransport(handler),
                      sleep=lambda s: None)
    first = list(iter_inputs([str(urls)], Settings(), fetcher=fetcher, state=state))
    assert isinstance(first[0], RawDocument) and first[0].url == "https://n.example/story"
    assert isinstance(first[1], Failure) and "refusing scheme" in first[1].error
    assert isinstance(first[2], Failure) and "HTTP 500" in first[2].error
    # the document is not stored yet: no validators are sent, the page is fetched again
    again = list(iter_inputs([str(urls)], Settings(), fetcher=fetcher, state=state))
    assert isinstance(again[0], RawDocument)
    state.documents.add(again[0].id)
    third = list(iter_inputs([str(urls)], Settings(), fetcher=fetcher, state=state))
    assert isinstance(third[0], Skipped) and "304" in third[0].reason


def test_count_inputs(site: Path, tmp_path: Path) -> None:
    assert count_inputs([str(site)]) == 5
    assert count_inputs([str(site)], exclude=["drafts/*"]) == 4
    batch = tmp_path / "b.jsonl"
    batch.write_text('{"text": "a"}\n\n{"text": "b"}\n')
    assert count_inputs([str(batch), str(site)]) == 7
    assert count_inputs(["https://a.example/feed"]) is None
