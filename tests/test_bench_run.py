"""Tests for the benchmark harness: real reference loop, a stand-in for the presswash command
(a real run starts Prefect's temporary server, which alone takes longer than these tests)."""

from __future__ import annotations

import json
import sys
import textwrap
import types
from pathlib import Path

import pytest

from bench import run as bench_run

# Answers `run SOURCE --db DB --json` like presswash: everything loaded into a new warehouse,
# everything unchanged on an existing one.
FAKE_PRESSWASH = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path

    args = sys.argv[1:]
    assert args[0] == "run" and "--json" in args, args
    source, db = Path(args[1]), Path(args[args.index("--db") + 1])
    files = sorted(source.rglob("*.txt"))
    fresh = not db.exists()
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"warehouse")
    n = len(files)
    counts = {"seen": n, "loaded": n if fresh else 0, "unchanged": 0 if fresh else n,
              "duplicate": 0, "rejected": 0, "bytes_read": 0}
    seconds = {"read": 0.01, "decode": 0.02, "repair": 0.03, "parse": 0.04, "quotes": 0.05,
               "write_shard": 0.01, "load": 0.04, "total": 0.15}
    print("a line of noise before the JSON")
    print(json.dumps({"run_id": "fake", "status": "completed", "files": n, "counts": counts,
                      "tables": {"documents": n}, "seconds": seconds}))
    """
)


@pytest.fixture
def fake_presswash(tmp_path: Path) -> list[str]:
    script = tmp_path / "fake_presswash.py"
    script.write_text(FAKE_PRESSWASH)
    return [sys.executable, str(script)]


def test_ensure_corpus_generates_once_then_reuses(tmp_path: Path) -> None:
    first = bench_run.ensure_corpus(tmp_path, 12)
    assert (first.files, first.generated) == (12, True)
    assert first.path == tmp_path / "12"
    assert first.bytes == sum(p.stat().st_size for p in first.path.rglob("*.txt"))
    # Only articles in the folder: presswash would read anything else as an input.
    assert {p.suffix for p in first.path.rglob("*") if p.is_file()} == {".txt"}
    again = bench_run.ensure_corpus(tmp_path, 12)
    assert (again.files, again.bytes, again.generated) == (12, first.bytes, False)
    # An incomplete folder (a file lost, or generation interrupted) is generated again.
    next(first.path.rglob("*.txt")).unlink()
    assert bench_run.ensure_corpus(tmp_path, 12).generated


def test_measure_sums_rss_over_the_process_tree(tmp_path: Path) -> None:
    child = "import time; block = bytearray(80_000_000); time.sleep(0.8)"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}])"
    measured = bench_run.measure([sys.executable, "-c", parent], None, tmp_path, "tree")
    assert measured.returncode == 0
    assert measured.processes_by_role == {"main": 1, "other": 1}
    assert measured.peak_rss_by_role["other"] > 80_000_000
    assert measured.peak_rss_bytes >= sum(measured.peak_rss_by_role.values()) > 80_000_000
    assert measured.wall_seconds >= 0.8
    assert measured.cpu_seconds > 0
    assert (tmp_path / "tree.stdout").exists()


def test_run_benchmark_measures_both_tools_and_writes_results(
    tmp_path: Path, fake_presswash: list[str]
) -> None:
    out = tmp_path / "results.json"
    results = bench_run.run_benchmark(
        [10, 20],
        out,
        command=fake_presswash,
        corpus_root=tmp_path / "corpora",
        quotes=False,
        html=False,
    )
    assert json.loads(out.read_text()) == results
    assert set(results["machine"]) >= {"cpu_count", "cpu_model", "ram_gb", "python", "packages"}
    assert set(results["machine"]["packages"]) >= {"polars", "duckdb", "prefect", "ftfy"}
    assert list(results["sizes"]) == ["10", "20"]

    entry = results["sizes"]["20"]
    assert entry["corpus"]["files"] == 20
    assert set(entry["code"]) == {"commit", "modified_files"}
    first, rerun, reference = entry["presswash"], entry["rerun"], entry["reference"]
    assert first["counts"]["loaded"] == 20
    assert rerun["counts"]["unchanged"] == 20
    low = entry["large_batches"]
    assert low["options"] == list(bench_run.LARGE_BATCH_OPTIONS)
    assert low["counts"]["loaded"] == 20 and low["peak_rss_mb"] > 0  # a fresh warehouse
    assert rerun["share_of_first_wall"] == pytest.approx(
        rerun["wall_seconds"] / first["wall_seconds"]
    )
    for figures in (first, reference):
        assert figures["wall_seconds"] > 0 and figures["peak_rss_mb"] > 0
        assert figures["mb_per_s"] == pytest.approx(entry["corpus"]["mb"] / figures["wall_seconds"])
        assert figures["articles_per_s"] == pytest.approx(20 / figures["wall_seconds"])
        assert figures["cores_busy"] == pytest.approx(
            figures["cpu_seconds"] / figures["wall_seconds"]
        )
    assert entry["ratio"]["throughput_wall"] == pytest.approx(
        reference["wall_seconds"] / first["wall_seconds"]
    )
    assert entry["ratio"]["throughput_in_process"] == pytest.approx(
        reference["loop_seconds"] / 0.15
    )
    # Stage figures come from the summary; orchestration is what they leave of the wall time.
    assert first["stages"]["quotes"] == 0.05
    assert first["decode_repair_seconds"] == pytest.approx(0.05)
    assert first["stage_work_seconds"] == pytest.approx(0.20)
    # Transforms (0.16 s) are shared by the workers; loads (0.04 s) run one at a time.
    workers = min(4, results["machine"]["cpu_count"])
    assert first["critical_path_seconds"] == pytest.approx(max(0.16 / workers, 0.04))
    assert first["outside_flow_seconds"] == pytest.approx(first["wall_seconds"] - 0.15)
    assert first["orchestration_seconds"] == pytest.approx(
        first["outside_flow_seconds"] + first["inside_flow_seconds"]
    )

    scale = results["scaling"]
    assert scale["sizes"] == [10, 20]
    assert scale["presswash_peak_rss_mb_ratio"] == pytest.approx(
        first["peak_rss_mb"] / results["sizes"]["10"]["presswash"]["peak_rss_mb"]
    )
    table = bench_run.render_table(results)
    assert "| figure | 10 articles | 20 articles |" in table
    assert "presswash / reference throughput" in table
    assert "--batch-mb 32 --memory-limit 256MB" in table
    # Databases and logs lived in a temporary folder that is gone.
    assert not list(tmp_path.rglob("*.duckdb"))


def test_merge_keeps_other_sizes_of_the_same_machine_only() -> None:
    machine = bench_run.machine_info()
    previous = {"machine": machine, "sizes": {"50000": {"old": True}, "10000": {"old": True}}}
    merged = bench_run.merge_results(previous, machine, {"10000": {"old": False}})
    assert merged == {"10000": {"old": False}, "50000": {"old": True}}
    other = {**machine, "cpu_count": 1000}
    assert bench_run.merge_results({**previous, "machine": other}, machine, {}) == {}


def test_quote_figures_optional(monkeypatch: pytest.MonkeyPatch) -> None:
    import bench

    # `from bench import quote_eval` looks at the package attribute before sys.modules.
    monkeypatch.delattr(bench, "quote_eval", raising=False)
    monkeypatch.setitem(sys.modules, "bench.quote_eval", None)  # the import fails
    assert bench_run.quote_figures() is None

    report = types.SimpleNamespace(
        precision=0.9, recall=0.8, speaker_accuracy=0.7, paragraphs_per_second=1e4
    )
    module = types.ModuleType("bench.quote_eval")
    module.evaluate = lambda path: report
    monkeypatch.setitem(sys.modules, "bench.quote_eval", module)
    monkeypatch.setattr(bench, "quote_eval", module, raising=False)
    assert bench_run.quote_figures() == {
        "precision": 0.9,
        "recall": 0.8,
        "speaker_accuracy": 0.7,
        "paragraphs_per_second": 1e4,
    }

    module.evaluate = lambda path: 1 / 0  # a broken evaluation is reported, not raised
    assert bench_run.quote_figures() == {"error": "ZeroDivisionError: division by zero"}


def test_wait_for_quiet_gives_up_after_the_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench_run, "QUIET_WINDOW", 0.05)
    monkeypatch.setattr(bench_run, "QUIET_CORES", -1.0)  # never quiet
    assert 0.2 <= bench_run.wait_for_quiet(0.2) < 1.0
    monkeypatch.setattr(bench_run, "QUIET_CORES", 1e9)  # always quiet
    assert bench_run.wait_for_quiet(10.0) < 1.0


def test_disturbed_runs_are_measured_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    busy = iter([5.0, 9.0, 1.05])  # machine CPU seconds during each 1 s run; the tree used 1
    monkeypatch.setattr(
        bench_run,
        "measure",
        lambda *args: bench_run.Measurement(
            1.0, 0, "", "", cpu_seconds=1.0, machine_busy_seconds=next(busy)
        ),
    )
    resets: list[int] = []
    settings = bench_run.Settings((), {}, tmp_path, retries=2)
    measured = bench_run.measure_undisturbed(settings, ["x"], None, "x", lambda: resets.append(1))
    assert (measured.attempts, len(resets)) == (3, 2)
    assert measured.other_cores_busy == pytest.approx(0.05)
    # With no retries left, a disturbed run is kept and its disturbance reported.
    busy = iter([5.0])
    measured = bench_run.measure_undisturbed(settings._replace(retries=0), ["x"], None, "x")
    assert (measured.attempts, measured.other_cores_busy) == (1, 4.0)
