"""Directory trees: the article files under a folder, filtered by include/exclude globs."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from fnmatch import fnmatch
from pathlib import Path

TEXT_SUFFIXES = (".html", ".htm", ".txt", ".html.gz", ".htm.gz", ".txt.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")


def matches(relpath: str, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> bool:
    """Whether ``relpath`` (POSIX, relative to the walked folder) passes the globs.

    A pattern matches the relative path or the bare file name, so ``*.html`` and
    ``2024/**/*.html`` both work.  With no ``include`` everything passes; ``exclude`` wins.
    """
    name = relpath.rsplit("/", 1)[-1]

    def hit(pattern: str) -> bool:
        return fnmatch(relpath, pattern) or fnmatch(name, pattern) or (
            "**/" in pattern and fnmatch(relpath, pattern.replace("**/", ""))
        )

    if include and not any(hit(p) for p in include):
        return False
    return not any(hit(p) for p in exclude)


def walk_folder(
    folder: Path, include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> Iterator[Path]:
    """Article and WARC files under ``folder`` in a stable (sorted) order."""
    for path in sorted(folder.rglob("*")):
        lower = path.name.lower()
        if not lower.endswith(TEXT_SUFFIXES + WARC_SUFFIXES) or not path.is_file():
            continue
        if matches(path.relative_to(folder).as_posix(), include, exclude):
            yield path
