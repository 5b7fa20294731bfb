"""End-to-end throughput: articles per second per core, raw text to full document JSON.

Runs the default pipeline (plus ``events.coder`` if the default lacks it) over NAEB's
hand-cleaned article bodies fed as scraped text (at least 300 articles; the bundled demo
corpus, repeated, when NAEB is absent), next to the time the spaCy parse alone takes for the
same texts, and where the rest of the time goes (time inside each stage).

    .venv/bin/python benchmarks/throughput.py [--limit N] [--detail N] [--no-write]
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


def naeb_texts() -> list[tuple[str, str | None]]:
    naeb = shared("extraction", "naeb", "articles.json")
    if naeb is None:
        return []
    data = json.loads(naeb.read_text(encoding="utf-8"))
    items: list[tuple[str, str | None]] = []
    for rec in data.values() if isinstance(data, dict) else data:
        body = rec.get("articleBody") or rec.get("text") or ""
        if len(body.split()) >= 50:
            items.append((body, rec.get("date") or None))
    return items


def load_texts(limit: int | None) -> tuple[list[tuple[str, str | None]], str]:
    items = naeb_texts()
    source = "NAEB article bodies (hand-cleaned text of 2023 news pages)"
    if not items:
        from wirewatch.demo import corpus_files

        texts = [p.read_text(encoding="utf-8") for p in corpus_files()]
        items = [(t, None) for t in texts]
        source = "wirewatch demo corpus"
    while len(items) < MIN_ARTICLES:
        items += items[: MIN_ARTICLES - len(items)]
    return items[:limit] if limit else items, source


class Run:
    """One timed pass of the pipeline over ``raws``: totals, parse, extractor, stages."""

    def __init__(self, pipeline: Any, timed_pipe: TimedPipe, raws: list[Any]) -> None:
        from wirewatch.records import Document

        extractor, stages = pipeline.extractor, pipeline.stages
        for t in (extractor, *stages, timed_pipe):
            t.seconds = 0.0
        self.n, self.n_ok, self.events, chars = len(raws), 0, 0, 0
        t0, w0 = clock(), time.perf_counter()
        for item in pipeline.process_many(raws, batch_size=32):
            if isinstance(item, Document):
                self.n_ok += 1
                self.events += len(item.events)
                chars += len(item.article.text)
                item.to_json()
        self.total, self.wall = clock() - t0, time.perf_counter() - w0
        self.chars = chars // max(self.n_ok, 1)
        self.parse = timed_pipe.seconds
        self.extract = extractor.seconds
        self.stages = [(s.name, s.seconds) for s in stages]
        self.rest = max(self.total - self.extract - self.parse
                        - sum(sec for _, sec in self.stages), 0.0)

    def rate(self, seconds: float | None = None) -> float:
        return self.n / (self.total if seconds is None else seconds)


def component_seconds(nlp: Any, texts: list[str]) -> list[tuple[str, float]]:
    """CPU seconds of the tokenizer and of each pipeline component, run one after another."""
    t = clock()
    docs = [nlp.make_doc(x) for x in texts]
    out = [("tokenizer", clock() - t)]
    for name, proc in nlp.pipeline:
        t = clock()
        docs = list(proc.pipe(docs, batch_size=32))
        out.append((name, clock() - t))
    return out


def speedup_steps(name: str, texts: list[str]) -> list[tuple[str, float]]:
    """Parse seconds of ``texts`` with each of ``load_model``'s speed-ups added in turn."""
    import spacy

    from wirewatch.nlp.attribute_rules import speed_up_attribute_ruler
    from wirewatch.nlp.fast_ner import accelerate_ner
    from wirewatch.nlp.fast_tok2vec import PROBE, accelerate
    from wirewatch.nlp.lemmatizer import speed_up_lemmatizer

    steps: list[tuple[str, Any]] = [
        ("stock spaCy", lambda nlp: None),
        ("+ indexed attribute_ruler matcher", speed_up_attribute_ruler),
        ("+ lemmatizer: every answer cached, word lists as sets",
         lambda nlp: speed_up_lemmatizer(nlp, [PROBE])),
        ("+ compiled tok2vec forward pass (tok2vec and the NER's own)", accelerate),
        ("+ batched greedy NER decoding", lambda nlp: accelerate_ner(nlp, [PROBE])),
    ]
    nlp = spacy.load(name)
    out = []
    for label, apply in steps:
        apply(nlp)
        list(nlp.pipe(texts[:4]))
        out.append((label, min(pipe_seconds(nlp, texts, 32)[0] for _ in range(2))))
    return out


