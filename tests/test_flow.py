"""Real flow runs (one Prefect test server per session) into real DuckDB files."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import duckdb
import polars as pl
from typer.testing import CliRunner

from presswash.cli import app
from presswash.flows.ingest import ingest_flow
from presswash.warehouse.export import export_tables
from tests.conftest import SEED
from tests.helpers import query, table_counts

SEED_COUNTS = {
    "documents": 1,
    "articles": 1,
    "paragraphs": 44,
    "images": 14,
    "quotes": 24,
    "removed_lines": 14,
}


def test_seed_run_builds_the_warehouse(seed_warehouse):
    assert table_counts(seed_warehouse) == SEED_COUNTS
    run = query(
        seed_warehouse, "select status, documents_seen, documents_loaded, flow_run_id from runs"
    )
    assert run[0][:3] == ("completed", 1, 1)
    assert len(run[0][3]) == 36  # a real Prefect flow run id
    assert query(seed_warehouse, "select headline like 'Putin says conflict%' from articles") == [
        (True,)
    ]


def test_rerun_changes_nothing_and_skips_unchanged(prefect_server, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED, inputs / "a.txt")
    db = tmp_path / "w.duckdb"
    first = ingest_flow(sources=[str(inputs)], db=str(db))
    snapshot = query(db, "select * from paragraphs order by article_id, position")
    second = ingest_flow(sources=[str(inputs)], db=str(db))
    assert first["counts"]["loaded"] == 1
    assert second["counts"] | {"bytes_read": 0} == {
        "seen": 1,
        "loaded": 0,
        "unchanged": 1,
        "duplicate": 0,
        "rejected": 0,
        "bytes_read": 0,
    }
    assert table_counts(db) == SEED_COUNTS
    assert query(db, "select * from paragraphs order by article_id, position") == snapshot
    # Touched but identical: read again, recognised by its hash, still nothing changes.
    (inputs / "a.txt").touch()
    third = ingest_flow(sources=[str(inputs)], db=str(db))
    assert third["counts"]["unchanged"] == 1 and table_counts(db) == SEED_COUNTS


def test_edited_input_replaces_its_rows_and_duplicates_are_kept_once(prefect_server, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    text = SEED.read_text(encoding="utf-8")
    (inputs / "a.txt").write_text(text, encoding="utf-8")
    (inputs / "b-cp1252.txt").write_bytes(text.encode("cp1252"))
    db = tmp_path / "w.duckdb"
    summary = ingest_flow(sources=[str(inputs)], db=str(db))
    assert (summary["counts"]["loaded"], summary["counts"]["duplicate"]) == (1, 1)
    assert table_counts(db)["articles"] == 1

    edited = text.replace("Post a Comment", "").replace(
        "Olaf Scholz, warned", "Olaf Scholz, cautioned"
    )
    (inputs / "a.txt").write_text(edited, encoding="utf-8")
    summary = ingest_flow(sources=[str(inputs)], db=str(db))
    assert summary["counts"]["loaded"] == 1 and summary["counts"]["unchanged"] == 1
    articles = query(db, "select count(*), count(distinct article_id) from articles")
    assert articles == [(2, 2)]  # the edited article, and the cp1252 copy now owns the original
    statuses = query(db, "select source_uri like '%b-cp1252.txt', status from documents order by 1")
    assert statuses == [(False, "loaded"), (True, "loaded")]
    orphans = query(
        db,
        "select count(*) from paragraphs where article_id not in (select article_id from articles)",
    )
    assert orphans == [(0,)]
    assert query(db, "select count(*) from paragraphs") == [(88,)]


def test_export_reads_back_with_the_same_row_counts(seed_warehouse, tmp_path):
    exported = export_tables(seed_warehouse, tmp_path / "out")
    counts = table_counts(seed_warehouse)
    for item in exported:
        frame = pl.read_parquet(item.path)
        assert frame.height == item.rows
        if item.table in counts:
            assert frame.height == counts[item.table]
        via_duckdb = duckdb.sql(f"select count(*) from read_parquet('{item.path}')").fetchall()[0][
            0
        ]
        assert via_duckdb == item.rows
    paragraphs = pl.read_parquet(tmp_path / "out" / "paragraphs.parquet")
    assert paragraphs.sort("position")["text"][0].startswith("Vladimir Putin says fighting")


def test_cli_run_sql_and_export(prefect_server, tmp_path):
    runner = CliRunner()
    db = tmp_path / "cli.duckdb"
    result = runner.invoke(app, ["run", str(SEED.parent), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "loaded" in result.output and "paragraphs" in result.output and "44" in result.output

    result = runner.invoke(
        app,
        [
            "sql",
            "select position, alt_text from images where alt_text is not null",
            "--db",
            str(db),
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "position,alt_text",
        "1,Russian anti-aircraft missile batteries",
        "2,Russian artillery",
        "7,Biden",
        "8,Zelensky",
    ]
    result = runner.invoke(
        app, ["sql", "select count(*) as n from paragraphs", "--db", str(db), "--format", "json"]
    )
    assert result.output.strip() == '[\n  {\n    "n": 44\n  }\n]'
    result = runner.invoke(
        app,
        ["sql", "select speaker_canonical, quotes from quotes_by_speaker limit 2", "--db", str(db)],
    )
    assert "Vladimir Putin" in result.output and "(2 rows)" in result.output

    result = runner.invoke(app, ["sql", "delete from articles", "--db", str(db)])
    assert result.exit_code == 1 and "read-only" in result.output
    assert "Traceback" not in result.output
    result = runner.invoke(app, ["sql", "select * from nowhere", "--db", str(db)])
    assert result.exit_code == 1 and "nowhere does not exist" in result.output

    result = runner.invoke(app, ["export", "--out", str(tmp_path / "exp"), "--db", str(db)])
    assert result.exit_code == 0 and "paragraphs" in result.output
    assert pl.read_parquet(tmp_path / "exp" / "quotes.parquet").height == 24


def test_cli_reports_a_missing_warehouse(tmp_path):
    result = CliRunner().invoke(app, ["sql", "select 1", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no warehouse at" in result.output


def test_batches_keep_every_file_once_in_order_and_share_out_evenly():
    from presswash.flows.ingest import split_batches

    for files, size, workers in itertools.product(
        [0, 1, 3, 1999, 2001, 10_000, 50_000], [1, 3, 2000], [1, 2, 4]
    ):
        batches = split_batches(list(range(files)), size, workers)
        assert [f for batch in batches for f in batch] == list(range(files))
        assert all(0 < len(batch) <= size for batch in batches)
        assert max(map(len, batches), default=0) - min(map(len, batches), default=0) <= 1
        if len(batches) > 1:  # a multiple of the workers, unless one file each already
            assert len(batches) % workers == 0 or len(batches) == files
    # The case that motivated it: 5 batches on 2 workers left one idle for a whole batch.
    assert [len(b) for b in split_batches(list(range(10_000)), 2000, 2)] == [1667] * 4 + [1666] * 2


def test_loading_holds_duckdb_to_its_memory_limit(tmp_path):
    """The loader's connection is capped (DuckDB's own default is 80 % of RAM), so a run's
    memory does not grow with the warehouse."""
    from presswash.warehouse import DEFAULT_MEMORY_LIMIT
    from presswash.warehouse.connection import first_row
    from presswash.warehouse.load import BatchLoader

    assert DEFAULT_MEMORY_LIMIT == "auto"
    loader = BatchLoader(tmp_path / "w.duckdb", memory_limit="100MB")
    try:
        limit = first_row(loader._connection(), "select current_setting('memory_limit')")
    finally:
        loader.close()
    assert limit == ("95.3 MiB",)
    # auto: 128 MB for a small warehouse, half the file for a large one
    auto = BatchLoader(tmp_path / "w.duckdb")
    try:
        limit = first_row(auto._connection(), "select current_setting('memory_limit')")
    finally:
        auto.close()
    assert limit == ("122.0 MiB",)
    big = tmp_path / "big.duckdb"
    with open(big, "wb") as handle:
        handle.truncate(1_500_000_000)  # sparse: the size is what counts
    from presswash.warehouse import memory_limit_for

    assert memory_limit_for(big, "auto") == "750MB"
    assert memory_limit_for(big, "AUTO") == "750MB" and memory_limit_for(big, "1GB") == "1GB"


def test_cli_rejects_a_memory_limit_duckdb_cannot_read(tmp_path):
    result = CliRunner().invoke(
        app, ["run", str(SEED), "--db", str(tmp_path / "w.duckdb"), "--memory-limit", "lots"]
    )
    assert result.exit_code == 2 and "'lots' is not a size" in result.output
    assert "or auto" in result.output
    assert not (tmp_path / "w.duckdb").exists()


def test_views_and_examples_run_on_the_seed(seed_warehouse):
    from presswash.warehouse.query import example_queries, run_query

    speakers = run_query(
        seed_warehouse, "select speaker_canonical, quotes from quotes_by_speaker limit 3"
    ).rows
    assert speakers == [("Vladimir Putin", 7), ("Biden", 4), ("Volodymyr Zelensky", 2)]
    assert run_query(seed_warehouse, "select * from articles_per_day").rows[0][:2] == (
        __import__("datetime").date(2021, 12, 10),
        1,
    )
    captions = run_query(
        seed_warehouse,
        "select images, distinct_captions, printed_twice, with_alt_text from caption_stats",
    )
    assert captions.rows == [(14, 13, 10, 4)]
    rules = dict(run_query(seed_warehouse, "select rule, lines from boilerplate_stats").rows)
    assert rules == {"repeated_line": 12, "comment_prompt": 1, "search_box": 1}
    per_article = run_query(
        seed_warehouse,
        "select quotes, full_quotes, partial_quotes, scare_quotes from quotes_per_article",
    )
    assert per_article.rows == [(24, 4, 17, 3)]
    kinds = run_query(
        seed_warehouse,
        "select speaker_kind, count(*) from quotes group by all order by all nulls first",
    )
    assert kinds.rows == [(None, 3), ("organisation", 2), ("person", 19)]  # as the gold reads
    assert run_query(seed_warehouse, "select count(*) from rejected_documents").rows == [(0,)]
    names = [name for name, _ in example_queries()]
    assert len(names) >= 4
    for name, sql in example_queries():
        result = run_query(seed_warehouse, sql)
        assert result.columns, name
    assert Path(seed_warehouse).exists()


def test_batches_are_bounded_by_megabytes_too(prefect_server, tmp_path):
    """--batch-mb bounds a batch by its input bytes (memory follows bytes, not documents):
    six copies of the 11.5 KB seed in 12 KB batches are six batches, each file loaded once."""
    from presswash import progress

    folder = tmp_path / "in"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for number in range(6):
        (folder / f"copy-{number}.txt").write_text(text + f"\nCopy {number}.\n", encoding="utf-8")
    events: list[tuple[str, dict]] = []
    progress.subscribe(lambda event, data: events.append((event, data)))
    try:
        summary = ingest_flow(sources=[str(folder)], db=str(tmp_path / "w.duckdb"), batch_mb=0.012)
    finally:
        progress._listeners.clear()
    starts = [data for event, data in events if event == "start"]
    assert starts == [{"batches": 6, "files": 6}]
    assert summary["counts"]["seen"] == 6 and summary["counts"]["rejected"] == 0
