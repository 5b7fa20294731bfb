"""Actor attachment and PETRARCH verb patterns on hand-built parses (no language model).

Rows are (word, lemma, POS, dependency, head index, entity type), as in
``test_events_coder.py``: the parse the English spaCy models give for each sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("spacy")

from tests.unit.test_events_coder import Row, parse, summary

from wirewatch.config import Settings
from wirewatch.events import EventCoder
from wirewatch.records import Article, Document, Event

KB = {"iran": ("IRN", "country"), "iraq": ("IRQ", "country"), "israel": ("ISR", "country"),
      "jordan": ("JOR", "country"), "russia": ("RUS", "country"), "ukraine": ("UKR", "country"),
      "pyongyang": ("PRK", "country"), "kim": ("PRKGOV", "person"),
      "official": ("GOV", "agent"), "lawmakers in israel": ("ISRLEG", "country"),
      "lawmakers in jordan": ("JORLEG", "country")}


def lookup(phrase: str, date: str | None) -> tuple[str, str, str] | None:
    hit = KB.get(phrase.lower().removeprefix("the ").removeprefix("an "))
    return (hit[0], phrase, hit[1]) if hit else None


def code(rows: list[Row], tags: dict[int, str] | None = None,
         settings: Settings | None = None) -> list[Event]:
    parsed = parse(rows, tags)
    doc = Document("t", Article(text=parsed.text, published="2023-08-06", outlet="Wire"))
    coder = EventCoder(settings or Settings(), lookup=lookup,
                       places=lambda name, countries: None)
    return coder.code(doc, parsed)


def test_coordination_folded_into_a_modifier_keeps_every_actor() -> None:
    # "Israel and the awful Jordan condemned Iran": the parse makes "Israel" a modifier
    rows = [("Israel", "Israel", "PROPN", "nmod", 5, "GPE"),
            ("and", "and", "CCONJ", "cc", 0, ""),
            ("the", "the", "DET", "det", 4, ""),
            ("evil", "evil", "ADJ", "amod", 4, ""),
            ("awful", "awful", "NOUN", "conj", 0, ""),
            ("Jordan", "Jordan", "PROPN", "nsubj", 6, "GPE"),
            ("condemned", "condemn", "VERB", "ROOT", 6, ""),
            ("Iran", "Iran", "PROPN", "dobj", 6, "GPE"),
            (".", ".", "PUNCT", "punct", 6, "")]
    (event,) = code(rows)
    assert summary([event])[0][0] == "ISR+JOR" and summary([event])[0][2] == "IRN"


def test_an_agent_spreads_over_conjoined_places() -> None:
    rows = [("Lawmakers", "lawmaker", "NOUN", "nsubj", 5, ""),
            ("in", "in", "ADP", "prep", 0, ""),
            ("Israel", "Israel", "PROPN", "pobj", 1, "GPE"),
            ("and", "and", "CCONJ", "cc", 0, ""),
            ("Jordan", "Jordan", "PROPN", "conj", 0, "GPE"),
            ("condemned", "condemn", "VERB", "ROOT", 5, ""),
            ("Iran", "Iran", "PROPN", "dobj", 5, "GPE"),
            (".", ".", "PUNCT", "punct", 5, "")]
    (event,) = code(rows)
    assert [a.actor_code for a in event.source] == ["ISRLEG", "JORLEG"]


def test_a_pronoun_refers_to_an_actor_named_before_it() -> None:
    # "Iran said it would attack Iraq, an official said": "it" is Iran, not the official
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1, "GPE"),
            ("said", "say", "VERB", "ccomp", 10, ""),
            ("it", "it", "PRON", "nsubj", 4, ""),
            ("would", "would", "AUX", "aux", 4, ""),
            ("attack", "attack", "VERB", "ccomp", 1, ""),
            ("Iraq", "Iraq", "PROPN", "dobj", 4, "GPE"),
            (",", ",", "PUNCT", "punct", 10, ""),
            ("an", "an", "DET", "det", 9, ""),
            ("senior", "senior", "ADJ", "amod", 9, ""),
            ("official", "official", "NOUN", "nsubj", 10, ""),
            ("said", "say", "VERB", "ROOT", 10, ""),
            (".", ".", "PUNCT", "punct", 10, "")]
    events = code(rows, {4: "VB"})
    assert events and {a.actor_code for e in events for a in e.source} == {"IRN"}


def test_a_purpose_clause_possessive_is_the_recipient() -> None:
    # "Iran provided arms to Russia to aid its fighting": Russia's fighting
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1, "GPE"),
            ("provided", "provide", "VERB", "ROOT", 1, ""),
            ("arms", "arm", "NOUN", "dobj", 1, ""),
            ("to", "to", "ADP", "prep", 1, ""),
            ("Russia", "Russia", "PROPN", "pobj", 3, "GPE"),
            ("to", "to", "PART", "aux", 6, ""),
            ("aid", "aid", "VERB", "advcl", 1, ""),
            ("its", "its", "PRON", "poss", 8, ""),
            ("fighting", "fighting", "NOUN", "dobj", 6, ""),
            (".", ".", "PUNCT", "punct", 1, "")]
    got = summary(code(rows, {6: "VB"}))
    assert ("IRN", "072", "RUS", "asserted") in got
    assert any(s == "RUS" and c == "190" for s, c, _, _ in got)


def test_an_unnamed_institution_takes_the_source_country() -> None:
    rows = [("Kim", "Kim", "PROPN", "nsubj", 1, "PERSON"),
            ("urged", "urge", "VERB", "ROOT", 1, ""),
            ("the", "the", "DET", "det", 3, ""),
            ("factory", "factory", "NOUN", "dobj", 1, ""),
            ("to", "to", "PART", "aux", 5, ""),
            ("expand", "expand", "VERB", "xcomp", 1, ""),
            ("production", "production", "NOUN", "dobj", 5, ""),
            (".", ".", "PUNCT", "punct", 1, "")]
    (event,) = code(rows, {5: "VB"})
    assert summary([event]) == [("PRKGOV", "020", "PRKBUS", "asserted")]
    assert "source's country" in (event.pattern or "")


def test_a_noun_event_takes_its_place_then_its_earlier_mention() -> None:
    rows = [("Crowds", "crowd", "NOUN", "nsubj", 1, ""),
            ("watched", "watch", "VERB", "ROOT", 1, ""),
            ("a", "a", "DET", "det", 4, ""),
            ("military", "military", "ADJ", "amod", 4, ""),
            ("parade", "parade", "NOUN", "dobj", 1, ""),
            ("in", "in", "ADP", "prep", 4, ""),
            ("Pyongyang", "Pyongyang", "PROPN", "pobj", 5, "GPE"),
            (".", ".", "PUNCT", "punct", 1, ""),
            ("Nobody", "nobody", "PRON", "nsubj", 9, ""),
            ("missed", "miss", "VERB", "ROOT", 9, ""),
            ("the", "the", "DET", "det", 11, ""),
            ("parade", "parade", "NOUN", "dobj", 9, ""),
            (".", ".", "PUNCT", "punct", 9, "")]
    events = code(rows)
    assert [(e.cameo, [a.actor_code for a in e.source]) for e in events] == [
        ("150", ["PRK"]), ("150", ["PRK"])]
    assert "earlier mention" in (events[1].pattern or "")


def petrarch_settings(fixtures: Path) -> Settings:
    s = Settings()
    extra = dict(s.extra)
    extra["event_lexicons"] = [str(fixtures / "events" / "toy_verbs.txt")]
    extra["event_builtin_lexicon"] = False
    return s.replace(extra=extra)


def test_petrarch_negation_pattern_codes_the_negated_verb(fixtures: Path) -> None:
    # "Iran won't sever relations with Iraq": "- &NEGAUX * [1614]", not a negated 161
    rows = [("Iran", "Iran", "PROPN", "nsubj", 3, "GPE"),
            ("wo", "will", "AUX", "aux", 3, ""),
            ("n't", "not", "PART", "neg", 3, ""),
            ("sever", "sever", "VERB", "ROOT", 3, ""),
            ("relations", "relation", "NOUN", "dobj", 3, ""),
            ("with", "with", "ADP", "prep", 4, ""),
            ("Iraq", "Iraq", "PROPN", "pobj", 5, "GPE"),
            (".", ".", "PUNCT", "punct", 3, "")]
    (event,) = code(rows, {3: "VB"}, petrarch_settings(fixtures))
    assert summary([event]) == [("IRN", "1614", "IRQ", "planned")]  # future, not negated
    assert "sever" in (event.pattern or "") and "n't" in (event.pattern or "")


def test_petrarch_compound_pattern_and_first_actor_target(fixtures: Path) -> None:
    # "Israel and Jordan appealed for calm in Ukraine": "- % * [0257]" needs the compound
    # subject; the target is the first actor named after the verb
    rows = [("Israel", "Israel", "PROPN", "nsubj", 3, "GPE"),
            ("and", "and", "CCONJ", "cc", 0, ""),
            ("Jordan", "Jordan", "PROPN", "conj", 0, "GPE"),
            ("appealed", "appeal", "VERB", "ROOT", 3, ""),
            ("for", "for", "ADP", "prep", 3, ""),
            ("calm", "calm", "NOUN", "pobj", 4, ""),
            ("in", "in", "ADP", "prep", 5, ""),
            ("Ukraine", "Ukraine", "PROPN", "pobj", 6, "GPE"),
            (".", ".", "PUNCT", "punct", 3, "")]
    settings = petrarch_settings(fixtures)
    got = summary(code(rows, settings=settings))
    assert got == [("ISR+JOR", "0256", "UKR", "asserted")]  # FOR_CALM beats "%" alone
    alone = [r for r in rows if r[0] not in ("and", "Jordan")]
    alone = [(w, lem, pos, dep, {3: 1, 4: 2, 5: 3, 6: 4, 7: 5}.get(h, h) if h > 0 else h, e)
             for w, lem, pos, dep, h, e in alone]
    assert summary(code(alone, settings=settings)) == [("ISR", "0256", "UKR", "asserted")]


def test_petrarch_reverse_code_and_inflected_form_blocks(fixtures: Path) -> None:
    # "--- ARRIVE [032:033] ---": the visitor visits (032) and the visited hosts (033)
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1, "GPE"),
            ("arrived", "arrive", "VERB", "ROOT", 1, ""),
            ("in", "in", "ADP", "prep", 1, ""),
            ("Iraq", "Iraq", "PROPN", "pobj", 2, "GPE"),
            (".", ".", "PUNCT", "punct", 1, "")]
    settings = petrarch_settings(fixtures)
    events = code(rows, settings=settings)
    assert summary(events) == [("IRN", "032", "IRQ", "asserted"),
                               ("IRQ", "033", "IRN", "asserted")]
    assert len({e.id for e in events}) == 2
    # "--- MET [036:032] ---" is tried before the lemma's "--- MEET [031] ---"
    met = [("Iran", "Iran", "PROPN", "nsubj", 1, "GPE"),
           ("met", "meet", "VERB", "ROOT", 1, ""),
           ("Iraq", "Iraq", "PROPN", "dobj", 1, "GPE"),
           (".", ".", "PUNCT", "punct", 1, "")]
    assert summary(code(met, settings=settings)) == [("IRN", "036", "IRQ", "asserted"),
                                                    ("IRQ", "032", "IRN", "asserted")]
    meets = [("Iran", "Iran", "PROPN", "nsubj", 1, "GPE"),
             ("meets", "meet", "VERB", "ROOT", 1, ""),
             ("Iraq", "Iraq", "PROPN", "dobj", 1, "GPE"),
             (".", ".", "PUNCT", "punct", 1, "")]
    assert summary(code(meets, {1: "VBZ"}, settings)) == [("IRN", "031", "IRQ", "asserted")]
