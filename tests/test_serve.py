"""`presswash serve` against a real Prefect server: the deployment and its schedule are
registered, triggered runs load new input, and a run that finds the warehouse busy is
recorded as skipped. Starts `prefect server start` and `presswash serve` as subprocesses
(their settings only in their environment, so the session's test harness is untouched)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from presswash.warehouse.connection import writer_lock
from tests.conftest import REPO, SEED
from tests.helpers import query

DEPLOYMENT = "presswash-ingest/test-serve"
CRON = "0 0 1 1 *"  # once a year: the test triggers its own runs


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(process: subprocess.Popen[bytes]) -> None:
    """Terminate a subprocess and everything it started."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


def wait_until(check, what: str, timeout: float, process: subprocess.Popen[bytes], log: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{what}: process exited\n{log.read_text(errors='replace')[-3000:]}")
        try:
            result = check()
        except Exception:
            result = None
        if result:
            return result
        time.sleep(0.25)
    pytest.fail(f"{what}: timed out\n{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture
def real_prefect_server(tmp_path) -> Iterator[tuple[str, dict[str, str]]]:
    """A real `prefect server start` on a free port: (API URL, environment for clients)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env |= {
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
    }
    port = free_port()
    log = tmp_path / "server.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
             "--port", str(port)],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}/api"
        wait_until(lambda: httpx.get(f"{url}/health", timeout=2).status_code == 200,
                   "prefect server start", 45, server, log)  # fmt: skip
        yield url, env | {"PREFECT_API_URL": url}
    finally:
        stop(server)


@pytest.mark.server
def test_serve_registers_a_scheduled_deployment_whose_runs_load_new_input(
    real_prefect_server, tmp_path
):
    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    url, env = real_prefect_server
    inputs = tmp_path / "inbox"
    inputs.mkdir()
    db = tmp_path / "scheduled.duckdb"
    log = tmp_path / "serve.log"
    with open(log, "wb") as out:
        serving = subprocess.Popen(
            [sys.executable, "-m", "presswash.cli", "serve", str(inputs), "--db", str(db),
             "--cron", CRON, "--name", "test-serve"],
            env=env | {"PREFECT_RUNNER_POLL_FREQUENCY": "1"}, cwd=tmp_path,
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        with temporary_settings(updates={PREFECT_API_URL: url}):

            def registered():
                with get_client(sync_client=True) as client:
                    return client.read_deployment_by_name(DEPLOYMENT)

            deployment = wait_until(registered, "presswash serve", 30, serving, log)
            assert [s.schedule.cron for s in deployment.schedules] == [CRON]
            assert all(s.active for s in deployment.schedules)
            assert deployment.parameters == {
                "sources": [str(inputs)],
                "db": str(db),
                "on_busy": "skip",
            }

            # Another writer holds the warehouse: the run is skipped, and recorded as such
            # by the next run that holds the writer lock (it must not write without it).
            with writer_lock(db, 0):
                busy = run_deployment(DEPLOYMENT, timeout=40, poll_interval=0.5)
            assert busy.state.is_completed(), busy.state

            # New input arrives: the next run loads it.
            shutil.copy(SEED, inputs / "article.txt")
            loaded = run_deployment(DEPLOYMENT, timeout=40, poll_interval=0.5)
            assert loaded.state.is_completed(), log.read_text(errors="replace")[-3000:]
        counts = query(
            db,
            "select (select count(*) from documents), (select count(*) from articles), "
            "(select count(*) from paragraphs)",
        )
        assert counts == [(1, 1, 44)]
        runs = query(db, "select status, documents_loaded, flow_run_id from runs order by 1")
        assert runs == [("completed", 1, str(loaded.id)), ("skipped", 0, str(busy.id))]
        assert query(
            db, "select message like '%being written%' from runs where status = 'skipped'"
        ) == [(True,)]
    finally:
        stop(serving)


def test_serve_explains_what_it_needs(tmp_path):
    """No traceback: a missing schedule, two schedules, or no Prefect server."""
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    command = [sys.executable, "-m", "presswash.cli", "serve", "--db", str(tmp_path / "w.db")]
    for extra, expected in [
        ([], "exactly one schedule"),
        (["--cron", "0 * * * *", "--interval", "60"], "exactly one schedule"),
        (["--cron", "every hour"], "invalid --cron"),
        (["--interval", "3600"], "prefect server start"),
    ]:
        result = subprocess.run([*command, *extra], env=env, capture_output=True, text=True,
                                timeout=60)  # fmt: skip
        assert result.returncode == 1, result.stderr
        assert expected in result.stderr and "Traceback" not in result.stderr


def test_prefect_yaml_declares_the_hourly_process_deployment():
    config = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))
    assert {"name", "prefect-version", "pull", "deployments"} <= config.keys()
    (step,) = config["pull"]
    assert "directory" in step["prefect.deployments.steps.set_working_directory"]
    (deployment,) = config["deployments"]
    assert deployment["name"] == "presswash-hourly"
    assert deployment["work_pool"]["name"] == "presswash-process"
    assert [s["cron"] for s in deployment["schedules"]] == ["0 * * * *"]
    assert deployment["parameters"]["on_busy"] == "skip"
    # The entrypoint is the flow itself, with every parameter one of the flow's own.
    from presswash.flows.ingest import ingest_flow

    module, _, function = deployment["entrypoint"].rpartition(".")
    assert (module, function) == (ingest_flow.fn.__module__, ingest_flow.fn.__name__)
    assert set(deployment["parameters"]) <= set(ingest_flow.parameters.properties)
