"""Datelines, bylines and wire credits: people are authors, agencies are credits."""

from __future__ import annotations

import pytest

from wirewatch.extract.wire import front_matter, is_credit_line, split_names

LEAD = "officials said on Monday that talks would resume next week after a two-month pause."


@pytest.mark.parametrize(("opening", "dateline", "credits"), [
    ("SEOUL, South Korea (AP) — ", "SEOUL, South Korea (AP)", ("The Associated Press",)),
    ("WASHINGTON (Reuters) - ", "WASHINGTON (Reuters)", ("Reuters",)),
    ("LONDON — ", "LONDON", ()),
    ("ATLANTA -- ", "ATLANTA", ()),
    ("RIO DE JANEIRO (AFP) – ", "RIO DE JANEIRO (AFP)", ("AFP",)),
])
def test_datelines_are_read_and_kept_in_the_text(
    opening: str, dateline: str, credits: tuple[str, ...]
) -> None:
    fm = front_matter(opening + LEAD)
    assert fm.dateline == dateline
    assert fm.credits == credits
    assert fm.text.startswith(opening.strip())


def test_no_dateline_in_an_ordinary_opening() -> None:
    assert front_matter("The UN said on Monday " + LEAD).dateline is None
    assert front_matter("NATO allies met in Brussels on Monday. " + LEAD).dateline is None


@pytest.mark.parametrize(("byline", "authors", "credits"), [
    ("By Jane Doe, The Associated Press", ("Jane Doe",), ("The Associated Press",)),
    ("By Jane Doe and John Roe", ("Jane Doe", "John Roe"), ()),
    ("By JANE DOE | Reuters", ("JANE DOE",), ("Reuters",)),
    ("By Ana Silva, Tom Wu and Lee Park", ("Ana Silva", "Tom Wu", "Lee Park"), ()),
])
def test_bylines_split_people_from_agencies(
    byline: str, authors: tuple[str, ...], credits: tuple[str, ...]
) -> None:
    fm = front_matter(f"{byline}\n\nMOSCOW (AP) — {LEAD}")
    assert fm.authors == authors
    assert set(credits) <= set(fm.credits)
    assert fm.removed[0].reason == "byline"
    assert not fm.text.startswith("By ")


@pytest.mark.parametrize(("line", "credits"), [
    ("-With files from Reuters", ("Reuters",)),
    ("— With files from The Canadian Press", ("The Canadian Press",)),
    ("(Reporting by Jane Doe in Seoul; Editing by John Roe)", ("Jane Doe", "John Roe")),
    ("© 2023 The Canadian Press", ("The Canadian Press",)),
    ("The Associated Press contributed to this report.", ("The Associated Press",)),
    ("Associated Press writer Kim Tong-hyung in Seoul contributed to this report.",
     ("The Associated Press", "Kim Tong-hyung")),
])
def test_credit_lines_anywhere_become_credits(line: str, credits: tuple[str, ...]) -> None:
    body = f"{LEAD}\n\n{line}\n\nA second paragraph that carries on the story for readers."
    assert is_credit_line(line)
    fm = front_matter(body)
    assert fm.credits == credits
    assert line not in fm.text
    assert [r.reason for r in fm.removed] == ["credit"]
    assert fm.authors == ()


def test_split_names_never_calls_an_outlet_a_person() -> None:
    people, agencies = split_names("Jane Doe, Reuters, The Daily Planet, Bloomberg News")
    assert people == ["Jane Doe"]
    assert agencies == ["Reuters", "The Daily Planet", "Bloomberg News"]


def test_story_sentences_are_not_credit_lines() -> None:
    assert not is_credit_line("Reuters reported last week that the deal was close.")
    assert not is_credit_line("He said reporting by local media had been inaccurate.")


def test_a_sentence_starting_with_by_is_not_a_byline() -> None:
    body = f"{LEAD}\n\nBy Tuesday, crews had cleared the road.\n\nBy noon it was open."
    fm = front_matter(body)
    assert fm.text == body and fm.authors == () and fm.removed == ()
