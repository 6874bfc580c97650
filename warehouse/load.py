"""Load one batch (its Parquet shards) into the warehouse in a single transaction."""

from __future__ import annotations

import os
from typing import NamedTuple

import duckdb
import polars as pl

from presswash.warehouse.connection import first_row, writer
from presswash.warehouse.shards import SHARD_TABLES, Shard
from presswash.warehouse.sql_files import read_sql, statements


class BatchCounts(NamedTuple):
    unchanged: int
    loaded: int
    duplicate: int
    rejected: int


def _run_script(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> None:
    """Run ``sql/load/<name>.sql``, giving each statement the $parameters it names."""
    for statement in statements(read_sql(f"load/{name}.sql")):
        named = {key: value for key, value in params.items() if f"${key}" in statement}
        con.execute(statement, named or None)


def load_shard(
    db: str | os.PathLike[str], shard: Shard, run_id: str, reprocess: bool = False
) -> BatchCounts:
    """Stage, replace, insert and count in one transaction: a crash leaves no half batch."""
    with writer(db) as con:
        con.execute("begin transaction")
        try:
            _run_script(con, "01_stage", **{t: [str(shard.path(t))] for t in SHARD_TABLES})
            _run_script(con, "02_unchanged", reprocess=reprocess)
            _run_script(con, "03_replace")
            _run_script(con, "remove_documents")
            _run_script(con, "04_insert", run_id=run_id)
            counts = first_row(con, read_sql("load/05_counts.sql"))
            _run_script(con, "06_cleanup")
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
    return BatchCounts(*(int(c or 0) for c in counts))


def prune_missing(
    db: str | os.PathLike[str], roots: list[tuple[str, bool]], seen: list[str]
) -> int:
    """Remove the rows of inputs under ``roots`` (path, is_glob) that were not ``seen``
    this run (deleted files), in one transaction. Returns how many documents went."""
    with writer(db) as con:
        con.register(
            "prune_roots",
            pl.DataFrame(roots, schema={"root": pl.String, "is_glob": pl.Boolean}, orient="row"),
        )
        con.register("prune_seen", pl.DataFrame({"path": seen}, schema={"path": pl.String}))
        con.execute("begin transaction")
        try:
            _run_script(con, "prune_select")
            removed = first_row(con, "select count(*) from stage_replaced")[0]
            _run_script(con, "remove_documents")
            _run_script(con, "06_cleanup")
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
    return int(removed)
