"""Reading input files into raw rows: every file gives rows or a reason, never an exception."""

from __future__ import annotations

import gzip

from presswash.sources.discover import discover
from presswash.sources.read import read_batch


def test_a_corrupt_gzipped_feed_is_one_reject_and_the_other_files_load(tmp_path):
    good = gzip.compress(b'{"text": "Storm hits coast"}\n')
    # Valid gzip header, broken deflate data: zlib says "invalid ..." rather than OSError.
    corrupt = good[:10] + bytes([0xFF] * 20) + good[-8:]
    (tmp_path / "a-good.jsonl.gz").write_bytes(good)
    (tmp_path / "b-corrupt.jsonl.gz").write_bytes(corrupt)
    (tmp_path / "c.txt").write_text("Another article\n")
    raw, ledger = read_batch(discover([str(tmp_path)]), 1_000_000)
    rows = {
        uri.rsplit("/", 1)[-1]: error
        for uri, error in raw.select("source_uri", "read_error").rows()
    }
    assert rows["a-good.jsonl.gz#L1"] is None
    assert rows["c.txt"] is None
    assert rows["b-corrupt.jsonl.gz"].startswith("gzip data that could not be decompressed")
    assert ledger.height == 3


def test_the_size_limit_applies_to_a_feed_after_decompression(tmp_path):
    line = b'{"text": "Storm hits coast, and the harbour road is closed."}\n'
    packed = gzip.compress(line * 100_000)  # about 6 MB of JSON Lines in a few KB
    assert len(packed) < 100_000
    (tmp_path / "bomb.jsonl.gz").write_bytes(packed)
    raw, _ = read_batch(discover([str(tmp_path)]), 100_000)
    assert raw.select("source_uri", "read_error").rows() == [
        (
            str(tmp_path / "bomb.jsonl.gz"),
            "gzip data that decompresses to over 100,000 bytes (size limit)",
        )
    ]
