"""Run the event coder over gold sentences and report the scores.

    from wirewatch.events.evaluate import evaluate_dir
    report = evaluate_dir(Path("../shared/data/events"))
    print(report.markdown())
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from ..config import Settings
from ..errors import InputError, StageError
from ..records import Article, Document, Event, content_id
from .gold import GoldSentence, find_data, read_petrarch, read_plover
from .scoring import Tally, score

STAGES = ("extract.article", "actors.entities", "events.coder")


def code_sentences(sentences: Sequence[GoldSentence], settings: Settings) -> list[list[Event]]:
    """The events the full pipeline (entities, then events) codes for each sentence."""
    from ..nlp import load_model
    from ..pipeline import Pipeline

    try:
        pipeline = Pipeline(settings.replace(pipeline=STAGES))
    except StageError:  # no entity stage installed: code with the knowledge base alone
        pipeline = Pipeline(settings.replace(pipeline=(STAGES[0], STAGES[2])))
    nlp = load_model(settings.model)
    docs = [Document(content_id(s.id, s.text), Article(text=s.text, published=s.date))
            for s in sentences]
    out: list[list[Event]] = []
    for doc, parsed in zip(docs, nlp.pipe((d.article.text for d in docs), batch_size=64),
                           strict=True):
        out.append(list(pipeline.analyse(doc, parsed).events))
    return out


@dataclass
class DatasetResult:
    name: str
    group_label: str
    tallies: dict[str, Tally]
    predicted: list[list[Event]] = field(default_factory=list)
    gold: list[GoldSentence] = field(default_factory=list)


@dataclass
class EventReport:
    results: list[DatasetResult]

    def summary_rows(self) -> list[list[object]]:
        rows: list[list[object]] = []
        for r in self.results:
            t = r.tallies["ALL"]
            lv = t.levels
            rows.append([
                r.name, t.sentences, t.gold_events,
                *_petrarch_pcts(t),
                _f(lv["code"]), _f(lv["root"]), _f(lv["quad"]), _f(lv["plover"]),
                _ratio(t.top_type_hits, t.sentences - t.no_event_sentences),
                _ratio(t.any_type_hits, t.sentences - t.no_event_sentences),
                _ratio(t.country_hits, t.actor_pairs), _ratio(t.sector_hits, t.actor_pairs),
                _ratio(t.false_event_sentences, t.no_event_sentences),
            ])
        return rows

    SUMMARY_HEADERS: ClassVar[list[str]] = [
        "data", "sentences", "gold events", "correct %", "uncoded %", "extra %", "P/R/F1 code",
        "P/R/F1 root", "P/R/F1 quad", "P/R/F1 PLOVER", "PLOVER top-1 acc", "PLOVER any acc",
        "actor country", "actor country+sector", "false-event rate"]
    GROUP_HEADERS: ClassVar[list[str]] = [
        "group", "sentences", "gold", "correct %", "uncoded %", "extra %", "F1 code", "F1 root",
        "F1 PLOVER", "PLOVER top-1 acc", "false events"]

    def group_rows(self, result: DatasetResult) -> list[list[object]]:
        rows: list[list[object]] = []
        for key in sorted(k for k in result.tallies if k != "ALL"):
            t = result.tallies[key]
            rows.append([
                key, t.sentences, t.gold_events, *_petrarch_pcts(t),
                f"{t.levels['code'].f1:.2f}", f"{t.levels['root'].f1:.2f}",
                f"{t.levels['plover'].f1:.2f}",
                _ratio(t.top_type_hits, t.sentences - t.no_event_sentences),
                f"{t.false_event_sentences}/{t.no_event_sentences}",
            ])
        return rows

    def markdown(self) -> str:
        parts = [_table(self.SUMMARY_HEADERS, self.summary_rows())]
        for r in self.results:
            if "wirewatch lexicon" in r.name:
                continue  # its groups are shown once, with PETRARCH's own verbs
            parts.append(f"\nBy {r.group_label} — {r.name}:\n")
            parts.append(_table(self.GROUP_HEADERS, self.group_rows(r)))
        return "\n".join(parts)


def _petrarch_pcts(t: Tally) -> list[str]:
    if not t.gold_events:
        return ["-", "-", "-"]
    return [f"{t.pct(t.correct):.1f}", f"{t.pct(t.uncoded):.1f}", f"{t.pct(t.extra):.1f}"]


def _f(prf: object) -> str:
    if not (getattr(prf, "tp", 0) or getattr(prf, "fp", 0) or getattr(prf, "fn", 0)):
        return "-"  # the gold gives no codes at this level
    p, r, f = (getattr(prf, k) for k in ("precision", "recall", "f1"))
    return f"{p:.2f}/{r:.2f}/{f:.2f}"


def _ratio(n: int, d: int) -> str:
    return f"{n / d:.3f}" if d else "-"


def _table(headers: list[str], rows: list[list[object]]) -> str:
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def evaluate_petrarch(records: Path, dictionaries: Path | None, settings: Settings,
                      limit: int | None = None, verbs: bool = True) -> DatasetResult:
    """PETRARCH-2's validation records, with its toy actor/agent dictionaries loaded as user
    dictionaries (their fictional actors are unknown to the built-in knowledge base) and,
    with ``verbs``, its toy verb dictionary as the only lexicon (the records' codes come from
    it) and its ``require_dyad`` setting; without, wirewatch's own CAMEO lexicon codes them."""
    gold = read_petrarch(records)[:limit]
    user = list(settings.user_dictionaries)
    extra = dict(settings.extra)
    name = "PETRARCH-2 validation, wirewatch lexicon"
    if dictionaries is not None:
        for file in ("PETR.Validate.actors.txt", "PETR.Validate.agents.txt"):
            if (dictionaries / file).exists():
                user.append(str(dictionaries / file))
        verb_file = dictionaries / "PETR.Validate.verbs.txt"
        if verbs and verb_file.exists():
            extra["event_lexicons"] = [*extra.get("event_lexicons", ()), str(verb_file)]
            extra["event_builtin_lexicon"] = False
            extra["event_require_dyad"] = True  # as PETRARCH codes its own records
            name = "PETRARCH-2 validation, its verb dictionary"
    run_settings = settings.replace(user_dictionaries=tuple(user), extra=extra)
    predicted = code_sentences(gold, run_settings)
    return DatasetResult(name, "PETRARCH category", score(gold, predicted, "category"),
                         predicted, gold)


def evaluate_plover(path: Path, settings: Settings, limit: int | None = None) -> DatasetResult:
    """PLOVER's gold-standard records (CAMEO manual examples)."""
    gold = read_plover(path)[:limit]
    predicted = code_sentences(gold, settings)
    return DatasetResult("PLOVER gold", "PLOVER type", score(gold, predicted, "plover"),
                         predicted, gold)


def evaluate_dir(data: Path, settings: Settings | None = None,
                 limit: int | None = None) -> EventReport:
    """Evaluate on whatever of PETRARCH's records and PLOVER's gold ``data`` holds."""
    settings = settings or Settings()
    records, dictionaries, plover = find_data(data)
    if records is None and plover is None:
        raise InputError("no PETRARCH-2 records or PLOVER gold found", origin=str(data))
    results = []
    if records is not None:
        results.append(evaluate_petrarch(records, dictionaries, settings, limit, verbs=True))
        results.append(evaluate_petrarch(records, dictionaries, settings, limit, verbs=False))
    if plover is not None:
        results.append(evaluate_plover(plover, settings, limit))
    return EventReport(results)
