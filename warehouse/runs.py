"""The ``runs`` log: one row per run, opened at the start and closed at the end."""

from __future__ import annotations

import json
import os
from datetime import datetime
from typing import NamedTuple

from presswash.warehouse.connection import first_row, writer
from presswash.warehouse.sql_files import read_sql


class RunCounts(NamedTuple):
    seen: int = 0
    loaded: int = 0
    unchanged: int = 0
    duplicate: int = 0
    rejected: int = 0
    bytes_read: int = 0


def start_run(
    db: str | os.PathLike[str], run_id: str, flow_run_id: str | None, sources: list[str]
) -> int:
    """Record a new run; runs still marked 'running' died without closing (we hold the
    writer lock, so nobody else is running): mark them aborted. Returns how many."""
    with writer(db) as con:
        aborted = first_row(con, read_sql("runs/abort_stale.sql"))[0]
        con.execute(
            read_sql("runs/start.sql"), [run_id, flow_run_id, datetime.now(), json.dumps(sources)]
        )
    return int(aborted or 0)


def finish_run(
    db: str | os.PathLike[str],
    run_id: str,
    status: str,
    counts: RunCounts,
    message: str | None = None,
) -> None:
    with writer(db) as con:
        con.execute(read_sql("runs/finish.sql"), [datetime.now(), status, message, *counts, run_id])


def record_skipped_run(
    db: str | os.PathLike[str],
    run_id: str,
    flow_run_id: str | None,
    sources: list[str],
    message: str,
) -> None:
    """A run that found another writer and chose not to wait."""
    with writer(db) as con:
        con.execute(
            read_sql("runs/start.sql"), [run_id, flow_run_id, datetime.now(), json.dumps(sources)]
        )
        con.execute(
            read_sql("runs/finish.sql"), [datetime.now(), "skipped", message, *RunCounts(), run_id]
        )
