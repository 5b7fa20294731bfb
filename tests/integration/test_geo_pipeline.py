"""geo.places in a real pipeline over the demo corpus, and metonymy on real parses."""

from __future__ import annotations

import pytest

from wirewatch.config import Settings
from wirewatch.demo import corpus_files, manifest
from wirewatch.geo import event_place, is_metonymic
from wirewatch.ingest.inputs import read_input
from wirewatch.pipeline import Pipeline


@pytest.mark.model
def test_demo_corpus_places_get_geonames_ids() -> None:
    settings = Settings(pipeline=("extract.article", "actors.entities", "geo.places"))
    pipeline = Pipeline(settings)
    files = {e["id"]: f for e, f in zip(manifest(), corpus_files(), strict=True)}
    doc = pipeline.process(read_input(str(files["gv-05-caribbeanwire"]), settings))
    places = {e.name: e for e in doc.entities if e.type in ("GPE", "LOC", "FAC")}
    assert places["Lethem"].country == "GUY" and places["Lethem"].geonames_id == 3377425
    assert places["Brazil"].geonames_id == 3469034
    assert any(s.stage == "geo.places" for s in doc.pipeline)


@pytest.mark.model
def test_event_place_skips_metonymic_capitals() -> None:
    from wirewatch.nlp import load_model

    nlp = load_model(None)
    doc = nlp("Beijing accused Manila of provocation after protesters gathered in Shanghai.")
    ents = {e.text: e for e in doc.ents}
    assert is_metonymic(ents["Beijing"])
    loc = event_place(next(iter(doc.sents)))
    assert loc is not None and loc.name == "Shanghai" and loc.country == "CHN"
    assert doc.text[loc.start:loc.end] == "Shanghai"  # type: ignore[misc]
