"""The actor knowledge base: coding noun phrases, dates, user and PETRARCH-2 dictionaries."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.actors import ActorMatch, KnowledgeBase, builtin_kb, load_kb
from wirewatch.config import Settings
from wirewatch.errors import ConfigError

KB = builtin_kb()


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Russian Defense Minister", "RUSMIL"),
        ("North Korean leader Kim Jong Un", "PRKGOV"),
        ("the U.S.", "USA"),
        ("Pyongyang", "PRKGOV"),
        ("South Korea's Unification Ministry", "KORGOV"),
        ("police", "COP"),
        ("protesters", "OPP"),
        ("state media", "MED"),
        ("Putin", "RUSGOV"),
        ("Russian troops", "RUSMIL"),
        ("Chinese ruling party official", "CHNGOV"),
        ("NATO", "NATO"),
        ("Nato", "NATO"),
        ("U.N. Security Council", "UN"),
        ("KCNA", "PRKMED"),
        ("Chinese state media", "CHNMED"),
        ("Iran's Foreign Ministry spokesman", "IRNGOV"),
        ("Ukrainian soldiers", "UKRMIL"),
        ("Israeli military", "ISRMIL"),
        ("the White House", "USAGOV"),
    ],
)
def test_match_codes_noun_phrases(phrase: str, code: str) -> None:
    m = KB.match(phrase, date="2023-08-01")
    assert m is not None and m.code == code


def test_match_gives_canonical_name_country_sector_kind() -> None:
    m = KB.match("Russian Defense Minister Sergei Shoigu", date="2023-08-01")
    assert m == ActorMatch("RUSMIL", "Sergei Shoigu", "RUS", "MIL", "person", "defense minister")
    cap = KB.match("Washington")
    assert cap is not None and (cap.kind, cap.country, cap.sector) == ("capital", "USA", "GOV")
    igo = KB.match("IAEA")
    assert igo is not None and (igo.kind, igo.country) == ("igo", None)


def test_unknown_and_pronoun_like_words_do_not_match() -> None:
    assert KB.match("Kim") is None
    assert KB.match("us") is None  # the pronoun, not the U.S.
    assert KB.match("Who") is None  # the pronoun, not the WHO
    assert KB.match("the weather") is None
    assert KB.match("") is None


def test_codes_depend_on_the_event_date() -> None:
    assert KB.match("Putin", date="2010-06-01").role == "prime minister"  # type: ignore[union-attr]
    assert KB.match("Putin", date="2015-06-01").role == "president"  # type: ignore[union-attr]
    assert KB.match("Shoigu", date="2023-08-01").code == "RUSMIL"  # type: ignore[union-attr]
    assert KB.match("Shoigu", date="2025-01-01").code == "RUSGOV"  # type: ignore[union-attr]
    between_terms = KB.match("Donald Trump", date="2024-02-20")
    assert between_terms is not None and between_terms.code == "USAELI"
    assert KB.match("Trump", date="2025-03-01").code == "USAGOV"  # type: ignore[union-attr]
    assert KB.match("Biden", date="20230801").code == "USAGOV"  # type: ignore[union-attr]


def test_former_office_holders_are_elites() -> None:
    m = KB.match("former president")
    assert m is not None and m.code == "ELI" and m.role == "former president"


def test_country_from_names_demonyms_capitals() -> None:
    assert KB.country("North Korean") == "PRK"
    assert KB.country("Pyongyang") == "PRK"
    assert KB.country("U.S.") == "USA"
    assert KB.country("the United States") == "USA"
    assert KB.country("Britain") == "GBR"
    assert KB.country("Côte d'Ivoire") == "CIV"
    assert KB.country("us") is None
    assert KB.country("Atlantis") is None


def test_load_kb_is_cached_and_adds_user_dictionaries(tmp_path: Path) -> None:
    assert load_kb() is load_kb()
    user = tmp_path / "mine.yaml"
    user.write_text(
        "actors:\n"
        "  - name: Koo Byoungsam\n    aliases: [Koo Byoung-sam]\n    kind: person\n"
        "    country: KOR\n    sector: GOV\n    role: spokesperson\n"
        "  - name: Pyongyang\n    code: PRKXXX\n    kind: capital\n"
        "agents:\n  - phrase: coast guard\n    sector: MIL\n",
        encoding="utf-8",
    )
    kb = load_kb(Settings(user_dictionaries=(str(user),)))
    koo = kb.match("Koo Byoung-sam")
    assert koo is not None and (koo.code, koo.name, koo.role) == (
        "KORGOV", "Koo Byoungsam", "spokesperson")
    assert kb.match("Pyongyang").code == "PRKXXX"  # type: ignore[union-attr]  # user wins
    assert kb.match("Japanese coast guards").code == "JPNMIL"  # type: ignore[union-attr]
    assert load_kb().match("Pyongyang").code == "PRKGOV"  # type: ignore[union-attr]


def test_csv_user_dictionary(tmp_path: Path) -> None:
    table = tmp_path / "agents.csv"
    table.write_text("# my agents\nphrase,sector,role\nfire brigade,CVL,\n", encoding="utf-8")
    kb = builtin_kb()
    assert kb.load_user_file(str(table)) == 1
    assert kb.match("German fire brigade").code == "DEUCVL"  # type: ignore[union-attr]


def test_bad_user_dictionary_raises_config_error_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - aliases: [x]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        builtin_kb().load_user_file(str(bad))
    assert str(bad) in str(err.value) and "[WW300]" in str(err.value)
    with pytest.raises(ConfigError):
        builtin_kb().load_user_file(str(tmp_path / "missing.yaml"))


PETRARCH_ACTORS = """<!-- a toy dictionary
spanning lines -->
ELBONIA_ [ELB]  # a country
+ELBONIAN
DOGBERT [ELB]
    [ELBGOV 20100101-20121231]
    [ELBREB >121231]
