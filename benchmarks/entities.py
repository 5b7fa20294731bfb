"""Entities benchmark: accuracy on annotated fixture articles, and the stage's share of time.

    .venv/bin/python benchmarks/entities.py [--repeat N]

Accuracy: precision/recall of canonical people and organisations, role, actor-code and
affiliation accuracy, capitals-as-actors, on ``tests/fixtures/entities`` (articles written for
wirewatch in several outlets' styles, with hand-made expected output).  Speed: the fixtures run
end to end through ``extract.article`` → parse → ``actors.entities``; time per article of each
step and the stage's share.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _report import md_table, shared, write_section  # noqa: E402
from wirewatch.actors import load_kb  # noqa: E402
from wirewatch.actors.entities import EntityStage  # noqa: E402
from wirewatch.actors.scoring import Tally, load_annotated, score_article  # noqa: E402
from wirewatch.config import Settings  # noqa: E402
from wirewatch.nlp import load_model, model_name  # noqa: E402
from wirewatch.pipeline import Pipeline  # noqa: E402
from wirewatch.records import RawDocument  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "entities"


def accuracy() -> tuple[Tally, int]:
    items = load_annotated(FIXTURES)
    nlp = load_model()
    stage = EntityStage(load_kb())
    tally = Tally()
    for item, parsed in zip(items, nlp.pipe(i.text for i in items), strict=True):
        score_article(tally, item, stage.entities(parsed, item.published))
    return tally, len(items)


def speed(repeat: int) -> dict[str, float]:
    """CPU seconds per article for extraction, parsing and the entities stage (one process;
    CPU time rather than wall time, since the benchmark machines are shared)."""
    items = load_annotated(FIXTURES) * repeat
    pipe = Pipeline(Settings(pipeline=("extract.article", "actors.entities")))
    nlp = load_model()
    stage = pipe.stages[0]
    raws = [RawDocument(f"{i}", it.text, "text", it.name, published=it.published)
            for i, it in enumerate(items)]
    nlp("warm up")
    t0 = time.process_time()
    docs = [pipe.extract(r) for r in raws]
    t1 = time.process_time()
    parses = list(nlp.pipe(d.article.text for d in docs))
    t2 = time.process_time()
    for d, p in zip(docs, parses, strict=True):
        stage.entities(p, d.article.published, d.article.dateline)
    t3 = time.process_time()
    n = len(items)
    return {"extract": (t1 - t0) / n, "parse": (t2 - t1) / n, "entities": (t3 - t2) / n,
            "total": (t3 - t0) / n, "articles": float(n)}


def speed_on_long_articles(limit: int = 100) -> tuple[int, int, float, float] | None:
    """(articles, mean characters, parse and stage CPU ms/article) on NAEB's cleaned article
    bodies (real news of typical length; timing only, no scoring)."""
    import json

    path = shared("extraction", "naeb", "news_articles.json")
    if path is None:
        return None
    rows = json.loads(path.read_text(encoding="utf-8"))
    texts = [(r["text"], r.get("date")) for r in rows if r.get("text")][:limit]
    nlp = load_model()
    stage = EntityStage(load_kb())
    t0 = time.process_time()
    parses = list(nlp.pipe(t for t, _d in texts))
    t1 = time.process_time()
    for (_t, date), parsed in zip(texts, parses, strict=True):
        stage.entities(parsed, date)
    t2 = time.process_time()
    n = len(texts)
    return n, sum(len(t) for t, _d in texts) // n, (t1 - t0) / n * 1000, (t2 - t1) / n * 1000


def kb_load_seconds() -> float:
    from wirewatch.actors import builtin_kb

    t0 = time.process_time()
    builtin_kb()
    return time.process_time() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="copies of the fixtures to time")
    args = parser.parse_args()
    tally, n = accuracy()
    rate = Tally.rate
    acc_rows = [
        ["people and organisations", tally.precision(), tally.recall(), tally.f1()],
        ["people (PERSON)", tally.precision("PERSON"), tally.recall("PERSON"),
         tally.f1("PERSON")],
        ["organisations (ORG)", tally.precision("ORG"), tally.recall("ORG"), tally.f1("ORG")],
    ]
    attr_rows = [
        ["role (a gold role among the predicted)", rate(tally.roles), len(tally.roles)],
        ["actor code (exact)", rate(tally.codes), len(tally.codes)],
        ["affiliation (the right entity)", rate(tally.affiliations), len(tally.affiliations)],
        ["capital used as actor → government code", rate(tally.capitals), len(tally.capitals)],
    ]
    t = speed(args.repeat)
    share = t["entities"] / t["total"]
    speed_rows = [
        ["extract.article", f"{t['extract'] * 1000:.1f}", f"{t['extract'] / t['total']:.1%}"],
        ["spaCy parse (nlp.pipe)", f"{t['parse'] * 1000:.1f}", f"{t['parse'] / t['total']:.1%}"],
        ["actors.entities", f"{t['entities'] * 1000:.1f}", f"{share:.1%}"],
        ["end to end", f"{t['total'] * 1000:.1f}", "100%"],
    ]
    body = "\n\n".join([
        f"{n} annotated fixture articles (`tests/fixtures/entities/`: wire, broadcaster, "
        "newspaper, state agency, press release, blog styles), spaCy model "
        f"`{model_name()}`. A prediction matches when its canonical name or one of its "
        "mentions is the gold name or a gold alias.",
        md_table(["canonical entities", "precision", "recall", "F1"], acc_rows),
        md_table(["on matched entities", "accuracy", "n"], attr_rows),
        f"Speed, {int(t['articles'])} articles in one process (one core), CPU milliseconds per "
        f"article; end to end {1 / t['total']:.1f} articles/s. Knowledge base load "
        f"{kb_load_seconds() * 1000:.0f} ms once per process.",
        md_table(["step", "ms/article", "share"], speed_rows),
    ])
    long = speed_on_long_articles()
    if long is not None:
        n_long, chars, parse_ms, stage_ms = long
        body += (
            f"\n\nOn {n_long} real articles of typical length (NAEB cleaned bodies, mean "
            f"{chars} characters; timing only): parse {parse_ms:.1f} ms, actors.entities "
            f"{stage_ms:.1f} ms per article — the stage is {stage_ms / (parse_ms + stage_ms):.1%} "
            "of parse + stage."
        )
    print(body)
    write_section("entities", "Entities and actor codes (actors.entities)",
                  ".venv/bin/python benchmarks/entities.py", body)


if __name__ == "__main__":
    main()
