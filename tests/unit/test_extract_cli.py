"""``wirewatch extract`` on good and bad inputs: one-line errors, non-zero exits, batches go on."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirewatch.cli import main

HTML = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "html"
TEXT = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "text"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["extract", *args])
    return result.exit_code, result.stdout, result.stderr


def _one_line_error(stderr: str, origin: str, fragment: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert origin in lines[0] and fragment in lines[0], lines[0]
    assert "Traceback" not in stderr


def test_news_page_gives_clean_article() -> None:
    code, out, _ = _run(str(HTML / "harbour_article.html"))
    assert code == 0
    a = json.loads(out)["article"]
    assert a["title"] == "Harbour ferry strike called off after late pay deal"
    assert a["authors"] == ["Owen Pritchard"]
    assert a["published"] == "2024-04-18"
    assert a["outlet"] == "The Coastal Courier"
    assert "Read more:" not in a["text"] and "newsletter" not in a["text"]
    assert a["text"].count("\n\n") == 5
    assert {"text": "Read more: Island council approves new car park at ferry terminal",
            "reason": "related links"} in a["removed"]


def test_truncated_html_keeps_what_arrived() -> None:
    code, out, _ = _run(str(HTML / "truncated_article.html"))
    assert code == 0
    text = json.loads(out)["article"]["text"]
    assert text.startswith("A planned three-day strike")
    assert text.endswith("keep the island connected.”")


@pytest.mark.parametrize(("name", "fragment"), [
    ("not_found.html", "error page"), ("section_index.html", "no article found"),
])
def test_pages_without_an_article(name: str, fragment: str) -> None:
    code, out, err = _run(str(HTML / name))
    assert code != 0 and out == ""
    _one_line_error(err, name, fragment)


@pytest.mark.parametrize(("content", "fragment"), [
    (b"", "input is empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "input is binary"),
    (b"\x00\xff" * 3000, "input is binary"),
])
def test_unusable_files(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "input.html"
    path.write_bytes(content)
    code, _, err = _run(str(path))
    assert code != 0
    _one_line_error(err, "input.html", fragment)


def test_fifty_megabyte_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as fh:
        fh.write(b"<html><body>")
        fh.write(b"<p>" + b"word " * 10_000_000)
    start = time.perf_counter()
    code, _, err = _run(str(path))
    assert code != 0 and time.perf_counter() - start < 10
    _one_line_error(err, "huge.html", "byte limit")


def test_legacy_encoded_text_file(tmp_path: Path) -> None:
    story = (TEXT / "reuters_style.txt").read_text(encoding="utf-8")
    story = story.replace("signalled", "signalléd").replace("1.1%.", "1.1% — a gain of €4bn.")
    path = tmp_path / "cp1252.txt"
    path.write_bytes(story.encode("cp1252"))
    code, out, _ = _run(str(path), "--format", "text")
    assert code == 0
    assert "signalléd" in out and "— a gain of €4bn." in out


def test_batch_reports_bad_lines_and_goes_on(tmp_path: Path) -> None:
    good = (HTML / "harbour_article.html").read_text(encoding="utf-8")
    lines = [
        json.dumps({"id": "a", "html": good}),
        "{not json",
        json.dumps({"id": "c", "html": (HTML / "not_found.html").read_text(encoding="utf-8")}),
        json.dumps({"id": "d", "text": (TEXT / "uk_tabloid.txt").read_text(encoding="utf-8")}),
        json.dumps({"id": "e", "html": ""}),
    ]
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = _run("--batch", str(batch))
    assert code == 0
    rows = [json.loads(ln) for ln in out.splitlines()]
    assert [r["id"] for r in rows] == ["a", "line-2", "c", "d", "e"]
    assert "error" not in rows[0] and "error" not in rows[3]
    assert rows[3]["article"]["authors"] == ["Harriet Lowe"]
    for row, fragment in ((rows[1], "invalid JSON"), (rows[2], "error page"),
                          (rows[4], "empty")):
        assert fragment in row["error"] and "\n" not in row["error"]


@pytest.mark.parametrize(("name", "content", "fragment"), [
    ("blob.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 8, "input is binary"),
    ("missing.html", None, "no such file"),
])
def test_subprocess_exit_code_and_one_line(
    tmp_path: Path, name: str, content: bytes | None, fragment: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    proc = subprocess.run([sys.executable, "-m", "wirewatch", "extract", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    _one_line_error(proc.stderr, name, fragment)


def test_subprocess_404_page() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "wirewatch", "extract", str(HTML / "not_found.html")],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode != 0 and proc.stdout == ""
    _one_line_error(proc.stderr, "not_found.html", "[WW106]")
