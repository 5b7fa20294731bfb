"""WARC archives (CC-NEWS layout) written with warcio in the test, including damaged ones."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from wirewatch.config import Settings
from wirewatch.extract import extract_article
from wirewatch.ingest.sources import iter_sources
from wirewatch.ingest.warc import iter_warc
from wirewatch.records import Failure, RawDocument

BODY = (
    "<html><head><title>{title}</title></head><body><article>"
    "<p>{title}. Officials in the port city said on Monday that the ferry service to the "
    "islands would resume after repairs to the main pier were finished ahead of schedule.</p>"
    "<p>Residents had relied on fishing boats for supplies for almost three weeks, the "
    "mayor's office said, and the regional government promised compensation.</p>"
    "</article></body></html>"
)


def write_warc(path: Path, records: list[tuple[str, str, str, bytes]], gz: bool = True) -> None:
    """Response records ``(url, status, content type, body)`` plus a request and a warcinfo."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for i, (url, status, ctype, body) in enumerate(records):
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                            http_headers=StatusAndHeaders(
                                                "GET / HTTP/1.1", [("Host", "x")],
                                                is_http_request=True))
            writer.write_record(req)
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": f"2024-05-{10 + i:02d}T06:00:00Z"})
            writer.write_record(rec)


def page(title: str) -> bytes:
    return BODY.format(title=title).encode()


RECORDS = [
    ("https://a.example/ferry", "200 OK", "text/html; charset=utf-8", page("Ferry resumes")),
    ("https://a.example/missing", "404 Not Found", "text/html", page("Not here")),
    ("https://a.example/logo.png", "200 OK", "image/png", b"\x89PNG...."),
    ("https://b.example/pier", "200 OK", "text/html", page("Pier repaired")),
    ("https://b.example/moved", "301 Moved Permanently", "text/html", b""),
]


@pytest.mark.parametrize("gz", [True, False])
def test_only_successful_html_responses_with_capture_date(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("news.warc.gz" if gz else "news.warc")
    write_warc(path, RECORDS, gz=gz)
    items = list(iter_warc(path))
    assert all(isinstance(i, RawDocument) for i in items)
    raws = [i for i in items if isinstance(i, RawDocument)]
    assert [r.url for r in raws] == ["https://a.example/ferry", "https://b.example/pier"]
    assert raws[0].published == "2024-05-10T06:00:00Z"
    assert raws[0].published_source == "capture"
    article = extract_article(raws[0])
    assert article.published == "2024-05-10" and article.published_source == "capture"
    assert "ferry service" in article.text


def test_page_date_beats_capture_date(tmp_path: Path) -> None:
    dated = page("Dated").replace(
        b"<head>", b'<head><meta property="article:published_time" content="2024-05-01">')
    path = tmp_path / "dated.warc.gz"
    write_warc(path, [("https://c.example/d", "200 OK", "text/html", dated)])
    (raw,) = list(iter_warc(path))
    assert isinstance(raw, RawDocument)
    article = extract_article(raw)
    assert (article.published, article.published_source) == ("2024-05-01", "page")


def test_truncated_warc_keeps_records_before_the_damage(tmp_path: Path) -> None:
    good = tmp_path / "whole.warc.gz"
    write_warc(good, RECORDS)
    data = good.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 200])  # the last records are cut off mid-stream
    items = list(iter_warc(cut))
    raws = [i for i in items if isinstance(i, RawDocument)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [r.url for r in raws][:1] == ["https://a.example/ferry"]
    assert len(failures) == 1
    assert "cut.warc.gz#record" in failures[0].error
    assert "truncated or corrupt WARC" in failures[0].error


def test_corrupt_warc_is_a_recorded_failure(tmp_path: Path) -> None:
    good = tmp_path / "whole.warc"
    write_warc(good, RECORDS[:1], gz=False)
    bad = tmp_path / "bad.warc"
    bad.write_bytes(good.read_bytes() + b"GARBAGE\r\nnot a warc header at all\r\n\r\n" * 3)
    items = list(iter_warc(bad))
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[-1], Failure) and items[-1].kind == "MalformedInputError"
    noise = tmp_path / "noise.warc.gz"
    noise.write_bytes(gzip.compress(b"this is not a WARC file\n" * 10))
    (only,) = list(iter_warc(noise))
    assert isinstance(only, Failure) and "noise.warc.gz#record" in only.error


def test_folder_walk_reads_warcs_too(tmp_path: Path) -> None:
    write_warc(tmp_path / "a.warc.gz", RECORDS[:1])
    (tmp_path / "note.txt").write_text("A short note that is long enough to be read as an "
                                       "article by the text cleaner for this test.\n")
    items = list(iter_sources([str(tmp_path)], Settings()))
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument"]
