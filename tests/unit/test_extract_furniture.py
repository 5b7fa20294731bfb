"""The furniture line classifier: furniture by shape, never a story sentence."""

from __future__ import annotations

import pytest

from wirewatch.extract.furniture import caption_of_video_line, furniture_reason

FURNITURE = [
    ("Advertisement", "advertisement"),
    ("ADVERTISEMENT", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("Article continues after this ad", "advertisement"),
    ("Sponsored content", "advertisement"),
    ("AdChoices", "advertisement"),
    ("Click to play video: 'Flooding closes highway'", "video caption"),
    ("WATCH: Crews battle wildfire near the border – Aug 4, 2023", "video caption"),
    ("Photo: Jane Smith/Getty Images", "photo credit"),
    ("(AP Photo/Lee Jin-man)", "photo credit"),
    ("Read more: Five things to know about the new law", "related links"),
    ("RELATED: Council approves new budget", "related links"),
    ("More from The Daily Planet", "related links"),
    ("Share on Facebook", "share prompt"),
    ("Share Tweet Email", "share prompt"),
    ("Follow us on Twitter for the latest updates", "share prompt"),
    ("Sign up for our free morning newsletter", "promo"),
    ("Breaking news from Canada and around the world sent to your email, as it happens.",
     "promo"),
    ("Get the best of our journalism delivered to your inbox every weekday.", "promo"),
    ("Click here for the latest market coverage", "promo"),
    ("© 2024 Daily Planet Media. All rights reserved.", "copyright"),
    ("Skip to main content", "navigation"),
    ("Home > World > Asia", "navigation"),
    ("12 Comments", "comments"),
    ("This article originally appeared on Example Weekly.", "syndication note"),
]

STORY = [
    "The minister said the newsletter sent to party members last week was a mistake.",
    "“Sign up now or lose your place,” the recruiter told students, according to the lawsuit.",
    "Advertising revenue at the company fell 12% in the third quarter, it said on Tuesday.",
    "Social media reacts to the Dodgers signing a new pitcher",
    "Police said photos of the suspect were shared widely on Facebook before his arrest.",
    "More than 200 people attended the funeral on Saturday.",
    "Related to the decision, the court also ruled that the fines must be repaid.",
    "Read the full statement below.",
    "Kim stressed the facility’s “important responsibility and duty” in boosting war "
    "preparations, North Korea’s official news agency said.",
]


@pytest.mark.parametrize(("line", "reason"), FURNITURE)
def test_furniture_is_recognised_with_its_reason(line: str, reason: str) -> None:
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line", STORY)
def test_story_lines_are_not_furniture(line: str) -> None:
    assert furniture_reason(line) is None


def test_video_line_gives_its_caption_for_the_repeat_rule() -> None:
    line = "Click to play video: 'North Korea calls launch ‘warning’ to U.S.'"
    assert caption_of_video_line(line) == "North Korea calls launch ‘warning’ to U.S."
    assert caption_of_video_line("North Korea calls launch a warning") is None
