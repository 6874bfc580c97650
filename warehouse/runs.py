"""The ``runs`` log: one row per run, opened at the start and closed at the end."""

from __future__ import annotations

import fcntl
import json
import os
from datetime import datetime
from pathlib import Path
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
    writer lock, so nobody else is running): mark them aborted. Returns how many. Runs
    that were skipped while another run wrote are recorded now too."""
    skipped = _take_skipped_runs(db)
    with writer(db) as con:
        aborted = first_row(con, read_sql("runs/abort_stale.sql"))[0]
        for entry in skipped:
            _insert_skipped(con, entry)
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
    stage_seconds: dict[str, float] | None = None,
) -> None:
    """Close the run with its counts, and the seconds each stage took (for the report)."""
    skipped = _take_skipped_runs(db)  # runs that gave up while this one wrote
    with writer(db) as con:
        for entry in skipped:
            _insert_skipped(con, entry)
        con.execute(read_sql("runs/finish.sql"), [datetime.now(), status, message, *counts, run_id])
        if stage_seconds:
            con.executemany(
                read_sql("runs/stages.sql"),
                [[run_id, stage, seconds] for stage, seconds in stage_seconds.items()],
            )


def skipped_runs_path(db: str | os.PathLike[str]) -> Path:
    return Path(f"{os.fspath(db)}.skipped-runs.jsonl")


def record_skipped_run(
    db: str | os.PathLike[str],
    run_id: str,
    flow_run_id: str | None,
    sources: list[str],
    message: str,
) -> None:
    """A run that found another writer and chose not to wait. It cannot write to the
    warehouse (the other run holds it), so it appends a line to a journal beside it, which
    the next run to hold the writer lock moves into ``runs``."""
    entry = {
        "run_id": run_id,
        "flow_run_id": flow_run_id,
        "at": datetime.now().isoformat(),
        "sources": sources,
        "message": message,
    }
    with open(skipped_runs_path(db), "a", encoding="utf-8") as journal:
        fcntl.flock(journal, fcntl.LOCK_EX)  # against a run taking the journal in
        journal.write(json.dumps(entry) + "\n")


def _take_skipped_runs(db: str | os.PathLike[str]) -> list[dict]:
    """The journal's entries, emptied; the caller holds the writer lock."""
    path = skipped_runs_path(db)
    if not path.exists():
        return []
    with open(path, "r+", encoding="utf-8") as journal:
        fcntl.flock(journal, fcntl.LOCK_EX)
        lines = journal.read().splitlines()
        journal.seek(0)
        journal.truncate()
    entries = []
    for line in lines:
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:  # a line cut by a crash: nothing to record
            continue
    return entries


def _insert_skipped(con, entry: dict) -> None:
    at = datetime.fromisoformat(entry["at"])
    con.execute(
        read_sql("runs/start.sql"),
        [entry["run_id"], entry["flow_run_id"], at, json.dumps(entry["sources"])],
    )
    con.execute(
        read_sql("runs/finish.sql"),
        [at, "skipped", entry["message"], *RunCounts(), entry["run_id"]],
    )
