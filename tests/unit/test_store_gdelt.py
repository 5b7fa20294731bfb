"""The GDELT 2.0 export row layout."""

from __future__ import annotations

from wirewatch.store.gdelt import COLUMNS, fips, gdelt_line, gdelt_rows, geo_type

EVENT = {
    "id": 7, "date": "2024-02-29", "cameo": "1951", "cameo_root": "19", "quad_class": 4,
    "goldstein": -9.5, "num_mentions": 3, "num_sources": 2, "num_articles": 2, "is_root": True,
    "source_actors": [{"name": "Russian army", "code": "RUSMIL"},
                      {"name": "Wagner", "code": None}],
    "target_actors": [{"name": "Ukraine", "code": "UKR"}],
    "loc_name": "Kharkiv", "loc_country": "UKR", "loc_geonames_id": 706483, "loc_lat": 49.9935,
    "loc_lon": 36.2304, "loc_feature": "PPLA", "date_added": "2024-03-01T08:30:05+00:00",
    "source_url": "https://news.example/kharkiv",
}


def cell(row: list[str], name: str) -> str:
    return row[COLUMNS.index(name)]


def test_columns_are_the_61_published_in_order() -> None:
    assert len(COLUMNS) == 61
    assert COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
                              "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
                              "NumArticles", "AvgTone")
    assert COLUMNS[-2:] == ("DATEADDED", "SOURCEURL") and COLUMNS[51] == "ActionGeo_Type"


def test_compound_source_expands_pairwise_with_unique_ids() -> None:
    rows = list(gdelt_rows(EVENT))
    assert len(rows) == 2 and all(len(r) == 61 for r in rows)
    assert [cell(r, "GLOBALEVENTID") for r in rows] == ["700", "701"]
    assert [cell(r, "Actor1Code") for r in rows] == ["RUSMIL", ""]
    assert [cell(r, "Actor1Name") for r in rows] == ["RUSSIAN ARMY", "WAGNER"]
    r = rows[0]
    assert (cell(r, "Actor1CountryCode"), cell(r, "Actor1Type1Code")) == ("RUS", "MIL")
    assert (cell(r, "SQLDATE"), cell(r, "MonthYear"), cell(r, "Year")) == (
        "20240229", "202402", "2024")
    assert (cell(r, "EventCode"), cell(r, "EventBaseCode"), cell(r, "EventRootCode")) == (
        "1951", "195", "19")
    assert (cell(r, "NumMentions"), cell(r, "NumSources"), cell(r, "NumArticles")) == (
        "3", "2", "2")
    assert cell(r, "IsRootEvent") == "1" and cell(r, "GoldsteinScale") == "-9.5"
    assert (cell(r, "ActionGeo_Type"), cell(r, "ActionGeo_CountryCode"),
            cell(r, "ActionGeo_FeatureID")) == ("4", "UP", "706483")
    assert cell(r, "ActionGeo_Lat") == "49.9935" and cell(r, "DATEADDED") == "20240301083005"
    assert cell(r, "SOURCEURL") == EVENT["source_url"]
    assert gdelt_line(r).count("\t") == 60 and gdelt_line(r).endswith("\n")


def test_geo_types_and_fips_codes() -> None:
    assert fips("PRK") == "KN" and fips("DEU") == "GM" and fips(None) == ""
    assert geo_type("PCLI", "FRA", True) == "1"
    assert geo_type("ADM1", "USA", True) == "2" and geo_type("ADM1", "FRA", True) == "5"
    assert geo_type("PPL", "USA", True) == "3" and geo_type(None, "KOR", False) == "1"
    no_place = {**EVENT, "loc_name": None, "loc_country": None}
    assert cell(next(gdelt_rows(no_place)), "ActionGeo_Type") == "0"


def test_actor_geo_is_the_country_of_the_actor_code() -> None:
    first, second = gdelt_rows(EVENT)
    assert (cell(first, "Actor1Geo_Type"), cell(first, "Actor1Geo_FullName"),
            cell(first, "Actor1Geo_CountryCode"), cell(first, "Actor1Geo_FeatureID")) == (
        "1", "Russia", "RS", "RS")
    assert cell(first, "Actor1Geo_Lat") and cell(first, "Actor1Geo_Long")
    assert float(cell(first, "Actor1Geo_Long")) > 30  # east of Moscow's meridian, roughly
    assert (cell(first, "Actor2Geo_Type"), cell(first, "Actor2Geo_CountryCode")) == ("1", "UP")
    assert cell(second, "Actor1Geo_Type") == "0" and cell(second, "Actor1Geo_FullName") == ""
