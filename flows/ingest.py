"""The ingest flow: discover -> read/decode/clean/parse (batches) -> load -> record the run.

Orchestration only: every task calls one function of ``sources``, ``transforms`` or
``warehouse``. Tasks take whole batches of documents; shards travel as Parquet paths.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from typing import Any

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.task_runners import ProcessPoolTaskRunner
from prefect.utilities.annotations import quote

from presswash import progress
from presswash.flows.artifacts import publish_run_artifacts, publish_skipped_note
from presswash.flows.worker_setup import prepare_worker
from presswash.sources.discover import InputFile, discover, scope_of
from presswash.sources.read import read_batch
from presswash.transforms.decode import DecodeLimits
from presswash.transforms.pipeline import PipelineConfig, run_pipeline
from presswash.warehouse import DEFAULT_MEMORY_LIMIT
from presswash.warehouse.connection import WarehouseBusy, writer_lock
from presswash.warehouse.ledger import Plan, plan_inputs
from presswash.warehouse.load import BatchCounts, BatchLoader, document_paths, prune_missing
from presswash.warehouse.query import table_counts
from presswash.warehouse.report_data import run_drift
from presswash.warehouse.runs import RunCounts, finish_run, record_skipped_run, start_run
from presswash.warehouse.shards import Shard, write_shard
from presswash.warehouse.site_chrome import known_site_chrome, refresh_site_chrome

DEFAULT_BATCH_SIZE = 2000
# Input bytes per batch, at most (about). A worker's memory follows the bytes it holds, not
# the documents: 500 articles of 8 KB (4 MB) took a worker 145 -> 335 MB at most, 2,000 took
# it to 640 MB; at 50,000 articles the default run peaked at 2.0 GB, with 4 MB batches at
# about 1.5 GB.
BATCH_BYTES = 4_000_000
DEFAULT_BATCH_MB = BATCH_BYTES / 1_000_000
DEFAULT_MAX_BYTES = DecodeLimits().max_bytes
MAX_LISTED_REJECTS = 20


def new_run_id() -> str:
    return f"{datetime.now():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"


def work_folder(db: str) -> Path:
    """Where a warehouse's runs write their shards, beside it: one folder per warehouse, so
    that a run, which clears its warehouse's leftovers under that warehouse's lock, never
    touches the shards of a run into another warehouse of the same folder.

    >>> work_folder("/data/a.duckdb"), work_folder("/data/b.duckdb")
    (PosixPath('/data/.presswash/a.duckdb/work'), PosixPath('/data/.presswash/b.duckdb/work'))
    """
    path = Path(os.path.abspath(db))
    return path.parent / ".presswash" / path.name / "work"


@task(cache_policy=NO_CACHE)
def discover_inputs(sources: list[str]) -> list[InputFile]:
    return discover(sources)


@task(cache_policy=NO_CACHE)
def plan_work(db: str, files: list[InputFile], reprocess: bool) -> Plan:
    return plan_inputs(db, files, reprocess)


class FileBatch:
    """The files of one batch as one opaque task parameter. Neither Prefect (which would
    visit each file) nor Dask looks inside; Dask rebuilt the files inside a quote() (a
    tuple) as plain tuples."""

    __slots__ = ("files",)

    def __init__(self, files: list[InputFile]) -> None:
        self.files = files


@task(cache_policy=NO_CACHE)
def read_site_chrome(db: str, work: str) -> str | None:
    """The chrome learned in earlier runs, as a Parquet file the workers read (or None)."""
    known = known_site_chrome(db)
    if known.is_empty():
        return None
    path = Path(work) / "site_chrome.parquet"
    path.parent.mkdir(parents=True, exist_ok=True)
    known.write_parquet(path)
    return str(path)


@task(cache_policy=NO_CACHE)
def learn_site_chrome(db: str, run_id: str, memory_limit: str) -> None:
    refresh_site_chrome(db, run_id, memory_limit)


@task(cache_policy=NO_CACHE)
def transform_batch(
    batch: FileBatch,
    shard_folder: str,
    run_id: str,
    max_bytes: int,
    site_chrome_path: str | None = None,
) -> dict[str, Any]:
    """Read, decode, clean and parse one batch; write it as a Parquet shard."""
    started = time.perf_counter()
    raw, ledger = read_batch(batch.files, max_bytes)
    read_seconds = time.perf_counter() - started
    known = pl.read_parquet(site_chrome_path) if site_chrome_path else None
    config = PipelineConfig(decode_limits=DecodeLimits(max_bytes=max_bytes), site_chrome=known)
    result = run_pipeline(raw, run_id, config)
    started = time.perf_counter()
    shard = write_shard(Path(shard_folder), {**result.tables, "source_files": ledger})
    seconds = {"read": read_seconds, **result.seconds, "write_shard": time.perf_counter() - started}
    rejects = (
        result.tables["documents"].filter(status="rejected").select("source_uri", "reason").rows()
    )
    return {
        "shard": str(shard.folder),
        "seconds": seconds,
        "bytes": int(raw["bytes"].sum() or 0),
        "rejects": rejects,
    }


@task(cache_policy=NO_CACHE)
def prune_inputs(db: str, sources: list[str], files: list[InputFile]) -> int:
    """Remove the rows of inputs this run's sources cover (by discovery's own rule) that it
    did not find."""
    seen = {file.path for file in files}
    covered = scope_of(sources)
    gone = [path for path in document_paths(db) if path not in seen and covered(path)]
    return prune_missing(db, gone) if gone else 0


@task(cache_policy=NO_CACHE)
def load_batch(loader: BatchLoader, shard_folder: str, run_id: str, reprocess: bool) -> BatchCounts:
    return loader.load(Shard(Path(shard_folder)), run_id, reprocess)


def split_batches(
    files: list[Any], batch_size: int, workers: int, batch_bytes: int = BATCH_BYTES
) -> list[list[Any]]:
    """Batches of at most ``batch_size`` files and about ``batch_bytes`` of input, as many
    as a multiple of ``workers`` and of even size: 10,000 files in batches of 2,000 on 2
    workers left one worker idle for the whole fifth batch; as 6 batches of 1,667 both
    finish together. Saved web pages are large: 600 of them are many batches, not one
    that a single worker reads alone.

    >>> [len(b) for b in split_batches(list(range(10_000)), 2000, 2)]
    [1667, 1667, 1667, 1667, 1666, 1666]
    >>> [len(b) for b in split_batches(list(range(5)), 2000, 2)]
    [5]
    >>> from types import SimpleNamespace
    >>> articles = [SimpleNamespace(size=8_000)] * 10_000  # 80 MB
    >>> batches = split_batches(articles, 2000, 2)
    >>> len(batches), {len(b) for b in batches}
    (20, {500})
    >>> pages = [SimpleNamespace(size=300_000)] * 600  # 180 MB of saved web pages
    >>> batches = split_batches(pages, 2000, 2)
    >>> len(batches), sorted({len(b) for b in batches})
    (46, [13, 14])
    """
    total = sum(getattr(file, "size", 0) for file in files)
    count = max(-(-len(files) // batch_size), -(-total // batch_bytes))
    if count > 1:
        count = min(-(-count // workers) * workers, len(files))
    size, extra = divmod(len(files), max(count, 1))
    batches, start = [], 0
    for number in range(count):
        end = start + size + (number < extra)
        batches.append(files[start:end])
        start = end
    return batches


def _transform_ahead(
    batches: list[list[InputFile]],
    work: Path,
    run_id: str,
    options: dict[str, Any],
) -> Iterator[dict[str, Any]]:
    """Shards in batch order, keeping at most ``window`` batches in flight (bounded disk and
    memory); a single batch runs in this process, with no worker to start."""
    settings = (run_id, options["max_bytes"], options["site_chrome"])
    if len(batches) == 1:
        yield transform_batch(FileBatch(batches[0]), str(work / "batch-00000"), *settings)
        return
    window = options["window"]
    pending: deque[Any] = deque()
    for number, batch in enumerate(batches):
        folder = str(work / f"batch-{number:05d}")
        pending.append(transform_batch.submit(FileBatch(batch), folder, *settings))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _run_batches(
    db: str, plan: Plan, run_id: str, options: dict[str, Any], work: Path, totals: dict[str, int]
) -> dict[str, Any]:
    """Transform and load every batch; ``totals`` counts what each committed batch wrote
    as it commits (so a failed run can still record what it loaded)."""
    batches = split_batches(
        plan.to_process, options["batch_size"], default_workers(), options["batch_bytes"]
    )
    progress.report("start", batches=len(batches), files=len(plan.to_process))
    seconds: dict[str, float] = {}
    rejects: list[tuple[str, str]] = []
    shards = _transform_ahead(batches, work, run_id, options)
    loader = BatchLoader(db, memory_limit=options["memory_limit"])
    try:
        for number, shard in enumerate(shards):
            started = time.perf_counter()
            counts = load_batch(loader, shard["shard"], run_id, options["reprocess"])
            seconds["load"] = seconds.get("load", 0.0) + time.perf_counter() - started
            _add_batch(totals, seconds, rejects, shard, counts)
            shutil.rmtree(shard["shard"], ignore_errors=True)
            progress.report("batch", number=number + 1, batches=len(batches), **counts._asdict())
    finally:
        started = time.perf_counter()
        loader.close()  # the last checkpoint belongs to the load
        seconds["load"] = seconds.get("load", 0.0) + time.perf_counter() - started
    if batches:
        started = time.perf_counter()
        learn_site_chrome(db, run_id, options["memory_limit"])
        seconds["site_chrome"] = time.perf_counter() - started
    return {"totals": totals, "seconds": seconds, "rejects": rejects}


def _with_seen(totals: dict[str, int]) -> dict[str, int]:
    seen = sum(totals[k] for k in ("loaded", "unchanged", "duplicate", "rejected"))
    return {**totals, "seen": seen}


def _add_batch(
    totals: dict[str, int],
    seconds: dict[str, float],
    rejects: list[Any],
    shard: dict[str, Any],
    counts: BatchCounts,
) -> None:
    for stage, value in shard["seconds"].items():
        seconds[stage] = seconds.get(stage, 0.0) + value
    for field in ("loaded", "unchanged", "duplicate", "rejected"):
        totals[field] += getattr(counts, field)
    totals["bytes_read"] += shard["bytes"]
    rejects.extend(shard["rejects"])


def _tell_waiting(message: str) -> None:
    get_run_logger().warning(message)
    progress.report("waiting", message=message)


def default_workers() -> int:
    """Worker processes for the transform stage: one per core, at most 4 (the single
    DuckDB writer cannot keep up with more)."""
    return max(1, min(4, os.cpu_count() or 1))


def local_task_runner() -> ProcessPoolTaskRunner:
    """The default place for transforms: worker processes on this machine (ftfy and quote
    reading are Python, bound by the GIL); loading stays in the flow's process."""
    return ProcessPoolTaskRunner(max_workers=default_workers(), initializer=prepare_worker)


