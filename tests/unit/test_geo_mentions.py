"""Finding place names in plain text and resolving them together."""

from __future__ import annotations

from wirewatch.geo import place_mentions, resolve_mentions
from wirewatch.geo.mentions import geo_context

LOCAL = (
    "Alexandria police arrested two men on Friday. Officers from Pineville and the Rapides "
    "Parish Sheriff's Office helped, Chief Dana Holt said. The suspects, both of Alexandria, "
    "La., were taken to the parish jail. Michael Jordan was not involved, and The Washington "
    "Post was not there."
)


def test_mentions_find_places_and_skip_parts_of_other_names() -> None:
    found = [m.text for m in place_mentions(LOCAL)]
    assert "Pineville" in found and "Rapides Parish" in found
    assert "Alexandria" in found
    assert "Jordan" not in found and "Washington" not in found
    for m in place_mentions(LOCAL):
        assert LOCAL[m.start:m.end] == m.text


def test_text_context_resolves_local_towns() -> None:
    locs = resolve_mentions(LOCAL)
    first = locs[0]
    assert (first.name, first.start, first.end) == ("Alexandria", 0, 10)
    assert first.geonames_id == 4314550  # Alexandria, Louisiana, not Egypt
    by_name = {loc.name: loc for loc in locs}
    assert by_name["Pineville"].geonames_id == 4337291  # the Louisiana one
    assert by_name["Rapides Parish"].feature == "ADM2"


def test_context_does_not_count_a_name_as_its_own_context() -> None:
    text = "Springfield officials met on Monday."
    ctx = geo_context(place_mentions(text), exclude="Springfield")
    assert ctx.countries == () and ctx.admin1 == ()


def test_international_story() -> None:
    text = ("MANILA, Philippines — Chinese ships blocked a Philippine boat near Second Thomas "
            "Shoal in the South China Sea, officials in Manila and Tokyo said.")
    names = {loc.name: loc for loc in resolve_mentions(text)}
    assert names["Manila"].country == "PHL"
    assert names["Second Thomas Shoal"].feature == "ISL"
    assert names["Tokyo"].country == "JPN"


def test_surnames_articles_demonyms_and_compass_names() -> None:
    text = ("Foreign Minister Ernesto Villalba met Filipino envoys in The Hague. Later, Villalba "
            "flew over the South China Sea to North Korea.")
    mentions = place_mentions(text)
    names = [m.text for m in mentions]
    assert "Villalba" not in names  # a surname once seen after a first name
    assert "The Hague" in names and "South China Sea" in names and "North Korea" in names
    assert [m.text for m in mentions if m.demonym] == ["Filipino"]
    assert "Filipino" not in {loc.name for loc in resolve_mentions(text)}
    assert "Filipino" in {loc.name for loc in resolve_mentions(text, demonyms=True)}
    text2 = "The United States said so."
    first = resolve_mentions(text2)[0]
    assert (first.name, text2[first.start:first.end]) == ("United States", "United States")  # type: ignore[misc]
