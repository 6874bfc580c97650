"""The chrome each site's pages share, learned across runs (table ``site_chrome``)."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl

from presswash.transforms.site_chrome import MAX_WORDS, MIN_DOCUMENTS, MIN_SHARE
from presswash.warehouse import DEFAULT_MEMORY_LIMIT, memory_limit_for
from presswash.warehouse.connection import connect, first_row, writer
from presswash.warehouse.sql_files import read_sql, statements


def refresh_site_chrome(
    db: str | os.PathLike[str], run_id: str, memory_limit: str = DEFAULT_MEMORY_LIMIT
) -> None:
    """Count again the lines shared by the pages of every site this run loaded pages of,
    in one transaction, within the run's memory limit: uncapped, DuckDB took 80 % of RAM
    for it, and at the end of a 50,000-article run it was the run's memory peak."""
    with writer(db) as con:
        con.execute("set memory_limit = $limit", {"limit": memory_limit_for(db, memory_limit)})
        con.execute("set preserve_insertion_order = false")  # as the loader (load.py)
        con.execute("begin transaction")
        try:
            for statement in statements(read_sql("site_chrome/refresh.sql")):
                params = {"run_id": run_id, "max_words": MAX_WORDS}
                named = {key: value for key, value in params.items() if f"${key}" in statement}
                con.execute(statement, named or None)
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise


def known_site_chrome(db: str | os.PathLike[str]) -> pl.DataFrame:
    """(site, text) of every line learned as chrome; empty for a new warehouse."""
    empty = pl.DataFrame(schema={"site": pl.String, "text": pl.String})
    if not Path(db).exists():
        return empty
    con = connect(db, read_only=True)
    try:
        exists = first_row(
            con, "select count(*) from information_schema.tables where table_name = 'site_chrome'"
        )[0]
        if not exists:
            return empty
        params = {"min_documents": MIN_DOCUMENTS, "min_share": MIN_SHARE}
        return con.sql(read_sql("site_chrome/known.sql"), params=params).pl()
    finally:
        con.close()
