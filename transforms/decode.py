"""Bytes to text: encoding detection, repair of a few bad bytes, and rejection of
inputs that are not article text (with a reason a person understands).

Pure: bytes in, a :class:`Decoded` out. The fast path (valid UTF-8) is one C call.
"""

from __future__ import annotations

import codecs
import re
import zlib
from typing import NamedTuple

import charset_normalizer


class Decoded(NamedTuple):
    text: str | None
    encoding: str | None
    repairs: tuple[str, ...]
    reject_reason: str | None
    markup: bool = False  # the text is a web page's HTML, for html_article to read


class DecodeLimits(NamedTuple):
    max_bytes: int = 20_000_000  # decompressed size limit too (a gzip bomb stops here)
    max_line_chars: int = 100_000  # one enormous line is a dump, not an article


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# File signatures of formats people drop into scraper folders by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF media file (WebP/WAV/AVI)"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an XZ archive"),
    (b"\x28\xb5\x2f\xfd", "a Zstandard archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"MZ", "an executable (Windows)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
)

_GZIP_MAGIC = b"\x1f\x8b"
# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">,
# looked for at the start of the page, where browsers look (they read 1,024 bytes; some
# heads are longer).
_DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
_CHARSET_WINDOW = 4096

_SIGNATURE_WINDOW = 512  # bytes after a file signature that tell binary from text
_HTML_START = re.compile(r"\A\s*(?:<!doctype html|<html[\s>]|<\?xml)", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?(?:p|div|span|a|br|script|style|head|body|meta|li|ul|img|table)\b")
# A page of markup, not text with a few stray tags (ad slots, tracking pixels) in it.
_MARKUP_LINE_SHARE = 0.3
_MIN_MARKUP_LINES = 10
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# Valid multi-byte UTF-8 sequences: when they outnumber the invalid bytes, the file is
# UTF-8 with a few stray bytes, not a legacy encoding.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_CHAOS_TOLERANCE = 0.01
_LONG_LINE = "a line of {n:,} characters (limit {limit:,}): not article text"


def _cp1252_or_replacement(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode a stray non-UTF-8 byte as Windows-1252 punctuation when it is one
    (mixed-encoding files often hold a lone \\x92 apostrophe), else U+FFFD."""
    bad = error.object[error.start : error.end]
    chars = []
    for byte in bad:
        char = bytes([byte]).decode("cp1252", errors="ignore") if 0x80 <= byte <= 0x9F else ""
        chars.append(char or "\ufffd")
    return "".join(chars), error.end


codecs.register_error("presswash_stray_bytes", _cp1252_or_replacement)


def _reject(reason: str, encoding: str | None = None) -> Decoded:
    return Decoded(None, encoding, (), reason)


def _reads_as_text(head: bytes) -> bool:
    """The first bytes are printable UTF-8 text (a few at the end may be a cut character)."""
    text = head.decode("utf-8", errors="ignore")
    if len(text.encode("utf-8")) < len(head) - 3:
        return False
    return all(char.isprintable() or char in "\t\n\r" for char in text)


def _binary_kind(raw: bytes) -> str | None:
    """The kind of binary file the bytes start with. A signature alone is not enough:
    "MZ Wallace opens a store" and "RIFF between allies grows" are text."""
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return None if _reads_as_text(raw[:_SIGNATURE_WINDOW]) else kind
    return None


def gunzip(raw: bytes, max_bytes: int) -> bytes | str:
    """Decompressed bytes (every member of a concatenated gzip file), or the reason they
    could not be had. Inflating stops once the output passes ``max_bytes``: a small file
    that inflates to gigabytes is never inflated whole.

    >>> import gzip
    >>> gunzip(gzip.compress(b"a") + gzip.compress(b"b"), 10)
    b'ab'
    >>> gunzip(gzip.compress(b"x" * 5000), 1000)
    'gzip data that decompresses to over 1,000 bytes (size limit)'
    """
    parts: list[bytes] = []
    size = 0
    rest = raw
    while rest:
        inflater = zlib.decompressobj(wbits=31)
        try:
            data = inflater.decompress(rest, max_bytes + 1 - size)
        except zlib.error as error:
            return f"gzip data that could not be decompressed ({error})"
        size += len(data)
        parts.append(data)
        if size > max_bytes:
            return f"gzip data that decompresses to over {max_bytes:,} bytes (size limit)"
        if not inflater.eof:
            return "gzip data that could not be decompressed (truncated)"
        rest = inflater.unused_data.lstrip(b"\x00")  # members may be padded with NULs
    return b"".join(parts)


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text without a BOM shows NUL in every other byte."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    even_nuls, odd_nuls = raw[0::2].count(0), raw[1::2].count(0)
    half = len(raw) // 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _decode_bytes(raw: bytes, limits: DecodeLimits) -> Decoded:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw.decode(encoding), encoding, (), None)
            except UnicodeDecodeError as error:
                return _reject(
                    f"starts with a {encoding} byte-order mark but is not {encoding}"
                    f" ({error.reason} at byte {error.start})"
                )
    utf16 = _utf16_without_bom(raw)
    if utf16:
        try:
            return Decoded(raw.decode(utf16), utf16, ("utf16_without_bom",), None)
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(raw.decode("utf-8"), "utf-8", (), None)
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with a few bad bytes: keep the article, note the repair.
    valid_multibyte = len(_UTF8_MULTIBYTE.findall(raw))
    invalid = len(raw) - len(raw.decode("utf-8", errors="ignore").encode("utf-8"))
    if valid_multibyte >= invalid:
        text = raw.decode("utf-8", errors="presswash_stray_bytes")
        return Decoded(text, "utf-8", (f"invalid_utf8_bytes_repaired:{invalid}",), None)
    # A legacy encoding: ask the detector. Mostly-English text gives it little to go on
    # (it may say cp850 for a cp1252 file with a few NBSPs), so Windows-1252, what browsers
    # assume for Western pages, wins whenever it reads the bytes at least as cleanly.
    best = charset_normalizer.from_bytes(raw).best()
    western = charset_normalizer.from_bytes(raw, cp_isolation=["cp1252"]).best()
    if western is not None and (best is None or western.chaos <= best.chaos + _CHAOS_TOLERANCE):
        return Decoded(str(western), "cp1252", (), None)
    if best is None:
        return _reject("binary data: not text in any encoding the detector knows")
    return Decoded(str(best), codecs.lookup(best.encoding).name, (), None)


def declared_charset(raw: bytes) -> str | None:
    """The codec a page declares in its head, if Python knows it.

    >>> declared_charset(b'<html><head><meta charset="ISO-8859-1">')
    'iso8859-1'
    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=utf-8">')
    'utf-8'
    >>> declared_charset(b'<meta charset="no-such-charset">') is None
    True
    """
    found = _DECLARED_CHARSET.search(raw[:_CHARSET_WINDOW])
    if not found:
        return None
    try:
        return codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_page(raw: bytes, limits: DecodeLimits) -> Decoded:
    """A web page's bytes to text as browsers read them: the byte-order mark, then the
    charset the page declares, then detection. Bytes that are valid UTF-8 with non-ASCII
    characters are UTF-8 whatever the page declares (a wrong declaration is common and
    valid UTF-8 by accident is not); the ignored declaration is noted."""
    declared = declared_charset(raw)
    if declared is None or raw.startswith(tuple(bom for bom, _ in _BOMS)):
        return _decode_bytes(raw, limits)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        wrong = () if declared == "utf-8" or text.isascii() else (f"declared_{declared}_was_utf8",)
        return Decoded(text, "utf-8", wrong, None)
    try:
        return Decoded(raw.decode(declared), declared, (), None)
    except (UnicodeDecodeError, LookupError):
        decoded = _decode_bytes(raw, limits)
        return decoded._replace(repairs=(*decoded.repairs, f"declared_{declared}_was_wrong"))


def _mostly_markup(text: str) -> bool:
    """Markup on many of the lines: HTML, not text. A few lines of it are left for the
    ``stray_markup`` step to remove.

    >>> _mostly_markup("<div>\\n<p>Hi</p>\\n</div>\\n" * 5)
    True
    >>> _mostly_markup("Putin says\\n<a href='x'><img src='ad'></a>\\n" + "Body.\\n" * 20)
    False
    """
    lines = [line for line in text[:200_000].splitlines() if line.strip()]
    marked = sum(1 for line in lines if _HTML_TAG.search(line))
    return marked >= _MIN_MARKUP_LINES and marked > _MARKUP_LINE_SHARE * len(lines)


def decode_document(
    raw: bytes, limits: DecodeLimits = DecodeLimits(), page: bool = False
) -> Decoded:
    """Decode one input document, or say why it cannot be article text. ``page``: the
    input says it is a web page (``.html``, a JSON Lines ``html`` field); text that turns out
    to be one is read as one too (``markup`` in the result).

    >>> decode_document("Ukraine’s border".encode("utf-8")).text
    'Ukraine’s border'
    >>> decode_document("Ukraine’s border".encode("cp1252")).encoding
    'cp1252'
    >>> decode_document(b"   ").reject_reason
    'empty: only whitespace'
    >>> decode_document(b"\\x89PNG\\r\\n\\x1a\\n....").reject_reason
    'binary file: a PNG image'
    """
    if not raw:
        return _reject("empty file")
    repairs: list[str] = []
    if raw.startswith(_GZIP_MAGIC):
        unpacked = gunzip(raw, limits.max_bytes)
        if isinstance(unpacked, str):
            return _reject(unpacked)
        raw = unpacked
        repairs.append("gunzipped")
    kind = _binary_kind(raw)
    if kind:
        return _reject(f"binary file: {kind}")
    if len(raw) > limits.max_bytes:
        return _reject(f"{len(raw):,} bytes, over the {limits.max_bytes:,}-byte size limit")
    decoded = _decode_page(raw, limits) if page else _decode_bytes(raw, limits)
    if decoded.text is None:
        return decoded
    text = decoded.text
    repairs.extend(decoded.repairs)
    if "\x00" in text:
        # A NUL or two in otherwise good text is a scraper glitch; many means binary data.
        if text.count("\x00") > max(8, len(text) // 100):
            return _reject("binary data: too many NUL bytes", decoded.encoding)
        repairs.append(f"nul_removed:{text.count(chr(0))}")
        text = text.replace("\x00", "")
    if len(_CONTROL_BYTES.findall(text[:4096].encode("utf-8", "replace"))) > 40:
        return _reject("binary data: too many control characters", decoded.encoding)
    if not text.strip():
        return _reject("empty: only whitespace", decoded.encoding)
    if page or _HTML_START.match(text) or _mostly_markup(text):
        return Decoded(text, decoded.encoding, tuple(repairs), None, markup=True)
    longest = max(map(len, text.splitlines()), default=0)
    if longest > limits.max_line_chars:
        return _reject(_LONG_LINE.format(n=longest, limit=limits.max_line_chars), decoded.encoding)
    return Decoded(text, decoded.encoding, tuple(repairs), None)


def repair_summary(repairs: tuple[str, ...]) -> str | None:
    """Repairs as one readable string for ``documents.repairs``.

    >>> repair_summary(("gunzipped", "nul_removed:2"))
    'gunzipped; nul_removed:2'
    >>> repair_summary(()) is None
    True
    """
    return "; ".join(repairs) or None
