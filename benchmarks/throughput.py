"""End-to-end throughput: articles per second per core, raw text to full document JSON.

Runs the default pipeline (plus ``events.coder`` if the default lacks it) over NAEB's
hand-cleaned article bodies fed as scraped text (at least 300 articles; the bundled demo
corpus, repeated, when NAEB is absent), next to the time the spaCy parse alone takes for the
same texts, and where the rest of the time goes (time inside each stage).

    .venv/bin/python benchmarks/throughput.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")  # per-core figures
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._report import md_table, shared, write_section

MIN_ARTICLES = 300


clock = time.process_time
"""CPU seconds of this (single-threaded) process: per-core figures that other programs
sharing the machine do not distort."""


class Timed:
    """Wrap a stage or extractor and add up the CPU seconds spent in it."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name
        self.version = inner.version
        self.needs_parse = getattr(inner, "needs_parse", False)
        self.seconds = 0.0

    def __call__(self, *args: Any) -> Any:
        t = clock()
        try:
            return self.inner(*args)
        finally:
            self.seconds += clock() - t


class TimedPipe:
    """Wrap ``nlp.pipe`` and add up the CPU seconds the parse takes inside the run."""

    def __init__(self, pipe: Any) -> None:
        self.pipe = pipe
        self.seconds = 0.0

    def __call__(self, texts: Any, **kwargs: Any) -> Any:
        it = iter(self.pipe(texts, **kwargs))
        while True:
            t = clock()
            try:
                parsed = next(it)
            except StopIteration:
                self.seconds += clock() - t
                return
            self.seconds += clock() - t
            yield parsed


def load_texts(limit: int | None) -> tuple[list[tuple[str, str | None]], str]:
    naeb = shared("extraction", "naeb", "articles.json")
    items: list[tuple[str, str | None]] = []
    if naeb is not None:
        data = json.loads(naeb.read_text(encoding="utf-8"))
        for rec in data.values() if isinstance(data, dict) else data:
            body = rec.get("articleBody") or rec.get("text") or ""
            if len(body.split()) >= 50:
                items.append((body, rec.get("date") or None))
        source = "NAEB article bodies (hand-cleaned text of 2023 news pages)"
    if not items:
        from wirewatch.demo import corpus_files

        texts = [p.read_text(encoding="utf-8") for p in corpus_files()]
        items = [(t, None) for t in texts]
        source = "wirewatch demo corpus"
    while len(items) < MIN_ARTICLES:
        items += items[: MIN_ARTICLES - len(items)]
    return items[:limit] if limit else items, source


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()

    from wirewatch.config import DEFAULT_PIPELINE, Settings
    from wirewatch.nlp import load_model, model_name
    from wirewatch.pipeline import Pipeline
    from wirewatch.records import Document, RawDocument, content_id

    items, source = load_texts(args.limit)
    stages = DEFAULT_PIPELINE if "events.coder" in DEFAULT_PIPELINE else (
        *DEFAULT_PIPELINE, "events.coder")
    settings = Settings(pipeline=tuple(stages))
    pipeline = Pipeline(settings)
    nlp = load_model(settings.model)
    raws = [RawDocument(content_id(str(i), text), text, "text", f"bench:{i}", published=pub)
            for i, (text, pub) in enumerate(items)]
    # warm up: model load, knowledge base, gazetteer, lexicon
    for _ in pipeline.process_many(raws[:8]):
        pass

    extractor = Timed(pipeline.extractor)
    pipeline.extractor = extractor
    timed = [Timed(s) for s in pipeline.stages]
    pipeline.stages = timed  # type: ignore[assignment]

    timed_pipe = TimedPipe(nlp.pipe)
    nlp.pipe = timed_pipe  # the pipeline's cached model: its batched parse is timed
    n_ok = n_events = chars = 0
    t0, w0 = clock(), time.perf_counter()
    for item in pipeline.process_many(raws, batch_size=32):
        if isinstance(item, Document):
            n_ok += 1
            n_events += len(item.events)
            chars += len(item.article.text)
            item.to_json()
    total, wall = clock() - t0, time.perf_counter() - w0
    parse_only = timed_pipe.seconds
    n = len(raws)
    serialise = max(total - extractor.seconds - parse_only - sum(s.seconds for s in timed), 0.0)
    rows: list[list[object]] = [
        ["end to end (raw text → document JSON)", f"{total:.1f}", f"{n / total:.2f}", "100%"],
        ["spaCy parse alone (nlp.pipe, batches of 32)", f"{parse_only:.1f}",
         f"{n / parse_only:.2f}", f"{100 * parse_only / total:.0f}%"],
        ["extraction (extract.article)", f"{extractor.seconds:.1f}", "",
         f"{100 * extractor.seconds / total:.0f}%"],
    ]
    rows += [[f"stage {s.name}", f"{s.seconds:.1f}", "", f"{100 * s.seconds / total:.0f}%"]
             for s in timed]
    rows.append(["JSON serialisation and the rest", f"{serialise:.1f}", "",
                 f"{100 * serialise / total:.0f}%"])
    body = (
        f"{n} articles ({source}; {chars // max(n_ok, 1)} characters of article text on "
        f"average), pipeline `{', '.join(stages)}`, model `{model_name(settings.model)}`, one "
        f"process, one thread; CPU seconds of the process (wall time {wall:.0f} s on a shared "
        f"machine).  {n_ok} documents, {n_events} events.\n\n"
        + md_table(["step", "CPU seconds", "articles/s/core", "share of end-to-end"], rows)
        + f"\n\nEnd to end runs at {n / total:.2f} articles/s/core against "
        f"{n / parse_only:.2f} for the spaCy parse alone (the floor when every article is "
        f"parsed, which every stage here needs): the parse is {100 * parse_only / total:.0f}% "
        "of the time, the event coder itself a few percent."
    )
    print(body)
    if not args.no_write:
        write_section("throughput", "Throughput: articles per second per core",
                      ".venv/bin/python benchmarks/throughput.py", body)


if __name__ == "__main__":
    main()
