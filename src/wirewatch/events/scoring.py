"""Score coded events against gold sentences.

Only events a CAMEO coder would record count (modality asserted, pledged or planned; not
negated, alleged, denied, demanded or merely possible).  Compound events are expanded to
one (source, target) pair per actor pair, as PETRARCH codes them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..records import Event
from .codebook import lookup, quad_class
from .gold import GoldSentence
from .modality import SCORED


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: Sequence[str], pred: Sequence[str]) -> None:
        g, p = Counter(gold), Counter(pred)
        hit = sum((g & p).values())
        self.tp += hit
        self.fp += sum(p.values()) - hit
        self.fn += sum(g.values()) - hit


@dataclass
class Tally:
    """Counts for one group of sentences (a category, a PLOVER type, or all)."""

    sentences: int = 0
    gold_events: int = 0
    correct: int = 0
    uncoded: int = 0
    extra: int = 0
    no_event_sentences: int = 0
    false_event_sentences: int = 0
    top_type_hits: int = 0
    any_type_hits: int = 0
    coded_sentences: int = 0
    actor_pairs: int = 0
    country_hits: int = 0
    sector_hits: int = 0
    levels: dict[str, PRF] = field(default_factory=lambda: {
        k: PRF() for k in ("code", "root", "quad", "plover")})

    def pct(self, n: int) -> float:
        return 100.0 * n / self.gold_events if self.gold_events else 0.0


def scored(events: Sequence[Event]) -> list[Event]:
    return [e for e in events if e.modality in SCORED]


def _plover_of(code: str) -> str:
    entry = lookup(code)
    return entry.plover.type if entry is not None and entry.plover else "-"


def _quad(code: str) -> str:
    return str(quad_class(code)) if code[:2].isdigit() else "-"


def _pairs(e: Event) -> list[tuple[str, str, str]]:
    """PETRARCH's triples: one per (source, target) pair; a compound source without a target
    ("Gondor and Osgiliath delayed their meeting") acts on each other."""
    sources = [a.actor_code or "---" for a in e.source] or ["---"]
    targets = [a.actor_code or "---" for a in e.target]
    if not targets and len(sources) > 1:
        return [(s, e.cameo, t) for s in sources for t in sources if s != t]
    return [(s, e.cameo, t) for s in sources for t in targets or ["---"]]


def _top(events: Sequence[Event]) -> Event | None:
    if not events:
        return None
    return max(events, key=lambda e: (e.confidence, -(e.trigger.start if e.trigger else 0)))


def score_sentence(t: Tally, gold: GoldSentence, predicted: Sequence[Event]) -> None:
    """Add one sentence's result to ``t``."""
    events = scored(predicted)
    t.sentences += 1
    t.coded_sentences += bool(events)
    if gold.no_event:
        t.no_event_sentences += 1
        t.false_event_sentences += bool(events)
        return
    pred_codes = [e.cameo for e in events]
    gold_codes = [g.code for g in gold.events if g.code]
    if gold_codes:
        t.levels["code"].add(gold_codes, pred_codes)
        t.levels["root"].add([c[:2] for c in gold_codes], [c[:2] for c in pred_codes])
        t.levels["quad"].add([_quad(c) for c in gold_codes], [_quad(c) for c in pred_codes])
        gold_types = [_plover_of(c) for c in gold_codes]
    else:
        gold_types = [g.plover or "-" for g in gold.events]
    pred_types = [e.plover.type if e.plover else "-" for e in events]
    t.levels["plover"].add(gold_types, pred_types)
    top = _top(events)
    if top is not None and top.plover is not None and top.plover.type in gold_types:
        t.top_type_hits += 1
    if set(pred_types) & set(gold_types):
        t.any_type_hits += 1
    # PETRARCH's own measure: (source, code, target) triples (gold with codes only)
    if not gold_codes:
        _score_actors(t, gold, events, top)
        return
    gold_triples = Counter((g.source[0] if g.source else "---", g.code or "",
                            g.target[0] if g.target else "---") for g in gold.events)
    pred_triples = Counter(p for e in events for p in _pairs(e))
    t.gold_events += sum(gold_triples.values())
    hit = sum((gold_triples & pred_triples).values())
    t.correct += hit
    t.uncoded += sum(gold_triples.values()) - hit
    t.extra += sum(pred_triples.values()) - hit
    _score_actors(t, gold, events, top)


def _score_actors(t: Tally, gold: GoldSentence, events: Sequence[Event],
                  top: Event | None) -> None:
    """Gold events against the predicted event of the same PLOVER type (or the top one)."""
    for g in gold.events:
        gtype = _plover_of(g.code) if g.code else g.plover
        same = [e for e in events if e.plover and e.plover.type == gtype] or \
            ([top] if top else [])
        gold_src = [c for c in g.source if c and not c.startswith("-")]
        if not gold_src:
            continue
        t.actor_pairs += 1
        codes = {a.actor_code or "" for e in same for a in e.source}
        if {c[:3] for c in gold_src} & {c[:3] for c in codes if c}:
            t.country_hits += 1
        if set(gold_src) & codes:
            t.sector_hits += 1


def score(gold: Sequence[GoldSentence], predicted: Sequence[Sequence[Event]],
          group_by: str = "category") -> dict[str, Tally]:
    """Tallies by group (``category`` for PETRARCH, the gold PLOVER type for PLOVER) and
    ``ALL``."""
    out: dict[str, Tally] = {"ALL": Tally()}
    for g, p in zip(gold, predicted, strict=True):
        key = g.category if group_by == "category" else (
            g.events[0].plover if g.events and g.events[0].plover else "NONE")
        score_sentence(out.setdefault(key or "-", Tally()), g, p)
        score_sentence(out["ALL"], g, p)
    return out
