"""The bundled demo corpus: 24 news articles written for wirewatch, in several outlets' styles.

Two storylines over six weeks of 2024 (a China–Philippines maritime standoff with the United
States and Japan involved, and a Guyana–Venezuela border crisis mediated by Brazil), each event
reported by two or three outlets, as HTML pages and as text a scraper pulled out, furniture
and all.  Outlets, officials and quotes are fictional; the countries and places are real.

``manifest()`` lists every file with its ``id``, ``file``, ``kind`` (``html``/``text``), ``url``,
``outlet``, ``published``, ``modified``, ``title``, ``authors``, ``wire``, ``story`` and
``cluster`` (the news event it reports: files sharing a cluster are duplicates for dedup
evaluation; two files sharing a ``url`` are an original and its update).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
MANIFEST = CORPUS_DIR / "manifest.jsonl"


def manifest() -> list[dict[str, Any]]:
    """The manifest entries, in publication order."""
    with MANIFEST.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def corpus_files() -> list[Path]:
    """Paths of the corpus articles, in publication order."""
    return [CORPUS_DIR / entry["file"] for entry in manifest()]


__all__ = ["CORPUS_DIR", "MANIFEST", "corpus_files", "manifest"]
