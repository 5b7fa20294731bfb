"""Score predicted quotes against gold attributions (PolNeAR), with a quote-mark baseline.

Content spans match one-to-one, largest shared character count first.  *Overlap* counts a
pair sharing any letter; *exact* needs equal spans once both are trimmed of edge
punctuation, quote marks and a leading "that" (PolNeAR is inconsistent about those).
Discontinuous gold content is taken as its hull.  Per kind (the gold's kind, from its quote
marks: ``partial`` counts as ``mixed``): overlap recall of gold of that kind, precision of
predictions of that kind, and how often a matched prediction got the kind right.  Speaker
and cue accuracy are over the overlap-matched pairs whose gold has a source (cue): the
predicted speaker mention overlaps the gold source, or its resolved name ends in the same
word as a non-pronoun gold source.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..records import Quote, Speaker, content_id
from .brat import GoldArticle, GoldAttribution
from .marks import find_quoted
from .spans import overlaps
from .speakers import GROUP_PRONOUNS, PERSON_PRONOUNS, RELATIVE_PRONOUNS, source_of

KIND_GROUPS = {"direct": "direct", "indirect": "indirect", "mixed": "mixed", "partial": "mixed"}
_PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | RELATIVE_PRONOUNS | {"i", "we", "you", "his"}
_TRIM = " \t\n,.;:—–-\"“”„«»'‘’"


def _norm(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if text[start:start + 5].lower() == "that ":
        start += 5
    return start, end


def _shared(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> int:
    return sum(max(0, min(x1, y1) - max(x0, y0)) for x0, x1 in a for y0, y1 in b)


@dataclass
class Tally:
    """Counts for one system over a set of articles."""

    gold: int = 0
    pred: int = 0
    exact: int = 0
    overlap: int = 0
    speaker_total: int = 0
    speaker_ok: int = 0
    cue_total: int = 0
    cue_ok: int = 0
    gold_kinds: Counter[str] = field(default_factory=Counter)
    pred_kinds: Counter[str] = field(default_factory=Counter)
    matched_gold_kinds: Counter[str] = field(default_factory=Counter)
    matched_pred_kinds: Counter[str] = field(default_factory=Counter)
    agreed_kinds: Counter[str] = field(default_factory=Counter)

    @staticmethod
    def prf(hit: int, pred: int, gold: int) -> tuple[float, float, float]:
        p = hit / pred if pred else 0.0
        r = hit / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def summary(self) -> dict[str, Any]:
        kinds = {}
        for k in ("direct", "mixed", "indirect"):
            found = self.matched_gold_kinds[k]
            p = self.matched_pred_kinds[k] / self.pred_kinds[k] if self.pred_kinds[k] else 0.0
            r = found / self.gold_kinds[k] if self.gold_kinds[k] else 0.0
            kinds[k] = {
                "gold": self.gold_kinds[k], "pred": self.pred_kinds[k], "p": p, "r": r,
                "f1": 2 * p * r / (p + r) if p + r else 0.0,
                "kind_accuracy": self.agreed_kinds[k] / found if found else 0.0,
            }
        return {
            "gold": self.gold, "pred": self.pred,
            "exact": dict(zip(("p", "r", "f1"), self.prf(self.exact, self.pred, self.gold),
                              strict=True)),
            "overlap": dict(zip(("p", "r", "f1"), self.prf(self.overlap, self.pred, self.gold),
                                strict=True)),
            "speaker_accuracy": self.speaker_ok / self.speaker_total if self.speaker_total else 0.0,
            "cue_accuracy": self.cue_ok / self.cue_total if self.cue_total else 0.0,
            "kinds": kinds,
        }


def _speaker_ok(text: str, speaker: Speaker | None, gold: GoldAttribution) -> bool:
    if speaker is None:
        return False
    if speaker.start is not None and speaker.end is not None and any(
        overlaps((speaker.start, speaker.end), s) for s in gold.source
    ):
        return True
    gold_text = " ".join(text[a:b] for a, b in gold.source).strip()
    if not gold_text or gold_text.lower() in _PRONOUNS:
        return False
    return bool(speaker.name.split()) and _last_word(speaker.name) == _last_word(gold_text)


def _last_word(phrase: str) -> str:
    word = phrase.split()[-1].strip(".,;:").lower()
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def gold_kind(text: str, gold: GoldAttribution) -> str:
    from .assemble import quote_kind

    return KIND_GROUPS[quote_kind(text, gold.content, find_quoted(text))]


def score_article(tally: Tally, article: GoldArticle, quotes: Sequence[Quote]) -> None:
    """Add one article's gold-versus-predicted counts to ``tally``."""
    text = article.text
    golds = list(article.attributions)
    tally.gold += len(golds)
    tally.pred += len(quotes)
    kinds = [gold_kind(text, g) for g in golds]
    tally.gold_kinds.update(kinds)
    tally.pred_kinds.update(KIND_GROUPS.get(q.kind, q.kind) for q in quotes)
    pairs = []
    for gi, g in enumerate(golds):
        for qi, q in enumerate(quotes):
            shared = _shared(g.content, [(q.start, q.end)])
            if shared > 0:
                pairs.append((shared, gi, qi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_q: set[int] = set()
    for _, gi, qi in pairs:
        if gi in used_g or qi in used_q:
            continue
        used_g.add(gi)
        used_q.add(qi)
        g, q = golds[gi], quotes[qi]
        tally.overlap += 1
        tally.matched_gold_kinds[kinds[gi]] += 1
        tally.matched_pred_kinds[KIND_GROUPS.get(q.kind, q.kind)] += 1
        if KIND_GROUPS.get(q.kind) == kinds[gi]:
            tally.agreed_kinds[kinds[gi]] += 1
        if g.source:
            tally.speaker_total += 1
            tally.speaker_ok += _speaker_ok(text, q.speaker, g)
        if g.cue:
            tally.cue_total += 1
            if q.cue_start is not None and q.cue_end is not None and any(
                overlaps((q.cue_start, q.cue_end), c) for c in g.cue
            ):
                tally.cue_ok += 1
    exact_gold = {_norm(text, g.content[0][0], g.content[-1][1]) for g in golds}
    tally.exact += sum(1 for key in {_norm(text, q.start, q.end) for q in quotes}
                       if key in exact_gold)


def baseline_quotes(text: str, parsed: Any) -> list[Quote]:
    """Quote marks only: each quoted passage, spoken by the subject of the nearest "say"."""
    says = [t for t in parsed if t.lemma_ == "say" and t.pos_ in ("VERB", "AUX")]
    out: list[Quote] = []
    for q in find_quoted(text):
        speaker = cue = None
        nearest = min(says, key=lambda t: min(abs(t.idx - q.start), abs(t.idx - q.end)),
                      default=None)
        if nearest is not None and min(abs(nearest.idx - q.start), abs(nearest.idx - q.end)) < 200:
            src = source_of(nearest)
            cue = nearest
            if src is not None:
                speaker = Speaker(text[src.start:src.end], start=src.start, end=src.end)
        out.append(Quote(
            id=content_id(str(q.start), str(q.end)), text=text[q.start:q.end], kind="direct",
            start=q.start, end=q.end, speaker=speaker,
            cue=cue.text if cue is not None else None,
            cue_start=cue.idx if cue is not None else None,
            cue_end=cue.idx + len(cue.text) if cue is not None else None,
        ))
    return out


def evaluate(articles: Iterable[GoldArticle], nlp: Any) -> dict[str, dict[str, Any]]:
    """Score wirewatch and the quote-mark baseline on ``articles`` in one pass."""
    from .assemble import build_quotes

    ours, base = Tally(), Tally()
    items = list(articles)
    for article, parsed in zip(items, nlp.pipe(a.text for a in items), strict=True):
        score_article(ours, article, build_quotes(article.text, parsed))
        score_article(base, article, baseline_quotes(article.text, parsed))
    return {"wirewatch": ours.summary(), "baseline": base.summary()}
