"""Clean text that a scraper already pulled out of a page (ads and captions left in)."""

from __future__ import annotations

from ..records import Removed
from .base import Extracted

VERSION = "1"


def clean_text(text: str) -> Extracted:
    """Split into paragraphs, take the first short line as the title, drop exact repeats."""
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").split("\n")]
    kept: list[str] = []
    removed: list[Removed] = []
    seen: set[str] = set()
    for ln in lines:
        if not ln:
            continue
        if ln in seen:
            removed.append(Removed(ln, "repeated line"))
            continue
        seen.add(ln)
        kept.append(ln)
    title = kept.pop(0) if kept and len(kept[0].split()) <= 20 else None
    return Extracted(text="\n\n".join(kept), title=title, removed=tuple(removed))
