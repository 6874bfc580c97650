"""Nothing lost, nothing crashes: every hostile input gets a documents row."""

from __future__ import annotations

import gzip
import json
import os
import random

import pytest

from presswash.flows.ingest import ingest_flow
from tests.conftest import SEED
from tests.helpers import query

TEXT = SEED.read_text(encoding="utf-8")


def build_hostile_folder(folder):
    rng = random.Random(5)
    files = {
        "empty.txt": b"",
        "spaces.txt": b"  \n\t\n   \r\n",
        "picture.txt": b"\x89PNG\r\n\x1a\n" + rng.randbytes(3000),
        "archive.zip": b"PK\x03\x04" + rng.randbytes(3000),
        "noise.bin": rng.randbytes(5000),
        "really-gzip.txt": gzip.compress(TEXT.encode("utf-8")),
        "broken-gzip.txt": gzip.compress(TEXT.encode("utf-8"))[:200],
        "too-big.txt": ("Friday 10 December 2021\n\nBig\n\n" + "word " * 50_000).encode(),
        "one-line.txt": b"x" * 150_000,
        "page.txt": b"<!DOCTYPE html><html><head><title>x</title></head><body>Hi</body></html>",
        "seed-utf8.txt": TEXT.encode("utf-8"),
        "seed-bom.txt": b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        "seed-utf16.txt": TEXT.encode("utf-16"),
        "seed-cp1252.txt": TEXT.encode("cp1252"),
        "seed-mojibake.txt": TEXT.encode("utf-8")
        .decode("cp1252", errors="replace")
        .encode("utf-8"),
        "seed-crlf.txt": TEXT.replace("\n", "\r\n").encode("utf-8"),
        "seed-cr.txt": TEXT.replace("\n", "\r").encode("utf-8"),
        "seed-invisible.txt": TEXT.replace("Putin", "Pu\u200btin")
        .replace("missile", "mis\u00adsile")
        .encode(),
        "seed-bad-bytes.txt": TEXT.encode("utf-8")
        .replace(b"Olaf", b"Ol\xffaf")
        .replace(b"NATO", b"NA\x00TO", 1),
        ".hidden.txt": b"skipped: hidden files are not inputs",
    }
    for name, payload in files.items():
        (folder / name).write_bytes(payload)
    lines = [
        json.dumps(
            {
                "text": TEXT.replace("Friday", "Thursday"),
                "url": "https://news.example.com/a",
                "title": None,
            }
        ),
        "{not json",
        "[1, 2, 3]",
        json.dumps({"title": "no text field"}),
        "",
        json.dumps({"text": "Post a Comment\nShare this article"}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "broken-link.txt").symlink_to(folder / "does-not-exist.txt")
    (folder / "unreadable.txt").symlink_to(
        "/proc/self/mem"
    )  # stat works, read fails (even as root)
    os.mkfifo(folder / "pipe.txt")


@pytest.fixture(scope="module")
def hostile_run(prefect_server, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    build_hostile_folder(folder)
    db = tmp_path_factory.mktemp("hostile-db") / "w.duckdb"
    summary = ingest_flow(sources=[str(folder)], db=str(db), max_bytes=200_000)
    rows = query(db, "select source_uri, status, reason, encoding, repairs from documents")
    by_name = {
        uri.rsplit("/", 1)[1]: (status, reason, encoding, repairs)
        for uri, status, reason, encoding, repairs in rows
    }
    return summary, by_name, db


def test_the_run_completes_and_counts_everything(hostile_run):
    summary, by_name, _ = hostile_run
    assert summary["status"] == "completed"
    # 22 single-document files (the hidden one is skipped) and 5 non-blank JSON lines.
    assert summary["counts"]["seen"] == len(by_name) == 22 + 5
    assert ".hidden.txt" not in by_name


@pytest.mark.parametrize(
    "name,reason",
    [
        ("empty.txt", "empty file"),
        ("spaces.txt", "empty: only whitespace"),
        ("picture.txt", "binary file: a PNG image"),
        ("archive.zip", "binary file: a ZIP archive"),
        ("noise.bin", "binary data"),
        ("broken-gzip.txt", "gzip data that could not be decompressed"),
        ("too-big.txt", "250,030 bytes, over the 200,000-byte size limit (--max-bytes)"),
        ("one-line.txt", "a line of 150,000 characters (limit 100,000)"),
        # A web page saved as .txt is read as a page; this one has no article in it.
        ("page.txt", "no article in the HTML page"),
        ("broken-link.txt", "broken symbolic link"),
        ("unreadable.txt", "cannot read"),
        ("pipe.txt", "not a regular file"),
        ("feed.jsonl#L2", "line 2: invalid JSON"),
        ("feed.jsonl#L3", "line 3: a JSON list, expected an object"),
        ("feed.jsonl#L4", "line 4: no string 'text' or 'html' field"),
        ("feed.jsonl#L6", "no article text: only boilerplate (2 lines removed)"),
    ],
)
def test_rejects_have_a_reason(hostile_run, name, reason):
    status, found_reason, _, _ = hostile_run[1][name]
    assert status == "rejected"
    assert found_reason.startswith(reason), found_reason


def test_every_rendering_of_the_seed_is_one_article(hostile_run):
    _, by_name, db = hostile_run
    renderings = [n for n in by_name if n.startswith("seed-") and n != "seed-bad-bytes.txt"]
    renderings.append("really-gzip.txt")
    statuses = sorted(by_name[n][0] for n in renderings)
    assert statuses == ["duplicate"] * (len(renderings) - 1) + ["loaded"]
    uris = [
        uri
        for uri in query(db, "select source_uri from documents")
        if uri[0].rsplit("/", 1)[1] in renderings
    ]
    ids = query(
        db,
        "select count(distinct article_id) from documents where source_uri in ?",
        [[u for (u,) in uris]],
    )
    assert len(uris) == len(renderings) and ids == [(1,)]
    assert by_name["seed-utf16.txt"][2] == "utf-16" and by_name["seed-cp1252.txt"][2] == "cp1252"
    assert by_name["really-gzip.txt"][3] == "gunzipped"


def test_a_few_bad_bytes_are_repaired_and_noted(hostile_run):
    status, reason, encoding, repairs = hostile_run[1]["seed-bad-bytes.txt"]
    assert (status, reason, encoding) == ("loaded", None, "utf-8")
    assert repairs == "invalid_utf8_bytes_repaired:1; nul_removed:1"


def test_good_jsonl_lines_load_beside_bad_ones(hostile_run):
    _, by_name, db = hostile_run
    assert by_name["feed.jsonl#L1"][0] == "loaded"
    assert query(db, "select url, published_date::varchar from articles where url is not null") == [
        ("https://news.example.com/a", "2021-12-10")
    ]


def test_summary_lists_the_rejects(hostile_run):
    summary = hostile_run[0]
    assert summary["rejects_total"] == summary["counts"]["rejected"] == 16
    assert any(
        uri.endswith("empty.txt") and reason == "empty file" for uri, reason in summary["rejects"]
    )


def test_a_folder_of_10000_small_files(prefect_server, tmp_path):
    folder = tmp_path / "many"
    for shard in range(10):
        (folder / f"{shard:02d}").mkdir(parents=True)
        for n in range(1000):
            number = shard * 1000 + n
            day = 1 + number % 28
            text = f"December {day}, 2021\n\nStory number {number} of the day\n\nA body {number}.\n"
            (folder / f"{shard:02d}" / f"{n:04d}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "many.duckdb"
    summary = ingest_flow(sources=[str(folder)], db=str(db))
    assert summary["counts"]["seen"] == summary["counts"]["loaded"] == 10_000
    assert query(db, "select count(*), count(distinct published_date) from articles") == [
        (10_000, 28)
    ]
    again = ingest_flow(sources=[str(folder)], db=str(db))
    assert again["counts"]["unchanged"] == 10_000 and again["counts"]["loaded"] == 0
