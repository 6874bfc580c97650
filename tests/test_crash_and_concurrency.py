"""Runs killed mid-way, runs that overlap, and queries during a run: real processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from bench.corpus import generate_corpus
from presswash.flows.ingest import ingest_flow
from presswash.warehouse.connection import WarehouseBusy, writer_lock
from tests.conftest import REPO

PRESSWASH = [sys.executable, "-m", "presswash.cli"]
# Content columns: everything but run ids and timestamps, which differ between runs.
CONTENT = {
    "documents": "document_id, source_uri, raw_sha256, status, reason, article_id",
    "articles": "article_id, document_id, headline, body_text, published_date, paragraph_count,"
    " image_count, quote_count",
    "paragraphs": "article_id, position, text",
    "images": "article_id, position, alt_text, caption, caption_repeats",
    "quotes": "article_id, position, quote_text, speaker_canonical, kind",
    "removed_lines": "document_id, line_no, text, rule",
}


ORPHAN_PARAGRAPHS = (
    "select count(*) from paragraphs where article_id not in (select article_id from articles)"
)
INCOMPLETE_ARTICLES = """
    select count(*) from articles as a
    where paragraph_count <>
        (select count(*) from paragraphs as p where p.article_id = a.article_id)
"""
LOADED_WITHOUT_ARTICLE = """
    select count(*) from documents
    where status = 'loaded' and article_id not in (select article_id from articles)
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate_corpus(folder, 1500, seed=3)
    return folder


def presswash_env(api_url: str) -> dict[str, str]:
    return {**os.environ, "PREFECT_API_URL": api_url, "PREFECT_LOGGING_LEVEL": "WARNING"}


