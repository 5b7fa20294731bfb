"""User lexicons: wirewatch's own format and PETRARCH-2 verb dictionaries."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.errors import ConfigError
from wirewatch.events.lexicon import load_lexicon
from wirewatch.events.petrarch_verbs import looks_like_petrarch, read_petrarch_verbs


def test_petrarch_verbs_keep_default_codes_and_checkable_patterns(fixtures: Path) -> None:
    text = (fixtures / "events" / "toy_verbs.txt").read_text(encoding="utf-8")
    assert looks_like_petrarch(text)
    patterns = {(p.lemma, p.code, p.objects, p.preps) for p in read_petrarch_verbs(text, "t")}
    assert ("sever", "161", frozenset(), ()) in patterns
    assert ("sever", "1611", frozenset({"ties"}), ()) in patterns
    assert ("appeal", "0256", frozenset({"calm"}), ("for",)) in patterns
    assert ("ignore", "011", frozenset({"advice"}), ()) in patterns
    # "[---]" means no code: no pattern for the bare verb
    assert not any(p.lemma == "ignore" and not p.objects
                   for p in read_petrarch_verbs(text, "t"))


def test_petrarch_words_before_the_verb_become_constraints(fixtures: Path) -> None:
    text = (fixtures / "events" / "toy_verbs.txt").read_text(encoding="utf-8")
    patterns = read_petrarch_verbs(text, "t")
    negated = next(p for p in patterns if p.code == "1613")
    assert negated.before == ((("not",),),) and negated.absorbs_negation
    synset = next(p for p in patterns if p.code == "1614")
    assert synset.before == ((("did", "n't"), ("will", "not")),)
    compound = next(p for p in patterns if p.code == "0257")
    assert compound.compound and not compound.before
    # a source or target named before the verb is a role the parse gives: not kept
    assert not any(p.code == "0258" for p in patterns)
    # more constrained patterns are tried first
    lex = load_lexicon((str(fixtures / "events" / "toy_verbs.txt"),), builtin=False)
    assert lex.for_verb("sever")[0].code in ("1612", "1613", "1614")
    assert lex.for_verb("sever")[-1].code == "161"


def test_user_files_come_first_and_builtin_can_be_switched_off(
        tmp_path: Path, fixtures: Path) -> None:
    mine = tmp_path / "mine.txt"
    mine.write_text("[163] Impose sanctions\nblacklist\n", encoding="utf-8")
    lex = load_lexicon((str(mine),))
    assert lex.for_verb("blacklist")[0].code == "163"
    assert lex.for_verb("attack")  # built-in patterns are still there
    only = load_lexicon((str(fixtures / "events" / "toy_verbs.txt"),), builtin=False)
    assert not only.for_verb("attack") and only.for_verb("sever")[0].external


def test_unreadable_user_lexicon_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"missing\.txt"):
        load_lexicon((str(tmp_path / "missing.txt"),))
