"""One contract for the event database, run against SQLite and a real PostgreSQL server."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from wirewatch.errors import StoreError
from wirewatch.records import (
    Actor,
    Article,
    Document,
    Entity,
    Event,
    EventDate,
    Failure,
    Location,
    Plover,
    Quote,
    Span,
    Speaker,
    StageRun,
    content_id,
)
from wirewatch.store import EventFilter, QuoteFilter, Store, open_store
from wirewatch.store import schema as t
from wirewatch.store.export import FLAT_COLUMNS, export_events
from wirewatch.store.rows import document_row

LEAD = ("PYONGYANG — North Korea's military fired two short-range missiles into the sea on "
        "Tuesday, South Korean officials said, the third launch this month.")
BODY = ("The launches came hours after Seoul and Washington began a joint drill that the "
        "North calls a rehearsal for invasion. \"We will not tolerate provocations,\" said "
        "Defence Minister Han Seo-jin at a briefing in Seoul. Japan's coast guard said no "
        "damage to ships or aircraft had been reported in its waters. Analysts in Tokyo said "
        "the timing was meant to send a message to the new government in Seoul.")


def make_doc(url: str | None = "https://news.example/a/1", text: str = LEAD + "\n\n" + BODY,
             outlet: str | None = "Example News", published: str = "2024-03-05",
             event_day: str | None = "2024-03-05", source: str = "PRKMIL",
             target: str = "KOR", place: Location | None = None,
             title: str = "Missiles") -> Document:
    ev = Event(
        id="ev1", source=(Actor("North Korea's military", actor_code=source),),
        target=(Actor("South Korea", actor_code=target),), cameo="190", cameo_root="19",
        plover=Plover("ASSAULT", "missile"), goldstein=-10.0, quad_class=4,
        date=EventDate(event_day, "Tuesday", event_day is not None),
        location=place or Location("Pyongyang", "PRK", 1871859, 39.03, 125.75, "PPLC"),
        confidence=0.9, trigger=Span(36, 41, "fired"), sentence=Span(0, len(LEAD)),
        pattern="fire * missile",
    )
    quote = Quote("q1", "We will not tolerate provocations", "direct", 10, 44,
                  Speaker("Han Seo-jin", "e2", "KORGOV"), "said")
    ents = (Entity("e1", "North Korea", "GPE", "PRK", mentions=(Span(12, 23, "North Korea"),)),
            Entity("e2", "Han Seo-jin", "PERSON", "KORGOV", ("Defence Minister",),
                   mentions=(Span(300, 311, "Han Seo-jin"),)))
    article = Article(title=title, text=text, published=published, outlet=outlet, url=url)
    return Document(content_id(url, text), article, ents, (quote,), (ev,),
                    (StageRun("extract.article", "1"), StageRun("events.coder", "1")))



@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as s:
        yield s


def count(store: Store, table: object) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_same_article_twice_is_stored_once(store: Store) -> None:
    doc = make_doc()
    first = store.add_documents([doc], run_stages=["extract.article.v1"])
    second = store.add_documents([doc, doc], run_stages=["extract.article.v1"])
    assert (first.stored, second.stored, second.duplicate) == (1, 0, 2)
    assert count(store, t.documents) == 1
    assert count(store, t.event_mentions) == 1
    assert store.get_document(doc.id) == doc
    assert store.has_document(doc.id) and not store.has_document("nope")


def test_changed_page_is_a_new_version_and_old_is_kept(store: Store) -> None:
    old = make_doc()
    new = make_doc(text=LEAD + "\n\n" + BODY + " Updated with reaction from Tokyo.")
    summary = store.add_documents([old, new])
    assert (summary.stored, summary.new_version) == (2, 1)
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.documents.c.id, t.documents.c.version,
                                   t.documents.c.duplicate_of)
                            .order_by(t.documents.c.version)).all()
    assert [(r.id, r.version, r.duplicate_of) for r in rows] == [
        (old.id, 1, None), (new.id, 2, old.id)]
    (ev,) = store.query_events().rows
    assert (ev["num_mentions"], ev["num_articles"]) == (1, 1)  # not counted twice


def test_wire_copy_is_a_linked_near_duplicate_not_counted_twice(store: Store) -> None:
    wire = make_doc()
    copy = make_doc(url="https://other.example/x", outlet="Other Daily",
                    text=LEAD.replace("officials said", "officials stated") + "\n\n" + BODY
                    + "\n\nOther Daily contributed to this report.")
    own = make_doc(url="https://third.example/y", outlet="Third Post",
                   text="Seoul says the North launched two missiles at dawn, its third test "
                        "in March; Tokyo reports no damage. Officials met to discuss a reply.")
    summary = store.add_documents([wire, copy, own])
    assert (summary.stored, summary.near_duplicate) == (3, 1)
    assert store.stats()["near_duplicates"] == 1
    (ev,) = store.query_events().rows
    assert (ev["num_mentions"], ev["num_articles"], ev["num_sources"]) == (2, 2, 3)
    mentions = store.event_mentions(ev["id"])
    assert {m["doc_id"] for m in mentions} == {wire.id, copy.id, own.id}
    assert mentions[0]["trigger_text"] == "fired" and mentions[0]["stages"][-1] == "events.coder.v1"


def test_reports_of_one_event_cluster_and_distinct_events_do_not(store: Store) -> None:
    docs = [
        make_doc(url="https://a.example/1"),
        make_doc(url="https://b.example/2", text="Different text entirely about the launch "
                 "of missiles by the North.", event_day=None, published="2024-03-06",
                 source="PRKMILELI"),  # same sector at country+sector level, a day later
        make_doc(url="https://c.example/3", text="A launch a week later, officials said.",
                 event_day="2024-03-12", published="2024-03-12"),
        make_doc(url="https://d.example/4", text="A strike far to the north-east, at Chongjin.",
                 place=Location("Chongjin", "PRK", None, 41.80, 129.78, "PPL")),
        make_doc(url="https://e.example/5", text="Government, not military, fired this time.",
                 source="PRKGOV"),
    ]
    store.add_documents(docs)
    events = store.query_events(limit=10).rows
    assert len(events) == 4
    merged = [e for e in events if e["num_articles"] == 2]
    assert len(merged) == 1 and merged[0]["date"] == "2024-03-05"


def test_failures_are_recorded_with_their_reason(store: Store) -> None:
    summary = store.add_documents([Failure("bad1", "feed.xml", "broken feed [WW105]"),
                                   make_doc()])
    assert (summary.stored, summary.failed) == (1, 1)
    assert summary.failures == [("bad1", "broken feed [WW105]")]
    with store.engine.connect() as conn:
        row = conn.execute(select(t.failures)).one()
        run = conn.execute(select(t.runs)).one()
    assert (row.item_id, row.origin, row.run_id) == ("bad1", "feed.xml", run.id)
    assert json.loads(run.counts)["stored"] == 1 and run.finished_at


def test_state_round_trips_and_overwrites(store: Store) -> None:
    assert store.get_state("feed:x") is None
    store.set_state("feed:x", "etag-1")
    store.set_state("feed:x", "etag-2")
    assert store.get_state("feed:x") == "etag-2"


def test_entities_quotes_and_runs_are_stored(store: Store) -> None:
    store.add_documents([make_doc()], run_stages=["extract.article.v1", "events.coder.v1"])
    stats = store.stats()
    assert (stats["entities"], stats["quotes"], stats["event_mentions"], stats["runs"]) == (
        2, 1, 1, 1)
    (q,) = store.query_quotes(QuoteFilter(speaker="KOR"))
    assert q["speaker_name"] == "Han Seo-jin" and q["date"] == "2024-03-05"
    assert store.query_quotes(QuoteFilter(speaker="han seo"))
    assert not store.query_quotes(QuoteFilter(contains="peace"))


def test_filters_pages_and_aggregates(store: Store) -> None:
    docs = [make_doc(url=f"https://n.example/{i}", text=f"Report number {i} of a strike.",
                     event_day=f"2024-03-{1 + 5 * i:02d}", published=f"2024-03-{1 + 5 * i:02d}",
                     target=("KORGOV" if i % 2 else "USAMIL")) for i in range(6)]
    store.add_documents(docs)
    assert len(store.query_events(EventFilter(source="PRK")).rows) == 6
    assert len(store.query_events(EventFilter(target="KOR")).rows) == 3
    assert len(store.query_events(EventFilter(actor="USA", root="19")).rows) == 3
    assert not store.query_events(EventFilter(root=("01", "02"))).rows
    assert len(store.query_events(EventFilter(since="2024-03-06", until="2024-03-16")).rows) == 3
    assert len(store.query_events(EventFilter(plover="assault", country="PRK")).rows) == 6
    page1 = store.query_events(limit=4)
    page2 = store.query_events(limit=4, cursor=page1.next_cursor)
    assert page2.next_cursor is None
    dates = [r["date"] for r in page1.rows + page2.rows]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) == 6
    assert len(list(store.iter_events(batch_size=2))) == 6
    daily = store.daily_counts(EventFilter(since="2024-03"), by="root")
    assert [(d["day"], d["group"], d["events"]) for d in daily][:2] == [
        ("2024-03-01", "19", 1), ("2024-03-06", "19", 1)]
    (dyad_a, dyad_b) = store.dyads()
    assert {(d["source_code"], d["target_code"], d["events"]) for d in (dyad_a, dyad_b)} == {
        ("PRKMIL", "KORGOV", 3), ("PRKMIL", "USAMIL", 3)}
    actors = store.query_actors()
    assert actors[0]["actor_code"] == "PRKMIL" and actors[0]["as_source"] == 6
    with pytest.raises(StoreError):
        store.query_events(EventFilter(since="March"))


def test_exports_stream_every_format(store: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    compound = make_doc(url="https://x.example/c")
    ev = compound.events[0]
    both = ev.__class__(**{**{f: getattr(ev, f) for f in ev.__dataclass_fields__},
                           "target": (Actor("South Korea", actor_code="KORGOV"),
                                      Actor("United States", actor_code="USAMIL"))})
    compound = Document(compound.id, compound.article, events=(both,))
    store.add_documents([compound])
    n = export_events(store, "gdelt", tmp_path / "e.tsv")
    lines = (tmp_path / "e.tsv").read_text(encoding="utf-8").splitlines()
    assert n == 2 and len(lines) == 2  # compound target expanded pairwise
    cells = [line.split("\t") for line in lines]
    assert all(len(c) == 61 for c in cells)
    assert [c[15] for c in cells] == ["KORGOV", "USAMIL"]  # Actor2Code
    assert cells[0][1] == "20240305" and cells[0][26] == "190" and cells[0][28] == "19"
    assert cells[0][31:34] == ["1", "1", "1"]  # NumMentions, NumSources, NumArticles
    assert cells[0][51] == "4" and cells[0][53] == "KN"  # ActionGeo_Type, FIPS country
    assert cells[0][60] == "https://x.example/c"  # SOURCEURL
    assert export_events(store, "csv", tmp_path / "e.csv") == 1
    with open(tmp_path / "e.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(FLAT_COLUMNS) and rows[0]["target_actors"] == "KORGOV+USAMIL"
    assert export_events(store, "jsonl", tmp_path / "e.jsonl") == 1
    data = json.loads((tmp_path / "e.jsonl").read_text(encoding="utf-8"))
    assert data["cameo"] == "190" and len(data["target_actors"]) == 2
    assert export_events(store, "parquet", tmp_path / "e.parquet") == 1
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == 1 and table.schema.field("num_articles").metadata
    assert table.column("target_actors").to_pylist()[0][1]["code"] == "USAMIL"
    assert export_events(store, "csv", tmp_path / "none.csv", EventFilter(actor="FRA")) == 0


def test_database_at_v1_upgrades_in_place(store_url: str) -> None:
    from wirewatch.store import make_engine, migrate

    engine = make_engine(store_url)
    assert migrate(engine, target=1) == [1]
    with engine.begin() as conn:  # a v1 database with one document, written as v1 would
        doc = make_doc()
        row = document_row(doc, version=1, ingested_at="2024-03-05T00:00:00+00:00")
        conn.execute(text("INSERT INTO documents (id, url, content_hash, version, stages, data, "
                          "ingested_at) VALUES (:id, :url, :content_hash, :version, :stages, "
                          ":data, :ingested_at)"), row)
    engine.dispose()
    with open_store(store_url) as s:
        assert s.schema_version() >= 3
        with s.engine.connect() as conn:
            assert conn.execute(select(t.documents.c.minhash)).scalar() is not None
            assert conn.execute(select(func.count()).select_from(t.doc_bands)).scalar() == 32
        copy = make_doc(url="https://copy.example/1")
        assert s.add_documents([copy]).near_duplicate == 1  # backfilled signature is used
        assert s.add_documents([doc]).duplicate == 1


def test_reader_refuses_a_missing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="db init"):
        open_store(f"sqlite:///{tmp_path / 'nothing.db'}", create=False)


def test_a_document_the_database_refuses_is_a_failure_and_the_run_goes_on(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy.exc import DataError

    bad, good = make_doc(url="https://bad.example/1"), make_doc(url="https://good.example/2")
    real = Store._add_one

    def refusing(self: Store, conn: object, doc: Document, run_id: int | None) -> object:
        if doc.id == bad.id:
            raise DataError("INSERT …", {}, Exception("value too long for type"))
        return real(self, conn, doc, run_id)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "_add_one", refusing)
    summary = store.add_documents([bad, good])
    assert (summary.stored, summary.failed) == (1, 1)
    assert summary.failures[0][0] == bad.id and "value too long" in summary.failures[0][1]
    assert store.stats()["failures"] == 1 and not store.has_document(bad.id)
