"""The figures of the quality report, read from the ``report_*`` views in ``sql/views``.

Each view has one row per run (and site, rule, day...) with the run's start time beside
it, so the report's filters (``--since``, ``--run``) are one ``where`` on any of them. A
warehouse written before the report existed lacks the views: they are made as temporary
views on the read-only connection, so reading never changes the warehouse.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import duckdb
import polars as pl

from presswash.warehouse.connection import connect
from presswash.warehouse.query import missing_warehouse_message
from presswash.warehouse.sql_files import sql_folder, statements

# view -> the column that holds the run's start time (every report view has run_id too)
REPORT_VIEWS = {
    "report_runs": "started_at",
    "report_reject_reasons": "run_started_at",
    "report_removed_lines": "run_started_at",
    "report_site_runs": "run_started_at",
    "report_site_drift": "run_started_at",
    "report_captions": "run_started_at",
    "report_quotes_per_day": "run_started_at",
    "report_speakers": "run_started_at",
    "report_stage_seconds": "run_started_at",
}
CHROME_LINES_PER_SITE = 5


class ReportError(RuntimeError):
    """The warehouse cannot be read for a report (missing, or not a presswash warehouse)."""


@dataclass(frozen=True)
class ReportScope:
    """Which runs the report covers: all, those started on or after ``since``, or one."""

    since: date | None = None
    run_id: str | None = None

    def describe(self) -> str:
        if self.run_id:
            return f"run {self.run_id}"
        if self.since:
            return f"runs started on or after {self.since.isoformat()}"
        return "all runs"


@dataclass
class ReportData:
    db: str
    scope: ReportScope
    frames: dict[str, pl.DataFrame] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # views this warehouse cannot give

    def __getitem__(self, view: str) -> pl.DataFrame:
        return self.frames[view]


def read_report_data(db: str | os.PathLike[str], scope: ReportScope) -> ReportData:
    """Every report view's rows within ``scope``, and each site's learned chrome."""
    if not Path(db).exists():
        raise ReportError(missing_warehouse_message(db))
    try:
        con = connect(db, read_only=True)
    except duckdb.Error as error:
        raise ReportError(f"cannot open {db}: {error}") from None
    data = ReportData(os.fspath(db), scope)
    try:
        if not _has_table(con, "runs"):
            raise ReportError(f"{db} is not a presswash warehouse (it has no runs table)")
        data.missing = _ensure_report_views(con)
        if (
            scope.run_id
            and not con.execute("select 1 from runs where run_id = ?", [scope.run_id]).fetchall()
        ):
            raise ReportError(f"no run {scope.run_id!r} in {db} (see: select * from runs)")
        for view, started in REPORT_VIEWS.items():
            data.frames[view] = (
                pl.DataFrame() if view in data.missing else _scoped(con, view, started, scope)
            )
        data.frames["site_chrome_lines"] = _chrome_lines(con)
    finally:
        con.close()
    return data


def run_drift(db: str | os.PathLike[str], run_id: str) -> list[dict]:
    """The sites whose figures moved sharply in one run (rows of ``report_site_drift``)."""
    con = connect(db, read_only=True)
    try:
        if "report_site_drift" in _ensure_report_views(con):
            return []
        query = "select * from report_site_drift where run_id = ? and drifted order by site"
        return _frame(con.sql(query, params=[run_id])).to_dicts()
    finally:
        con.close()


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    query = "select 1 from duckdb_tables() where table_name = ? and schema_name = 'main'"
    return bool(con.execute(query, [name]).fetchall())


def _ensure_report_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Make the report views this warehouse lacks as temporary views; returns the ones
    that cannot be made (a table they read is missing, e.g. ``run_stages`` before the
    report existed)."""
    existing = _view_names(con)
    macros = {
        row[0] for row in con.execute("select function_name from duckdb_functions()").fetchall()
    }
    missing = []
    for _, script in sql_folder("views"):
        for statement in statements(script):
            macro = _created(statement, "macro")
            if macro is not None and macro not in macros:
                con.execute(statement.replace("create or replace macro", "create temp macro", 1))
                continue
            name = _created(statement, "view")
            if name not in REPORT_VIEWS or name in existing:
                continue
            try:
                con.execute(statement.replace("create or replace view", "create temp view", 1))
            except duckdb.Error:
                missing.append(name)
    return missing


def _created(statement: str, kind: str) -> str | None:
    """The name a ``create or replace <kind>`` statement gives (a view or a macro).

    >>> _created("create or replace macro f(a) as a", "macro"), _created("select 1", "view")
    ('f', None)
    """
    words = statement.split(None, 5)
    if words[:4] == ["create", "or", "replace", kind] and len(words) > 4:
        return words[4].split("(", 1)[0]
    return None


def _view_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute("select view_name from duckdb_views()").fetchall()}


def _scoped(
    con: duckdb.DuckDBPyConnection, view: str, started: str, scope: ReportScope
) -> pl.DataFrame:
    if scope.run_id:
        return _frame(con.sql(f"select * from {view} where run_id = ?", params=[scope.run_id]))
    if scope.since:
        since = datetime.combine(scope.since, datetime.min.time())
        return _frame(con.sql(f"select * from {view} where {started} >= ?", params=[since]))
    return _frame(con.sql(f"select * from {view}"))


def _chrome_lines(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """The most shared learned chrome lines of each site (all runs: it is learned state)."""
    if "site_chrome_lines" not in _view_names(con):
        return pl.DataFrame()
    query = """
        select site, text, documents, site_documents, share_of_pages
        from site_chrome_lines
        qualify row_number() over (partition by site order by documents desc, text) <= ?
        order by site, documents desc, text
    """
    return _frame(con.sql(query, params=[CHROME_LINES_PER_SITE]))


def _frame(relation: duckdb.DuckDBPyRelation) -> pl.DataFrame:
    """A view's rows as Polars, with DuckDB's ``sum()`` results made plain numbers.

    ``sum`` of integers is a HUGEINT, which reaches Polars as ``Decimal(38, 0)``; dividing two
    of those in Polars keeps scale 0, so a rate of 1/3 would read 0. Whole decimals become
    Int64, the rest Float64.

    >>> import duckdb
    >>> _frame(duckdb.sql("select sum(x) as s, 0.25::decimal(4, 2) as d from range(3) t(x)"))
    shape: (1, 2)
    ┌─────┬──────┐
    │ s   ┆ d    │
    │ --- ┆ ---  │
    │ i64 ┆ f64  │
    ╞═════╪══════╡
    │ 3   ┆ 0.25 │
    └─────┴──────┘
    """
    frame = relation.pl()
    return frame.with_columns(
        pl.col(name).cast(pl.Int64 if dtype.scale == 0 else pl.Float64)
        for name, dtype in frame.schema.items()
        if isinstance(dtype, pl.Decimal)
    )
