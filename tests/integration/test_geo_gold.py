"""Quality floors for toponym resolution on gold data (LGL, TR-News; first 100 articles each).

Measured (``wirewatch evaluate geo --data ../shared/data/geo --limit 100``): LGL accuracy
0.711, acc@161km 0.724, baseline 0.598; TR-News accuracy 0.750, acc@161km 0.739, baseline
0.680.  Floors sit about two points below; a drop below them is a regression.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.geo.evaluate import evaluate_file

FLOORS = {
    # corpus file: (accuracy, acc@161km, margin over the most-populous baseline)
    "lgl/lgl.xml": (0.69, 0.70, 0.08),
    "trnews/TR-News.xml": (0.73, 0.72, 0.05),
}


@pytest.mark.gold
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_geo_resolution_floors(shared_data: Path, name: str) -> None:
    path = shared_data / "geo" / name
    if not path.exists():
        pytest.skip(f"{path} not found")
    results = evaluate_file(path, limit=100)
    ours, base = results["wirewatch"], results["baseline (most populous)"]
    accuracy, within, margin = FLOORS[name]
    assert ours["accuracy"] >= accuracy
    assert ours["acc@161km"] >= within
    assert ours["accuracy"] - base["accuracy"] >= margin
    assert ours["median_km"] < 50
