"""Keep freed memory in the process for reuse while parsing.

Every batch allocates the same large arrays (token vectors, hidden layers).  By default
glibc hands big blocks back to the kernel when they are freed and takes fresh ones on the
next batch, and the kernel zeroes each fresh page: about a tenth of the parse.  Raising the
mmap and trim thresholds keeps the blocks in the heap for the next batch instead; peak
memory is unchanged (the blocks were needed anyway), it is just not returned between batches.
"""

from __future__ import annotations

import ctypes
import sys

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
THRESHOLD = 1 << 30


def keep_freed_memory() -> bool:
    """Raise glibc's mmap/trim thresholds (Linux with glibc only); True when done."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(M_MMAP_THRESHOLD, THRESHOLD)) and bool(
            libc.mallopt(M_TRIM_THRESHOLD, THRESHOLD))
    except (OSError, AttributeError):  # another C library
        return False
