"""Bulk-generate synthetic events straight into the ``events`` table (benchmark only).

Rows look like real coded events: ~40 countries with sectors, CAMEO codes across roots,
skewed toward a few busy dyads, three years of days, places with coordinates.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from typing import Any

COUNTRIES = ["USA", "RUS", "CHN", "UKR", "PRK", "KOR", "JPN", "IRN", "ISR", "PSE", "SYR",
             "TUR", "IND", "PAK", "AFG", "IRQ", "SAU", "EGY", "FRA", "DEU", "GBR", "POL",
             "BLR", "GEO", "ARM", "AZE", "VEN", "COL", "BRA", "MEX", "NGA", "ETH", "SDN",
             "SOM", "KEN", "ZAF", "PHL", "VNM", "TWN", "MMR"]
SECTORS = ["", "GOV", "MIL", "REB", "OPP", "COP", "BUS", "MED", "CVL"]
CODES = [("010", "01", "STATEMENT", 1, 0.0), ("036", "03", "CONSULT", 1, 4.0),
         ("042", "04", "CONSULT", 1, 1.9), ("043", "04", "CONSULT", 1, 2.8),
         ("057", "05", "AGREE", 1, 8.0), ("071", "07", "AID", 2, 7.4),
         ("112", "11", "ACCUSE", 3, -2.0), ("130", "13", "THREATEN", 3, -4.4),
         ("138", "13", "THREATEN", 3, -7.0), ("163", "16", "SANCTION", 4, -8.0),
         ("173", "17", "COERCE", 4, -5.0), ("190", "19", "ASSAULT", 4, -10.0),
         ("193", "19", "ASSAULT", 4, -10.0), ("195", "19", "ASSAULT", 4, -10.0),
         ("1823", "18", "ASSAULT", 4, -9.0), ("141", "14", "PROTEST", 3, -6.5)]
COLUMNS = ("id", "cluster_key", "day", "source_code", "source_codes", "source_name",
           "source_country", "target_code", "target_codes", "target_name", "target_country",
           "cameo", "cameo_root", "plover_type", "plover_mode", "quad_class", "goldstein",
           "modality", "is_root", "loc_name", "loc_country", "loc_geonames_id", "loc_lat",
           "loc_lon", "loc_feature", "num_mentions", "num_sources", "num_articles",
           "source_url", "first_doc_id", "date_added")


def _days(start_year: int, years: int) -> list[int]:
    from datetime import date, timedelta

    d, end = date(start_year, 1, 1), date(start_year + years, 1, 1)
    out = []
    while d < end:
        out.append(d.year * 10000 + d.month * 100 + d.day)
        d += timedelta(days=1)
    return out


DAYS = _days(2022, 3)


def event_rows(n: int, seed: int = 1) -> Iterator[tuple[Any, ...]]:
    """``n`` event rows (tuples in ``COLUMNS`` order), ids 1..n."""
    rng = random.Random(seed)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(COUNTRIES))]  # a few busy countries
    for i in range(1, n + 1):
        a, b = rng.choices(COUNTRIES, weights, k=2)
        if a == b:
            b = COUNTRIES[(COUNTRIES.index(a) + 1 + rng.randrange(5)) % len(COUNTRIES)]
        sa, sb = a + rng.choice(SECTORS), b + rng.choice(SECTORS)
        cameo, root, plover, quad, gold = rng.choice(CODES)
        day = rng.choice(DAYS)
        mentions = 1 + int(rng.expovariate(0.5))
        place = rng.choice((a, b))
        yield (
            i, f"{sa}|{sb}|{root}|{plover}", day, sa,
            json.dumps([{"name": f"{sa} actor", "code": sa}]), f"{sa} actor", a,
            sb, json.dumps([{"name": f"{sb} actor", "code": sb}]), f"{sb} actor", b,
            cameo, root, plover, None, quad, gold, "asserted", rng.random() < 0.4,
            f"Place {place}", place, 1000000 + rng.randrange(5000),
            round(rng.uniform(-60, 60), 4), round(rng.uniform(-170, 170), 4), "PPL",
            mentions, max(1, mentions - rng.randrange(2)), mentions,
            f"https://news{rng.randrange(500)}.example/story/{i}", f"{i:016x}",
            "2025-01-01T00:00:00+00:00",
        )
