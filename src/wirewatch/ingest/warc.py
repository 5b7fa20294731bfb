"""WARC archives (gzip or not; the CC-NEWS layout) to raw documents.

Only ``response`` records with a 2xx HTTP status and an HTML content type become
documents.  The capture date (``WARC-Date``) is passed as the publication date with
``published_source="capture"``, so a date found in the page itself still wins.  A truncated
or corrupt archive yields one ``Failure`` naming where it broke; records before the damage
are kept.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import MalformedInputError, WirewatchError
from ..records import Failure, RawDocument, content_id
from .raw import raw_from_bytes

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _response_document(record: Any, origin: str, max_bytes: int) -> RawDocument | None:
    """The document in one WARC record, or ``None`` when it is not a 2xx HTML response."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return None
    ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if ctype and ctype not in HTML_TYPES:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    captured = record.rec_headers.get_header("WARC-Date")
    body = record.content_stream().read(max_bytes + 1)
    return raw_from_bytes(body, origin, max_bytes, url=url, published=captured,
                          published_source="capture", fetched_at=captured)


def iter_warc(path: str | Path, max_bytes: int = 20_000_000) -> Iterator[RawDocument | Failure]:
    """Raw documents from the HTML responses in the WARC file at ``path``."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name = str(path)
    done = 0
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                origin = f"{name}#record{done + 1}"
                try:
                    raw = _response_document(record, origin, max_bytes)
                except WirewatchError as exc:
                    yield Failure(content_id(origin), origin, str(exc), type(exc).__name__)
                    done += 1
                    continue
                done += 1
                if raw is not None:
                    yield raw
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, OSError, AttributeError,
            TypeError, IndexError) as exc:  # warcio's errors on damaged headers vary
        where = f"{name}#record{done + 1}"
        detail = " ".join(str(exc).split())[:200] or type(exc).__name__
        err = MalformedInputError(
            f"truncated or corrupt WARC after {done} good record(s): {detail}", where)
        yield Failure(content_id(where), where, str(err), type(err).__name__)
