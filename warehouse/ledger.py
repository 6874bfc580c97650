"""Which inputs changed since the last run: the ``source_files`` ledger decides."""

from __future__ import annotations

import os
from typing import NamedTuple

import polars as pl

from presswash.sources.discover import InputFile
from presswash.warehouse.connection import connect, first_row
from presswash.warehouse.sql_files import read_sql


class Plan(NamedTuple):
    to_process: list[InputFile]
    unchanged_files: int
    unchanged_documents: int


def plan_inputs(
    db: str | os.PathLike[str], files: list[InputFile], reprocess: bool = False
) -> Plan:
    """Skip files whose size and modification time match the ledger (no read needed)."""
    if reprocess or not os.path.exists(db) or not files:
        return Plan(files, 0, 0)
    seen = pl.DataFrame(
        {
            "path": [f.path for f in files],
            "size": [f.size for f in files],
            "mtime_ns": [f.mtime_ns for f in files],
        },
        schema={"path": pl.String, "size": pl.Int64, "mtime_ns": pl.Int64},
    )
    con = connect(db, read_only=True)
    try:
        if not first_row(
            con, "select 1 from information_schema.tables where table_name = 'source_files'"
        ):
            return Plan(files, 0, 0)
        con.register("seen_files", seen)
        unchanged = con.sql(read_sql("load/unchanged_files.sql")).pl()
    finally:
        con.close()
    skip = set(unchanged["path"].to_list())
    return Plan(
        [f for f in files if f.path not in skip or f.error],
        len(skip),
        int(unchanged["documents"].sum() or 0),
    )
