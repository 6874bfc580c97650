"""The transform stage on a local Dask cluster gives the same warehouse as the default
process pool; the runner choice and its errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from bench.corpus import generate_corpus
from presswash.cli import app

BATCH = 60  # 300 articles: five batches, so the transform tasks really go to the workers


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("dask-corpus")
    generate_corpus(folder, 300, seed=11)
    return folder


def contents(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, without run ids, timestamps and stage seconds (they differ
    between runs)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        columns = con.sql(
            "select table_name, list(column_name order by ordinal_position) "
            "from information_schema.columns "
            "where table_name in (select table_name from information_schema.tables "
            "                     where table_type = 'BASE TABLE') "
            "and column_name not like '%run_id' and data_type not like 'TIMESTAMP%' "
            "and column_name <> 'seconds' "
            "group by table_name"
        ).fetchall()
        return {
            table: con.sql(f"select {', '.join(names)} from {table} order by all").fetchall()
            for table, names in columns
        }
    finally:
        con.close()


@pytest.mark.slow
def test_a_two_worker_dask_run_builds_the_same_warehouse(prefect_server, corpus, tmp_path):
    from presswash.flows.ingest import ingest_flow

    default_db = tmp_path / "default.duckdb"
    summary = ingest_flow(sources=[str(corpus)], db=str(default_db), batch_size=BATCH)
    assert summary["counts"]["loaded"] == 300

    dask_db = tmp_path / "dask.duckdb"
    result = CliRunner().invoke(
        app,
        ["run", str(corpus), "--db", str(dask_db), "--batch-size", str(BATCH), "--workers",
         "2", "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    dask_summary = json.loads(result.stdout)
    assert dask_summary["counts"] == summary["counts"]
    assert dask_summary["tables"] == summary["tables"]

    expected, actual = contents(default_db), contents(dask_db)
    assert set(actual) == {"documents", "articles", "paragraphs", "images", "quotes",
                           "removed_lines", "runs", "source_files", "site_chrome",
                           "run_stages"}  # fmt: skip
    assert len(expected["paragraphs"]) > 5000
    for table, rows in expected.items():
        assert actual[table] == rows, table


def test_the_runner_follows_the_options():
    from prefect.task_runners import ProcessPoolTaskRunner
    from prefect_dask import DaskTaskRunner

    from presswash.flows.runners import RunnerChoiceError, ingest_flow_on, task_runner_for

    assert isinstance(task_runner_for(), ProcessPoolTaskRunner)
    local = task_runner_for(workers=3)
    assert isinstance(local, DaskTaskRunner)
    assert local.cluster_kwargs == {"n_workers": 3, "threads_per_worker": 1,
                                    "processes": True, "dashboard_address": None}  # fmt: skip
    remote = task_runner_for(dask_address="tcp://10.0.0.5:8786")
    assert remote.address == "tcp://10.0.0.5:8786" and not remote.cluster_kwargs
    with pytest.raises(RunnerChoiceError, match="not both"):
        task_runner_for(2, "tcp://10.0.0.5:8786")
    with ingest_flow_on() as flow:
        assert isinstance(flow.task_runner, ProcessPoolTaskRunner)


def test_without_dask_the_error_says_what_to_install(monkeypatch):
    from presswash.flows.runners import RunnerChoiceError, task_runner_for

    monkeypatch.setitem(sys.modules, "prefect_dask", None)  # import fails as if missing
    with pytest.raises(RunnerChoiceError, match=r"pip install 'presswash\[dask\]'"):
        task_runner_for(workers=2)


def test_cli_refuses_both_dask_options(tmp_path):
    result = CliRunner().invoke(app, ["run", "--db", str(tmp_path / "w.duckdb"), "--workers",
                                      "2", "--dask-address", "tcp://127.0.0.1:8786"])  # fmt: skip
    assert result.exit_code == 1
    assert "--workers or --dask-address, not both" in result.output
    assert not (tmp_path / "w.duckdb").exists()
