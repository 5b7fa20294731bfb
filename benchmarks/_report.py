"""Shared helpers for benchmark scripts: gold-data location and BENCHMARKS.md sections."""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("WIREWATCH_SHARED_DATA", ROOT.parent / "shared" / "data"))
BENCHMARKS_MD = ROOT / "BENCHMARKS.md"


def shared(*parts: str) -> Path | None:
    """Path under ``../shared/data``, or ``None`` (print a skip note) when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        print(f"skip: {path} not found", file=sys.stderr)
        return None
    return path


def machine() -> str:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return (
        f"{datetime.now(UTC):%Y-%m-%d}, commit {commit or '?'}, "
        f"Python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}"
    )


ORDER = (
    "extraction", "scraped_text", "entities", "quotes", "events", "geo", "throughput",
    "store", "store-scale", "scale", "trends", "api",
)
"""Sections of BENCHMARKS.md in pipeline order; others follow in the order written."""

_SECTION = re.compile(r"<!-- BEGIN (?P<name>[\w.-]+) -->.*?<!-- END (?P=name) -->", re.S)


def _ordered(text: str) -> str:
    sections = {m["name"]: m[0] for m in _SECTION.finditer(text)}
    head = text[: min((m.start() for m in _SECTION.finditer(text)), default=len(text))]
    rank = {name: i for i, name in enumerate(ORDER)}
    names = sorted(sections, key=lambda n: rank.get(n, len(ORDER)))
    return head.rstrip() + "\n\n" + "\n\n".join(sections[n] for n in names) + "\n"


def write_section(name: str, title: str, command: str, body: str) -> None:
    """Replace (or add) the section ``name`` of BENCHMARKS.md, keeping sections in order."""
    block = (
        f"<!-- BEGIN {name} -->\n## {title}\n\n"
        f"Reproduce: `{command}`  \nMeasured: {machine()}\n\n{body.strip()}\n<!-- END {name} -->"
    )
    text = BENCHMARKS_MD.read_text(encoding="utf-8") if BENCHMARKS_MD.exists() else (
        "# wirewatch benchmarks\n\nEvery figure here is written by a script in `benchmarks/`; "
        "rerun the command shown to reproduce it. Machines are noisy: compare ratios.\n"
    )
    pattern = re.compile(rf"<!-- BEGIN {re.escape(name)} -->.*?<!-- END {re.escape(name)} -->",
                         re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else (
        text.rstrip() + "\n\n" + block + "\n"
    )
    BENCHMARKS_MD.write_text(_ordered(text), encoding="utf-8")


def md_table(headers: list[str], rows: list[list[object]]) -> str:
    def cell(v: object) -> str:
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(cell(v) for v in r) + " |" for r in rows]
    return "\n".join(out)
