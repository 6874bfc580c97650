"""Parquet shards: how a transformed batch travels from a worker to the single writer.

Workers (threads, processes or Dask) write a shard folder per batch; the loader reads it
back in one transaction. Plain Polars, no DuckDB, so workers need no database access.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NamedTuple

import polars as pl

SHARD_TABLES = (
    "documents",
    "articles",
    "paragraphs",
    "images",
    "quotes",
    "removed_lines",
    "source_files",
)


class Shard(NamedTuple):
    folder: Path

    def path(self, table: str) -> Path:
        return self.folder / f"{table}.parquet"


def write_shard(folder: Path, tables: dict[str, pl.DataFrame]) -> Shard:
    """Write every table of a batch (an empty table still gets a file, with its schema)."""
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for table in SHARD_TABLES:
        tables[table].write_parquet(
            partial / f"{table}.parquet", compression="lz4", statistics=False
        )
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)  # a shard folder is complete or absent
    return Shard(folder)