@flow(
    name="presswash-ingest",
    log_prints=False,
    task_runner=local_task_runner(),
)
def ingest_flow(
    sources: list[str] | None = None,
    db: str = "presswash.duckdb",
    batch_size: int = DEFAULT_BATCH_SIZE,
    batch_mb: float = DEFAULT_BATCH_MB,
    max_bytes: int = DEFAULT_MAX_BYTES,
    reprocess: bool = False,
    lock_timeout: float = 600.0,
    on_busy: str = "wait",
    prune: bool = False,
    memory_limit: str = DEFAULT_MEMORY_LIMIT,
) -> dict[str, Any]:
    """Ingest raw scraped documents from ``sources`` into the DuckDB warehouse ``db``."""
    logger = get_run_logger()
    sources = list(sources or ["seeds"])
    run_id = new_run_id()
    started = time.perf_counter()
    timeout = 0.0 if on_busy == "skip" else lock_timeout
    with ExitStack() as stack:
        try:
            stack.enter_context(writer_lock(db, timeout, on_wait=_tell_waiting))
        except WarehouseBusy as busy:
            if on_busy != "skip":
                logger.error("%s", busy)
                return {"run_id": run_id, "status": "busy", "message": str(busy)}
            logger.warning("skipping this run: %s", busy)
            message = str(busy)
            record_skipped_run(db, run_id, str(flow_run.id), sources, message)
            _publish(lambda: publish_skipped_note(run_id, message))
            return {"run_id": run_id, "status": "skipped", "message": message}
        work = work_folder(db) / run_id
        shutil.rmtree(work.parent, ignore_errors=True)  # leftovers of killed runs
        stack.callback(shutil.rmtree, work, ignore_errors=True)
        aborted = start_run(db, run_id, str(flow_run.id), sources)
        if aborted:
            logger.warning("closed %d earlier run(s) that ended without finishing", aborted)
        totals = RunCounts()._asdict()  # what committed batches wrote, kept up to date
        try:
            files = discover_inputs(sources)
            # quote(): Prefect otherwise visits every element of a task parameter looking
            # for futures, 3.3 s for a list of 50,000 files (FileBatch does it for workers).
            plan = plan_work(db, quote(files), reprocess)
            logger.info(
                "%d input files: %d to process, %d unchanged",
                len(files),
                len(plan.to_process),
                plan.unchanged_files,
            )
            options = {
                "batch_size": batch_size,
                "batch_bytes": max(1, int(batch_mb * 1_000_000)),
                "max_bytes": max_bytes,
                "reprocess": reprocess,
                "window": 2 * default_workers(),
                "memory_limit": memory_limit,
                "site_chrome": read_site_chrome(db, str(work)),
            }
            outcome = _run_batches(db, plan, run_id, options, work, totals)
            totals["unchanged"] += plan.unchanged_documents
            if prune:
                pruned = prune_inputs(db, sources, quote(files))
                logger.info("pruned %d documents of inputs that no longer exist", pruned)
                outcome["pruned"] = pruned
            outcome["seconds"]["total"] = time.perf_counter() - started
            finish_run(
                db,
                run_id,
                "completed",
                RunCounts(**_with_seen(totals)),
                stage_seconds=outcome["seconds"],
            )
        except BaseException as error:
            # The batches committed before the failure stay: the run says how many. An
            # error while recording that must not hide the one that ended the run.
            message = f"{type(error).__name__}: {error}"
            try:
                finish_run(db, run_id, "failed", RunCounts(**_with_seen(totals)), message)
            except Exception as recording:
                logger.error("could not record the failed run %s: %s", run_id, recording)
            raise
    seconds = outcome["seconds"]
    summary = {
        "run_id": run_id,
        "flow_run_id": str(flow_run.id),
        "status": "completed",
        "db": os.path.abspath(db),
        "files": len(files),
        "counts": _with_seen(totals),
        "tables": table_counts(db),
        "seconds": seconds,
        "rejects": outcome["rejects"][:MAX_LISTED_REJECTS],
        "rejects_total": len(outcome["rejects"]),
        "pruned": outcome.get("pruned", 0),
    }
    logger.info("run %s: %s", run_id, _with_seen(totals))
    _publish(lambda: publish_run_artifacts(summary, run_drift(db, run_id)))
    return summary


def _publish(publish: Callable[[], Any]) -> None:
    """Artifacts show a run in Prefect's UI; failing to make them (the drift query waiting
    on a run that took the warehouse since, the API) must not fail a run whose data is
    already committed."""
    try:
        publish()
    except Exception as error:
        get_run_logger().warning("could not publish the run's artifacts: %s", error)
