"""Where the transform tasks run: worker processes on this machine (the default), a local
Dask cluster (``--workers N``) or an existing one (``--dask-address``).

Only the transform stage moves: its tasks write Parquet shards and return their paths, and
the flow's own process stays the single DuckDB writer, so workers never open the warehouse.
Dask is optional (``pip install 'presswash[dask]'``) and imported only when asked for.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from prefect import Flow

from presswash.flows.early_server import EarlyServer
from presswash.flows.ingest import ingest_flow, local_task_runner

DASK_INSTALL_HINT = "pip install 'presswash[dask]'"
DASK_QUIET = {"DASK_LOGGING__DISTRIBUTED": "warning"}


class RunnerChoiceError(ValueError):
    """The task runner options cannot be honoured (both given, or Dask missing)."""


def task_runner_for(workers: int | None = None, dask_address: str | None = None) -> Any:
    """The task runner for the transform stage: the default process pool, a local Dask
    cluster of ``workers`` single-threaded processes, or the cluster at ``dask_address``."""
    if workers is not None and dask_address:
        raise RunnerChoiceError("pass --workers or --dask-address, not both")
    if workers is None and not dask_address:
        return local_task_runner()
    if workers is not None and workers < 1:
        raise RunnerChoiceError("--workers must be at least 1")
    for key, value in DASK_QUIET.items():  # read when distributed is first imported
        os.environ.setdefault(key, value)
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError:
        raise RunnerChoiceError(
            f"Dask is not installed; install it with: {DASK_INSTALL_HINT}"
        ) from None
    if dask_address:
        return DaskTaskRunner(address=dask_address)
    cluster = {"n_workers": workers, "threads_per_worker": 1, "processes": True,
               "dashboard_address": None}  # fmt: skip
    return DaskTaskRunner(cluster_kwargs=cluster)


@contextmanager
def shared_prefect_api(early: EarlyServer | None = None) -> Iterator[None]:
    """What workers need to report their task runs: a Prefect API they can reach.

    Workers (the default process pool's or Dask's) are other processes: without
    ``PREFECT_API_URL`` each would start a temporary
    Prefect server of its own (seconds each, and SQLite lock noise on one PREFECT_HOME). So
    when none is configured, start the temporary server here, once, and point this process
    and the workers (which inherit the environment) at it. ``early`` is that server already
    started by the command (see ``flows/early_server.py``); Prefect's own way is the
    fallback when it did not come up.
    """
    from prefect.context import refresh_global_settings_context
    from prefect.settings import PREFECT_API_URL, temporary_settings

    configured = PREFECT_API_URL.value()
    if configured and early is not None:
        early.stop()  # a server configured in a Prefect profile: the early one is not needed
    url, server = (configured, None) if configured else _temporary_server(early)
    saved = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = url
    if not configured:
        # Prefect's own threads (events, logs) read settings fixed when Prefect was
        # imported; without this they would start a second temporary server.
        refresh_global_settings_context()
    try:
        with temporary_settings(updates={PREFECT_API_URL: url}):
            yield
    finally:
        if saved is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = saved
        if not configured:
            refresh_global_settings_context()
        if server is not None:
            server.stop()


def _temporary_server(early: EarlyServer | None) -> tuple[str, Any]:
    """(API URL, server to stop afterwards or None): the early server once it answers,
    else Prefect's own temporary server."""
    from prefect.logging import get_logger
    from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS

    if early is not None:
        url = early.ready_url(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())
        if url:
            get_logger("presswash").info("Using the temporary server started early on %s", url)
            return url, early
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    started_here = server.server_process is None
    server.start()
    return server.api_url, server if started_here else None


@contextmanager
def ingest_flow_on(
    workers: int | None = None,
    dask_address: str | None = None,
    early: EarlyServer | None = None,
) -> Iterator[Flow]:
    """The ingest flow with its transform stage on the chosen runner, ready to call."""
    runner = task_runner_for(workers, dask_address)
    with shared_prefect_api(early):
        yield ingest_flow.with_options(task_runner=runner)
