"""Expand user inputs (paths, folders, ``-``, URLs, JSONL batches) into raw documents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..config import Settings
from ..errors import WirewatchError
from ..records import Failure, RawDocument
from .inputs import is_url, iter_batch, read_input

TEXT_SUFFIXES = (".html", ".htm", ".txt", ".html.gz", ".htm.gz", ".txt.gz")


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name.lower().endswith(TEXT_SUFFIXES):
            yield path


def iter_sources(specs: Iterable[str], settings: Settings) -> Iterator[RawDocument | Failure]:
    """Raw documents from each spec, in order; an unreadable one becomes a ``Failure``."""
    for spec in specs:
        if spec.endswith(".jsonl") and Path(spec).is_file():
            with open(spec, encoding="utf-8") as fh:
                yield from iter_batch(fh, spec)
            continue
        path = Path(spec)
        targets = [str(p) for p in _walk(path)] if (not is_url(spec) and path.is_dir()) else [spec]
        for target in targets:
            try:
                yield read_input(target, settings)
            except WirewatchError as exc:
                yield Failure(target, target, str(exc), type(exc).__name__)
