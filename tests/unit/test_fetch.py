"""The polite fetcher against httpx.MockTransport with a fake clock: no network, no waiting."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from wirewatch.config import Settings
from wirewatch.errors import (
    DisallowedError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    UnsafeURLError,
)
from wirewatch.ingest.fetch import Fetcher, check_url, parse_retry_after

PAGE = b"<html><body><article><p>Hello there.</p></article></body></html>"
Handler = Callable[[httpx.Request], httpx.Response]


class FakeClock:
    """A monotonic clock that only moves when the fetcher sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def make(handler: Handler, **settings: object) -> tuple[Fetcher, FakeClock, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/robots.txt" and not getattr(handler, "robots", False):
            return httpx.Response(404)
        return handler(request)

    clock = FakeClock()
    opts = {"per_host_delay": 0.0, **settings}
    fetcher = Fetcher(Settings(**opts), transport=httpx.MockTransport(record),  # type: ignore[arg-type]
                      clock=clock, sleep=clock.sleep)
    return fetcher, clock, seen


def html(body: bytes = PAGE, **headers: str) -> httpx.Response:
    return httpx.Response(200, content=body, headers={"content-type": "text/html", **headers})


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a", "javascript:x",
                                 "http://user:pw@example.org/", "http:///nohost"])
def test_refuses_non_http_and_unsafe_urls(url: str) -> None:
    with pytest.raises(UnsafeURLError) as err:
        check_url(url)
    assert url in str(err.value)


def test_sends_honest_user_agent_and_returns_page() -> None:
    fetcher, _, seen = make(lambda r: html(etag='"v1"', **{"last-modified": "Mon, 01 Jan 2024"}))
    page = fetcher.fetch("https://news.example/a")
    assert page.content == PAGE and page.etag == '"v1"'
    assert "wirewatch" in seen[-1].headers["user-agent"]


def test_robots_disallow_is_refused_and_cached_per_host() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nDisallow: /private/\n")
        return html()

    handler.robots = True  # type: ignore[attr-defined]
    fetcher, _, seen = make(handler)
    assert fetcher.fetch("https://news.example/public/1").status == 200
    with pytest.raises(DisallowedError, match=r"robots\.txt"):
        fetcher.fetch("https://news.example/private/2")
    assert [r.url.path for r in seen].count("/robots.txt") == 1
    assert "/private/2" not in [r.url.path for r in seen]


def test_robots_server_error_means_disallow_all() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503) if request.url.path == "/robots.txt" else html()

    handler.robots = True  # type: ignore[attr-defined]
    fetcher, _, _ = make(handler, fetch_timeout=5.0)
    with pytest.raises(DisallowedError):
        fetcher.fetch("https://down.example/a")


def test_per_host_rate_limit_and_crawl_delay() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nCrawl-delay: 4\n")
        return html()

    handler.robots = True  # type: ignore[attr-defined]
    fetcher, clock, _ = make(handler, per_host_delay=1.0)
    for i in range(3):
        fetcher.fetch(f"https://slow.example/{i}")
    fetcher.fetch("https://other.example/x")  # another host: its own (1s) schedule
    # robots.txt books t+1; page 0 waits 1s and books +4 (crawl-delay); pages 1, 2 wait 4s;
    # the other host waits only its 1s after its own robots.txt
    assert clock.sleeps == [1.0, 4.0, 4.0, 1.0]


def test_retries_5xx_with_backoff_then_succeeds() -> None:
    answers = iter([httpx.Response(500), httpx.Response(502), html()])
    fetcher, clock, _ = make(lambda r: next(answers))
    assert fetcher.fetch("https://flaky.example/a").status == 200
    assert clock.sleeps == [1.0, 2.0]


def test_429_honours_retry_after() -> None:
    answers = iter([httpx.Response(429, headers={"retry-after": "7"}), html()])
    fetcher, clock, _ = make(lambda r: next(answers))
    fetcher.fetch("https://busy.example/a")
    assert clock.sleeps == [7.0]


