"""Parquet export for analysts: --since keeps what is new, --partition-by writes hive folders
that Polars and DuckDB read back with the same rows."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest
from typer.testing import CliRunner

from bench.corpus import generate_corpus
from presswash.cli import app
from presswash.warehouse.export import export_tables
from tests.conftest import SEED
from tests.helpers import query

ARTICLE_TABLES = ("articles", "paragraphs", "images", "quotes")
ALL_TABLES = (*ARTICLE_TABLES, "documents", "removed_lines", "runs", "source_files")
LOADED_ON = date(2020, 6, 1)  # when the warehouse pretends to have loaded everything


@pytest.fixture(scope="module")
def warehouse(prefect_server, tmp_path_factory) -> Path:
    """The seed and 40 generated articles (published 2015-2024), loaded on LOADED_ON."""
    from presswash.flows.ingest import ingest_flow

    inputs = tmp_path_factory.mktemp("export-inputs")
    generate_corpus(inputs, 40, seed=4)
    shutil.copy(SEED, inputs / "seed.txt")
    db = inputs.parent / "export.duckdb"
    assert ingest_flow(sources=[str(inputs)], db=str(db))["counts"]["loaded"] == 41
    con = duckdb.connect(str(db))
    try:
        for table, column in [("articles", "loaded_at"), ("documents", "ingested_at"),
                              ("runs", "started_at")]:  # fmt: skip
            con.execute(f"update {table} set {column} = ?", [LOADED_ON])
    finally:
        con.close()
    return db


def count(db: Path, sql: str, params: list | None = None) -> int:
    return query(db, sql, params)[0][0]


def exported_counts(out: Path) -> dict[str, int]:
    return {t: pl.read_parquet(out / f"{t}.parquet").height for t in ALL_TABLES}


def test_export_without_options_writes_every_row(warehouse, tmp_path):
    exported = export_tables(warehouse, tmp_path)
    totals = {t: count(warehouse, f"select count(*) from {t}") for t in ALL_TABLES}
    assert {e.table: e.rows for e in exported} == totals == exported_counts(tmp_path)
    assert totals["articles"] == 41 and totals["paragraphs"] > 41


def test_since_keeps_articles_published_since_with_their_rows(warehouse, tmp_path):
    since = date(2021, 1, 1)  # after LOADED_ON: only the publication date can qualify
    exported = {e.table: e.rows for e in export_tables(warehouse, tmp_path, since=since)}
    expected = count(warehouse, "select count(*) from articles where published_date >= ?", [since])
    assert 0 < expected < 41
    assert exported["articles"] == expected
    articles = pl.read_parquet(tmp_path / "articles.parquet")
    assert articles["published_date"].min() >= since
    assert articles["headline"].str.starts_with("Putin says conflict").sum() == 1  # 2021-12-10
    for table in ("paragraphs", "images", "quotes"):
        rows = pl.read_parquet(tmp_path / f"{table}.parquet")
        assert set(rows["article_id"]) <= set(articles["article_id"]), table
        assert rows.height == count(
            warehouse,
            f"select count(*) from {table} join articles using (article_id) "
            "where published_date >= ?",
            [since],
        )
        assert exported[table] == rows.height > 0
    # Nothing was ingested (or run) since: no documents, removed lines, runs or ledger rows.
    assert [exported[t] for t in ("documents", "removed_lines", "runs", "source_files")] == [
        0, 0, 0, 0,
    ]  # fmt: skip


def test_since_keeps_everything_loaded_since(warehouse, tmp_path):
    exported = {e.table: e.rows for e in export_tables(warehouse, tmp_path, since=LOADED_ON)}
    assert exported == {t: count(warehouse, f"select count(*) from {t}") for t in ALL_TABLES}


@pytest.mark.parametrize(
    ("partition_by", "columns"),
    [("month", ["published_year", "published_month"]), ("published_date", ["published_date"])],
)
def test_partitioned_export_reads_back_in_polars_and_duckdb(
    warehouse, tmp_path, partition_by, columns
):
    exported = {e.table: e for e in export_tables(warehouse, tmp_path, partition_by=partition_by)}
    articles = pl.read_parquet(tmp_path / "articles/**/*.parquet", hive_partitioning=True).sort(
        "article_id"
    )
    source = pl.DataFrame(
        query(warehouse, "select article_id, published_date from articles order by 1"),
        schema=["article_id", "published_date"],
        orient="row",
    )
    assert articles.select("article_id", "published_date").equals(source)
    for table in ARTICLE_TABLES:
        folder = tmp_path / table
        assert exported[table].path == folder and folder.is_dir()
        first_level = sorted(p.name for p in folder.iterdir())
        assert first_level and all(name.startswith(f"{columns[0]}=") for name in first_level)
        frame = pl.read_parquet(folder / "**/*.parquet", hive_partitioning=True)
        rows = count(warehouse, f"select count(*) from {table}")
        assert frame.height == exported[table].rows == rows, table
        assert set(columns) <= set(frame.columns)
        via_duckdb = duckdb.sql(
            f"select count(*), count(distinct {columns[-1]}) from "
            f"read_parquet('{folder}/**/*.parquet', hive_partitioning = true)"
        ).fetchall()[0]
        assert via_duckdb[0] == rows and via_duckdb[1] > 1, table
        if partition_by == "month":  # each row sits in its article's month
            dated = frame.join(articles.select("article_id", "published_date"), on="article_id")
            assert (dated["published_year"] == dated["published_date"].dt.year()).all()
            assert (dated["published_month"] == dated["published_date"].dt.month()).all()
    for table in ("documents", "removed_lines", "runs", "source_files"):
        assert exported[table].path == tmp_path / f"{table}.parquet"
        assert pl.read_parquet(exported[table].path).height == exported[table].rows


def test_cli_export_since_and_partitioned(warehouse, tmp_path):
    out = tmp_path / "exports"
    result = CliRunner().invoke(
        app, ["export", "--out", str(out), "--db", str(warehouse), "--since", "2021-01-01",
              "--partition-by", "year"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "(8 rows)" in result.output and "removed_lines" in result.output
    years = sorted(p.name for p in (out / "quotes").iterdir())
    assert years and all(y >= "published_year=2021" for y in years)
    quotes = pl.read_parquet(out / "quotes/**/*.parquet", hive_partitioning=True)
    assert quotes["published_year"].min() >= 2021 and quotes.height > 0

    result = CliRunner().invoke(app, ["export", "--out", str(out), "--db", str(warehouse),
                                      "--since", "yesterday"])  # fmt: skip
    assert result.exit_code == 2 and "--since" in result.output


def test_a_partitioned_export_with_no_new_rows_leaves_no_empty_folders(warehouse, tmp_path):
    exported = {
        e.table: e
        for e in export_tables(warehouse, tmp_path, since=date(2999, 1, 1), partition_by="year")
    }
    for table in ARTICLE_TABLES:
        assert (exported[table].rows, exported[table].written) == (0, False), table
        assert not (tmp_path / table).exists() and not (tmp_path / f"{table}.parquet").exists()
    # What was written reads back: no empty folder for a reader to trip on.
    for path in tmp_path.iterdir():
        assert path.is_file() and pl.read_parquet(path).height >= 0


def test_a_partitioned_export_over_a_flat_one_leaves_one_layout(warehouse, tmp_path):
    export_tables(warehouse, tmp_path)
    assert (tmp_path / "quotes.parquet").is_file()
    export_tables(warehouse, tmp_path, partition_by="year")
    assert (tmp_path / "quotes").is_dir() and not (tmp_path / "quotes.parquet").exists()
    export_tables(warehouse, tmp_path)
    assert (tmp_path / "quotes.parquet").is_file() and not (tmp_path / "quotes").exists()
