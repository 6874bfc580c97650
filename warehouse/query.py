"""Ad-hoc SQL for analysts: read-only unless the user asks to write."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NamedTuple

import duckdb

from presswash.warehouse.connection import connect, first_row
from presswash.warehouse.shards import SHARD_TABLES
from presswash.warehouse.sql_files import sql_folder


class QueryError(RuntimeError):
    """A query DuckDB refused, with DuckDB's own message."""


class Result(NamedTuple):
    columns: list[str]
    rows: list[tuple[Any, ...]]


def missing_warehouse_message(db: str | os.PathLike[str]) -> str:
    return f"no warehouse at {db}: run `presswash run` first (or pass --db)"


def run_query(db: str | os.PathLike[str], query: str, write: bool = False) -> Result:
    if not Path(db).exists():
        raise QueryError(missing_warehouse_message(db))
    try:
        con = connect(db, read_only=not write)
    except duckdb.Error as error:
        raise QueryError(str(error)) from None
    try:
        relation = con.sql(query)
        if relation is None:  # a statement without a result (DDL/DML with --write)
            return Result([], [])
        return Result(list(relation.columns), relation.fetchall())
    except duckdb.Error as error:
        message = str(error)
        if not write and "read-only" in message.lower():
            message += (
                "\n(presswash sql opens the warehouse read-only; pass --write to change data)"
            )
        raise QueryError(message) from None
    finally:
        con.close()


def table_counts(db: str | os.PathLike[str]) -> dict[str, int]:
    """Rows per warehouse table (the run summary)."""
    con = connect(db, read_only=True)
    try:
        tables = [t for t in SHARD_TABLES if t != "source_files"]
        return {t: first_row(con, f"select count(*) from {t}")[0] for t in tables}
    finally:
        con.close()


def example_queries() -> list[tuple[str, str]]:
    """(name, sql) of the example queries shipped in ``sql/examples``."""
    return sql_folder("examples")
