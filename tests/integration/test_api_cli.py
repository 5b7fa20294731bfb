"""``wirewatch trends`` and ``wirewatch serve`` from the command line; evidence highlighting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirewatch.api.pages import highlight
from wirewatch.api.sample import sample_documents
from wirewatch.cli import main
from wirewatch.store import open_store


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'cli.db'}"
    with open_store(url) as store:
        store.add_documents(sample_documents(days=40, per_day=2), run_stages=["test.v1"])
    return url


def test_trends_prints_both_directions_alerts_and_reciprocity(db_url: str) -> None:
    r = CliRunner().invoke(main, ["trends", "--pair", "PRK-USA", "--db", db_url])
    assert r.exit_code == 0, r.output
    assert "PRK→USA" in r.output and "USA→PRK" in r.output
    assert "escalation alerts:" in r.output and "USA answers PRK" in r.output


def test_trends_json_and_since(db_url: str) -> None:
    r = CliRunner().invoke(main, ["trends", "--pair", "prk-usa", "--db", db_url, "--format",
                                  "json", "--since", "2024-06-01", "--period", "day"])
    data = json.loads(r.output)
    both = [p for p in data["points"] if p["direction"] == "both"]
    assert both[0]["period"] == "2024-06-01" and len(both) == 30


def test_trends_plot_writes_a_png(db_url: str, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "t.png"
    r = CliRunner().invoke(main, ["trends", "--pair", "RUS-UKR", "--db", db_url,
                                  "--plot", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("args,needle", [
    (["--pair", "PRK"], "PRK-USA"),
    (["--pair", "PRK-USA", "--since", "soon"], "not an ISO date"),
])
def test_trends_bad_input_is_one_line(db_url: str, args: list[str], needle: str) -> None:
    r = CliRunner().invoke(main, ["trends", *args, "--db", db_url])
    assert r.exit_code == 1 and needle in r.output
    assert len(r.output.strip().splitlines()) == 1


def test_serve_refuses_an_empty_token_variable(db_url: str) -> None:
    r = CliRunner().invoke(main, ["serve", "--db", db_url, "--token-env", "WW_NO_SUCH_VAR"],
                           env={"WW_NO_SUCH_VAR": ""})
    assert r.exit_code == 1 and "WW_NO_SUCH_VAR" in r.output


def test_highlight_marks_sentence_and_trigger() -> None:
    text = "First one. Then Seoul protested loudly. End."
    span = {"sentence_start": 11, "sentence_end": 39, "trigger_start": 22, "trigger_end": 31}
    out = highlight(text, span)
    assert out["before"] == "First one. " and out["after"] == " End."
    assert out["parts"] == [("Then Seoul ", False), ("protested", True), (" loudly.", False)]
    # offsets outside the text fall back to the whole text, unmarked
    assert highlight(text, {"sentence_start": 5, "sentence_end": 999})["parts"] == []
    # a trigger without a sentence is still marked
    only = highlight(text, {"trigger_start": 22, "trigger_end": 31})
    assert only["parts"] == [("protested", True)]


def test_trends_command_does_not_need_fastapi() -> None:
    import subprocess
    import sys

    code = ("import sys, wirewatch.cli.trends, wirewatch.api.service; "
            "print('fastapi' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "False"


@pytest.mark.network
@pytest.mark.slow
def test_serve_with_two_workers_answers(db_url: str) -> None:
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "wirewatch", "serve", "--db", db_url,
                             "--port", str(port), "--workers", "2", "--cache-seconds", "0"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/api/stats", timeout=10)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        pages = [httpx.get(base + "/api/events", params={"actor": "PRK", "limit": 3}).json()
                 for _ in range(6)]  # a fresh connection each: both processes may answer
        assert all(p == pages[0] for p in pages) and len(pages[0]["items"]) == 3
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert b"2 worker processes" in err
