"""Bytes to text: empty, binary, oversized and legacy-encoded inputs."""

from __future__ import annotations

import time

import pytest

from wirewatch.errors import BinaryInputError, EmptyInputError, TooLargeError
from wirewatch.extract.decode import decode_bytes, looks_like_html

WESTERN = "Le maire a déclaré lundi que la fête aura lieu à Zürich — “sans problème”, pour 5 €. "
JAPANESE = "東京都の知事は月曜日、新しい防災計画を発表した。住民は避難訓練に参加する予定だ。"


@pytest.mark.parametrize("data", [b"", b"   \n\t  "])
def test_empty_input(data: bytes) -> None:
    with pytest.raises(EmptyInputError, match=r"in\.txt: input is empty"):
        decode_bytes(data, "in.txt")


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    b"\x00\x01\x02\x03" * 100,
])
def test_binary_input(data: bytes) -> None:
    with pytest.raises(BinaryInputError) as err:
        decode_bytes(data, "blob.bin")
    assert str(err.value).startswith("blob.bin: input is binary")
    assert "\n" not in str(err.value)


def test_too_large_input_fails_fast() -> None:
    data = b"<p>" + b"a" * 50_000_000
    start = time.perf_counter()
    with pytest.raises(TooLargeError, match=r"over the 20,000,000-byte limit"):
        decode_bytes(data, "big.html")
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(("text", "encoding"), [
    (WESTERN * 5, "cp1252"),
    (WESTERN.replace("—", "-").replace("“", '"').replace("”", '"').replace("€", "EUR") * 5,
     "latin-1"),
    (JAPANESE * 5, "shift_jis"),
])
def test_legacy_encodings_are_detected(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), "legacy.txt") == text


def test_declared_charset_wins() -> None:
    html = '<html><head><meta charset="windows-1252"></head><body><p>café — ok</p></body></html>'
    assert "café — ok" in decode_bytes(html.encode("cp1252"), "page.html")


def test_utf8_with_bom() -> None:
    assert decode_bytes("\ufeffhello wörld".encode("utf-8-sig"), "bom.txt") == "hello wörld"


def test_html_or_text_shape() -> None:
    assert looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert not looks_like_html("Plain scraped text.\n\nWith <b> once.")