def run_to_end(api_url: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    command = [*PRESSWASH, *arguments]
    env = presswash_env(api_url)
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def start_run(api_url: str, corpus: Path, db: Path, *extra: str) -> subprocess.Popen[str]:
    command = [*PRESSWASH, "run", str(corpus), "--db", str(db), "--batch-size", "100", *extra]
    return subprocess.Popen(
        command,
        env=presswash_env(api_url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def read_only(db: Path, sql: str) -> list[tuple]:
    """Query while another process may hold the file: retry as presswash sql does."""
    for _ in range(200):
        try:
            con = duckdb.connect(str(db), read_only=True)
        except duckdb.IOException:
            time.sleep(0.05)
            continue
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()
    raise AssertionError("database stayed locked")


def wait_for(predicate, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def writer_busy(db: Path) -> bool:
    """True while a run holds the warehouse's writer lock."""
    try:
        with writer_lock(db, timeout=0):
            return False
    except WarehouseBusy:
        return True


def contents(db: Path) -> dict[str, list[tuple]]:
    return {t: read_only(db, f"select {c} from {t} order by all") for t, c in CONTENT.items()}


def test_killed_run_leaves_a_consistent_database_and_next_run_finishes(
    prefect_api_url, corpus, tmp_path
):
    db = tmp_path / "killed.duckdb"
    process = start_run(prefect_api_url, corpus, db)
    # Batches commit to the write-ahead log while the run holds the file: kill after some.
    wal = db.with_name(db.name + ".wal")
    wait_for(
        lambda: (wal.exists() and wal.stat().st_size > 2_000_000) or process.poll() is not None
    )
    os.killpg(process.pid, signal.SIGKILL)  # the flow process and its workers
    process.wait()
    partial = read_only(db, "select count(*) from documents")[0][0]
    assert 0 < partial < 1500, "kill the run in the middle"
    # Consistent after the kill: every document's article complete, no orphans.
    for check in (ORPHAN_PARAGRAPHS, INCOMPLETE_ARTICLES, LOADED_WITHOUT_ARTICLE):
        assert read_only(db, check) == [(0,)], check

    summary = ingest_flow(sources=[str(corpus)], db=str(db), batch_size=100)
    assert summary["counts"]["unchanged"] == partial
    runs = read_only(db, "select status, count(*) from runs group by status order by status")
    assert runs == [("aborted", 1), ("completed", 1)]
    clean = tmp_path / "clean.duckdb"
    ingest_flow(sources=[str(corpus)], db=str(clean), batch_size=100)
    assert contents(db) == contents(clean)


def test_a_second_writer_fails_fast_with_a_clear_error(prefect_api_url, corpus, tmp_path):
    db = tmp_path / "busy.duckdb"
    with writer_lock(db, timeout=0):  # another run holds the warehouse
        fast = run_to_end(
            prefect_api_url, "run", str(corpus), "--db", str(db), "--lock-timeout", "0"
        )
    assert fast.returncode == 3, fast.stderr
    assert "being written by another presswash run" in fast.stderr
    assert (fast.stderr + fast.stdout).count("being written by another presswash run") == 1
    assert "Traceback" not in fast.stderr + fast.stdout


def test_a_second_writer_waits_with_a_message_then_runs(prefect_api_url, corpus, tmp_path):
    db = tmp_path / "wait.duckdb"
    told = threading.Event()
    lines: list[str] = []

    def watch(stream) -> None:
        for line in stream:
            lines.append(line)
            if "waiting for another presswash run" in line:
                told.set()

    with writer_lock(db, timeout=0):
        waiting = start_run(prefect_api_url, corpus, db, "--json")
        reader = threading.Thread(target=watch, args=(waiting.stderr,), daemon=True)
        reader.start()
        assert told.wait(timeout=120), "".join(lines)
        assert waiting.poll() is None  # still waiting while the lock is held
    out = waiting.stdout.read()
    assert waiting.wait(timeout=300) == 0, "".join(lines)
    assert json.loads(out)["counts"]["loaded"] == 1500


def test_queries_keep_working_during_a_run(prefect_api_url, corpus, tmp_path):
    db = tmp_path / "shared.duckdb"
    run = start_run(prefect_api_url, corpus, db)
    try:
        wait_for(lambda: writer_busy(db) and db.exists())
        assert run.poll() is None, "the run should still be going"
        query = subprocess.run(
            [*PRESSWASH, "sql", "select status from runs", "--db", str(db), "--format", "csv"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        # It read the warehouse while the run held it for writing.
        assert query.returncode == 0 and query.stdout.splitlines() == ["status", "running"], (
            query.stderr
        )
    finally:
        run.wait(timeout=300)
    assert run.returncode == 0
    assert read_only(db, "select count(*) from documents") == [(1500,)]


def test_skip_if_busy_records_a_skipped_run(prefect_api_url, corpus, tmp_path):
    db = tmp_path / "skip.duckdb"
    first = start_run(prefect_api_url, corpus, db)
    try:
        wait_for(lambda: writer_busy(db) and db.exists())
        skipped = run_to_end(prefect_api_url, "run", str(corpus), "--db", str(db), "--skip-if-busy")
        assert skipped.returncode == 0, skipped.stderr
        assert "run skipped" in skipped.stdout
    finally:
        first.wait(timeout=300)
    runs = read_only(db, "select status, message like '%another presswash run%' from runs")
    assert sorted(runs) == [("completed", None), ("skipped", True)]


def test_a_run_leaves_the_work_of_another_warehouse_in_its_folder_alone(prefect_server, tmp_path):
    from presswash.flows.ingest import ingest_flow, work_folder

    other = work_folder(str(tmp_path / "b.duckdb")) / "20261203T000000-abcdef" / "batch-00000"
    other.mkdir(parents=True)
    (other / "documents.parquet").write_bytes(b"a shard of a run into b.duckdb")
    summary = ingest_flow(sources=[str(REPO / "seeds")], db=str(tmp_path / "a.duckdb"))
    assert summary["status"] == "completed"
    assert (other / "documents.parquet").read_bytes() == b"a shard of a run into b.duckdb"


@pytest.fixture()
def small_corpus(tmp_path) -> Path:
    folder = tmp_path / "small"
    generate_corpus(folder, 300, seed=5)
    return folder


def _fail_on_second_load(monkeypatch) -> None:
    from presswash.warehouse.load import BatchLoader

    real_load = BatchLoader.load
    calls = []

    def load(self, shard, run_id, reprocess=False):
        calls.append(shard)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real_load(self, shard, run_id, reprocess)

    monkeypatch.setattr(BatchLoader, "load", load)


def test_a_failed_run_records_what_its_committed_batches_loaded(
    prefect_server, small_corpus, tmp_path, monkeypatch
):
    from presswash.flows.ingest import ingest_flow

    _fail_on_second_load(monkeypatch)
    db = tmp_path / "failed.duckdb"
    with pytest.raises(RuntimeError, match="disk full"):
        ingest_flow(sources=[str(small_corpus)], db=str(db), batch_size=100)
    loaded = read_only(db, "select count(*) from documents where status = 'loaded'")[0][0]
    assert loaded > 0
    run = read_only(db, "select status, message, documents_loaded, documents_seen from runs")
    assert run == [("failed", "RuntimeError: disk full", loaded, loaded)]


def test_an_error_recording_a_failed_run_does_not_hide_why_it_failed(
    prefect_server, small_corpus, tmp_path, monkeypatch
):
    from presswash.flows import ingest

    _fail_on_second_load(monkeypatch)
    real_finish = ingest.finish_run

    def finish_run(db, run_id, status, counts, message=None):
        if status == "failed":
            raise OSError("the warehouse went read-only")
        return real_finish(db, run_id, status, counts, message)

    monkeypatch.setattr(ingest, "finish_run", finish_run)
    with pytest.raises(RuntimeError, match="disk full"):
        ingest.ingest_flow(
            sources=[str(small_corpus)], db=str(tmp_path / "w.duckdb"), batch_size=100
        )


def test_sql_write_takes_the_writer_lock(seed_warehouse, tmp_path):
    from typer.testing import CliRunner

    from presswash.cli import app

    db = tmp_path / "copy.duckdb"
    db.write_bytes(seed_warehouse.read_bytes())
    change = "create table notes (note varchar)"
    with writer_lock(db, timeout=0):  # a run is writing
        busy = CliRunner().invoke(
            app, ["sql", change, "--db", str(db), "--write", "--lock-timeout", "0"]
        )
    assert busy.exit_code == 3
    assert "being written by another presswash run" in " ".join(busy.output.split())
    assert read_only(
        db, "select count(*) from information_schema.tables where table_name = 'notes'"
    ) == [(0,)]
    done = CliRunner().invoke(app, ["sql", change, "--db", str(db), "--write"])
    assert done.exit_code == 0, done.output