def test_retry_after_too_long_fails_at_once() -> None:
    fetcher, clock, _ = make(lambda r: httpx.Response(503, headers={"retry-after": "86400"}))
    with pytest.raises(HTTPStatusError, match="Retry-After") as err:
        fetcher.fetch("https://busy.example/a")
    assert err.value.status == 503 and clock.sleeps == []


def test_gives_up_after_max_retries() -> None:
    fetcher, _, seen = make(lambda r: httpx.Response(500))
    with pytest.raises(HTTPStatusError, match="HTTP 500 after 4 attempt"):
        fetcher.fetch("https://broken.example/a")
    assert len([r for r in seen if r.url.path == "/a"]) == 4


def test_404_is_not_retried() -> None:
    fetcher, clock, _ = make(lambda r: httpx.Response(404))
    with pytest.raises(HTTPStatusError, match="HTTP 404"):
        fetcher.fetch("https://gone.example/a")
    assert clock.sleeps == []


def test_redirects_followed_up_to_the_limit() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        n = int(request.url.path.strip("/") or 0)
        return httpx.Response(302, headers={"location": f"/{n + 1}"}) if n < 10 else html()

    fetcher, _, _ = make(handler, fetch_max_redirects=3)
    with pytest.raises(FetchError, match="too many redirects"):
        fetcher.fetch("https://hops.example/0")
    fetcher, _, _ = make(handler, fetch_max_redirects=10)
    assert fetcher.fetch("https://hops.example/0").url == "https://hops.example/10"


def test_redirect_loop_and_unsafe_redirect() -> None:
    fetcher, _, _ = make(lambda r: httpx.Response(301, headers={"location": "/a"}))
    with pytest.raises(FetchError, match="redirect loop"):
        fetcher.fetch("https://loop.example/a")
    fetcher, _, _ = make(lambda r: httpx.Response(302, headers={"location": "file:///etc/x"}))
    with pytest.raises(UnsafeURLError):
        fetcher.fetch("https://sneaky.example/a")


def test_content_type_and_size_limits() -> None:
    fetcher, _, _ = make(lambda r: httpx.Response(200, content=b"%PDF",
                                                  headers={"content-type": "application/pdf"}))
    with pytest.raises(FetchError, match="content-type application/pdf"):
        fetcher.fetch("https://files.example/a.pdf")
    fetcher, _, _ = make(lambda r: html(b"x" * 5000), fetch_max_bytes=1000)
    with pytest.raises(FetchError, match="1,000-byte limit"):
        fetcher.fetch("https://big.example/a")


def test_total_time_limit_on_endless_response() -> None:
    clock_ref: list[FakeClock] = []

    def endless() -> httpx.SyncByteStream:
        class Stream(httpx.SyncByteStream):
            def __iter__(self):  # type: ignore[no-untyped-def]
                while True:
                    clock_ref[0].now += 1.0  # each chunk takes a second
                    yield b"<p>more</p>"

        return Stream()

    fetcher, clock, _ = make(lambda r: httpx.Response(
        200, stream=endless(), headers={"content-type": "text/html"}), fetch_timeout=5.0)
    clock_ref.append(clock)
    with pytest.raises(FetchTimeoutError, match="still streaming after 5s"):
        fetcher.fetch("https://endless.example/a")


def test_read_timeout_is_a_fetch_timeout() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    fetcher, _, _ = make(handler)
    with pytest.raises(FetchTimeoutError, match=r"https://slow\.example/a"):
        fetcher.fetch("https://slow.example/a")


def test_conditional_get_sends_validators_and_reports_304() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(304, headers={"etag": '"v1"'})
        return html(etag='"v1"')

    fetcher, _, seen = make(handler)
    first = fetcher.fetch("https://cond.example/a")
    again = fetcher.fetch("https://cond.example/a", etag=first.etag,
                          last_modified="Tue, 02 Jan 2024 00:00:00 GMT")
    assert again.not_modified and again.content == b""
    assert seen[-1].headers["if-modified-since"] == "Tue, 02 Jan 2024 00:00:00 GMT"


def test_parse_retry_after_http_date() -> None:
    from datetime import UTC, datetime

    now = datetime(2024, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("Mon, 01 Jan 2024 12:00:30 GMT", now) == 30.0
    assert parse_retry_after("soon", now) is None
