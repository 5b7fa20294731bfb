"""HTML extraction: metadata choices and the furniture post-clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.extract.html import extract_html, post_clean
from wirewatch.extract.metadata import (
    PageMeta,
    choose_authors,
    choose_title,
    is_person_name,
    strip_site_suffix,
)

HTML = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "html"


@pytest.mark.parametrize(("title", "site", "expected"), [
    ("Harbour strike called off | The Coastal Courier", "The Coastal Courier",
     "Harbour strike called off"),
    ("Harbour strike called off - Coastal Courier", None, "Harbour strike called off"),
    ("Harbour strike called off — News — The Courier", "The Courier",
     "Harbour strike called off"),
    ("Kim, Putin meet - and what it means for Asia", None,
     "Kim, Putin meet - and what it means for Asia"),
    ("The Courier", "The Courier", "The Courier"),
])
def test_site_suffix_is_removed_only_when_it_looks_like_a_site(
    title: str, site: str | None, expected: str
) -> None:
    assert strip_site_suffix(title, site) == expected


def _meta(titles: tuple[tuple[str, str], ...] = (), authors: tuple = (),  # type: ignore[type-arg]
          site: str | None = None) -> PageMeta:
    return PageMeta(titles=titles, dates=(), authors=authors, site_name=site, language=None)


def test_title_prefers_the_h1_that_agrees_with_the_declared_title() -> None:
    meta = _meta((("h1", "The Courier"), ("h1", "Ferry strike called off after pay deal"),
                  ("og", "Ferry strike called off after pay deal | The Courier")),
                 site="The Courier")
    assert choose_title(meta) == "Ferry strike called off after pay deal"
    assert choose_title(_meta((("og", "Ferry strike ends | The Courier"),),
                              site="The Courier")) == "Ferry strike ends"


@pytest.mark.parametrize(("name", "person"), [
    ("Jane Doe", True), ("Kim Min-ji", True), ("Robert E. Moffit", True),
    ("Reuters Staff", False), ("The Coastal Courier", False), ("Associated Press", False),
    ("https://example.com/jane", False), ("(Image: Getty)", False), ("Updated Dec", False),
])
def test_authors_are_people(name: str, person: bool) -> None:
    assert is_person_name(name, "The Coastal Courier") is person


def test_author_roles_and_credentials_are_trimmed() -> None:
    meta = _meta(authors=(("jsonld", ("By Jane Doe MS, RDN", "Coastal Courier Staff")),),
                 site="The Coastal Courier")
    assert choose_authors(meta, ()) == ("Jane Doe",)
    assert choose_authors(_meta(site="X"), ("Tom Roe and Ann Lee",)) == ("Tom Roe", "Ann Lee")


def test_post_clean_drops_furniture_and_a_repeated_title() -> None:
    lines = ["Ferry strike called off", "Advertisement",
             "The strike was called off late on Wednesday, the operator said.",
             "Sign up for our newsletter to get the top stories in your inbox."]
    kept, removed = post_clean(lines, "Ferry strike called off")
    assert kept == ["The strike was called off late on Wednesday, the operator said."]
    assert [r.reason for r in removed] == ["title", "advertisement", "promo"]


def test_fixture_page_metadata() -> None:
    ex = extract_html((HTML / "harbour_article.html").read_text(encoding="utf-8"),
                      "https://courier.example/news/ferry")
    assert ex.title == "Harbour ferry strike called off after late pay deal"
    assert ex.authors == ("Owen Pritchard",)
    assert ex.published == "2024-04-18"
    assert ex.outlet == "The Coastal Courier"
    assert ex.language == "en"
    assert "Advertisement" not in ex.text
    assert ex.text.startswith("A planned three-day strike")
