"""Scraped-text cleaning on NAEB: how close cleaned scraper output gets to the gold body.

Each NAEB page is turned into what a naive scraper saves: all visible text, one line per
block element (menus, footers, ads, captions included).  Systems: the text left as it is,
wirewatch's text cleaner, and the HTML extractors run over the text wrapped as minimal
HTML (one ``<p>`` per line).

    .venv/bin/python benchmarks/scraped_text.py [--limit N] [--systems a,b] [--no-write]
"""

from __future__ import annotations

import argparse
import html as html_lib
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _peers import SYSTEMS as HTML_SYSTEMS
from _peers import Result, quiet_peers
from _report import md_table, shared, write_section
from wirewatch.extract.scoring import (
    leak_lines,
    load_naeb,
    naive_scrape,
    norm_title,
    shingle_prf,
    token_prf,
)


def as_minimal_html(text: str) -> str:
    paras = "".join(f"<p>{html_lib.escape(ln)}</p>" for ln in text.split("\n"))
    return f"<html><head></head><body>{paras}</body></html>"


def as_is(text: str) -> Result:
    return Result(text)


def wirewatch_text(text: str) -> Result:
    from wirewatch.errors import WirewatchError
    from wirewatch.extract import extract_article
    from wirewatch.records import RawDocument

    try:
        a = extract_article(RawDocument(id="x", content=text, kind="text", origin="bench"))
    except WirewatchError:
        return Result("")
    return Result(a.text, a.title, a.authors, a.published)


def _over_html(name: str) -> Callable[[str], Result]:
    def run(text: str) -> Result:
        return HTML_SYSTEMS[name](as_minimal_html(text), None)

    return run


SYSTEMS: dict[str, Callable[[str], Result]] = {
    "as is": as_is,
    "wirewatch (text cleaner)": wirewatch_text,
    "trafilatura (on text)": _over_html("trafilatura"),
    "readability-lxml (on text)": _over_html("readability-lxml"),
    "newspaper4k (on text)": _over_html("newspaper4k"),
    "goose3 (on text)": _over_html("goose3"),
}
HEADERS = ["system", "tok P", "tok R", "tok F1", "4g P", "4g R", "4g F1", "title EM",
           "leaky pages", "pages/s"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--every", type=int, default=1, help="score every Nth page (id order)")
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    quiet_peers()
    folder = shared("extraction", "naeb")
    if folder is None:
        return
    names = [s for s in args.systems.split(",") if s]
    scores = {n: [0.0] * 8 for n in names}
    secs = dict.fromkeys(names, 0.0)
    pages = 0
    for i, (gold, page) in enumerate(load_naeb(folder)):
        if args.limit is not None and i >= args.limit:
            break
        if i % args.every:
            continue
        text = naive_scrape(page)
        pages += 1
        for n in names:
            start = time.perf_counter()
            try:
                res = SYSTEMS[n](text)
            except Exception:  # a system crashing on a page scores an empty result
                res = Result("")
            secs[n] += time.perf_counter() - start
            t, s = token_prf(res.text, gold.body), shingle_prf(res.text, gold.body)
            row = [t.precision, t.recall, t.f1, s.precision, s.recall, s.f1,
                   float(norm_title(res.title) == norm_title(gold.title)),
                   float(bool(leak_lines(res.text, gold.body)))]
            scores[n] = [a + b for a, b in zip(scores[n], row, strict=True)]
    rows = [[n, *(v / max(1, pages) for v in scores[n][:7]), int(scores[n][7]),
             round(pages / max(secs[n], 1e-9), 1)] for n in names]
    table = md_table(HEADERS, rows)
    print(table)
    if args.no_write or args.limit is not None:
        return
    body = (
        f"Inputs: {pages} NAEB pages (every page with i % {args.every} == 0, id order) as "
        "naive scraper output "
        "(`wirewatch.extract.scoring.naive_scrape` — all visible text of `<body>`, a line per "
        "block element; menus, ads, captions, footers kept). Scored against the gold bodies "
        "with the same metrics as the HTML benchmark. `as is` is the scraped text untouched; "
        "`(on text)` rows run an HTML extractor over the text wrapped as one `<p>` per line "
        "(so they see no `<title>`/`<h1>`: their title EM is 0 by construction; wirewatch "
        "finds the headline among the lines)."
        + (" Peers run over text are slow (trafilatura falls back to its other extractors), "
           "hence the subsample." if args.every > 1 else "")
        + "\n\n"
        + table
    )
    write_section("scraped_text", "Scraped-text cleaning (NAEB, derived scraper output)",
                  ".venv/bin/python benchmarks/scraped_text.py", body)


if __name__ == "__main__":
    main()
