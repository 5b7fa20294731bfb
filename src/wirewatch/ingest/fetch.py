"""A polite HTTP fetcher: robots.txt, per-host rate limit, retries, limits, conditional GET.

``Fetcher(settings).fetch(url)`` returns a ``Page`` or raises a one-line ``FetchError``
naming the URL.  The HTTP transport, clock and sleep are injectable, so tests run against
``httpx.MockTransport`` with a fake clock and never wait.
"""

from __future__ import annotations

import email.utils
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from ..config import Settings
from ..errors import (
    DisallowedError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    UnsafeURLError,
)

if TYPE_CHECKING:
    import httpx

HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = (
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
    "text/xml", "application/feed+json",
)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRIES = 3
"""Retries after the first attempt on 429/5xx and connection errors."""
BACKOFF_BASE = 1.0
"""Seconds before the first retry; doubled for each further retry."""
MAX_RETRY_AFTER = 120.0
"""A ``Retry-After`` longer than this is not waited for: the fetch fails instead."""
MAX_CRAWL_DELAY = 30.0
"""robots.txt ``Crawl-delay`` is honoured up to this many seconds."""
ROBOTS_MAX_BYTES = 500_000


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched response.  ``status == 304`` means unchanged since the validators given."""

    url: str
    status: int
    content: bytes
    content_type: str
    fetched_at: str
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def check_url(url: str) -> str:
    """Refuse non-HTTP(S) schemes, credentials in URLs and hostless URLs."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise UnsafeURLError(f"malformed URL: {exc}", url) from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise UnsafeURLError(f"refusing scheme {parts.scheme or '(none)'!r}: only http(s)", url)
    if not parts.hostname:
        raise UnsafeURLError("URL has no host", url)
    if parts.username or parts.password:
        raise UnsafeURLError("URL carries credentials", url)
    return url


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class Fetcher:
    """Fetches URLs politely; one instance per run keeps robots rules and host timings."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        obey_robots: bool = True,
        max_retries: int = MAX_RETRIES,
        backoff: float = BACKOFF_BASE,
    ) -> None:
        import httpx

        self.settings = settings or Settings()
        self.clock = clock
        self.sleep = sleep
        self.obey_robots = obey_robots
        self.max_retries = max_retries
        self.backoff = backoff
        timeout = self.settings.fetch_timeout
        self._client = httpx.Client(
            transport=transport,
            follow_redirects=False,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            headers={"User-Agent": self.settings.user_agent},
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._next_slot: dict[str, float] = {}
        self._delay: dict[str, float] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public -----------------------------------------------------------------------------

    def fetch(
        self,
        url: str,
        *,
        accept: tuple[str, ...] = HTML_TYPES,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Page:
        """GET ``url`` following up to ``fetch_max_redirects`` redirects, each one checked."""
        check_url(url)
        seen = {url}
        current = url
        for _ in range(self.settings.fetch_max_redirects + 1):
            self._check_robots(current, origin=url)
            resp_page, location = self._get_with_retries(current, url, accept, etag,
                                                         last_modified)
            if location is None:
                assert resp_page is not None
                return resp_page
            nxt = urljoin(current, location)
            try:
                check_url(nxt)
            except UnsafeURLError as exc:
                raise UnsafeURLError(f"redirect to a refused URL {nxt}: {exc.message}",
                                     url) from exc
            if nxt in seen:
                raise FetchError(f"redirect loop at {nxt}", url)
            seen.add(nxt)
            current = nxt
        raise FetchError(f"too many redirects (over {self.settings.fetch_max_redirects})", url)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets our user agent fetch ``url`` (fetched once per host)."""
        if not self.obey_robots:
            return True
        rules = self._robots_for(url)
        return rules is None or rules.can_fetch(self.settings.user_agent, url)

    # -- internals --------------------------------------------------------------------------

    def _check_robots(self, url: str, origin: str) -> None:
        if not self.allowed(url):
            raise DisallowedError(f"robots.txt disallows {url}", origin)

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        host = _host_key(url)
        if host in self._robots:
            return self._robots[host]
        import httpx

        robots_url = host + "/robots.txt"
        rules: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
        assert rules is not None
        try:
            self._wait_turn(host)
            started = self.clock()
            with self._client.stream("GET", robots_url, follow_redirects=True) as resp:
                status = resp.status_code
                body = (self._read_body(resp, robots_url, ROBOTS_MAX_BYTES, started)
                        if status < 300 else b"")
        except (httpx.HTTPError, FetchError):
            status, body = 0, b""
        if 200 <= status < 300:
            rules.parse(body.decode("utf-8", errors="replace").splitlines())
            delay = rules.crawl_delay(self.settings.user_agent)
            if delay:
                self._delay[host] = min(float(delay), MAX_CRAWL_DELAY)
        elif 400 <= status < 500:
            rules = None  # RFC 9309: robots.txt unavailable -> no restrictions
        else:
            # unreachable (5xx, network): assume complete disallow (RFC 9309)
            rules.disallow_all = True  # type: ignore[attr-defined]
        self._robots[host] = rules
        return rules

    def _wait_turn(self, host: str) -> None:
        """Sleep until ``host`` may be contacted again, then book the next slot."""
        now = self.clock()
        slot = self._next_slot.get(host, now)
        if slot > now:
            self.sleep(slot - now)
            now = slot
        delay = max(self.settings.per_host_delay, self._delay.get(host, 0.0))
        self._next_slot[host] = now + delay

    def _get_with_retries(
        self, url: str, origin: str, accept: tuple[str, ...], etag: str | None,
        last_modified: str | None,
    ) -> tuple[Page | None, str | None]:
        import httpx

        headers = {"Accept": ", ".join((*accept, "*/*;q=0.1"))}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            self._wait_turn(_host_key(url))
            wait: float | None = None
            started = self.clock()
            try:
                with self._client.stream("GET", url, headers=headers) as resp:
                    status = resp.status_code
                    if status in RETRY_STATUSES:
                        wait = self._retry_wait(resp, attempt, origin)
                        last_error: Exception = HTTPStatusError(
                            f"HTTP {status} after {attempt + 1} attempt(s)", origin, status)
                    else:
                        return self._finish(resp, url, origin, accept, started)
            except httpx.TimeoutException as exc:
                raise FetchTimeoutError(
                    f"timed out after {self.settings.fetch_timeout:g}s", origin) from exc
            except httpx.TransportError as exc:
                wait = self.backoff * 2**attempt
                last_error = FetchError(f"cannot connect: {exc or type(exc).__name__}", origin)
            if attempt >= self.max_retries:
                raise last_error
            attempt += 1
            self.sleep(wait)

    def _retry_wait(self, resp: httpx.Response, attempt: int, origin: str) -> float:
        backoff = self.backoff * 2**attempt
        after = parse_retry_after(resp.headers.get("retry-after"))
        if after is None:
            return backoff
        if after > MAX_RETRY_AFTER:
            raise HTTPStatusError(
                f"HTTP {resp.status_code} with Retry-After {after:.0f}s "
                f"(over the {MAX_RETRY_AFTER:g}s we wait)", origin, resp.status_code)
        return max(after, backoff)

    def _finish(
        self, resp: httpx.Response, url: str, origin: str, accept: tuple[str, ...],
        started: float,
    ) -> tuple[Page | None, str | None]:
        status = resp.status_code
        if status in (301, 302, 303, 307, 308):
            location = resp.headers.get("location")
            if not location:
                raise FetchError(f"HTTP {status} redirect without a Location", origin)
            return None, location
        fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
        etag = resp.headers.get("etag")
        last_modified = resp.headers.get("last-modified")
        if status == 304:
            return Page(url, 304, b"", "", fetched_at, etag, last_modified), None
        if status >= 300:
            raise HTTPStatusError(f"HTTP {status}", origin, status)
        ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype and not any(ctype.startswith(t) for t in accept):
            raise FetchError(f"unexpected content-type {ctype}", origin)
        body = self._read_body(resp, origin, self.settings.fetch_max_bytes, started)
        return Page(url, status, body, ctype, fetched_at, etag, last_modified), None

    def _read_body(self, resp: httpx.Response, origin: str, limit: int,
                   started: float) -> bytes:
        """The body within ``limit`` bytes and the total-time limit (endless responses)."""
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"response of {int(declared):,} bytes is over the "
                             f"{limit:,}-byte limit", origin)
        # the total-time limit counts from the request, so slow headers plus a slow body
        # cannot add up to more than ``fetch_timeout``
        deadline = started + self.settings.fetch_timeout
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(f"response over the {limit:,}-byte limit", origin)
            if self.clock() > deadline:
                raise FetchTimeoutError(
                    f"response still streaming after {self.settings.fetch_timeout:g}s", origin)
            chunks.append(chunk)
        return b"".join(chunks)


def fetch_url(url: str, settings: Settings, accept: tuple[str, ...] = HTML_TYPES) -> Page:
    """Fetch one URL politely (robots.txt, limits, retries) with a one-off ``Fetcher``."""
    with Fetcher(settings) as fetcher:
        return fetcher.fetch(url, accept=accept)