def pipe_seconds(nlp: Any, texts: list[str], batch_size: int) -> tuple[float, list[Any]]:
    t = clock()
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    return clock() - t, docs


def sentences_needing_parse(parses: list[Any]) -> tuple[float, float]:
    """Shares of sentences, and of tokens, that some stage reads parse attributes of.

    A sentence needs its parse when it has a named entity (actors.entities, geo), a quotation
    mark or speech/attitude cue (quotes.attribution) or an event trigger lemma (events.coder).
    """
    from wirewatch.events.lexicon import load_lexicon
    from wirewatch.quotes import cues

    lexicon = load_lexicon()
    cue_words = {w for name in ("SPEECH", "THOUGHT", "DIRECTIVE", "ATTITUDE", "QUOTING", "NOUNS")
                 for w in getattr(cues, name, ())}
    marks = set("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb")
    n_sents = n_tokens = need_sents = need_tokens = 0
    for doc in parses:
        for sent in doc.sents:
            n_sents += 1
            n_tokens += len(sent)
            if (sent.ents or any(c in marks for c in sent.text)
                    or any(t.lemma_ in cue_words or lexicon.for_verb(t.lemma_)
                           or lexicon.for_noun(t.lemma_) for t in sent)):
                need_sents += 1
                need_tokens += len(sent)
    return need_sents / max(n_sents, 1), need_tokens / max(n_tokens, 1)


def identical_outputs(pipeline: Any, docs: list[Any], ours: Any, theirs: Any) -> tuple[int, int]:
    """How many documents come out byte-identical from two parses of their texts."""
    same = sum(pipeline.analyse(d, a).to_json() == pipeline.analyse(d, b).to_json()
               for d, a, b in zip(docs, ours, theirs, strict=True))
    return same, len(docs)


def token_rows(doc: Any) -> list[tuple[object, ...]]:
    """Every attribute the stages read, token by token."""
    return [(t.idx, t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i,
             t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]


def pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f}%"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=MIN_ARTICLES)
    parser.add_argument("--detail", type=int, default=50,
                        help="articles for the spaCy breakdown and the identity check")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()

    import spacy

    from wirewatch.config import DEFAULT_PIPELINE, Settings
    from wirewatch.demo import corpus_files
    from wirewatch.nlp import load_model, model_name
    from wirewatch.pipeline import Pipeline
    from wirewatch.records import RawDocument, content_id

    items, source = load_texts(args.limit)
    stages = DEFAULT_PIPELINE if "events.coder" in DEFAULT_PIPELINE else (
        *DEFAULT_PIPELINE, "events.coder")
    settings = Settings(pipeline=tuple(stages))
    pipeline = Pipeline(settings)
    nlp = load_model(settings.model)
    name = model_name(settings.model)

    def raw(i: int, text: str, pub: str | None) -> RawDocument:
        return RawDocument(content_id(str(i), text), text, "text", f"bench:{i}", published=pub)

    raws = [raw(i, text, pub) for i, (text, pub) in enumerate(items)]
    # warm up: model load, knowledge base, gazetteer, lexicon
    for _ in pipeline.process_many(raws[:8]):
        pass

    # 1. the spaCy parse in detail, on the first articles, before the pipeline is wrapped
    detail = [pipeline.extract(r) for r in raws[: args.detail]]
    texts = [d.article.text for d in detail]
    stock = spacy.load(name)
    for model in (stock, nlp):  # warm up both before timing either
        list(model.pipe(texts[:4]))
    stock_s, stock_docs = pipe_seconds(stock, texts, 32)
    fast_s, fast_docs = pipe_seconds(nlp, texts, 32)
    same_naeb = identical_outputs(pipeline, detail, fast_docs, stock_docs)
    steps = speedup_steps(name, texts)
    need_sents, need_tokens = sentences_needing_parse(fast_docs)
    del fast_docs, stock_docs
    few = texts[:30]
    batch_s = (len(few), {bs: pipe_seconds(nlp, few, bs)[0] for bs in (1, 32, 128)})
    components = component_seconds(nlp, texts)
    demo = [pipeline.extract(RawDocument(p.name, p.read_text(encoding="utf-8"),
                                         "html" if p.suffix == ".html" else "text", str(p)))
            for p in corpus_files()]
    demo_texts = [d.article.text for d in demo]
    same_demo = identical_outputs(pipeline, demo, nlp.pipe(demo_texts), stock.pipe(demo_texts))
    all_texts = [pipeline.extract(r).article.text for r in raws]
    stock_all, stock_docs = pipe_seconds(stock, all_texts, 32)
    same_tokens = (sum(token_rows(a) == token_rows(b) for a, b in zip(
        nlp.pipe(all_texts, batch_size=32), stock_docs, strict=True)), len(all_texts))
    del stock, all_texts, stock_docs

    # 2. end to end, with every stage and the batched parse timed
    pipeline.extractor = Timed(pipeline.extractor)
    pipeline.stages = [Timed(s) for s in pipeline.stages]
    timed_pipe = TimedPipe(nlp.pipe)
    nlp.pipe = timed_pipe  # the pipeline's cached model: its batched parse is timed
    main_run = Run(pipeline, timed_pipe, raws)
    typical = [raw(i, t, p) for i, (t, p) in enumerate(naeb_texts())
               if 500 <= len(t.split()) <= 700][: min(60, args.limit or 60)]
    typical_run = Run(pipeline, timed_pipe, typical) if typical else None
    nlp.pipe = timed_pipe.pipe

    body = report(main_run, typical_run, source, stages, name, components,
                  (stock_s, fast_s, len(texts)), batch_s, (need_sents, need_tokens),
                  same_naeb, same_demo, steps, stock_all, same_tokens)
    print(body)
    if not args.no_write:
        write_section("throughput", "Throughput: articles per second per core",
                      ".venv/bin/python benchmarks/throughput.py", body)


