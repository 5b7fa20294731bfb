"""Fetch one URL safely: HTTP(S) only, time and size limits, redirect limit, HTML only."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from ..config import Settings
from ..errors import FetchError, FetchTimeoutError, HTTPStatusError, UnsafeURLError

_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


@dataclass(frozen=True, slots=True)
class Page:
    url: str
    status: int
    content: bytes
    content_type: str
    fetched_at: str
    etag: str | None = None
    last_modified: str | None = None


def check_url(url: str) -> str:
    """Refuse non-HTTP(S) schemes, credentials in URLs and hostless URLs."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise UnsafeURLError(f"malformed URL: {exc}", url) from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise UnsafeURLError(f"refusing scheme {parts.scheme or '(none)'!r}: only http(s)", url)
    if not parts.hostname:
        raise UnsafeURLError("URL has no host", url)
    if parts.username or parts.password:
        raise UnsafeURLError("URL carries credentials", url)
    return url


def fetch_url(url: str, settings: Settings, accept: tuple[str, ...] = _TEXT_TYPES) -> Page:
    """GET ``url`` within the configured limits; raise a ``FetchError`` naming it otherwise."""
    import httpx

    check_url(url)
    deadline = time.monotonic() + settings.fetch_timeout
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,*/*;q=0.5"}
    try:
        with httpx.Client(
            follow_redirects=True,
            max_redirects=settings.fetch_max_redirects,
            timeout=httpx.Timeout(settings.fetch_timeout),
            headers=headers,
        ) as client, client.stream("GET", url) as resp:
            check_url(str(resp.url))
            if resp.status_code >= 400:
                raise HTTPStatusError(f"HTTP {resp.status_code}", url, resp.status_code)
            ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype and not any(ctype.startswith(t) for t in accept):
                raise FetchError(f"not an HTML page (content-type {ctype})", url)
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > settings.fetch_max_bytes:
                    raise FetchError(
                        f"response over the {settings.fetch_max_bytes:,}-byte limit", url
                    )
                if time.monotonic() > deadline:
                    raise FetchTimeoutError(
                        f"response took over {settings.fetch_timeout:g}s", url
                    )
                chunks.append(chunk)
            return Page(
                url=str(resp.url),
                status=resp.status_code,
                content=b"".join(chunks),
                content_type=ctype,
                fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
                etag=resp.headers.get("etag"),
                last_modified=resp.headers.get("last-modified"),
            )
    except httpx.TooManyRedirects as exc:
        raise FetchError(f"too many redirects (over {settings.fetch_max_redirects})", url) from exc
    except httpx.TimeoutException as exc:
        raise FetchTimeoutError(f"timed out after {settings.fetch_timeout:g}s", url) from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch: {exc or type(exc).__name__}", url) from exc
