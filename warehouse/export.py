"""Parquet export: every table to ``DIR/<table>.parquet``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from presswash.warehouse.connection import connect, first_row

EXPORT_TABLES = (
    "articles",
    "paragraphs",
    "images",
    "quotes",
    "documents",
    "removed_lines",
    "runs",
    "source_files",
)


class ExportedTable(NamedTuple):
    table: str
    path: Path
    rows: int


def export_tables(db: str | os.PathLike[str], out: str | os.PathLike[str]) -> list[ExportedTable]:
    """Write every table as one zstd Parquet file; returns what was written."""
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    con = connect(db, read_only=True)
    exported = []
    try:
        for table in EXPORT_TABLES:
            target = out_dir / f"{table}.parquet"
            con.execute(f"copy {table} to '{_quote(target)}' (format parquet, compression zstd)")
            rows = first_row(con, f"select count(*) from {table}")[0]
            exported.append(ExportedTable(table, target, int(rows)))
    finally:
        con.close()
    return exported


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
