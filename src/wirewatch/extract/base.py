"""What the HTML extractor and the text cleaner hand to the article assembler."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import FieldSource, Removed


@dataclass(frozen=True, slots=True)
class Extracted:
    """A body (paragraphs separated by blank lines) and the metadata found with it."""

    text: str
    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    language: str | None = None
    removed: tuple[Removed, ...] = ()
    provenance: tuple[FieldSource, ...] = ()
