"""Benchmark: presswash end to end against the hand-written reference loop (issue #5).

For each corpus size the script generates (or reuses) a synthetic corpus, then measures in the
same run, each in its own subprocess: ``presswash run --json`` on a fresh warehouse, the same
command again over the unchanged corpus, and ``bench.reference_loop`` on the same files. For
every subprocess it records the wall time, the peak RSS of the whole process tree and its CPU
seconds. Figures go to ``bench/results.json``; a Markdown table goes to standard output.

    python -m bench.run [--sizes 10000 50000] [--keep] [--out bench/results.json]

Results of sizes not run this time are kept from an earlier results file of the same machine,
so sizes can be measured in separate invocations. See bench/README.md for the definitions.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

import psutil

from bench.corpus import generate_corpus

REPO = Path(__file__).resolve().parents[1]
CORPUS_ROOT = REPO / "bench" / "corpus_data"
DEFAULT_OUT = REPO / "bench" / "results.json"
DEFAULT_SIZES = (10_000, 50_000)
SEED = 7
MOJIBAKE_RATE = 0.03
CORPUS_MARKER = "{size}.corpus.json"  # beside root/<size>/, written once it is complete
POLL_SECONDS = 0.2
TIMELINE_STEP = 1.0  # seconds between points of the saved RSS/CPU timeline
QUIET_CORES = 0.25  # a machine is quiet when other processes use less CPU than this ...
QUIET_WINDOW = 3.0  # ... over this many seconds; a run during which they used more is redone
DEFAULT_QUIET_TIMEOUT = 300.0
DEFAULT_RETRIES = 2
MB = 1e6
# Stage keys of the run summary; `total` is the flow's own wall time, not a stage.
STAGES = ("read", "decode", "repair", "parse", "quotes", "write_shard", "load")
PACKAGES = ("polars", "duckdb", "prefect", "ftfy", "pyarrow", "psutil")
# The settings README's memory section suggests for a machine where memory is tight: smaller
# batches (less in each worker at once) and less DuckDB cache in the loading process.
# The speed the memory bound costs: batches of about 32 MB and a fixed 256 MB for DuckDB
# (the defaults before issue 13 bounded memory: 2.0 GB at 50,000 articles).
LARGE_BATCH_OPTIONS = ("--batch-mb", "32", "--memory-limit", "256MB")

# The reference loop in a subprocess of its own: the same file order as its own command line.
REFERENCE_CHILD = """\
import json, sys
from pathlib import Path
from bench.reference_loop import run_reference
paths = sorted(Path(sys.argv[1]).rglob("*.txt"))
print(json.dumps(run_reference(paths, Path(sys.argv[2]))))
"""


class BenchError(RuntimeError):
    """A measured command failed or printed something unexpected."""


class Settings(NamedTuple):
    """What every measured run of one benchmark shares."""

    command: tuple[str, ...]  # the presswash command
    env: dict[str, str]  # environment of the presswash runs
    work: Path  # temporary folder: databases, logs, Prefect home
    corpus_root: Path = CORPUS_ROOT
    keep: bool = False  # keep the databases in `work`
    quiet_timeout: float = 0.0  # before each run, wait up to this long for an idle machine
    retries: int = 0  # runs disturbed by other processes are measured again this many times


def log(message: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


# --- Machine -----------------------------------------------------------------------------------
def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def package_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def machine_info() -> dict[str, Any]:
    return {
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)),
        "cpu_model": cpu_model(),
        "ram_gb": round(psutil.virtual_memory().total / 1e9, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": {name: package_version(name) for name in PACKAGES},
    }


def code_version() -> dict[str, Any]:
    """The commit measured, and how many tracked files differ from it (read-only git)."""
    git = ["git", "--no-optional-locks", "-C", str(REPO)]
    try:
        commit = subprocess.run(
            [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        status = subprocess.run(
            [*git, "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {"commit": None, "modified_files": None}
    return {"commit": commit, "modified_files": len(status.splitlines())}


def transform_workers(cores: int) -> int:
    """Worker processes of the flow's transform stage: one per core, at most 4 (as
    ``flows.ingest.default_workers``, not imported here: it would import Prefect)."""
    return max(1, min(4, cores))


# --- Corpus ------------------------------------------------------------------------------------
@dataclass
class Corpus:
    path: Path
    files: int
    bytes: int
    generated: bool
    generate_seconds: float = 0.0


def corpus_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.txt"))


def ensure_corpus(root: Path, size: int, seed: int = SEED) -> Corpus:
    """The corpus of ``size`` articles in root/<size>/, generated unless a complete one with
    the same settings is already there. Reads every file once, so all measured runs start
    with the corpus in the page cache."""
    folder = root / str(size)
    settings = {"articles": size, "seed": seed, "mojibake_rate": MOJIBAKE_RATE}
    marker = root / CORPUS_MARKER.format(size=size)
    reuse = (
        marker.exists()
        and json.loads(marker.read_text()) == settings
        and len(corpus_files(folder)) == size
    )
    seconds = 0.0
    if not reuse:
        log(f"generating {size:,} articles into {folder}")
        marker.unlink(missing_ok=True)
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        generate_corpus(folder, size, seed=seed, mojibake_rate=MOJIBAKE_RATE)
        seconds = time.perf_counter() - started
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(json.dumps(settings))
    paths = corpus_files(folder)
    total = sum(len(path.read_bytes()) for path in paths)
    origin = "reused" if reuse else f"generated in {seconds:.1f} s"
    log(f"corpus {folder}: {len(paths):,} files, {total / MB:.1f} MB ({origin})")
    return Corpus(folder, len(paths), total, not reuse, seconds)


# --- Measuring a process tree ------------------------------------------------------------------
@dataclass
class Measurement:
    """One subprocess and its descendants, sampled every POLL_SECONDS."""

    wall_seconds: float
    returncode: int
    stdout: str
    stderr: str
    peak_rss_bytes: int = 0
    peak_rss_by_role: dict[str, int] = field(default_factory=dict)  # at the moment of the peak
    cpu_seconds: float = 0.0  # exact when every descendant was reaped (getrusage)
    cpu_seconds_by_role: dict[str, float] = field(default_factory=dict)  # sampled
    processes_by_role: dict[str, int] = field(default_factory=dict)
    workers_window: dict[str, float] | None = None  # while transform workers were alive
    timeline: list[list[float]] = field(default_factory=list)  # [t, rss MB, cores busy]
    machine_busy_seconds: float = 0.0  # CPU seconds of the whole machine, anyone's
    attempts: int = 1

    @property
    def other_cores_busy(self) -> float:
        """Cores kept busy meanwhile by processes outside the tree (this script's sampling
        included): a check that nothing else disturbed the figures."""
        return max(0.0, self.machine_busy_seconds - self.cpu_seconds) / self.wall_seconds


def process_role(process: psutil.Process, root_pid: int) -> str:
    """main (the command itself), workers (multiprocessing children), prefect_server, other."""
    if process.pid == root_pid:
        return "main"
    try:
        command = " ".join(process.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return "other"
    if "prefect.server" in command:
        return "prefect_server"
    if "multiprocessing.spawn" in command or "--multiprocessing-fork" in command:
        return "workers"
    return "other"


class _TreeSampler:
    """RSS and CPU seconds of a process tree, one sample at a time."""

    def __init__(self, root_pid: int, started: float) -> None:
        self.root = psutil.Process(root_pid)
        self.started = started
        self.roles: dict[int, str] = {}
        self.cpu: dict[int, float] = {}  # last CPU seconds seen per process
        self.peak = 0
        self.peak_by_role: dict[str, int] = {}
        self.worker_first: tuple[float, float] | None = None  # (t, tree CPU) when first seen
        self.worker_last: tuple[float, float] | None = None
        self.timeline: list[list[float]] = []
        self._last_point: tuple[float, float] | None = None

    def sample(self) -> None:
        try:
            processes = [self.root, *self.root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        now = time.perf_counter() - self.started
        rss_by_role: dict[str, int] = {}
        for process in processes:
            try:
                with process.oneshot():
                    rss = process.memory_info().rss
                    times = process.cpu_times()
            except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                continue
            if process.pid not in self.roles:
                self.roles[process.pid] = process_role(process, self.root.pid)
            role = self.roles[process.pid]
            self.cpu[process.pid] = times.user + times.system
            rss_by_role[role] = rss_by_role.get(role, 0) + rss
        rss = sum(rss_by_role.values())
        if rss > self.peak:
            self.peak, self.peak_by_role = rss, rss_by_role
        cpu = sum(self.cpu.values())
        if "workers" in rss_by_role:
            self.worker_first = self.worker_first or (now, cpu)
            self.worker_last = (now, cpu)
        if self._last_point is None or now - self._last_point[0] >= TIMELINE_STEP:
            busy = 0.0
            if self._last_point is not None:
                busy = (cpu - self._last_point[1]) / (now - self._last_point[0])
            self.timeline.append([round(now, 1), round(rss / MB, 1), round(busy, 2)])
            self._last_point = (now, cpu)

    def cpu_by_role(self) -> dict[str, float]:
        totals: dict[str, float] = {}
        for pid, seconds in self.cpu.items():
            totals[self.roles[pid]] = totals.get(self.roles[pid], 0.0) + seconds
        return totals

    def workers_window(self) -> dict[str, float] | None:
        if not self.worker_first or not self.worker_last:
            return None
        seconds = self.worker_last[0] - self.worker_first[0]
        cpu = self.worker_last[1] - self.worker_first[1]
        busy = cpu / seconds if seconds else 0.0
        return {"seconds": seconds, "cpu_seconds": cpu, "cores_busy": busy}


def _machine_busy_seconds() -> float:
    times = psutil.cpu_times()
    return times.user + times.nice + times.system + times.irq + times.softirq


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def wait_for_quiet(timeout: float) -> float:
    """Wait, at most ``timeout`` seconds, until the rest of the machine uses less than
    QUIET_CORES cores over QUIET_WINDOW seconds (others' tests would skew the figures).
    Returns the seconds waited."""
    started = time.perf_counter()
    told = False
    while True:
        before = _machine_busy_seconds()
        time.sleep(QUIET_WINDOW)
        busy = (_machine_busy_seconds() - before) / QUIET_WINDOW
        waited = time.perf_counter() - started
        if busy < QUIET_CORES or waited >= timeout:
            if told:
                state = "quiet" if busy < QUIET_CORES else "still busy"
                log(f"machine {state} after {waited:.0f} s")
            return waited
        if not told:
            log(f"other processes use {busy:.1f} cores; waiting up to {timeout:.0f} s")
            told = True


def measure(
    command: Sequence[str], env: dict[str, str] | None, log_dir: Path, name: str
) -> Measurement:
    """Run ``command`` to completion, sampling its process tree every POLL_SECONDS."""
    log_dir.mkdir(parents=True, exist_ok=True)
    out_path, err_path = log_dir / f"{name}.stdout", log_dir / f"{name}.stderr"
    cpu_before, machine_before = _children_cpu_seconds(), _machine_busy_seconds()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        started = time.perf_counter()
        child = subprocess.Popen(list(command), stdout=out, stderr=err, env=env, cwd=REPO)
        sampler = _TreeSampler(child.pid, started)
        while True:
            sampler.sample()
            try:
                child.wait(timeout=POLL_SECONDS)
                break
            except subprocess.TimeoutExpired:
                continue
        wall = time.perf_counter() - started
        machine_busy = _machine_busy_seconds() - machine_before
    cpu_by_role = sampler.cpu_by_role()
    roles = [sampler.roles[pid] for pid in sampler.roles]
    return Measurement(
        wall_seconds=wall,
        returncode=child.returncode,
        stdout=out_path.read_text(errors="replace"),
        stderr=err_path.read_text(errors="replace"),
        peak_rss_bytes=sampler.peak,
        peak_rss_by_role=sampler.peak_by_role,
        # A process that exits between samples loses its last CPU increment; getrusage
        # counts every reaped descendant exactly, so take whichever is larger.
        cpu_seconds=max(_children_cpu_seconds() - cpu_before, sum(cpu_by_role.values())),
        cpu_seconds_by_role=cpu_by_role,
        processes_by_role={role: roles.count(role) for role in sorted(set(roles))},
        workers_window=sampler.workers_window(),
        machine_busy_seconds=machine_busy,
        timeline=sampler.timeline,
    )


def measure_undisturbed(
    settings: Settings,
    command: Sequence[str],
    env: dict[str, str] | None,
    name: str,
    reset: Callable[[], None] | None = None,
) -> Measurement:
    """:func:`measure` once the machine is quiet, again (up to ``settings.retries`` times) if
    other processes used more than QUIET_CORES cores meanwhile. ``reset`` runs before a
    repeat: a first run needs its fresh warehouse back."""
    attempt = 1
    while True:
        if settings.quiet_timeout > 0:
            wait_for_quiet(settings.quiet_timeout)
        measurement = measure(command, env, settings.work / "logs", name)
        measurement.attempts = attempt
        others = measurement.other_cores_busy
        if measurement.returncode != 0 or others < QUIET_CORES or attempt > settings.retries:
            return measurement
        log(f"{name}: other processes used {others:.2f} cores meanwhile; measuring again")
        if reset is not None:
            reset()
        attempt += 1


def _check(measurement: Measurement, what: str) -> None:
    if measurement.returncode != 0:
        tail = measurement.stderr.strip().splitlines()[-15:]
        raise BenchError(f"{what} exited with {measurement.returncode}:\n" + "\n".join(tail))


def parse_json_output(text: str, what: str) -> dict[str, Any]:
    """The JSON object a command printed on stdout (ignoring anything printed before it)."""
    start = text.find("{")
    if start < 0:
        raise BenchError(f"{what} printed no JSON: {text[:300]!r}")
    value, _ = json.JSONDecoder().raw_decode(text[start:])
    return value


# --- The measured commands ---------------------------------------------------------------------
def default_presswash_command() -> list[str]:
    beside = Path(sys.executable).parent / "presswash"
    found = str(beside) if beside.exists() else shutil.which("presswash")
    if not found:
        raise BenchError("the presswash command is not installed (make install)")
    return [found]


def prefect_environment(prefect_home: Path) -> dict[str, str]:
    """Environment of the measured presswash runs: a private Prefect home, no analytics, quiet
    logs, and always the temporary server (an exported PREFECT_API_URL is ignored)."""
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    env.update(
        PREFECT_HOME=str(prefect_home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_LOGGING_LEVEL="WARNING",
    )
    return env


def _tree_figures(measurement: Measurement, cores: int) -> dict[str, Any]:
    wall = measurement.wall_seconds
    return {
        "peak_rss_mb": measurement.peak_rss_bytes / MB,
        "peak_rss_by_role_mb": {k: v / MB for k, v in measurement.peak_rss_by_role.items()},
        "cpu_seconds": measurement.cpu_seconds,
        "cpu_seconds_by_role": measurement.cpu_seconds_by_role,
        "cores_busy": measurement.cpu_seconds / wall,  # CPU seconds per wall second
        "cpu_utilisation": measurement.cpu_seconds / (wall * cores),  # share of all cores
        "processes_by_role": measurement.processes_by_role,
        "workers_window": measurement.workers_window,
        "timeline": measurement.timeline,
        "other_cores_busy": measurement.other_cores_busy,
        "attempts": measurement.attempts,
    }


def time_breakdown(seconds: dict[str, float], wall: float, cores: int) -> dict[str, Any]:
    """Stage seconds of a run summary, and the orchestration time around them.

    Stage seconds are summed over processes (two workers transforming for 10 s report 20 s),
    so they cannot be subtracted from wall time as they are. The flow transforms batches in
    its worker processes while its own process loads the finished ones, one at a time, so the
    stage work needs at least ``critical path = max(transform seconds / workers, load
    seconds)`` of wall time. orchestration = wall - critical path. It splits into the time
    outside the flow (wall - the summary's ``total``: interpreter start, imports, Prefect's
    temporary server starting and stopping) and inside it (``total`` - critical path: task
    submission, worker start-up, pipeline fill and drain, bookkeeping queries).

    Each stage's seconds are wall-clock time inside its process: when more processes than
    cores are busy they include waiting for a core, which lengthens the critical path.

    >>> seconds = {"read": 1.0, "decode": 2.0, "repair": 3.0, "load": 4.0, "total": 9.0}
    >>> b = time_breakdown(seconds, wall=12.0, cores=2)
    >>> b["critical_path_seconds"], b["orchestration_seconds"], b["inside_flow_seconds"]
    (4.0, 8.0, 5.0)
    """
    stages = {name: seconds.get(name, 0.0) for name in STAGES}
    work = sum(stages.values())
    transform = work - stages["load"]
    workers = transform_workers(cores)
    critical = max(transform / workers, stages["load"])
    flow = seconds.get("total", wall)
    return {
        "stages": stages,
        "decode_repair_seconds": stages["decode"] + stages["repair"],
        "stage_work_seconds": work,
        "stage_share": {name: value / work if work else 0.0 for name, value in stages.items()},
        "transform_seconds": transform,
        "workers": workers,
        "critical_path_seconds": critical,
        "orchestration_seconds": wall - critical,
        "outside_flow_seconds": wall - flow,
        "inside_flow_seconds": flow - critical,
        "wall_minus_stage_work_seconds": wall - work,  # the naive difference; can be negative
    }


def run_presswash(
    settings: Settings,
    corpus: Path,
    db: Path,
    name: str,
    fresh: bool = False,
    options: Sequence[str] = (),
) -> tuple[Measurement, dict[str, Any]]:
    """``presswash run CORPUS --db DB --json [OPTIONS]``; ``fresh``: DB is dropped before a
    repeat."""
    command = [*settings.command, "run", str(corpus), "--db", str(db), "--json", *options]
    reset = (lambda: _drop_database(db)) if fresh else None
    measurement = measure_undisturbed(settings, command, settings.env, name, reset)
    _check(measurement, f"presswash ({name})")
    summary = parse_json_output(measurement.stdout, f"presswash ({name})")
    if summary.get("status") != "completed":
        raise BenchError(f"presswash ({name}) ended with status {summary.get('status')!r}")
    return measurement, summary


def presswash_figures(
    measurement: Measurement, summary: dict[str, Any], corpus: Corpus, cores: int
) -> dict[str, Any]:
    wall = measurement.wall_seconds
    flow = summary["seconds"].get("total", wall)
    return {
        "wall_seconds": wall,
        "flow_seconds": flow,
        "mb_per_s": corpus.bytes / MB / wall,
        "articles_per_s": corpus.files / wall,
        "mb_per_s_in_flow": corpus.bytes / MB / flow,
        "articles_per_s_in_flow": corpus.files / flow,
        **time_breakdown(summary["seconds"], wall, cores),
        **_tree_figures(measurement, cores),
        "counts": summary.get("counts", {}),
        "tables": summary.get("tables", {}),
    }


HTML_COPIES = 4  # the development set's 159 pages, this many times over (about 8 s of work)


def ensure_html_corpus(root: Path) -> tuple[Path, int, int] | None:
    """The extraction development set's original pages (``html/*.html.gz``) in
    ``HTML_COPIES`` folders: (folder, pages, bytes of HTML once decompressed), or None
    when the set is not beside the repository."""
    from bench import extraction_dev

    try:
        source = extraction_dev.dev_folder() / "html"
    except SystemExit:
        return None
    pages = sorted(source.glob("*.html.gz"))
    folder = root / f"html-{HTML_COPIES}"
    html_bytes = sum(len(gzip.decompress(page.read_bytes())) for page in pages) * HTML_COPIES
    for copy in range(HTML_COPIES):
        target = folder / f"copy-{copy}"
        target.mkdir(parents=True, exist_ok=True)
        for page in pages:
            if not (target / page.name).exists():
                shutil.copyfile(page, target / page.name)
    return folder, len(pages) * HTML_COPIES, html_bytes


def bench_html(settings: Settings) -> dict[str, Any] | None:
    """The HTML path's throughput: real saved pages, in MB of HTML per second."""
    corpus = ensure_html_corpus(settings.corpus_root)
    if corpus is None:
        log("HTML: no extraction development set; skipped")
        return None
    folder, pages, html_bytes = corpus
    log(f"HTML: {pages:,} pages, {html_bytes / MB:.0f} MB of HTML")
    db = settings.work / "html.duckdb"
    measurement, summary = run_presswash(settings, folder, db, "html", fresh=True)
    wall = measurement.wall_seconds
    flow = summary["seconds"].get("total", wall)
    return {
        "pages": pages,
        "html_mb": html_bytes / MB,
        "wall_seconds": wall,
        "flow_seconds": flow,
        "mb_per_s": html_bytes / MB / wall,
        "mb_per_s_in_flow": html_bytes / MB / flow,
        "pages_per_s": pages / wall,
        "cores_busy": measurement.cpu_seconds / wall,
        "peak_rss_mb": measurement.peak_rss_bytes / MB,
        "seconds": summary["seconds"],
        "counts": summary.get("counts", {}),
    }


def run_reference(settings: Settings, corpus: Corpus, db: Path, cores: int) -> dict[str, Any]:
    command = [sys.executable, "-c", REFERENCE_CHILD, str(corpus.path), str(db)]
    measurement = measure_undisturbed(settings, command, None, f"reference-{corpus.files}")
    _check(measurement, "the reference loop")
    result = parse_json_output(measurement.stdout, "the reference loop")
    if result["documents"] != corpus.files:
        raise BenchError(f"reference loop saw {result['documents']} of {corpus.files} files")
    wall, loop = measurement.wall_seconds, result["seconds"]
    return {
        "wall_seconds": wall,
        "loop_seconds": loop,  # run_reference's own time, without interpreter start and imports
        "mb_per_s": corpus.bytes / MB / wall,
        "articles_per_s": corpus.files / wall,
        "mb_per_s_in_process": corpus.bytes / MB / loop,
        "articles_per_s_in_process": corpus.files / loop,
        **_tree_figures(measurement, cores),
        "db_mb": db.stat().st_size / MB,
    }


def _drop_database(db: Path) -> None:
    for path in (db, Path(f"{db}.wal"), Path(f"{db}.lock")):
        path.unlink(missing_ok=True)
    shutil.rmtree(db.parent / ".presswash", ignore_errors=True)


def warm_up_prefect(settings: Settings) -> float:
    """One run on seeds/ so Prefect's database in the fresh home exists before the measured
    runs (a first run in a new PREFECT_HOME also creates and migrates it)."""
    db = settings.work / "warmup" / "warmup.duckdb"
    db.parent.mkdir(parents=True, exist_ok=True)
    measurement, _ = run_presswash(
        settings._replace(quiet_timeout=0.0, retries=0), REPO / "seeds", db, "warmup"
    )
    _drop_database(db)
    return measurement.wall_seconds


def bench_size(size: int, settings: Settings) -> dict[str, Any]:
    """Every figure of one corpus size: presswash first run and re-run, the reference loop."""
    cores = os.cpu_count() or 1
    load_before = os.getloadavg()[0]
    code_before = code_version()
    corpus = ensure_corpus(settings.corpus_root, size)
    folder = settings.work / str(size)
    db = folder / "presswash" / "bench.duckdb"
    db.parent.mkdir(parents=True, exist_ok=True)

    log(f"{size:,}: presswash first run on a fresh warehouse")
    first, summary = run_presswash(settings, corpus.path, db, f"presswash-{size}", fresh=True)
    if summary["counts"].get("loaded") != corpus.files:
        raise BenchError(f"presswash loaded {summary['counts'].get('loaded')} of {corpus.files}")
    presswash = presswash_figures(first, summary, corpus, cores)
    presswash["db_mb"] = db.stat().st_size / MB
    flow = presswash["flow_seconds"]
    log(f"{size:,}: presswash {first.wall_seconds:.1f} s wall, {flow:.1f} s in the flow")

    log(f"{size:,}: presswash re-run over the unchanged corpus")
    again, summary_again = run_presswash(settings, corpus.path, db, f"presswash-rerun-{size}")
    rerun = presswash_figures(again, summary_again, corpus, cores)
    rerun["share_of_first_wall"] = again.wall_seconds / first.wall_seconds
    rerun["share_of_first_flow"] = rerun["flow_seconds"] / presswash["flow_seconds"]
    log(f"{size:,}: re-run {again.wall_seconds:.1f} s wall")
    if not settings.keep:
        _drop_database(db)

    log(f"{size:,}: presswash with {' '.join(LARGE_BATCH_OPTIONS)} on a fresh warehouse")
    low_db = folder / "presswash-large-batches" / "bench.duckdb"
    low_db.parent.mkdir(parents=True, exist_ok=True)
    low, low_summary = run_presswash(
        settings, corpus.path, low_db, f"presswash-large-batches-{size}", True, LARGE_BATCH_OPTIONS
    )
    large_batches = {
        "options": list(LARGE_BATCH_OPTIONS),
        **presswash_figures(low, low_summary, corpus, cores),
    }
    log(f"{size:,}: large-batch run {low.wall_seconds:.1f} s wall")
    if not settings.keep:
        _drop_database(low_db)

    log(f"{size:,}: reference loop")
    reference_db = folder / "reference" / "reference.duckdb"
    reference_db.parent.mkdir(parents=True, exist_ok=True)
    reference = run_reference(settings, corpus, reference_db, cores)
    log(f"{size:,}: reference {reference['wall_seconds']:.1f} s wall")
    if not settings.keep:
        _drop_database(reference_db)
    code_after = code_version()

    return {
        "size": size,
        "measured_at": datetime.now().isoformat(timespec="seconds"),
        "load_average_before": load_before,
        "code": code_after,
        "code_changed_during_run": code_after != code_before,
        "corpus": {
            "path": str(corpus.path),
            "files": corpus.files,
            "mb": corpus.bytes / MB,
            "generated": corpus.generated,
            "generate_seconds": corpus.generate_seconds,
        },
        "presswash": presswash,
        "rerun": rerun,
        "large_batches": large_batches,
        "reference": reference,
        "ratio": {
            # presswash throughput / reference throughput = reference time / presswash time
            "throughput_wall": reference["wall_seconds"] / presswash["wall_seconds"],
            "throughput_in_process": reference["loop_seconds"] / presswash["flow_seconds"],
        },
    }


# --- Across sizes, quotes, the results file ----------------------------------------------------
def scaling(sizes: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """Peak memory and throughput of the largest size relative to the smallest."""
    if len(sizes) < 2:
        return None
    keys = sorted(sizes, key=int)
    small, large = sizes[keys[0]], sizes[keys[-1]]
    return {
        "sizes": [small["size"], large["size"]],
        "corpus_ratio": large["corpus"]["mb"] / small["corpus"]["mb"],
        **{
            f"{tool}_{figure}_ratio": large[tool][figure] / small[tool][figure]
            for tool in ("presswash", "large_batches", "reference")
            for figure in ("peak_rss_mb", "wall_seconds", "mb_per_s")
            if tool in small and tool in large
        },
    }


QUOTE_FIELDS = ("precision", "recall", "speaker_accuracy", "kind_accuracy", "paragraphs_per_second")


def quote_figures() -> dict[str, Any] | None:
    """Figures of bench.quote_eval when it is there; None when it is not."""
    try:
        from bench import quote_eval
    except ImportError:
        return None
    except Exception as error:  # a module half-written by someone else must not stop the bench
        return {"error": f"{type(error).__name__}: {error}"}
    try:
        path = getattr(quote_eval, "EVAL_SET", REPO / "tests" / "data" / "quotes_eval.jsonl")
        report = quote_eval.evaluate(path)
    except Exception as error:
        return {"error": f"{type(error).__name__}: {error}"}
    if isinstance(report, dict):
        return {key: report[key] for key in QUOTE_FIELDS if key in report}
    figures = {key: getattr(report, key) for key in QUOTE_FIELDS if hasattr(report, key)}
    overall = getattr(report, "overall", None)
    for key in ("gold", "predicted", "matched"):
        if hasattr(overall, key):
            figures[key] = getattr(overall, key)
    return figures


def merge_results(
    previous: dict[str, Any] | None, machine: dict[str, Any], sizes: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """This run's sizes plus the other sizes of an earlier results file of the same machine."""
    merged: dict[str, dict[str, Any]] = {}
    if previous and _same_machine(previous.get("machine", {}), machine):
        merged.update(previous.get("sizes", {}))
    merged.update(sizes)
    return {key: merged[key] for key in sorted(merged, key=int)}


def _same_machine(a: dict[str, Any], b: dict[str, Any]) -> bool:
    keys = ("cpu_count", "cpu_model", "ram_gb", "python", "packages")
    return all(a.get(key) == b.get(key) for key in keys)


# --- The table ---------------------------------------------------------------------------------
def _s(value: float) -> str:
    return f"{value:,.1f} s"


def _share(part: float, whole: float) -> str:
    return f"{part:,.1f} s ({part / whole:.0%})" if whole else _s(part)


def _rate(figures: dict[str, Any], suffix: str = "") -> str:
    mb, articles = figures[f"mb_per_s{suffix}"], figures[f"articles_per_s{suffix}"]
    return f"{mb:.1f} MB/s, {articles:,.0f} articles/s"


def _cores(figures: dict[str, Any], cores: int) -> str:
    return f"{figures['cores_busy']:.2f} of {cores} cores ({figures['cpu_utilisation']:.0%})"


def _code(code: dict[str, Any] | None, changed: bool | None) -> str:
    if not code or not code.get("commit"):
        return "unknown"
    modified = code.get("modified_files") or 0
    text = f"`{code['commit']}`" + (f" + {modified} modified files" if modified else "")
    return text + (" (changed during the measurement)" if changed else "")


def _rows(entry: dict[str, Any], cores: int) -> list[tuple[str, str]]:
    p, r, ref = entry["presswash"], entry["rerun"], entry["reference"]
    low = entry.get("large_batches")  # absent from results of older versions of this script
    work, stages, n = p["stage_work_seconds"], p["stages"], p["workers"]
    window = p.get("workers_window") or {"cores_busy": 0.0, "seconds": 0.0}
    roles = p["cpu_seconds_by_role"]
    cpu_split = " / ".join(f"{roles.get(k, 0):.1f}" for k in ("main", "workers", "prefect_server"))
    return [
        ("corpus", f"{entry['corpus']['mb']:,.1f} MB, {entry['corpus']['files']:,} files"),
        ("code measured", _code(entry.get("code"), entry.get("code_changed_during_run"))),
        ("**presswash, first run**", ""),
        ("wall time (Prefect start-up included)", _s(p["wall_seconds"])),
        ("flow time (summary `total`)", _s(p["flow_seconds"])),
        ("throughput, wall", _rate(p)),
        ("throughput, flow time", _rate(p, "_in_flow")),
        ("peak RSS, process tree", f"{p['peak_rss_mb']:,.0f} MB"),
        ("CPU, whole run", _cores(p, cores)),
        (
            "CPU while transform workers alive",
            f"{window['cores_busy']:.2f} of {cores} cores for {window['seconds']:.1f} s",
        ),
        ("CPU seconds: flow process / workers / Prefect servers", cpu_split),
        ("stage: read", _share(stages["read"], work)),
        ("stage: decode + repair", _share(p["decode_repair_seconds"], work)),
        ("stage: parse", _share(stages["parse"], work)),
        ("stage: quotes", _share(stages["quotes"], work)),
        ("stage: write_shard", _share(stages["write_shard"], work)),
        ("stage: load (flow process)", _share(stages["load"], work)),
        ("stage work, summed over processes", _s(work)),
        (f"critical path = max(transform / {n} workers, load)", _s(p["critical_path_seconds"])),
        ("orchestration = wall − critical path", _s(p["orchestration_seconds"])),
        ("… outside the flow (wall − `total`)", _s(p["outside_flow_seconds"])),
        ("… inside the flow (`total` − critical path)", _s(p["inside_flow_seconds"])),
        ("warehouse file", f"{p['db_mb']:,.0f} MB"),
        ("**presswash, re-run (unchanged corpus)**", ""),
        ("wall time", f"{_s(r['wall_seconds'])} ({r['share_of_first_wall']:.0%} of first run)"),
        ("flow time", f"{_s(r['flow_seconds'])} ({r['share_of_first_flow']:.0%} of first run)"),
        (f"**presswash, `{' '.join(LARGE_BATCH_OPTIONS)}`**", ""),
        ("wall time", f"{_s(low['wall_seconds'])} ({_rate(low)})" if low else "not measured"),
        ("peak RSS, process tree", f"{low['peak_rss_mb']:,.0f} MB" if low else "not measured"),
        ("**reference loop**", ""),
        ("wall time (interpreter start included)", _s(ref["wall_seconds"])),
        ("loop time (`run_reference`)", _s(ref["loop_seconds"])),
        ("throughput, wall", _rate(ref)),
        ("peak RSS", f"{ref['peak_rss_mb']:,.0f} MB"),
        ("CPU", _cores(ref, cores)),
        ("**presswash / reference throughput**", ""),
        ("wall time", f"{entry['ratio']['throughput_wall']:.2f}×"),
        ("flow time vs loop time", f"{entry['ratio']['throughput_in_process']:.2f}×"),
        (
            "other processes' CPU, presswash / reference runs",
            f"{p['other_cores_busy']:.2f} / {ref['other_cores_busy']:.2f} cores",
        ),
    ]


def render_table(results: dict[str, Any]) -> str:
    """The results as Markdown: one column per corpus size."""
    machine = results["machine"]
    cores = machine["cpu_count"] or 1
    sizes = results["sizes"]
    columns = [_rows(sizes[key], cores) for key in sizes]
    labels = [label for label, _ in columns[0]]
    header = ["figure", *(f"{int(key):,} articles" for key in sizes)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for index, label in enumerate(labels):
        lines.append("| " + " | ".join([label, *(col[index][1] for col in columns)]) + " |")
    packages = ", ".join(f"{k} {v}" for k, v in machine["packages"].items() if v)
    notes = [
        "",
        f"Machine: {cores} × {machine['cpu_model']}, {machine['ram_gb']} GB RAM, "
        f"Python {machine['python']}; {packages}.",
    ]
    if results.get("prefect_warmup_seconds") is not None:
        warmup = results["prefect_warmup_seconds"]
        notes.append(f"Prefect warm-up run on seeds/ (not in the figures above): {warmup:.1f} s.")
    scale = results.get("scaling")
    if scale:
        small, large = scale["sizes"]
        notes.append(
            f"{large:,} vs {small:,} articles ({scale['corpus_ratio']:.1f}× the text): peak RSS "
            f"{scale['presswash_peak_rss_mb_ratio']:.2f}× for presswash "
            f"({scale.get('large_batches_peak_rss_mb_ratio', float('nan')):.2f}× with "
            "large batches), "
            f"{scale['reference_peak_rss_mb_ratio']:.2f}× for the reference loop; wall time "
            f"{scale['presswash_wall_seconds_ratio']:.2f}× and "
            f"{scale['reference_wall_seconds_ratio']:.2f}×."
        )
    html = results.get("html")
    if html:
        notes.append(
            f"HTML path ({html['pages']:,} saved pages of the extraction development set, "
            f"{html['html_mb']:.0f} MB of HTML): {html['wall_seconds']:.1f} s, "
            f"**{html['mb_per_s']:.1f} MB of HTML/s** ({html['pages_per_s']:.0f} pages/s; "
            f"{html['mb_per_s_in_flow']:.1f} MB/s in the flow), "
            f"{html['cores_busy']:.2f} of {cores} cores busy, "
            f"peak RSS {html['peak_rss_mb']:,.0f} MB."
        )
    quotes = results.get("quotes")
    if quotes and "error" not in quotes:
        notes.append(
            "Quotes (bench.quote_eval): "
            + ", ".join(
                f"{key.replace('_', ' ')} {value:,.0f}"
                if key == "paragraphs_per_second"
                else f"{key.replace('_', ' ')} {value:.3f}"
                for key, value in quotes.items()
                if key in QUOTE_FIELDS
            )
            + "."
        )
    elif quotes:
        notes.append(f"Quotes (bench.quote_eval) failed: {quotes['error']}")
    return "\n".join(lines + notes)


# --- Command line ------------------------------------------------------------------------------
def run_benchmark(
    sizes: Sequence[int],
    out: Path,
    keep: bool = False,
    command: Sequence[str] | None = None,
    corpus_root: Path = CORPUS_ROOT,
    quotes: bool = True,
    quiet_timeout: float = 0.0,
    retries: int = 0,
    html: bool = True,
) -> dict[str, Any]:
    """Measure every size (and the HTML path), merge with the earlier results in ``out``,
    write ``out``."""
    machine = machine_info()
    work = Path(tempfile.mkdtemp(prefix="presswash-bench-"))
    settings = Settings(
        command=tuple(command or default_presswash_command()),
        env=prefect_environment(work / "prefect-home"),
        work=work,
        corpus_root=corpus_root,
        keep=keep,
        quiet_timeout=quiet_timeout,
        retries=retries,
    )
    measured: dict[str, dict[str, Any]] = {}
    try:
        log("Prefect warm-up run on seeds/")
        warmup = warm_up_prefect(settings)
        log(f"warm-up: {warmup:.1f} s")
        for size in sizes:
            started = time.perf_counter()
            measured[str(size)] = bench_size(size, settings)
            log(f"{size:,}: done in {time.perf_counter() - started:.0f} s")
        html_figures = bench_html(settings) if html else None
    finally:
        if keep:
            log(f"kept databases, logs and Prefect home in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    previous = json.loads(out.read_text()) if out.exists() else None
    results: dict[str, Any] = {
        "machine": machine,
        "prefect_warmup_seconds": warmup,
        "sizes": merge_results(previous, machine, measured),
    }
    results["scaling"] = scaling(results["sizes"])
    if html_figures is not None:
        results["html"] = html_figures
    elif previous and _same_machine(previous.get("machine", {}), machine) and "html" in previous:
        results["html"] = previous["html"]
    if quotes:
        log("quote evaluation")
        results["quotes"] = quote_figures()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    log(f"wrote {out}")
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--keep", action="store_true", help="keep databases, logs, Prefect home")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="results file (JSON)")
    parser.add_argument("--corpus-root", type=Path, default=CORPUS_ROOT)
    parser.add_argument("--no-quotes", action="store_true", help="skip bench.quote_eval")
    parser.add_argument("--no-html", action="store_true", help="skip the HTML path's run")
    parser.add_argument(
        "--quiet-timeout",
        type=float,
        default=DEFAULT_QUIET_TIMEOUT,
        help="before each measured run, wait up to this many seconds for other processes to "
        "go idle (0: do not wait)",
    )
    parser.add_argument(
        "--retries",
        type=int,
        default=DEFAULT_RETRIES,
        help="measure a run again, this many times at most, when other processes used "
        f"more than {QUIET_CORES} cores during it",
    )
    args = parser.parse_args(argv)
    try:
        results = run_benchmark(
            args.sizes,
            args.out,
            args.keep,
            corpus_root=args.corpus_root,
            quotes=not args.no_quotes,
            html=not args.no_html,
            quiet_timeout=args.quiet_timeout,
            retries=args.retries,
        )
    except BenchError as error:
        sys.exit(f"bench: {error}")
    print(render_table(results))


if __name__ == "__main__":
    main()
