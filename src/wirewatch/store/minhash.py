"""Near-duplicate detection: word shingles, MinHash signatures and LSH banding (numpy).

Two articles are near-duplicates when the Jaccard similarity of their word-shingle sets is
high: an agency story republished by several outlets with light edits, or an updated
version of one page.  ``signature_of(text)`` estimates that similarity cheaply;
``band_hashes`` gives the LSH keys under which similar documents collide.
"""

from __future__ import annotations

import hashlib
import re
import zlib

import numpy as np

SHINGLE_WORDS = 3
"""Words per shingle.  3 (not 5) so reworded wire copies keep enough shared shingles;
calibrated on the planted-duplicate corpus in ``benchmarks/store.py``."""

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
"""32 bands of 4 rows: pairs with Jaccard ≥ ~0.4 collide in some band with high probability."""

NEAR_DUPLICATE_JACCARD = 0.45
"""Estimated Jaccard at or above which two articles count as one (same story, reworded).
Calibrated on the planted corpus of ``benchmarks/store.py``: distinct stories on the same
topic stay below ~0.2, reworded copies of one story score 0.5–0.9."""

_PRIME = np.uint64(4294967311)  # smallest prime above 2**32
_rng = np.random.default_rng(20240607)  # fixed: signatures must be comparable across runs
_A = _rng.integers(1, 2**32 - 1, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, 2**32 - 1, size=NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)
_EMPTY = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Lower-cased word ``size``-grams of ``text`` (the whole text if it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def signature_of(text: str) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint32 values) of ``text``'s shingles."""
    grams = shingles(text)
    if not grams:
        return _EMPTY.copy()
    x = np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64,
                    count=len(grams))
    hashed = (np.outer(_A, x) + _B[:, None]) % _PRIME  # (NUM_PERM, n), no uint64 overflow
    return hashed.min(axis=1).astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def band_hashes(sig: np.ndarray) -> list[tuple[int, int]]:
    """``(band, signed 64-bit hash)`` for each LSH band of ``sig``."""
    out = []
    for band in range(BANDS):
        chunk = sig[band * ROWS:(band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "big", signed=True)))
    return out


def signature_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def signature_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def is_empty(sig: np.ndarray) -> bool:
    return bool(np.array_equal(sig, _EMPTY))
