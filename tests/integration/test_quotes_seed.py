"""The seed article users feed us (../shared/seeds/000_*.txt): who said what, through whom."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wirewatch.config import Settings
from wirewatch.ingest import read_input
from wirewatch.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path(os.environ.get("WIREWATCH_SHARED_DATA", ROOT.parent / "shared" / "data")
             ).parent / "seeds"

pytestmark = [pytest.mark.model, pytest.mark.gold]


def test_seed_article_attributions() -> None:
    seed = next(iter(sorted(SEEDS.glob("000_*.txt"))), None) if SEEDS.is_dir() else None
    if seed is None:
        pytest.skip(f"no seed article under {SEEDS}")
    settings = Settings(pipeline=("extract.article", "actors.entities", "quotes.attribution"))
    doc = Pipeline(settings).process(read_input(str(seed), settings))
    quotes = doc.quotes

    def by(name: str, kind: str) -> list[str]:
        return [q.text for q in quotes if q.speaker and q.speaker.name == name and q.kind == kind]

    koo_direct = by("Koo Byoungsam", "direct")
    assert any(t.startswith("“We express deep regret") for t in koo_direct)
    assert any(t.startswith("“If they meant arms exports") for t in koo_direct)
    cheong = by("Cheong Seong Chang", "indirect") + by("Cheong Seong Chang", "partial")
    assert any("dual goal" in t for t in cheong)
    assert any("could indicate" in t for t in cheong)
    speakers = {q.speaker.name for q in quotes if q.speaker}
    assert "state media" in speakers
    # a sector-only speaker takes the article's country: North Korean state media
    assert {q.speaker.actor_code for q in quotes
            if q.speaker and q.speaker.name == "state media"} == {"PRKMED"}
    # … but unnamed experts are not assumed to be North Korean
    assert {q.speaker.actor_code for q in quotes
            if q.speaker and q.speaker.name.lower().endswith("experts")} == {"EDU"}
    assert any("KCNA" in s or "Korean Central News Agency" in s for s in speakers)
    relayed = [q for q in quotes if q.via is not None and q.speaker
               and q.speaker.name == "Kim Jong Un"]
    assert {q.via.name for q in relayed if q.via} >= {"state media"}
    assert any(q.via and ("KCNA" in q.via.name or "Korean Central" in q.via.name)
               for q in relayed)
    # boilerplate (video captions) is not attributed
    assert not any("Click to play" in q.text for q in quotes)
