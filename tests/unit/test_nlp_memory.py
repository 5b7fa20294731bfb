"""The parse keeps freed memory for the next batch where the C library allows it."""

from __future__ import annotations

import platform
import sys

import pytest

from wirewatch.nlp.memory import keep_freed_memory


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
                    reason="glibc only")
def test_glibc_thresholds_are_raised() -> None:
    assert keep_freed_memory() is True
