"""Bytes to text: size and binary checks, encoding detection, HTML-or-text shape."""

from __future__ import annotations

import re

from ..errors import BinaryInputError, EmptyInputError, EncodingError, TooLargeError

_BINARY_MAGIC = (
    b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"BZh",
    b"\x7fELF", b"MZ", b"RIFF", b"OggS", b"ID3", b"\x00\x00\x01\x00", b"WARC/",
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:]+)""", re.I)
_HTML_SIGNS = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|article|div|p|meta|title|h1|span|section)\b", re.I
)


def decode_bytes(data: bytes, origin: str, max_bytes: int = 20_000_000) -> str:
    """Decode ``data`` (HTML or text) to ``str``; raise a one-line ``InputError`` if unusable."""
    if len(data) > max_bytes:
        raise TooLargeError(
            f"input is {len(data):,} bytes, over the {max_bytes:,}-byte limit", origin
        )
    if not data.strip():
        raise EmptyInputError("input is empty", origin)
    head = data[:16]
    if any(head.startswith(m) for m in _BINARY_MAGIC):
        raise BinaryInputError("input is binary (not HTML or text)", origin)
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return _strip_bom(data.decode("utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff")
                                      else "utf-8-sig", errors="replace"))
    sample = data[:65536]
    if sample.count(b"\x00") > len(sample) // 100:
        raise BinaryInputError("input is binary (contains NUL bytes)", origin)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="strict")
        except (LookupError, UnicodeDecodeError):
            pass
    western = _as_western(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise EncodingError("cannot determine the text encoding", origin)
    text = data.decode(best.encoding, errors="replace")
    if _control_ratio(text) > 0.05:
        raise BinaryInputError("input is binary (mostly control characters)", origin)
    return text


_WESTERN_PUNCT = frozenset("“”‘’–—…€•™«»°£§©®±·¿¡×÷")


def _as_western(data: bytes) -> str | None:
    """``data`` as cp1252 when every non-ASCII character is a Latin letter or common
    Western punctuation (detectors often mistake short Western text for Baltic or Cyrillic).
    """
    import unicodedata

    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    odd = [c for c in text if ord(c) > 127]
    if not odd or len(odd) > 0.3 * len(text):
        return None
    good = sum(1 for c in odd if c in _WESTERN_PUNCT or (
        unicodedata.category(c).startswith("L") and "LATIN" in unicodedata.name(c, "")))
    return text if good >= 0.97 * len(odd) else None


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\r\n\t\f")
    return bad / max(1, len(sample))


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is markup rather than already-extracted text."""
    head = text[:5000]
    signs = len(_HTML_SIGNS.findall(head))
    return signs >= 2 or head.lstrip().lower().startswith(("<!doctype", "<html"))
