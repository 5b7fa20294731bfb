"""Read PolNeAR (brat standoff) attribution annotations.

Each article ``<split>/text/<base>.txt`` has one or more
``<split>/attributions/<base>_<annotator>.ann`` files.  ``T`` lines give typed spans
(``Source``, ``Cue``, ``Content``; discontinuous ones as ``start end;start end``); ``E``
lines tie one attribution's spans together.  Where several annotators did an article, the
first annotation file (by name) is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, MalformedInputError

Parts = tuple[tuple[int, int], ...]
_SPAN_LINE = re.compile(r"T\d+\t")
_EVENT_LINE = re.compile(r"E\d+\t")
"""Other lines continue the text of a span that holds a line break: skipped."""


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: Parts
    cue: Parts = ()
    source: Parts = ()


@dataclass(frozen=True, slots=True)
class GoldArticle:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def _parts(spec: str, origin: str) -> Parts:
    try:
        return tuple(
            (int(a), int(b)) for a, b in (piece.split() for piece in spec.split(";"))
        )
    except ValueError as exc:
        raise MalformedInputError(f"bad span {spec!r}", origin=origin) from exc


def read_ann(path: Path) -> tuple[GoldAttribution, ...]:
    """The attributions of one ``.ann`` file."""
    spans: dict[str, tuple[str, Parts]] = {}
    links: list[dict[str, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        origin = f"{path}:{number}"
        if _SPAN_LINE.match(line):
            fields = line.split("\t")
            if len(fields) < 2:
                raise MalformedInputError("T line without a span", origin=origin)
            kind, _, spec = fields[1].partition(" ")
            spans[fields[0]] = (kind, _parts(spec, origin))
        elif _EVENT_LINE.match(line):
            fields = line.split("\t")
            roles = dict(p.split(":", 1) for p in fields[1].split() if ":" in p)
            links.append(roles)
    out: list[GoldAttribution] = []
    for roles in links:
        content = spans.get(roles.get("Content", ""), ("", ()))[1]
        if not content:
            continue
        out.append(GoldAttribution(
            content=content,
            cue=spans.get(roles.get("Cue", ""), ("", ()))[1],
            source=spans.get(roles.get("Source", ""), ("", ()))[1],
        ))
    return tuple(out)


def read_split(root: Path, split: str = "dev", limit: int | None = None) -> list[GoldArticle]:
    """The gold articles of ``root/split`` (``train`` or ``dev``), sorted by name."""
    text_dir = root / split / "text"
    ann_dir = root / split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(f"no PolNeAR {split} split (text/ and attributions/)", origin=str(root))
    articles: list[GoldArticle] = []
    for txt in sorted(text_dir.glob("*.txt")):
        anns = sorted(ann_dir.glob(f"{txt.stem}_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        articles.append(GoldArticle(txt.stem, text, read_ann(anns[0])))
        if limit is not None and len(articles) >= limit:
            break
    return articles
