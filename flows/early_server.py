"""Prefect's temporary API server, started the moment ``presswash run`` starts.

With no ``PREFECT_API_URL``, a run needs Prefect's temporary server. Started Prefect's
way (``SubprocessASGIServer``, just before the flow), the command first imports Prefect's
whole server stack into its own process (about 2 s here), then waits 4-5 s for the server
while nothing else happens. Started here instead, before anything imports Prefect, the
server boots on the other core while the command imports Prefect, Polars and DuckDB.

This module imports nothing from Prefect: that is the point. The server process is the
one Prefect would start (uvicorn serving Prefect's ``create_app``, without the UI). When
it does not come up, :meth:`EarlyServer.ready_url` says so and the caller falls back to
Prefect's own way.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

# What Prefect sets for its own temporary server: no UI, and the ephemeral server's settings.
_SERVER_ENVIRONMENT = {
    "PREFECT_UI_ENABLED": "0",
    "PREFECT__SERVER_EPHEMERAL": "1",
    "PREFECT__SERVER_FINAL": "1",
}
_POLL_SECONDS = 0.05


class EarlyServer:
    """A temporary Prefect server process, started at once; :meth:`ready_url` waits for it."""

    def __init__(self, process: subprocess.Popen[bytes], port: int) -> None:
        self.process: subprocess.Popen[bytes] | None = process
        self.port = port
        atexit.register(self.stop)  # even if the command fails before it says so

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def ready_url(self, timeout: float) -> str | None:
        """The API URL once the server answers its health check, or None when the process
        has ended or has not answered within ``timeout`` seconds (then it is stopped)."""
        deadline = time.monotonic() + timeout
        while self.process is not None and self.process.poll() is None:
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=1) as response:
                    if response.status == 200:
                        return self.api_url
            except (urllib.error.URLError, OSError):
                pass  # not listening yet
            if time.monotonic() >= deadline:
                break
            time.sleep(_POLL_SECONDS)
        self.stop()
        return None

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        _deliver_prefect_logs()
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _deliver_prefect_logs(timeout: float = 10.0) -> None:
    """Let Prefect's log and event workers send what they hold while the server still
    listens: at exit they retried a stopped server for over a minute (seen with --verbose,
    where the last task's log lines were still queued). A worker drained here is started
    again if Prefect logs anything later."""
    if "prefect" not in sys.modules:
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        worker.drain_all(timeout=timeout)


def start_early_server() -> EarlyServer | None:
    """Start the temporary server now, if this command will need one and has not imported
    Prefect yet; None otherwise (a configured server, or one set up in this process)."""
    if os.environ.get("PREFECT_API_URL") or "prefect" in sys.modules:
        return None
    return spawn_server(_free_port())


def spawn_server(port: int) -> EarlyServer | None:
    """Start Prefect's temporary server on ``port`` without waiting for it (None when
    Prefect is not installed)."""
    spec = importlib.util.find_spec("prefect")
    if spec is None or spec.origin is None:
        return None
    command = [
        sys.executable, "-m", "uvicorn",
        "--app-dir", str(Path(spec.origin).parent.parent),
        "--factory", "prefect.server.api.server:create_app",
        "--host", "127.0.0.1", "--port", str(port),
        "--log-level", "error", "--lifespan", "on",
    ]  # fmt: skip
    process = subprocess.Popen(command, env={**os.environ, **_SERVER_ENVIRONMENT})
    return EarlyServer(process, port)


def _free_port() -> int:
    """A port nothing listens on now (the system's choice). Should another process take it
    before the server does, the server exits and :meth:`EarlyServer.ready_url` says so."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
