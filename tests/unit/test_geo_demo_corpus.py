"""The bundled demo corpus loads and its manifest describes it faithfully."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from wirewatch.demo import CORPUS_DIR, corpus_files, manifest


def test_every_manifest_entry_exists_and_every_file_is_listed() -> None:
    entries = manifest()
    assert 20 <= len(entries) <= 24
    files = corpus_files()
    assert all(p.is_file() and p.stat().st_size > 500 for p in files)
    on_disk = {p.name for p in CORPUS_DIR.iterdir() if p.suffix in (".html", ".txt")}
    assert on_disk == {p.name for p in files}
    assert len({e["id"] for e in entries}) == len(entries)


def test_manifest_fields_and_kinds_match_files() -> None:
    for e in manifest():
        assert {"id", "url", "outlet", "published", "cluster", "story", "kind"} <= set(e)
        datetime.fromisoformat(e["published"])
        text = (CORPUS_DIR / e["file"]).read_text(encoding="utf-8")
        assert ("<html" in text.lower()) == (e["kind"] == "html")
        assert e["title"].split()[0] in text


def test_corpus_has_duplicates_updates_and_both_shapes() -> None:
    entries = manifest()
    clusters = Counter(e["cluster"] for e in entries)
    assert all(n >= 2 for n in clusters.values())
    assert len({e["story"] for e in entries}) == 2
    urls = Counter(e["url"] for e in entries)
    assert any(n == 2 for n in urls.values())  # an updated version of the same page
    assert {e["kind"] for e in entries} == {"html", "text"}
    assert len({e["outlet"] for e in entries}) >= 5
    days = sorted(e["published"][:10] for e in entries)
    span = datetime.fromisoformat(days[-1]) - datetime.fromisoformat(days[0])
    assert span.days >= 35
