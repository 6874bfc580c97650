"""Bytes to text: encodings, repairs and clear rejects."""

from __future__ import annotations

import codecs
import gzip
import os

import pytest

from presswash.transforms.decode import DecodeLimits, decode_document

TEXT = "Friday 10 December 2021\n\nUkraine’s border: ‘We’re ready,’ said Zelensky — café\n"


@pytest.mark.parametrize(
    "raw,encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-no-bom", "cp1252"],
)
def test_encodings_decode_to_the_same_text(raw, encoding):
    decoded = decode_document(raw)
    assert (decoded.text, decoded.encoding, decoded.reject_reason) == (TEXT, encoding, None)


def test_latin1_text_decodes():
    raw = "Zürich café: 5 °C and £10\n".encode("latin-1")
    decoded = decode_document(raw)
    assert decoded.text == "Zürich café: 5 °C and £10\n"


def test_gzip_is_decompressed_and_noted():
    decoded = decode_document(gzip.compress(TEXT.encode("utf-8")))
    assert (decoded.text, decoded.repairs) == (TEXT, ("gunzipped",))


def test_a_few_bad_bytes_are_repaired_not_rejected():
    raw = TEXT.encode("utf-8").replace(b"Ukraine", b"Ukr\xffaine").replace(b"ready", b"re\x00ady")
    decoded = decode_document(raw)
    assert decoded.reject_reason is None
    assert decoded.repairs == ("invalid_utf8_bytes_repaired:1", "nul_removed:1")
    assert "Ukr\ufffdaine" in decoded.text and "ready" in decoded.text


def test_stray_cp1252_apostrophe_in_utf8_becomes_an_apostrophe():
    raw = "café and Ukraine".encode() + b"\x92s border"
    assert decode_document(raw).text == "café and Ukraine’s border"


@pytest.mark.parametrize(
    "raw,reason",
    [
        (b"", "empty file"),
        (b" \n\t \r\n", "empty: only whitespace"),
        (b"\x89PNG\r\n\x1a\n" + os.urandom(200), "binary file: a PNG image"),
        (b"PK\x03\x04" + os.urandom(200), "binary file: a ZIP archive (or DOCX/XLSX)"),
        (b"%PDF-1.7\n" + os.urandom(200), "binary file: a PDF document"),
        (b"\x1f\x8b\x08\x00garbage", "gzip data that could not be decompressed"),
        (b"x" * 200_001, "a line of 200,001 characters (limit 100,000): not article text"),
    ],
    ids=["empty", "whitespace", "png", "zip", "pdf", "bad-gzip", "enormous-line"],
)
def test_rejects_say_why(raw, reason):
    decoded = decode_document(raw)
    assert decoded.text is None
    assert decoded.reject_reason.startswith(reason)


def test_random_bytes_are_rejected_as_binary():
    decoded = decode_document(bytes(range(256)) * 40)
    assert decoded.text is None and decoded.reject_reason.startswith("binary data")


def test_size_limit_applies_after_decompression():
    raw = gzip.compress(b"a\n" * 600)
    decoded = decode_document(raw, DecodeLimits(max_bytes=1000))
    assert decoded.reject_reason == "gzip data that decompresses to over 1,000 bytes (size limit)"


def test_other_legacy_encodings_are_detected():
    text = "Привет, как дела? Это тест на кириллице, достаточно длинный текст для детектора.\n"
    decoded = decode_document(text.encode("cp1251"))
    assert (decoded.text, decoded.encoding) == (text, "cp1251")


def test_cp1252_wins_over_lookalike_dos_code_pages():
    text = (
        "Putin made the remark on Thursday.\u00a0\u00a0 It came on Friday\u00a0that NATO rescind.\n"
        * 20
    )
    assert decode_document(text.encode("cp1252")).encoding == "cp1252"


def test_text_that_is_a_web_page_is_read_as_one():
    decoded = decode_document(b"<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    assert decoded.markup and decoded.reject_reason is None


@pytest.mark.parametrize(
    "raw,encoding,repairs",
    [
        # The declared charset reads bytes that are not UTF-8.
        ('<meta charset="windows-1251"><p>Привет</p>'.encode("cp1251"), "cp1251", ()),
        # UTF-8 bytes under a wrong single-byte declaration are UTF-8, and it is noted.
        (
            '<meta charset="iso-8859-1"><p>Zoë’s café</p>'.encode(),
            "utf-8",
            ("declared_iso8859-1_was_utf8",),
        ),
        # A UTF-8 declaration on Windows-1252 bytes falls back to detection, noted.
        (
            '<meta charset="utf-8"><p>Zoë’s café, a long enough line</p>'.encode("cp1252"),
            "cp1252",
            ("declared_utf-8_was_wrong",),
        ),
        # An unknown charset name is no evidence at all.
        ('<meta charset="x-unknown"><p>Zoë</p>'.encode(), "utf-8", ()),
    ],
)
def test_a_page_charset_is_read_as_browsers_do(raw, encoding, repairs):
    decoded = decode_document(raw, page=True)
    assert (decoded.encoding, decoded.repairs, decoded.markup) == (encoding, repairs, True)
    assert "<p>" in decoded.text and "Ã" not in decoded.text


@pytest.mark.parametrize(
    "text",
    [
        "MZ Wallace opens a new store in Soho\n\nThe handbag maker said on Tuesday...\n",
        "RIFF between allies grows over trade\n\nOfficials met in Brussels.\n",
        "BZh, the new bakery chain, opened its first shop on Friday.\n",
    ],
)
def test_text_that_starts_like_a_file_signature_is_text(text):
    decoded = decode_document(text.encode())
    assert (decoded.text, decoded.reject_reason) == (text, None)


def test_a_real_executable_is_still_rejected():
    header = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + os.urandom(300)
    assert decode_document(header).reject_reason == "binary file: an executable (Windows)"
