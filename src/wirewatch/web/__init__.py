"""The dashboard's templates and static assets (vendored; nothing fetched at run time).

``TEMPLATES`` and ``STATIC`` are the folders the API app mounts; ``vendor.py`` rebuilds
``static/vendor/`` from the npm packages pinned in the repository's ``package-lock.json``.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
SWAGGER_DIR = "vendor/swagger-ui-dist-5.35.0"
WORLD_GEOJSON = "vendor/world-atlas-2.0.2-countries-110m.geojson"

__all__ = ["STATIC", "SWAGGER_DIR", "TEMPLATES", "WORLD_GEOJSON"]
