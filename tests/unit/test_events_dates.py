"""Event dates resolved against the publication date."""

from __future__ import annotations

import pytest

from wirewatch.events.when import parse_published, resolve_date

PUB = "2023-08-06T09:30:00+00:00"  # a Sunday


@pytest.mark.parametrize(("text", "value"), [
    ("Sunday", "2023-08-06"), ("on Saturday", "2023-08-05"), ("Friday", "2023-08-04"),
    ("last Sunday", "2023-07-30"), ("yesterday", "2023-08-05"), ("today", "2023-08-06"),
    ("last month", "2023-07"), ("later this month", "2023-08"), ("next month", "2023-09"),
    ("July 27", "2023-07-27"), ("Aug. 5", "2023-08-05"), ("27 July", "2023-07-27"),
    ("Dec. 3", "2022-12-03"), ("in June", "2023-06"), ("2021", "2021"),
    ("March 1, 2020", "2020-03-01"),
])
def test_relative_and_explicit_dates_resolve(text: str, value: str) -> None:
    d = resolve_date(text, PUB)
    assert (d.value, d.text, d.resolved) == (value, text, True)


def test_future_weekday_looks_forward() -> None:
    assert resolve_date("Friday", PUB, future=True).value == "2023-08-11"


def test_without_publication_date_relative_words_stay_unresolved_with_text() -> None:
    d = resolve_date("last month", None)
    assert (d.value, d.text, d.resolved) == (None, "last month", False)
    # an explicit full date needs no publication date
    assert resolve_date("July 27, 2023", None).value == "2023-07-27"


def test_durations_do_not_resolve() -> None:
    assert not resolve_date("three-day", PUB).resolved
    assert parse_published("not a date") is None
