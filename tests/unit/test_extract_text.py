"""Scraped-text cleaning: the story survives, furniture goes, each removal has a reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.extract import extract_article
from wirewatch.extract.text import clean_text, is_date_line
from wirewatch.records import RawDocument

TEXTS = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "text"
SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_bdf56e4724948185.txt"
CASES = sorted(p.stem for p in TEXTS.glob("*.txt"))


def _article(text: str, origin: str = "test"):  # type: ignore[no-untyped-def]
    return extract_article(RawDocument(id="t", content=text, kind="text", origin=origin))


def test_there_are_fixtures_in_at_least_five_outlet_styles() -> None:
    assert len(CASES) >= 5


@pytest.mark.parametrize("name", CASES)
def test_fixture_gives_exactly_its_story(name: str) -> None:
    expected = json.loads((TEXTS / f"{name}.json").read_text(encoding="utf-8"))
    a = _article((TEXTS / f"{name}.txt").read_text(encoding="utf-8"), name)
    assert a.text.split("\n\n") == expected["paragraphs"]
    assert a.title == expected["title"]
    assert list(a.authors) == expected["authors"]
    assert list(a.credits) == expected["credits"]
    assert a.dateline == expected["dateline"]
    assert a.published == expected.get("published")
    reasons = {r.reason for r in a.removed}
    assert set(expected["reasons"]) <= reasons, reasons


@pytest.mark.parametrize("name", CASES)
def test_every_input_line_is_kept_or_accounted_for(name: str) -> None:
    text = (TEXTS / f"{name}.txt").read_text(encoding="utf-8")
    a = _article(text, name)
    accounted = set(a.text.split("\n\n")) | {r.text for r in a.removed} | {a.title}
    for line in text.splitlines():
        line = " ".join(line.split())
        assert not line or line in accounted, line
    assert all(r.reason for r in a.removed)


def test_seed_article_gives_exactly_its_story_paragraphs() -> None:
    if not SEED.exists():
        pytest.skip(f"{SEED} not found")
    text = SEED.read_text(encoding="utf-8")
    a = _article(text, "seed")
    paragraphs = a.text.split("\n\n")
    assert a.title == "North Korea’s Kim pledges to speed up war readiness, dismisses top general"
    assert len(paragraphs) == 19
    assert paragraphs[0].startswith("North Korean leader Kim Jong Un toured")
    assert paragraphs[-1].startswith("Cheong said Kim’s comments at the factory")
    story_lines = [ln for ln in text.splitlines() if len(ln.split()) > 15
                   and not ln.startswith(("Click", "WATCH"))]
    assert all(ln.strip() in paragraphs for ln in story_lines)
    assert a.credits == ("Reuters",)
    removed = {(r.reason, r.text) for r in a.removed}
    assert ("advertisement", "Story continues below advertisement") in removed
    assert ("credit", "-With files from Reuters") in removed
    assert ("advertisement", "AdChoices") in removed
    assert any(r == "repeated caption" for r, _ in removed)
    assert any(r == "video caption" and t.startswith("WATCH:") for r, t in removed)
    assert any(r == "promo" and t.startswith("Breaking news from Canada") for r, t in removed)
    for furniture in ("Advertisement", "Sponsored content", "Click to play video"):
        assert furniture not in a.text


def test_short_story_lines_between_paragraphs_are_kept() -> None:
    text = (
        "Dam inspectors order emergency repairs after cracks found\n"
        "Engineers found two long cracks in the spillway of the county's largest dam during a "
        "routine inspection on Tuesday, the water authority said.\n"
        "What happens next\n"
        "The authority said it would lower the reservoir by three metres while contractors "
        "repair the concrete over the coming month.\n"
        "No homes are at risk.\n"
        "Residents downstream were told there was no immediate danger and that the work "
        "would not affect drinking water supplies.\n"
    )
    ex = clean_text(text)
    assert ex.title == "Dam inspectors order emergency repairs after cracks found"
    assert "What happens next" in ex.text.split("\n\n")
    assert "No homes are at risk." in ex.text.split("\n\n")
    assert ex.removed == ()


def test_a_list_of_headlines_inside_the_story_is_removed_as_related_links() -> None:
    story = ("The city council voted on Monday to extend the night bus service to the eastern "
             "suburbs for a trial period of six months starting in June.")
    text = "\n".join([
        "Council extends night buses to eastern suburbs", story,
        "Council approves budget for new library", "Police appeal after bike thefts rise",
        "Road works to start on High Street next week",
        "Officials said the trial would cost about 400,000 pounds and would be reviewed in "
        "December before any decision on a permanent service.",
    ])
    ex = clean_text(text)
    assert [r.reason for r in ex.removed] == ["related links"] * 3
    assert len(ex.text.split("\n\n")) == 2


@pytest.mark.parametrize("line", [
    "Updated 6:42 PM EST, February 12, 2024", "Published : 2024-03-02 14:10",
    "14:32, 4 Jan 2024", "March 3, 2024",
])
def test_date_lines(line: str) -> None:
    assert is_date_line(line)


def test_a_sentence_with_a_date_is_not_a_date_line() -> None:
    assert not is_date_line("The vote was held on March 3, 2024 in Ottawa.")
