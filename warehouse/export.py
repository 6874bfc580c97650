"""Parquet export: every table to ``DIR/<table>.parquet``; optionally only what is new
since a date, and the article tables as hive-partitioned folders ``DIR/<table>/``.

What each table keeps is defined by the temp views in ``sql/export/``.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path
from typing import NamedTuple

from presswash.warehouse.connection import connect
from presswash.warehouse.sql_files import sql_folder, statements

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


# Tables that follow their article into its partition, and the columns of each layout
# (from the view export_article_partitions).
ARTICLE_TABLES = ("articles", "paragraphs", "images", "quotes")
PARTITION_COLUMNS = {
    "published_date": ("published_date",),
    "year": ("published_year",),
    "month": ("published_year", "published_month"),
}
PARQUET = "format parquet, compression zstd"


class ExportedTable(NamedTuple):
    table: str
    path: Path  # a file, or the folder of a partitioned table
    rows: int
    written: bool = True  # False: a partitioned table with no rows, nothing written


def export_tables(
    db: str | os.PathLike[str],
    out: str | os.PathLike[str],
    since: date | None = None,
    partition_by: str | None = None,
) -> list[ExportedTable]:
    """Write every table as zstd Parquet; returns what was written.

    ``since``: only articles published or loaded on/after the date (with their paragraphs,
    images and quotes), documents ingested since (with their removed lines), runs started
    since (with the ledger entries they wrote). ``partition_by`` (``published_date``,
    ``year`` or ``month``): the article tables go to ``DIR/<table>/col=value/...`` folders.
    """
    if partition_by is not None and partition_by not in PARTITION_COLUMNS:
        raise ValueError(f"partition_by must be one of {', '.join(PARTITION_COLUMNS)}")
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    con = connect(db, read_only=True)
    exported = []
    try:
        con.execute("set variable export_since = cast(? as date)", [since])
        for _, script in sql_folder("export"):
            for statement in statements(script):
                con.execute(statement)
        for table in EXPORT_TABLES:
            if partition_by and table in ARTICLE_TABLES:
                columns = PARTITION_COLUMNS[partition_by]
                target = out_dir / table
                query = _with_partition_columns(table, columns)
                options = f"{PARQUET}, partition_by ({', '.join(columns)}), overwrite"
            else:
                target = out_dir / f"{table}.parquet"
                query = f"select * from export_{table}"
                options = PARQUET
            # One layout per table: a flat file beside a partitioned folder of the same
            # table (from an earlier export) would be read as part of it, or instead of it.
            _remove(out_dir / table)
            _remove(out_dir / f"{table}.parquet")
            if partition_by and table in ARTICLE_TABLES:
                rows = con.execute(f"select count(*) from ({query})").fetchone()[0]
                if rows == 0:  # an empty folder is one that Polars and DuckDB refuse to read
                    exported.append(ExportedTable(table, target, 0, written=False))
                    continue
            written = con.execute(f"copy ({query}) to '{_quote(target)}' ({options})")
            exported.append(ExportedTable(table, target, int(written.fetchall()[0][0])))
    finally:
        con.close()
    return exported


def _with_partition_columns(table: str, columns: tuple[str, ...]) -> str:
    """The exported rows of ``table`` with their article's partition columns added.

    >>> _with_partition_columns("quotes", ("published_year",)).split(" from ")[0]
    'select t.*, p.published_year'
    """
    added = [c for c in columns if not (table == "articles" and c == "published_date")]
    selected = ", ".join(["t.*", *(f"p.{c}" for c in added)])
    return (
        f"select {selected} from export_{table} as t "
        "join export_article_partitions as p using (article_id)"
    )


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
