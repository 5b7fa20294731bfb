"""Speed-ups to the parse change no output: token attributes and whole documents match
the stock spaCy pipeline on the demo corpus (and on NAEB article bodies when present)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wirewatch.config import Settings
from wirewatch.nlp import load_model, model_name
from wirewatch.pipeline import Pipeline
from wirewatch.records import Document, RawDocument, content_id

pytestmark = pytest.mark.model

STAGES = ("extract.article", "actors.entities", "quotes.attribution", "geo.places",
          "events.coder")


@pytest.fixture(scope="module")
def stock() -> Any:
    import spacy

    return spacy.load(model_name())


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings(pipeline=STAGES))


@pytest.fixture(scope="module")
def demo_docs(pipeline: Pipeline) -> list[Document]:
    from wirewatch.demo import corpus_files

    raws = [RawDocument(p.name, p.read_text(encoding="utf-8"),
                        "html" if p.suffix == ".html" else "text", str(p))
            for p in corpus_files()]
    return [pipeline.extract(r) for r in raws]


def token_rows(parsed: Any) -> list[tuple[object, ...]]:
    return [(t.idx, t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i,
             t.ent_iob_, t.ent_type_, t.is_sent_start) for t in parsed]


def test_load_model_speeds_up_the_attribute_ruler() -> None:
    from wirewatch.nlp.attribute_rules import FastAttributeMatcher

    ruler = load_model().get_pipe("attribute_ruler")
    assert isinstance(ruler.match, FastAttributeMatcher)
    assert load_model() is load_model()  # loaded once per process


def test_demo_corpus_parses_and_documents_identical(
        stock: Any, pipeline: Pipeline, demo_docs: list[Document]) -> None:
    fast = load_model()
    texts = [d.article.text for d in demo_docs]
    ours = list(fast.pipe(texts))
    theirs = list(stock.pipe(texts))
    for doc, a, b in zip(demo_docs, ours, theirs, strict=True):
        assert token_rows(a) == token_rows(b), doc.id
        left = json.loads(pipeline.analyse(doc, a).to_json())
        right = json.loads(pipeline.analyse(doc, b).to_json())
        assert left == right, doc.id
    assert sum(len(pipeline.analyse(d, p).events) for d, p in zip(demo_docs, ours)) > 0


def test_batched_run_matches_one_at_a_time(pipeline: Pipeline) -> None:
    from wirewatch.demo import corpus_files

    paths = [p for p in corpus_files() if p.suffix == ".txt"][:4]
    raws = [RawDocument(content_id(p.name, t), t, "text", str(p))
            for p in paths for t in [p.read_text(encoding="utf-8")]]
    batched = [d.to_json() for d in pipeline.process_many(raws, batch_size=3)
               if isinstance(d, Document)]
    single = [pipeline.process(r).to_json() for r in raws]
    assert batched == single and len(single) == 4


@pytest.mark.gold
def test_naeb_bodies_parse_identically(stock: Any, shared_data: Path) -> None:
    path = shared_data / "extraction" / "naeb" / "articles.json"
    if not path.exists():
        pytest.skip(f"{path} not found")
    data = json.loads(path.read_text(encoding="utf-8"))
    records = data.values() if isinstance(data, dict) else data
    texts = [b for r in records if len((b := r.get("articleBody") or "").split()) >= 50][:15]
    for a, b in zip(load_model().pipe(texts), stock.pipe(texts), strict=True):
        assert token_rows(a) == token_rows(b)


def test_load_model_compiles_tok2vec_and_batches_ner() -> None:
    from wirewatch.nlp.fast_ner import FastEntityRecognizer
    from wirewatch.nlp.fast_tok2vec import NAME

    nlp = load_model()
    assert nlp.get_pipe("tok2vec").model.name == NAME
    ner = nlp.get_pipe("ner")
    assert isinstance(ner, FastEntityRecognizer)
    assert ner.model.get_ref("tok2vec").layers[0].name == NAME
    assert "PERSON" in ner.labels  # the stock component's attributes stay reachable
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert lemmatizer.lemmatize != lemmatizer.rule_lemmatize  # the cached, set-based one


def test_preset_entities_go_to_the_stock_recognizer(stock: Any) -> None:
    from spacy.tokens import Span

    nlp = load_model()
    text = "Officials in Seoul said Kim Yo-jong met the envoy from Geneva on Monday."
    with nlp.select_pipes(disable=["ner"]):
        ours = nlp(text)
    with stock.select_pipes(disable=["ner"]):
        theirs = stock(text)
    for doc in (ours, theirs):  # an entity ruler upstream marked "Seoul" already
        doc.set_ents([Span(doc, 2, 3, label="GPE")], default="unmodified")
    ours = nlp.get_pipe("ner")(ours)
    theirs = stock.get_pipe("ner")(theirs)
    assert [(e.text, e.label_) for e in ours.ents] == [(e.text, e.label_) for e in theirs.ents]
    assert ours.ents[0].text == "Seoul"


def test_unknown_layouts_keep_the_stock_layers() -> None:
    from thinc.api import Linear

    from wirewatch.nlp.fast_tok2vec import compile_tok2vec

    assert compile_tok2vec(Linear(4, 4), []) is None


def test_edge_case_texts_parse_identically_in_one_batch(stock: Any) -> None:
    texts = ["", " ", "\n\n", "A.", "Putin.", "  Kim Jong Un met Putin in Moscow.\n\n\nThe U.N. "
             "said so on Monday , with 3,000 troops .\n", "ROME —\n\nPope Francis , 87, "
             "spoke.  \"We pray,\" he said.\t", "x " * 400, "New York New York New York"]
    ours = list(load_model().pipe(texts, batch_size=4))
    theirs = list(stock.pipe(texts, batch_size=4))
    for text, a, b in zip(texts, ours, theirs, strict=True):
        assert token_rows(a) == token_rows(b), text[:40]
    single = [load_model()(t) for t in texts]
    assert [token_rows(d) for d in single] == [token_rows(d) for d in theirs]
