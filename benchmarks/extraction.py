"""Article extraction on NAEB: wirewatch against trafilatura, readability, newspaper4k, goose3.

Body token/shingle P/R/F1 averaged per page, title exact match, author F1, date accuracy,
leaks (pages keeping a boilerplate line) and pages/second, all systems in one run.

    .venv/bin/python benchmarks/extraction.py [--limit N] [--systems a,b] [--no-write]
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _peers import SYSTEMS, Result, quiet_peers
from _report import md_table, shared, write_section
from wirewatch.extract.scoring import (
    GoldArticle,
    author_f1,
    leak_lines,
    load_naeb,
    norm_title,
    shingle_prf,
    token_prf,
)


@dataclass
class Tally:
    pages: int = 0
    seconds: float = 0.0
    tok: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])
    sh: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])
    title: int = 0
    author: float = 0.0
    dated: int = 0
    date_ok: int = 0
    leaks: int = 0
    leak_examples: list[str] = field(default_factory=list)
    errors: int = 0

    def add(self, gold: GoldArticle, res: Result, seconds: float) -> None:
        self.pages += 1
        self.seconds += seconds
        t, s = token_prf(res.text, gold.body), shingle_prf(res.text, gold.body)
        for i, v in enumerate((t.precision, t.recall, t.f1)):
            self.tok[i] += v
        for i, v in enumerate((s.precision, s.recall, s.f1)):
            self.sh[i] += v
        self.title += norm_title(res.title) == norm_title(gold.title)
        self.author += author_f1(res.authors, gold.authors)
        if gold.date:
            self.dated += 1
            self.date_ok += (res.date or "")[:10] == gold.date
        leaked = leak_lines(res.text, gold.body)
        if leaked:
            self.leaks += 1
            self.leak_examples += leaked[:2]

    def row(self, name: str) -> list[object]:
        n = max(1, self.pages)
        return [
            name, self.tok[0] / n, self.tok[1] / n, self.tok[2] / n,
            self.sh[0] / n, self.sh[1] / n, self.sh[2] / n,
            self.title / n, self.author / n, self.date_ok / max(1, self.dated),
            self.leaks, round(self.pages / max(self.seconds, 1e-9), 1),
        ]


def run(folder: Path, systems: list[str], limit: int | None) -> dict[str, Tally]:
    tallies = {name: Tally() for name in systems}
    for i, (gold, html) in enumerate(load_naeb(folder)):
        if limit is not None and i >= limit:
            break
        for name in systems:
            start = time.perf_counter()
            try:
                res = SYSTEMS[name](html, gold.url)
            except Exception:  # a peer crashing on a page scores an empty result
                res = Result("")
                tallies[name].errors += 1
            tallies[name].add(gold, res, time.perf_counter() - start)
    return tallies


HEADERS = ["system", "tok P", "tok R", "tok F1", "4g P", "4g R", "4g F1", "title EM",
           "author F1", "date acc", "leaky pages", "pages/s"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--show-leaks", action="store_true")
    args = ap.parse_args()
    quiet_peers()
    folder = shared("extraction", "naeb")
    if folder is None:
        return
    systems = [s for s in args.systems.split(",") if s]
    for name in systems:  # warm imports so speed measures extraction, not import time
        with contextlib.suppress(Exception):
            SYSTEMS[name]("<html><body><p>warm up</p></body></html>", None)
    tallies = run(folder, systems, args.limit)
    rows = [tallies[s].row(s) for s in systems]
    table = md_table(HEADERS, rows)
    print(table)
    for s in systems:
        if tallies[s].errors:
            print(f"{s}: {tallies[s].errors} page(s) raised", file=sys.stderr)
        if args.show_leaks:
            print(s, tallies[s].leak_examples[:30], file=sys.stderr)
    if args.no_write or args.limit is not None:
        return
    base = tallies.get("trafilatura")
    ww = tallies.get("wirewatch")
    ratio = ""
    if base and ww and base.seconds and ww.seconds:
        ratio = (f"\nwirewatch time per page is {ww.seconds / base.seconds:.2f}× trafilatura's "
                 "(same run).\n")
    body = (
        f"NAEB ({tallies[systems[0]].pages} pages with HTML; gold bodies, titles, authors, dates "
        "hand-made by the dataset authors). Body scores are per-page averages of bag-of-words "
        "(tok) and word-4-gram-shingle (4g) precision/recall/F1. Title EM: exact match after "
        "case/whitespace folding. Author F1: set F1 of normalised names (1 when both empty). "
        "Date acc: YYYY-MM-DD equal, over pages with a gold date. Leaky pages: pages whose output "
        "keeps a boilerplate line (`scoring.LEAK_PATTERNS`: advertisement, read more, newsletter "
        "sign-ups, sponsored, share/follow prompts…) that is not a line of the gold body. "
        "Peers get the HTML string directly (no network; newspaper4k without images).\n\n"
        + table + "\n" + ratio
        + "\nPages on which a system raised (scored as empty output): "
        + ", ".join(f"{s} {tallies[s].errors}" for s in systems) + ".\n"
    )
    write_section("extraction", "Article extraction (NAEB)",
                  ".venv/bin/python benchmarks/extraction.py", body)


if __name__ == "__main__":
    main()
