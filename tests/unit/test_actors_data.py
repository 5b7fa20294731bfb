"""The built-in knowledge-base files are complete and well-formed."""

from __future__ import annotations

import re

import pytest

from wirewatch.actors import builtin_kb
from wirewatch.actors.builtin import data_rows, split_list
from wirewatch.actors.dateline import read_dateline
from wirewatch.actors.text import key, plural, tokens

#: CAMEO sector codes (Schrodt 2012) that the built-in agents may use
CAMEO_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "CVL", "BUS", "MED", "EDU",
                 "REL", "SPY", "ELI", "PTY", "LAB", "HRI", "REF", "CRM", "NGO", "IGO", "HLH",
                 "AGR", "ENV", "UAF"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def test_every_country_once_with_a_name() -> None:
    rows = list(data_rows("countries.tsv"))
    codes = [r["iso3"] for r in rows]
    assert len(rows) >= 240
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert all(r["name"] for r in rows)
    by_code = {r["iso3"]: r for r in rows}
    assert "Pyongyang" in split_list(by_code["PRK"]["capitals"])
    assert "North Korean" in split_list(by_code["PRK"]["demonyms"])
    # every sovereign state in the news most days has a demonym
    for iso in ("USA", "RUS", "CHN", "KOR", "UKR", "ISR", "IRN", "IND", "BRA", "NGA", "FRA"):
        assert split_list(by_code[iso]["demonyms"]), iso


def test_agents_use_cameo_sectors() -> None:
    rows = list(data_rows("agents.tsv"))
    assert len(rows) > 150
    for r in rows:
        assert not r["sector"] or r["sector"] in CAMEO_SECTORS, r
    phrases = [r["phrase"] for r in rows]
    assert len(set(phrases)) == len(phrases), "an agent phrase is listed twice"


def test_people_have_iso_dates_and_known_countries() -> None:
    countries = {r["iso3"] for r in data_rows("countries.tsv")}
    orgs = {r["code"] for r in data_rows("organizations.tsv")}
    for r in data_rows("people.tsv"):
        assert r["country"] in countries | orgs, r
        for field in ("start", "end"):
            assert not r[field] or ISO_DATE.match(r[field]), r
        if r["start"] and r["end"]:
            assert r["start"] < r["end"], r


def test_organisation_codes_unique() -> None:
    codes = [r["code"] for r in data_rows("organizations.tsv")]
    assert len(set(codes)) == len(codes)
    assert {"UN", "NATO", "EU", "IAEA", "AU", "ASEAN", "WHO", "IMF"} <= set(codes)


def test_keys_normalise_spelling_variants() -> None:
    assert key("Kim Jong-un") == key("Kim Jong Un")
    assert key("North Korea’s") == key("North Korea")
    assert key("the United States") == "united states"
    assert tokens("U.S.-South Korea drills") == ["U.S.", "South", "Korea", "drills"]
    assert [plural(w) for w in ("minister", "policeman", "authority", "press")] == [
        "ministers", "policemen", "authorities", "presses"]


@pytest.mark.parametrize(
    ("opening", "country", "credit"),
    [
        ("SEOUL, South Korea (AP) — North Korea fired", "KOR", "AP"),
        ("KYIV, July 20 (Reuters) - Ukraine said", "UKR", "Reuters"),
        ("NEW DELHI: Prime Minister Narendra Modi", "IND", None),
        ("FOR IMMEDIATE RELEASE\n\nHeadline Here\n\nOSLO, Norway — The firm", "NOR", None),
    ],
)
def test_datelines(opening: str, country: str, credit: str | None) -> None:
    line = read_dateline(opening, builtin_kb())
    assert line is not None and line.country == country
    got = opening[line.credit[0]:line.credit[1]] if line.credit else None
    assert got == credit


def test_ordinary_openings_are_not_datelines() -> None:
    kb = builtin_kb()
    assert read_dateline("Nato leaders have gathered in Washington.", kb) is None
    assert read_dateline("U.S. officials said on Monday", kb) is None


def test_organisation_name_words_suggest_a_sector() -> None:
    for r in data_rows("org_name_words.tsv"):
        assert r["sector"] in CAMEO_SECTORS, r
    kb = builtin_kb()
    assert kb.org_sector("Helvion Airlines") == "BUS"
    assert kb.org_sector("The Springfield Daily Herald") == "MED"
    assert kb.org_sector("Stimson Center") == "EDU"
    assert kb.org_sector("Helvion") is None
    assert kb.match("three times") is None  # name words are not agents
