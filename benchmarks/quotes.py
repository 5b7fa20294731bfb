"""Quote attribution on PolNeAR: content spans, speakers, cues, per kind, against a baseline.

Run: ``.venv/bin/python benchmarks/quotes.py [--split dev|train|both] [--limit N]``.
Writes the ``quotes`` section of BENCHMARKS.md (only for full runs without ``--limit``).
The baseline takes only text inside quote marks, spoken by the subject of the nearest "say".
Also times the stage against the parse it needs (share of per-article time).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import md_table, shared, write_section


def _rows(split: str, scores: dict[str, dict[str, Any]]) -> list[list[object]]:
    rows: list[list[object]] = []
    for system, s in scores.items():
        rows.append([
            split, system, s["gold"], s["pred"],
            s["exact"]["p"], s["exact"]["r"], s["exact"]["f1"],
            s["overlap"]["p"], s["overlap"]["r"], s["overlap"]["f1"],
            s["speaker_accuracy"], s["cue_accuracy"],
        ])
    return rows


def _kind_rows(split: str, scores: dict[str, dict[str, Any]]) -> list[list[object]]:
    rows: list[list[object]] = []
    for system, s in scores.items():
        for kind, k in s["kinds"].items():
            rows.append([split, system, kind, k["gold"], k["pred"], k["p"], k["r"], k["f1"],
                         k["kind_accuracy"]])
    return rows


def _timing(texts: list[str], nlp: Any) -> tuple[float, float]:
    """Seconds spent parsing and seconds in ``build_quotes`` over ``texts``."""
    from wirewatch.quotes import build_quotes

    start = time.perf_counter()
    parses = list(nlp.pipe(texts))
    parse_s = time.perf_counter() - start
    start = time.perf_counter()
    for text, parsed in zip(texts, parses, strict=True):
        build_quotes(text, parsed)
    return parse_s, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "train", "both"], default="both")
    parser.add_argument("--limit", type=int, default=None, help="first N articles per split")
    args = parser.parse_args()
    root = shared("quotes", "polnear")
    if root is None:
        return 0
    from wirewatch.nlp import load_model
    from wirewatch.quotes.brat import read_split
    from wirewatch.quotes.scoring import evaluate

    nlp = load_model()
    splits = ["dev", "train"] if args.split == "both" else [args.split]
    rows: list[list[object]] = []
    kind_rows: list[list[object]] = []
    counts = []
    timing = None
    for split in splits:
        articles = read_split(root, split, args.limit)
        started = time.perf_counter()
        scores = evaluate(articles, nlp)
        counts.append(f"{split}: {len(articles)} articles in {time.perf_counter() - started:.0f} s")
        rows += _rows(split, scores)
        kind_rows += _kind_rows(split, scores)
        if split == "dev":
            timing = _timing([a.text for a in articles], nlp)
    headers = ["split", "system", "gold", "pred", "exact P", "exact R", "exact F1",
               "overlap P", "overlap R", "overlap F1", "speaker acc", "cue acc"]
    body = [
        "PolNeAR v1.0.0 (first annotator per article); " + "; ".join(counts) + ".",
        "Overlap: a one-to-one pair sharing any character; exact: equal once edge punctuation,"
        " quote marks and a leading \"that\" are trimmed. Speaker/cue accuracy over"
        " overlap-matched pairs. Baseline: quote marks + subject of the nearest \"say\".",
        "",
        md_table(headers, rows),
        "",
        "Per kind (gold kind from its quote marks; partial counts as mixed): overlap recall of"
        " gold of that kind, precision of predictions of that kind, kind accuracy of matches.",
        "",
        md_table(["split", "system", "kind", "gold", "pred", "P", "R", "F1", "kind acc"],
                 kind_rows),
    ]
    if timing is not None:
        parse_s, stage_s = timing
        body += ["", f"Speed (dev): parse {parse_s:.1f} s, quotes stage {stage_s:.1f} s — the stage"
                 f" is {stage_s / (parse_s + stage_s):.0%} of parse+stage time."]
    text = "\n".join(body)
    print(text)
    if args.limit is None:
        command = ".venv/bin/python benchmarks/quotes.py" + (
            f" --split {args.split}" if args.split != "both" else "")
        write_section("quotes", "Quotes and reported speech (PolNeAR)", command, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
