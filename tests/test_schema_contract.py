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
            "insert into documents values"
            " ('d', 'u', 'p', null, null, 0, null, null, 'lost', null, null, 'r', now())"
        )
    with pytest.raises(duckdb.ConstraintException):
        con.execute(
            "insert into quotes values ('a', 1, 'body', 1, 1, 0, 1, 'x', null, null, null, 'maybe')"
        )
