"""The temporary Prefect server that `presswash run` starts before importing Prefect."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import urllib.request
from contextlib import closing
from pathlib import Path

import duckdb
import pytest

from presswash.flows import early_server
from presswash.flows.runners import shared_prefect_api

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def prefect_home(tmp_path_factory) -> Path:
    """One Prefect home for these servers: only the first one creates its database."""
    return tmp_path_factory.mktemp("early-server-prefect")


def test_not_started_when_a_server_is_configured_or_prefect_is_loaded(monkeypatch) -> None:
    assert "prefect" in sys.modules  # the test session has imported it
    assert early_server.start_early_server() is None
    monkeypatch.delitem(sys.modules, "prefect")  # as in a fresh command, but with a server
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    assert early_server.start_early_server() is None


def test_serves_the_prefect_api_then_stops(prefect_home: Path, monkeypatch) -> None:
    monkeypatch.setenv("PREFECT_HOME", str(prefect_home))
    server = early_server.spawn_server(early_server._free_port())
    assert server is not None
    process = server.process
    try:
        url = server.ready_url(timeout=60)
        assert url == f"http://127.0.0.1:{server.port}/api"
        with urllib.request.urlopen(f"{url}/health", timeout=5) as response:
            assert json.load(response) is True
    finally:
        server.stop()
    assert process is not None and process.poll() is not None
    server.stop()  # twice is harmless (the command's exit and atexit both call it)


def test_a_server_that_cannot_listen_is_reported_not_waited_for(
    prefect_home: Path, monkeypatch
) -> None:
    monkeypatch.setenv("PREFECT_HOME", str(prefect_home))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        server = early_server.spawn_server(taken.getsockname()[1])
        assert server is not None
        assert server.ready_url(timeout=60) is None  # the process exited: no 60 s wait
    assert server.process is None


def test_a_configured_server_wins_and_the_early_one_is_stopped(prefect_api_url: str) -> None:
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    early = early_server.EarlyServer(process, port=1)
    with shared_prefect_api(early):
        assert os.environ["PREFECT_API_URL"] == prefect_api_url
    assert process.poll() is not None and early.process is None


def test_the_command_runs_on_its_early_server(tmp_path: Path, prefect_home: Path) -> None:
    """`presswash run` with no Prefect server configured: the path every first user takes."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env.pop("PREFECT_LOGGING_LEVEL", None)  # --verbose shows Prefect's INFO lines
    env["PREFECT_HOME"] = str(prefect_home)
    db = tmp_path / "seed.duckdb"
    presswash = str(Path(sys.executable).parent / "presswash")  # the installed command
    command = [presswash, "run", str(REPO / "seeds"), "--db", str(db)]
    done = subprocess.run(
        [*command, "--json", "--verbose"],
        env=env, capture_output=True, text=True, timeout=180, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Using the temporary server started early" in done.stderr
    assert "Starting temporary server" not in done.stderr  # Prefect's own, the fallback
    assert json.loads(done.stdout)["counts"]["loaded"] == 1
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from articles").fetchone() == (1,)
    # Prefect recorded the flow run in the temporary server's database under PREFECT_HOME.
    with closing(sqlite3.connect(prefect_home / "prefect.db")) as prefect_db:
        runs = prefect_db.execute(
            "select flow.name, flow_run.state_type from flow_run join flow on flow.id = flow_id"
        ).fetchall()
    assert runs == [("presswash-ingest", "COMPLETED")]
