"""The quotes.attribution stage on sentences and an article written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.config import Settings
from wirewatch.pipeline import Pipeline
from wirewatch.quotes import build_quotes
from wirewatch.records import Article, Document, Entity, Quote, RawDocument, Span

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp() -> object:
    from wirewatch.nlp import load_model

    return load_model()


def _quotes(nlp: object, text: str, entities: tuple[Entity, ...] = ()) -> list[Quote]:
    return build_quotes(text, nlp(text), entities)  # type: ignore[operator]


def _by_cue(quotes: list[Quote], cue: str) -> Quote:
    found = [q for q in quotes if q.cue == cue]
    assert found, f"no quote with cue {cue!r} in {[q.cue for q in quotes]}"
    return found[0]


def test_indirect_speech_without_quote_marks(nlp: object) -> None:
    text = ("Cheong Seong Chang, an analyst at the Sejong Institute, said the visits likely "
            "had a dual goal.")
    (q,) = _quotes(nlp, text)
    assert q.kind == "indirect"
    assert q.text == "the visits likely had a dual goal"
    assert q.speaker is not None and q.speaker.name == "Cheong Seong Chang"
    assert text[q.cue_start:q.cue_end] == "said"  # type: ignore[misc]
    assert text[q.start:q.end] == q.text


def test_speaker_after_the_quote_and_split_quote(nlp: object) -> None:
    text = ("“The harbour will reopen,” Mayor Anna Lind said on Monday. “But not before the "
            "inspections are done.”")
    (q,) = _quotes(nlp, text)
    assert q.kind == "direct"
    assert q.speaker is not None and q.speaker.name == "Anna Lind"
    assert q.text.startswith("“The harbour will reopen,”")
    assert q.text.endswith("inspections are done.”")  # the resumed part joins the quote


def test_pronoun_speaker_resolves_to_the_person_before(nlp: object) -> None:
    text = ("Defence Minister Pal Varga visited the base on Friday. He said the army would "
            "buy new radars.")
    q = _by_cue(_quotes(nlp, text), "said")
    assert q.speaker is not None
    assert text[q.speaker.start:q.speaker.end] == "He"  # type: ignore[misc]
    assert q.speaker.name == "Pal Varga"


def test_nominal_speaker_and_according_to(nlp: object) -> None:
    text = ("The ministry said the border would stay open. Two trucks were seized, "
            "according to the customs service.")
    quotes = _quotes(nlp, text)
    said = _by_cue(quotes, "said")
    assert said.speaker is not None and said.speaker.name == "ministry"
    acc = _by_cue(quotes, "according to")
    assert acc.text == "Two trucks were seized"
    assert acc.speaker is not None and acc.speaker.name == "customs service"


def test_reported_through_state_media_sets_via(nlp: object) -> None:
    text = "Kim Jong Un urged the factory to raise output, state media said."
    quotes = _quotes(nlp, text)
    outer = _by_cue(quotes, "said")
    inner = _by_cue(quotes, "urged")
    assert outer.speaker is not None and outer.speaker.name == "state media"
    assert inner.speaker is not None and inner.speaker.name == "Kim Jong Un"
    assert inner.via is not None and inner.via.name == "state media"
    assert outer.via is None


def test_partial_quote_inside_a_paraphrase(nlp: object) -> None:
    text = "Koo did not answer directly but described it as “very rare.”"
    q = _by_cue(_quotes(nlp, text), "described")
    assert q.kind == "partial"
    assert "“very rare.”" in q.text


def test_speakers_link_to_entities_by_span(nlp: object) -> None:
    text = "Marta Ilves said the deal was signed. She added that it would last a decade."
    ilves = Entity(id="e1", name="Marta Ilves", type="PERSON", actor_code="ESTGOV",
                   mentions=(Span(0, 11, "Marta Ilves"),))
    quotes = _quotes(nlp, text, (ilves,))
    assert [q.speaker.entity for q in quotes if q.speaker] == ["e1", "e1"]
    assert {q.speaker.actor_code for q in quotes if q.speaker} == {"ESTGOV"}


def test_fixture_article(nlp: object, fixtures: Path) -> None:
    text = (fixtures / "quotes" / "harbour_article.txt").read_text(encoding="utf-8")
    quotes = _quotes(nlp, text)
    by_speaker = {(q.speaker.name if q.speaker else None, q.kind) for q in quotes}
    assert ("Marta Ilves", "direct") in by_speaker
    assert ("Marta Ilves", "indirect") in by_speaker
    assert ("Jonas Berg", "direct") in by_speaker
    assert ("Jonas Berg", "indirect") in by_speaker
    berg_direct = next(q for q in quotes if q.speaker and q.speaker.name == "Jonas Berg"
                       and q.kind == "direct")
    assert berg_direct.text.rstrip().endswith("they have not.”")  # continued paragraph
    described = _by_cue(quotes, "described")
    assert described.via is not None and described.via.name == "state media"
    for q in quotes:  # offsets point into the text
        assert text[q.start:q.end].startswith(q.text.split("\n")[0][:20])


def test_stage_in_a_pipeline_records_itself(fixtures: Path) -> None:
    settings = Settings(pipeline=("extract.article", "quotes.attribution"))
    pipeline = Pipeline(settings)
    text = (fixtures / "quotes" / "harbour_article.txt").read_text(encoding="utf-8")
    raw = RawDocument(id="t1", kind="text", origin="test", content=text)
    (doc,) = list(pipeline.process_many([raw]))
    assert isinstance(doc, Document)
    body = doc.article.text
    assert any(q.cue == "according to" and q.text == "The collision damaged two fishing boats "
               "and a pier" for q in doc.quotes)
    assert all(body[q.start:q.end].startswith(q.text[:15]) for q in doc.quotes)
    assert doc.pipeline[-1].stage == "quotes.attribution"
    assert Document.from_dict(doc.to_dict()).quotes == doc.quotes  # survives JSON


def test_stage_leaves_empty_articles_alone() -> None:
    from wirewatch.quotes.stage import QuoteAttribution

    stage = QuoteAttribution(Settings())
    doc = Document(id="d", article=Article(text="  "))

    class NoParse:
        settings = Settings()

        def parse(self) -> object:
            raise AssertionError("an empty article needs no parse")

    out = stage(doc, NoParse())
    assert out.quotes == ()
    assert out.pipeline[-1].stage == "quotes.attribution"
