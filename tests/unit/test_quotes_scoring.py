"""The PolNeAR reader and the scorer, on a hand-annotated two-article corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.errors import InputError, MalformedInputError
from wirewatch.quotes.brat import read_ann, read_split
from wirewatch.quotes.scoring import Tally, score_article
from wirewatch.records import Quote, Speaker


def _corpus(fixtures: Path) -> Path:
    return fixtures / "quotes" / "brat_sample"


def test_reader_gives_content_cue_and_source_spans(fixtures: Path) -> None:
    articles = read_split(_corpus(fixtures), "dev")
    assert [a.name for a in articles] == [
        "sample_2020-01-01_harbour-pact", "sample_2020-01-02_grain-prices"]
    first = articles[0]
    att = first.attributions[0]
    text = first.text
    assert text[att.content[0][0]:att.content[0][1]].startswith("the agreement")
    assert text[att.cue[0][0]:att.cue[0][1]] == "said"
    assert text[att.source[0][0]:att.source[0][1]] == "Ilves"


def test_reader_limit_and_missing_split(fixtures: Path, tmp_path: Path) -> None:
    assert len(read_split(_corpus(fixtures), "dev", limit=1)) == 1
    with pytest.raises(InputError):
        read_split(tmp_path, "dev")


def test_discontinuous_spans_and_bad_spans(tmp_path: Path) -> None:
    good = tmp_path / "a_x.ann"
    good.write_text("T1\tContent 0 4;10 14\tab\nThe rest of a span text on its own line\n"
                    "T2\tCue 5 9\tsaid\n"
                    "E1\tAttribution:T2 Cue:T2 Content:T1\n", encoding="utf-8")
    (att,) = read_ann(good)
    assert att.content == ((0, 4), (10, 14))
    assert att.source == ()
    bad = tmp_path / "b_x.ann"
    bad.write_text("T1\tContent zero four\tx\n", encoding="utf-8")
    with pytest.raises(MalformedInputError, match=r"b_x\.ann:1"):
        read_ann(bad)


def _quote(text: str, content: str, speaker: str, cue: str, kind: str = "indirect") -> Quote:
    start = text.index(content)
    s = text.index(speaker)
    c = text.index(cue)
    return Quote(id=content, text=content, kind=kind, start=start, end=start + len(content),
                 speaker=Speaker(speaker, start=s, end=s + len(speaker)), cue=cue,
                 cue_start=c, cue_end=c + len(cue))


def test_scores_reward_exact_and_overlapping_content(fixtures: Path) -> None:
    article = read_split(_corpus(fixtures), "dev")[0]
    text = article.text
    preds = [
        # exact once the leading "that"/punctuation is ignored
        _quote(text, "the agreement would speed up the exchange of radar tracks.", "Ilves", "said"),
        # overlaps the gold content but is shorter; wrong speaker mention
        _quote(text, "We cannot wait", "reporters", "told", "direct"),
    ]
    tally = Tally()
    score_article(tally, article, preds)
    summary = tally.summary()
    assert (summary["gold"], summary["pred"]) == (3, 2)
    assert tally.exact == 1 and tally.overlap == 2
    assert summary["overlap"]["p"] == 1.0
    assert summary["overlap"]["r"] == pytest.approx(2 / 3)
    assert summary["speaker_accuracy"] == 0.5
    assert summary["cue_accuracy"] == 1.0
    assert summary["kinds"]["direct"]["r"] == 1.0


def test_a_prediction_matches_at_most_one_gold(fixtures: Path) -> None:
    article = read_split(_corpus(fixtures), "dev")[1]
    whole = article.text.strip()
    tally = Tally()
    score_article(tally, article, [
        Quote(id="q", text=whole, kind="indirect", start=0, end=len(whole))])
    assert tally.overlap == 1
    assert tally.summary()["overlap"]["r"] == 0.5


def test_speaker_resolved_by_name_counts_when_spans_differ(fixtures: Path) -> None:
    article = read_split(_corpus(fixtures), "dev")[0]
    text = article.text
    content = "the agreement would speed up the exchange of radar tracks"
    start = text.index(content)
    pred = Quote(id="q", text=content, kind="indirect", start=start, end=start + len(content),
                 speaker=Speaker("Marta Ilves", start=None, end=None))
    tally = Tally()
    score_article(tally, article, [pred])
    assert tally.speaker_ok == 1
