"""Read one input (path, ``-``, URL) or a JSONL batch into ``RawDocument`` records."""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..config import Settings
from ..errors import InputError, MalformedInputError, WirewatchError
from ..extract.decode import decode_bytes, looks_like_html
from ..records import Failure, RawDocument, content_id


def is_url(spec: str) -> bool:
    return "://" in spec[:16] and not Path(spec).exists()


def _read_limited(stream: IO[bytes], limit: int, origin: str) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        from ..errors import TooLargeError

        raise TooLargeError(f"input is over the {limit:,}-byte limit", origin)
    return data


def read_bytes(spec: str, settings: Settings) -> tuple[bytes, str]:
    """Raw bytes of a path or ``-`` (gzip is opened transparently), and the origin name."""
    if spec == "-":
        return _read_limited(sys.stdin.buffer, settings.max_input_bytes, "stdin"), "stdin"
    path = Path(spec)
    try:
        if path.is_dir():
            raise InputError("is a directory (use `wirewatch ingest` for folders)", spec)
        with path.open("rb") as fh:
            data = _read_limited(fh, settings.max_input_bytes, spec)
    except FileNotFoundError as exc:
        raise InputError("no such file", spec) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", spec) from exc
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise MalformedInputError(f"corrupt gzip data: {exc}", spec) from exc
    return data, spec


def read_input(
    spec: str,
    settings: Settings | None = None,
    *,
    url: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
) -> RawDocument:
    """One ``RawDocument`` from a path, ``-`` or a URL; overrides beat what the page says."""
    settings = settings or Settings()
    fetched_at = None
    if is_url(spec):
        from .fetch import fetch_url

        page = fetch_url(spec, settings)
        data, origin, fetched_at = page.content, spec, page.fetched_at
        url = url or page.url
    else:
        data, origin = read_bytes(spec, settings)
    content = decode_bytes(data, origin, settings.max_input_bytes)
    kind = "html" if looks_like_html(content) else "text"
    return RawDocument(
        id=content_id(url or "", content),
        content=content,
        kind=kind,
        origin=origin,
        url=url,
        published=published,
        published_source="override" if published else None,
        outlet=outlet,
        fetched_at=fetched_at,
    )


def raw_from_record(rec: dict[str, Any], origin: str) -> RawDocument:
    """A ``RawDocument`` from one batch record ``{"id", "html"|"text", url?, published?, …}``."""
    if "html" in rec and isinstance(rec["html"], str):
        content, kind = rec["html"], "html"
    elif "text" in rec and isinstance(rec["text"], str):
        content, kind = rec["text"], "text"
    else:
        raise MalformedInputError('record needs an "html" or "text" string', origin)
    if not content.strip():
        raise InputError("record has empty content", origin)
    rid = rec.get("id")
    return RawDocument(
        id=str(rid) if rid is not None else content_id(rec.get("url") or "", content),
        content=content,
        kind=kind,
        origin=origin,
        url=rec.get("url"),
        published=rec.get("published"),
        published_source=rec.get("published_source") or ("override" if rec.get("published")
                                                          else None),
        outlet=rec.get("outlet"),
        title=rec.get("title"),
    )


def iter_batch(stream: IO[str], name: str = "batch") -> Iterator[RawDocument | Failure]:
    """Stream a JSONL batch; a bad line becomes a ``Failure`` echoing its id when it has one."""
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        origin = f"{name}:{lineno}"
        rid = f"line-{lineno}"
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise MalformedInputError("line is not a JSON object", origin)
            rid = str(rec.get("id", rid))
            yield raw_from_record(rec, f"{origin} (id {rid})")
        except json.JSONDecodeError as exc:
            yield Failure(rid, origin, str(MalformedInputError(f"invalid JSON: {exc.msg}", origin)))
        except WirewatchError as exc:
            yield Failure(rid, origin, str(exc), type(exc).__name__)
