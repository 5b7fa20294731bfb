"""The CAMEO codebook, the lexicon file format and the speech-act code tables."""

from __future__ import annotations

import pytest

from wirewatch.errors import ConfigError
from wirewatch.events.codebook import codebook, lookup, quad_class
from wirewatch.events.lexicon import load_lexicon, parse_lexicon
from wirewatch.events.transform import speech_act_code


def test_every_root_and_weight_is_present_and_in_range() -> None:
    book = codebook()
    assert {c.root for c in book.values()} == {f"{n:02d}" for n in range(1, 21)}
    assert all(-10.0 <= c.goldstein <= 10.0 for c in book.values())
    assert all(c.code.startswith(c.root) and len(c.code) in (2, 3, 4) for c in book.values())


@pytest.mark.parametrize(("code", "ptype", "quad"), [
    ("042", "CONSULT", 1), ("057", "SUPPORT", 1), ("0332", "AGREE", 1), ("072", "AID", 2),
    ("0841", "RETREAT", 2), ("112", "ACCUSE", 3), ("125", "REJECT", 3), ("138", "THREATEN", 3),
    ("163", "COERCE", 4), ("173", "COERCE", 4), ("190", "ASSAULT", 4), ("1823", "ASSAULT", 4),
])
def test_plover_type_and_quad_class(code: str, ptype: str, quad: int) -> None:
    entry = lookup(code)
    assert entry is not None and entry.plover is not None
    assert entry.plover.type == ptype
    assert entry.quad_class == quad == quad_class(code)


def test_public_statements_have_no_plover_type_and_conflict_is_negative() -> None:
    assert lookup("010").plover is None  # type: ignore[union-attr]
    assert lookup("190").goldstein < 0 < lookup("057").goldstein  # type: ignore[union-attr]
    assert lookup("999") is None


def test_builtin_lexicon_codes_are_all_cameo_codes() -> None:
    lex = load_lexicon()
    assert len(lex) > 300
    assert all(lookup(p.code) is not None for ps in lex.verbs.values() for p in ps)
    # most specific pattern first: "hold talks with" before the bare object form
    hold = lex.for_verb("hold")
    assert [p.specificity for p in hold] == sorted((p.specificity for p in hold), reverse=True)


def test_lexicon_format_errors_name_the_line() -> None:
    with pytest.raises(ConfigError, match=r"mine.txt:2"):
        parse_lexicon("[042] visits\nvisit :sometimes\n", "mine.txt")
    with pytest.raises(ConfigError, match="not a CAMEO code"):
        parse_lexicon("[999] nothing\nfoo\n", "mine.txt")
    with pytest.raises(ConfigError, match="before the first"):
        parse_lexicon("visit\n", "mine.txt")


def test_lexicon_patterns_parse_objects_preps_and_roles() -> None:
    (p,) = parse_lexicon("[046]\nhold +talks|negotiation with\n", "x")
    assert (p.lemma, p.objects, p.preps, p.noun) == (
        "hold", frozenset({"talks", "negotiation"}), ("with",), False)
    (n,) = parse_lexicon("[190]\n~invasion of\n", "x")
    assert n.noun and n.preps == ("of",)
    (g,) = parse_lexicon("[112]\naccuse :allege\n", "x")
    assert g.governor and not g.needs_complement


@pytest.mark.parametrize(("kind", "about", "expected"), [
    ("intent", "072", "0332"), ("intent", "042", "036"), ("intent", "057", "032"),
    ("threaten", "163", "1312"), ("threaten", "190", "138"), ("demand", "0871", "1056"),
    ("demand", "0841", "1053"), ("appeal", "042", "026"), ("refuse", "042", "125"),
    ("refuse", "0841", "1243"), ("demand", None, "100"), ("allege", "190", "112"),
])
def test_speech_act_codes_follow_cameo(kind: str, about: str | None, expected: str) -> None:
    assert speech_act_code(kind, about) == expected
