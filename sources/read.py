"""Read input files into raw document rows (bytes, not yet decoded).

A ``.txt`` or ``.html`` file (or any non-JSON Lines file) is one document; each line of a
``.jsonl`` file is one document with an ``html`` or a ``text`` field (the page's markup is
the better evidence, so ``html`` is read when both are there) and optional ``url``,
``title``, ``published`` and ``scraped_at``. ``format`` says which: text, html, jsonl-text
or jsonl-html. Problems become ``read_error`` values, never exceptions.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

import polars as pl

from presswash.sources.discover import InputFile
from presswash.transforms.decode import gunzip
from presswash.transforms.pipeline import document_id_for
from presswash.transforms.schemas import RAW_DOCUMENTS

_META_FIELDS = ("url", "title", "published", "scraped_at")


def _row(
    source_uri: str,
    path: str,
    line_no: int | None,
    raw: bytes | None,
    error: str | None = None,
    meta: dict[str, Any] | None = None,
    form: str = "text",
) -> dict[str, Any]:
    meta = meta or {}
    return {
        "document_id": document_id_for(source_uri),
        "source_uri": source_uri,
        "source_path": path,
        "line_no": line_no,
        "format": form,
        "raw": raw,
        "bytes": len(raw) if raw is not None else 0,
        "read_error": error,
        **{field: _as_text(meta.get(field)) for field in _META_FIELDS},
    }


def _as_text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else json.dumps(value)


def _jsonl_rows(file: InputFile, data: bytes) -> Iterable[dict[str, Any]]:
    for line_no, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        uri = f"{file.path}#L{line_no}"
        try:
            record = json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            message = getattr(error, "msg", None) or getattr(error, "reason", str(error))
            reason = f"line {line_no}: invalid JSON ({message})"
            yield _row(uri, file.path, line_no, line, reason, form="jsonl-text")
            continue
        if not isinstance(record, dict):
            reason = f"line {line_no}: a JSON {type(record).__name__}, expected an object"
            yield _row(uri, file.path, line_no, line, reason, form="jsonl-text")
            continue
        field = "html" if isinstance(record.get("html"), str) else "text"
        text = record.get(field)
        if not isinstance(text, str):
            reason = f"line {line_no}: no string 'text' or 'html' field"
            yield _row(uri, file.path, line_no, line, reason, form="jsonl-text")
            continue
        raw = text.encode("utf-8", errors="surrogatepass")
        yield _row(uri, file.path, line_no, raw, meta=record, form=f"jsonl-{field}")


def _whole_file(file: InputFile, raw: bytes | None, error: str | None = None) -> dict[str, Any]:
    """The row of a file read as one document, or rejected as a whole."""
    return _row(file.path, file.path, None, raw, error, form=file.format)


def read_file(file: InputFile, max_bytes: int) -> tuple[list[dict[str, Any]], str | None]:
    """The raw rows of one input file and its SHA-256 (None when it could not be read)."""
    if file.error:
        return [_whole_file(file, None, file.error)], None
    if file.size > max_bytes:
        limit = f"{file.size:,} bytes, over the {max_bytes:,}-byte size limit (--max-bytes)"
        return [_whole_file(file, None, limit)], None
    try:
        with open(file.path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        return [_whole_file(file, None, f"cannot read: {error.strerror}")], None
    digest = hashlib.sha256(data).hexdigest()
    if file.format in ("text", "html"):
        return [_whole_file(file, data)], digest
    if file.path.lower().endswith(".gz"):
        unpacked = gunzip(data, max_bytes)  # the size limit applies after decompression too
        if isinstance(unpacked, str):
            return [_whole_file(file, None, unpacked)], digest
        data = unpacked
    rows = list(_jsonl_rows(file, data))
    if not rows:
        rows = [_whole_file(file, b"", "empty JSON Lines file: no records")]
    return rows, digest


def read_batch(files: list[InputFile], max_bytes: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Raw document rows for a batch of files, plus the ledger rows (path, size, mtime, sha)."""
    rows: list[dict[str, Any]] = []
    ledger: list[dict[str, Any]] = []
    for file in files:
        file_rows, digest = read_file(file, max_bytes)
        rows.extend(file_rows)
        if digest is not None:
            ledger.append(
                {
                    "path": file.path,
                    "size": file.size,
                    "mtime_ns": file.mtime_ns,
                    "sha256": digest,
                    "documents": len(file_rows),
                }
            )
    raw = pl.DataFrame(rows, schema=RAW_DOCUMENTS)
    ledger_schema = {
        "path": pl.String,
        "size": pl.Int64,
        "mtime_ns": pl.Int64,
        "sha256": pl.String,
        "documents": pl.Int32,
    }
    return raw, pl.DataFrame(ledger, schema=ledger_schema)
