"""Opening the warehouse: one writer at a time, readers that wait politely.

DuckDB lets one process hold a database file for writing; a second process, even
read-only, fails at once with "Could not set lock on file". Runs therefore take an
exclusive ``flock`` on ``<db>.lock`` for their whole duration (so a second run waits or
stops with a clear message), and every connection retries briefly while another process
holds the file.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from presswash.warehouse.sql_files import read_sql, sql_folder, statements


class WarehouseBusy(RuntimeError):
    """Another presswash run holds the warehouse."""


def lock_path(db: str | os.PathLike[str]) -> Path:
    return Path(f"{os.fspath(db)}.lock")


@contextmanager
def writer_lock(
    db: str | os.PathLike[str], timeout: float, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the exclusive writer lock of ``db``; wait up to ``timeout`` seconds (0: fail fast)."""
    path = lock_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+")  # noqa: SIM115 - held for the whole run
    deadline = time.monotonic() + timeout
    told = False
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = path.read_text().strip() or "another process"
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(
                        f"{db} is being written by another presswash run ({holder}); "
                        f"gave up after {timeout:g} s (see --lock-timeout)"
                    ) from None
                if on_wait and not told:
                    on_wait(f"waiting for another presswash run on {db} ({holder}) to finish")
                    told = True
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        yield
    finally:
        handle.close()


def connect(
    db: str | os.PathLike[str], read_only: bool = False, timeout: float = 30.0
) -> duckdb.DuckDBPyConnection:
    """A connection, retrying while another process briefly holds the file."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return duckdb.connect(os.fspath(db), read_only=read_only)
        except duckdb.IOException as error:
            if "lock" not in str(error).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(0.1)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables (if missing) and (re)create the analyst views."""
    for statement in statements(read_sql("schema.sql")):
        con.execute(statement)
    for _, script in sql_folder("views"):
        for statement in statements(script):
            con.execute(statement)


@contextmanager
def writer(
    db: str | os.PathLike[str], timeout: float = 60.0
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived read-write connection with the schema in place."""
    Path(db).parent.mkdir(parents=True, exist_ok=True)
    con = connect(db, timeout=timeout)
    try:
        ensure_schema(con)
        yield con
    finally:
        con.close()


def first_row(
    con: duckdb.DuckDBPyConnection, query: str, params: object = None
) -> tuple[object, ...] | None:
    """The first row of a query, consuming the whole result (DuckDB 2 insists)."""
    rows = con.execute(query, params).fetchall()
    return rows[0] if rows else None
