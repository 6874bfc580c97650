"""The ``presswash`` command: run the ETL, query the warehouse, export it.

Prefect is imported only by the commands that run flows, so ``presswash sql`` answers
at once.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from presswash.summary import render_query_table, render_run_summary
from presswash.warehouse import DEFAULT_MEMORY_LIMIT

app = typer.Typer(
    help="Clean scraped news text into a queryable DuckDB warehouse.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Console()
errors = Console(stderr=True)

DEFAULT_DB = "presswash.duckdb"
DbOption = Annotated[
    Path,
    typer.Option("--db", envvar="PRESSWASH_DB", help="DuckDB warehouse file ($PRESSWASH_DB)."),
]

EXIT_FAILED = 1
EXIT_BUSY = 3


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class PartitionBy(StrEnum):
    published_date = "published_date"
    year = "year"
    month = "month"


def _prefect_environment(verbose: bool) -> None:
    """Settings Prefect reads at import time: no analytics, quiet console unless asked.
    Quiet means Prefect's own error lines too, whatever level the environment asks for:
    the command prints every error once, in its own words (a failed flow's ERROR line
    repeated it, with a traceback for some). ``--verbose`` shows Prefect's logs."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    if not verbose:
        os.environ["PREFECT_LOGGING_LEVEL"] = "CRITICAL"


_MEMORY_SIZE = re.compile(r"\s*\d+(\.\d+)?\s*([KMGT]i?B|B)?\s*", re.IGNORECASE)


def _memory_size(value: str) -> str:
    """'auto', or a size DuckDB understands ('256MB', '2 GB', '1.5GiB'), checked before
    the run starts."""
    if value.strip().lower() != "auto" and not _MEMORY_SIZE.fullmatch(value):
        raise typer.BadParameter(f"{value!r} is not a size such as 256MB or 2GB, or auto")
    return value


def _note(message: str) -> None:
    errors.print(Text(message, style="yellow"))


def _fail(message: str, code: int = EXIT_FAILED) -> typer.Exit:
    errors.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code)


@app.command()
def run(
    sources: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders (recursive) or globs. Default: seeds/"),
    ] = None,
    db: DbOption = Path(DEFAULT_DB),
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch, at most.")] = 2000,
    batch_mb: Annotated[
        float,
        typer.Option(
            min=0.1,
            help="Megabytes of input per batch, about: a worker's memory follows it "
            "(larger: faster, more memory).",
        ),
    ] = 4.0,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Reject inputs larger than this.")
    ] = 20_000_000,
    reprocess: Annotated[
        bool, typer.Option(help="Process unchanged inputs again (after a rule change).")
    ] = False,
    lock_timeout: Annotated[
        float,
        typer.Option(
            help="Seconds to wait for another run on the same warehouse (0: fail at once)."
        ),
    ] = 600.0,
    skip_if_busy: Annotated[
        bool, typer.Option(help="Record a skipped run instead of waiting.")
    ] = False,
    prune: Annotated[
        bool, typer.Option(help="Remove the rows of inputs under SOURCES that no longer exist.")
    ] = False,
    memory_limit: Annotated[
        str,
        typer.Option(
            help="Memory DuckDB may use while loading: auto (half the warehouse's size, "
            "128MB at least) or a size such as 1GB (more: a little faster).",
            callback=_memory_size,
        ),
    ] = DEFAULT_MEMORY_LIMIT,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Transform on a local Dask cluster of N worker processes."),
    ] = None,
    dask_address: Annotated[
        str | None,
        typer.Option(help="Transform on the Dask cluster at this scheduler, tcp://HOST:PORT."),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's logs.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")] = False,
) -> None:
    """Run the ingest flow on SOURCES into the warehouse."""
    from presswash.sources.discover import missing_sources

    missing, unmatched = missing_sources(sources or ["seeds"])
    if missing:
        raise _fail("no such file or folder: " + ", ".join(missing))
    for pattern in unmatched:
        errors.print(f"note: nothing matches {escape(pattern)} yet", highlight=False)
    _prefect_environment(verbose)
    from presswash.flows.early_server import start_early_server

    early_server = start_early_server()  # boots while the imports below run
    from presswash.run_command import run_ingest

    outcome = run_ingest(
        sources=sources or ["seeds"],
        db=str(db),
        batch_size=batch_size,
        batch_mb=batch_mb,
        max_bytes=max_bytes,
        reprocess=reprocess,
        lock_timeout=lock_timeout,
        on_busy="skip" if skip_if_busy else "wait",
        prune=prune,
        memory_limit=memory_limit,
        console=errors,
        workers=workers,
        dask_address=dask_address,
        early_server=early_server,
    )
    if outcome.error:
        raise _fail(outcome.error, EXIT_BUSY if outcome.busy else EXIT_FAILED)
    if as_json:
        sys.stdout.write(json.dumps(outcome.summary, default=str, indent=2) + "\n")
    else:
        render_run_summary(console, outcome.summary)