GONDOLIN [GDL]
ARGENTIN [ARG]
"""

PETRARCH_AGENTS = """!PERSON! = MAN, MEN
TROOPS {} [~MIL]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY [NGO~]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
"""


def test_petrarch_dictionaries_with_date_restrictions(tmp_path: Path) -> None:
    actors, agents = tmp_path / "toy.actors.txt", tmp_path / "toy.agents.txt"
    actors.write_text(PETRARCH_ACTORS, encoding="utf-8")
    agents.write_text(PETRARCH_AGENTS, encoding="utf-8")
    kb = KnowledgeBase()
    assert kb.load_petrarch_actors(str(actors)) == 5
    assert kb.load_petrarch_agents(str(agents)) == 5
    assert kb.match("Elbonian troops").code == "ELBMIL"  # type: ignore[union-attr]
    assert kb.match("Dogbert", "2011-05-05").code == "ELBGOV"  # type: ignore[union-attr]
    assert kb.match("Dogbert", "2013-01-01").code == "ELBREB"  # type: ignore[union-attr]
    assert kb.match("Dogbert", "2005-01-01").code == "ELB"  # type: ignore[union-attr]
    assert kb.match("Elbonian congressmen").code == "ELBLEG"  # type: ignore[union-attr]
    assert kb.match("Elbonian human rights body").code == "NGOELB"  # type: ignore[union-attr]
    assert kb.match("golden geese").code == "GGS"  # type: ignore[union-attr]
    assert kb.match("Argentina").code == "ARG"  # type: ignore[union-attr]  # stem entry
    assert kb.match("Elbonias") is None  # trailing underscore: no longer words


@pytest.mark.gold
def test_petrarch2_validation_dictionaries(shared_data: Path) -> None:
    folder = shared_data / "events/petrarch2_unittest/petrarch2/data/dictionaries"
    if not folder.exists():
        pytest.skip("PETRARCH-2 dictionaries not present")
    kb = KnowledgeBase()
    kb.load_user_file(str(folder / "PETR.Validate.actors.txt"))
    kb.load_user_file(str(folder / "PETR.Validate.agents.txt"))
    sam = "Sam Gamgee"
    assert kb.match(sam, "2007-01-01").code == "HOBCIV"  # type: ignore[union-attr]
    assert kb.match(sam, "2010-01-10").code == "ORCHOB"  # type: ignore[union-attr]
    assert kb.match(sam, "2009-01-01").code == "HOBMIL"  # type: ignore[union-attr]
    assert kb.match(sam, "2014-01-01").code == "HOBELI"  # type: ignore[union-attr]
    assert kb.match("Zimbabwe", "1978-01-01").code == "RHO"  # type: ignore[union-attr]
    assert kb.match("Smeagol", "1997-01-01").code == "HOBGOV"  # type: ignore[union-attr]
    assert kb.match("Mordor police").code == "MORCOP"  # type: ignore[union-attr]
    assert kb.match("Pyongyang").code == "PRK"  # type: ignore[union-attr]