def report(run: Run, typical: Run | None, source: str, stages: Any, name: str,
           components: list[tuple[str, float]], stock_fast: tuple[float, float, int],
           batch_s: tuple[int, dict[int, float]], need: tuple[float, float],
           same_naeb: tuple[int, int], same_demo: tuple[int, int],
           steps: list[tuple[str, float]], stock_all: float,
           same_tokens: tuple[int, int]) -> str:
    total, n = run.total, run.n
    rows: list[list[object]] = [
        ["end to end (raw text → document JSON)", f"{total:.1f}", f"{run.rate():.2f}", "100%"],
        ["  the parse inside it (wirewatch's sped-up spaCy, batches of 32)", f"{run.parse:.1f}",
         f"{run.rate(run.parse):.2f}", pct(run.parse, total)],
        ["  extraction (extract.article)", f"{run.extract:.1f}", "", pct(run.extract, total)],
    ]
    rows += [[f"  stage {s}", f"{sec:.1f}", "", pct(sec, total)] for s, sec in run.stages]
    rows.append(["  JSON serialisation and the rest", f"{run.rest:.1f}", "",
                 pct(run.rest, total)])
    rows.append(["stock spaCy parse alone, same texts (nlp.pipe, batches of 32)",
                 f"{stock_all:.1f}", f"{n / stock_all:.2f}", pct(stock_all, total)])
    comp_total = sum(sec for _, sec in components)
    comp_rows: list[list[object]] = [[c, f"{sec:.2f}", pct(sec, comp_total)]
                                     for c, sec in components]
    stock_s, fast_s, n_detail = stock_fast
    first = steps[0][1]
    step_rows: list[list[object]] = [[label, f"{sec:.2f}", f"{first / sec:.2f}×"]
                                     for label, sec in steps]
    verdict = "meets" if run.rate() >= 10 else "does not meet"
    text = (
        f"{n} articles ({source}; {run.chars} characters of article text on average), "
        f"pipeline `{', '.join(stages)}`, model `{name}`, one process, one thread; CPU seconds "
        f"of the process (wall time {run.wall:.0f} s on a shared machine).  {run.n_ok} "
        f"documents, {run.events} events.\n\n"
        + md_table(["step", "CPU seconds", "articles/s/core", "share of end-to-end"], rows)
        + f"\n\n**End to end: {run.rate():.2f} articles/s/core** ({verdict} the goal of 10), "
        f"against {n / stock_all:.2f} for the stock spaCy parse alone of the same texts: "
        f"the whole pipeline runs {stock_all / total:.2f}× as fast as stock spaCy parses.  "
        f"The parse is {pct(run.parse, total)} of the time."
    )
    if typical is not None:
        text += (
            f"  A typical article of 500–700 words ({typical.n} NAEB bodies, "
            f"{typical.chars} characters on average) runs at {typical.rate():.2f} articles/s/core"
            f" end to end, {typical.rate(typical.parse):.2f} for its parse alone."
        )
    text += (
        f"\n\nHow the parse was sped up (the first {n_detail} articles, parse alone, each "
        "speed-up added in turn; best of two runs):\n\n"
        + md_table(["parse", "CPU seconds", "speed-up"], step_rows)
        + "\n\n"
        "* The attribute_ruler's patterns are found by dictionary lookups "
        "(`wirewatch/nlp/attribute_rules.py`) instead of spaCy's `Matcher`.\n"
        "* The rule lemmatizer caches every answer by (word, POS, morphology) and checks "
        "candidate forms against sets (`wirewatch/nlp/lemmatizer.py`); spaCy's caches only "
        "some answers and scans word lists of up to 57,000 entries.  The breakdown below "
        "runs texts the process has seen, so its lemmatizer row is flattered by the cache.\n"
        "* The two token-to-vector networks (the one shared by tagger and parser, and the "
        "NER's own) run a compiled forward pass (`wirewatch/nlp/fast_tok2vec.py`): the first "
        "Maxout layer is folded into the hash-embedding tables (row lookups instead of the "
        "widest matrix product), Maxout pieces are laid out as column blocks, and products "
        "use BLAS on pre-transposed weights.  Same weights; vectors equal to float rounding.\n"
        "* The entity recognizer is decoded one step for all documents of a batch at once "
        "(`wirewatch/nlp/fast_ner.py`): BILUO reads one token per move, so a batch takes "
        "`max(len(doc))` array steps, with the stock model, features, validity rules and "
        "tie-breaking.  spaCy's loop asks each of 74 moves whether it is valid, one state at "
        "a time.\n"
        "* Freed arrays stay in the process for the next batch (`wirewatch/nlp/memory.py` "
        "raises glibc's mmap and trim thresholds), so the kernel does not zero fresh pages "
        "for every batch; it is process-wide, so every row here, stock included, has it.\n"
        "* Each speed-up checks itself against the stock component on a probe text when the "
        "model loads and stands down on any difference; `WIREWATCH_STOCK_SPACY=1` turns them "
        "all off.  Token attributes (tag, POS, morphology, lemma, dependency, head, entity, "
        f"sentence start) are identical to stock spaCy on {same_tokens[0]}/{same_tokens[1]} "
        "articles of this run, and token attributes and document JSON on "
        f"{same_naeb[0]}/{same_naeb[1]} of these NAEB articles and "
        f"{same_demo[0]}/{same_demo[1]} demo-corpus articles (also pinned in "
        "`tests/integration/test_nlp_speed.py`).  Parse alone on these articles: "
        f"{stock_s:.1f} s stock, {fast_s:.1f} s sped up ({100 * (1 - fast_s / stock_s):.0f}% "
        "less).\n\n"
        f"Where the sped-up parse goes (the first {n_detail} articles, each component run on "
        "its own over the batch):\n\n"
        + md_table(["spaCy step", "CPU seconds", "share of the parse"], comp_rows)
        + "\n\n"
        "* The dependency parser is now the largest step; its transition loop is spaCy's own "
        "(arc-eager with a stack, re-buffering and sentence breaks).\n"
        f"* Batch size (first {batch_s[0]} articles): {batch_s[1][1]:.1f} s one text at a "
        f"time, {batch_s[1][32]:.1f} s in batches of 32, {batch_s[1][128]:.1f} s in batches "
        "of 128.  "
        "`process_many` batches by 32; `process` (and `wirewatch.process_text`) parses one "
        "text, with the model and the stages loaded once per process.\n"
        f"* Parse only what needs parsing: {100 * need[0]:.0f}% of sentences "
        f"({100 * need[1]:.0f}% of tokens) have a named entity, a quotation mark or speech "
        "cue, or an event-trigger lemma, so some stage reads their parse, and NER must see "
        "every sentence; skipping the rest would save little and risk outputs, so every "
        "sentence is parsed."
    )
    return text


if __name__ == "__main__":
    main()
