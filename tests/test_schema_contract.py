"""The Polars schemas of transforms/schemas.py match sql/schema.sql column for column."""

from __future__ import annotations

import duckdb
import polars as pl
import pytest

from presswash.transforms.schemas import TABLES
from presswash.warehouse.connection import ensure_schema

DUCKDB_TYPES = {
    pl.String: "VARCHAR",
    pl.Int32: "INTEGER",
    pl.Int64: "BIGINT",
    pl.Float64: "DOUBLE",
    pl.Date: "DATE",
    pl.Datetime("us"): "TIMESTAMP",
}


@pytest.fixture(scope="module")
def con():
    connection = duckdb.connect()
    ensure_schema(connection)
    yield connection
    connection.close()


@pytest.mark.parametrize("table", list(TABLES))
def test_frame_schema_matches_table(con, table):
    columns = con.execute(
        "select column_name, data_type from information_schema.columns"
        " where table_name = ? order by ordinal_position",
        [table],
    ).fetchall()
    expected = [(name, DUCKDB_TYPES[dtype]) for name, dtype in TABLES[table].items()]
    assert columns == expected


def test_status_and_kind_are_checked(con):
    with pytest.raises(duckdb.ConstraintException):
        con.execute(
            "insert into documents values ('d', 'u', 'p', null, null, 0, null, null,"
            " 'lost', null, null, 'r', now(), null, null)"
        )
    with pytest.raises(duckdb.ConstraintException):
        con.execute(
            "insert into quotes values"
            " ('a', 1, 'body', 1, 1, 0, 1, 'x', null, null, null, 'maybe', null)"
        )


def test_long_text_columns_are_stored_with_zstd(tmp_path):
    """DuckDB's default string compression made checkpoints the slowest part of a large load
    (19 of 35 s on 50,000 articles); the long text columns ask for zstd instead."""
    db = tmp_path / "w.duckdb"
    connection = duckdb.connect(str(db))
    try:
        ensure_schema(connection)
        text = "A paragraph of news text that goes on for a while. " * 20
        connection.execute(
            "insert into paragraphs select 'a' || i, 1, ? || i, 200, 1 from range(5000) t(i)",
            [text],
        )
        connection.execute("checkpoint")
        methods = connection.execute(
            "select distinct compression from pragma_storage_info('paragraphs')"
            " where column_name = 'text' and segment_type = 'VARCHAR'"
        ).fetchall()
    finally:
        connection.close()
    assert methods == [("ZSTD",)]
