"""Every document records the version its stage is registered under."""

from __future__ import annotations

from wirewatch import registry
from wirewatch.config import Settings


def test_each_stage_records_its_registered_version() -> None:
    settings = Settings()
    for info in registry.registered():
        stage = info.factory(settings)
        recorded = str(stage.version)  # the extractor appends its parts: "1+html2+text2+wire2"
        assert stage.name == info.name, info.full_name
        assert recorded.split("+")[0] == info.version, info.full_name