@app.command()
def serve(
    sources: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders (recursive) or globs. Default: seeds/"),
    ] = None,
    db: DbOption = Path(DEFAULT_DB),
    cron: Annotated[
        str | None, typer.Option(help="Schedule as a cron string, e.g. '0 * * * *' (hourly).")
    ] = None,
    interval: Annotated[
        float | None, typer.Option(help="Schedule as an interval in seconds.")
    ] = None,
    name: Annotated[str, typer.Option(help="Deployment name.")] = "presswash-scheduled",
) -> None:
    """Serve the ingest flow on a schedule from a Prefect server (PREFECT_API_URL)."""
    _prefect_environment(verbose=True)  # a service: keep Prefect's INFO logs
    from presswash.flows.serve import ServeError, serve_ingest

    try:
        serve_ingest(sources or ["seeds"], str(db), cron=cron, interval=interval, name=name)
    except ServeError as error:
        raise _fail(str(error)) from None


@app.command()
def sql(
    query: Annotated[
        str | None,
        typer.Argument(
            help='SQL to run, e.g. "select * from quotes_by_speaker"; - reads standard input.'
        ),
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-F", help="Read the SQL from a file.")
    ] = None,
    db: DbOption = Path(DEFAULT_DB),
    output: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.table,
    write: Annotated[
        bool, typer.Option(help="Open the warehouse read-write (allows changes).")
    ] = False,
    lock_timeout: Annotated[
        float,
        typer.Option(help="With --write: seconds to wait for a run writing the warehouse."),
    ] = 600.0,
) -> None:
    """Run ad-hoc SQL on the warehouse (read-only unless --write)."""
    from contextlib import nullcontext

    from presswash.warehouse.connection import WarehouseBusy, writer_lock
    from presswash.warehouse.query import QueryError, run_query

    if file is not None:
        try:
            query = file.read_text(encoding="utf-8")
        except OSError as error:
            raise _fail(f"cannot read {file}: {error.strerror}") from None
    elif query == "-":
        query = sys.stdin.read()
    if not query or not query.strip():
        raise _fail("no query: pass SQL as an argument, with --file, or on standard input (-)")
    # A change takes the writer lock, as a run does: never two writers at once.
    lock = writer_lock(db, lock_timeout, on_wait=_note) if write else nullcontext()
    try:
        with lock:
            result = run_query(db, query, write=write)
    except WarehouseBusy as busy:
        raise _fail(str(busy), EXIT_BUSY) from None
    except QueryError as error:
        raise _fail(str(error)) from None
    if output is OutputFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(result.rows)
    elif output is OutputFormat.json:
        records = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
        sys.stdout.write(json.dumps(records, default=str, ensure_ascii=False, indent=2) + "\n")
    else:
        render_query_table(console, result.columns, result.rows)


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the Parquet files.")],
    db: DbOption = Path(DEFAULT_DB),
    since: Annotated[
        datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            help="Only articles published or loaded on/after this date (YYYY-MM-DD), with "
            "their paragraphs, images and quotes, and documents ingested since.",
        ),
    ] = None,
    partition_by: Annotated[
        PartitionBy | None,
        typer.Option(help="Write the article tables as hive-partitioned folders OUT/<table>/."),
    ] = None,
) -> None:
    """Write every table to Parquet: OUT/<table>.parquet (or OUT/<table>/ partitioned)."""
    from presswash.warehouse.export import export_tables
    from presswash.warehouse.query import missing_warehouse_message

    if not db.exists():
        raise _fail(missing_warehouse_message(db))
    try:
        exported = export_tables(
            db,
            out,
            since=since.date() if since else None,
            partition_by=partition_by.value if partition_by else None,
        )
    except Exception as error:  # DuckDB or file system: a message, not a traceback
        raise _fail(f"export failed: {error}") from None
    rows: list[tuple[Any, ...]] = [
        (t.table, str(t.path) if t.written else "nothing written: no rows", t.rows)
        for t in exported
    ]
    render_query_table(console, ["table", "file", "rows"], rows)


@app.command()
def report(
    db: DbOption = Path(DEFAULT_DB),
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path(
        "presswash-report.html"
    ),
    since: Annotated[
        datetime | None,
        typer.Option(formats=["%Y-%m-%d"], help="Only runs started on/after this date."),
    ] = None,
    run_id: Annotated[
        str | None, typer.Option("--run", help="Only this run (a run_id from the runs table).")
    ] = None,
) -> None:
    """Write a quality report: one HTML file with charts that opens offline."""
    from presswash.report import write_report
    from presswash.warehouse.report_data import ReportError, ReportScope

    scope = ReportScope(since=since.date() if since else None, run_id=run_id)
    try:
        written = write_report(db, out, scope)
    except ReportError as error:
        raise _fail(str(error)) from None
    except OSError as error:
        raise _fail(f"cannot write {out}: {error.strerror}") from None
    console.print(
        Text(
            f"wrote {written.path} ({written.bytes / 1e6:.1f} MB): "
            f"{_count(written.runs, 'run')}, {_count(written.sites, 'site')}, "
            f"{written.drifted_sites} drifted"
        ),
        highlight=False,
        soft_wrap=True,  # a path is not broken over two lines
    )


def _count(number: int, noun: str) -> str:
    """'1 run', '2 runs'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # python -m presswash.cli (the tests' subprocesses)
    main()
