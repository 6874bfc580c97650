"""Scheduled ingests: the ingest flow registered as a Prefect deployment with a schedule and
served from this process (``presswash serve``).

Each scheduled run ingests whatever is new under its sources (the ledger skips unchanged
files). Runs never overlap on one warehouse: this process runs one at a time (``limit=1``;
a run that comes due meanwhile waits for it), and every run starts with ``on_busy="skip"``,
so a run that finds another writer (a manual ``presswash run``, another server) records a
``skipped`` row in ``runs`` and logs why, instead of waiting or touching the data.
"""

from __future__ import annotations

import os
from typing import Any

from prefect.deployments.runner import EntrypointType
from prefect.settings import PREFECT_API_URL

from presswash.flows.ingest import ingest_flow

DEFAULT_DEPLOYMENT = "presswash-scheduled"
NO_SERVER = (
    "presswash serve needs a running Prefect server to schedule runs (a temporary server "
    "cannot): start one with `prefect server start`, then set "
    "PREFECT_API_URL=http://127.0.0.1:4200/api"
)


class ServeError(RuntimeError):
    """Serving cannot start: bad schedule options or no Prefect server."""


def deployment_parameters(sources: list[str], db: str) -> dict[str, Any]:
    """Flow parameters of every scheduled run: absolute paths (the runs do not share the
    caller's working directory) and skip, never wait, when the warehouse is busy.

    >>> deployment_parameters(["/in", "/feeds/*.jsonl"], "/w/news.duckdb")["on_busy"]
    'skip'
    """
    return {
        "sources": [os.path.abspath(source) for source in sources],
        "db": os.path.abspath(db),
        "on_busy": "skip",
    }


def schedule_options(cron: str | None, interval: float | None) -> dict[str, Any]:
    """The one schedule ``serve`` gets: a cron string or an interval in seconds."""
    if (cron is None) == (interval is None):
        raise ServeError("give exactly one schedule: --cron '0 * * * *' or --interval SECONDS")
    if interval is not None:
        if interval <= 0:
            raise ServeError("--interval must be a positive number of seconds")
        return {"interval": interval}
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=cron)
    except ValueError:
        raise ServeError(
            f"invalid --cron {cron!r}: expected five fields, e.g. '0 * * * *' (hourly)"
        ) from None
    return {"cron": cron}


def require_server() -> str:
    """The Prefect API URL, after checking that a server answers there."""
    url = PREFECT_API_URL.value()
    if not url:
        raise ServeError(NO_SERVER)
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        problem = client.api_healthcheck()
    if problem is not None:
        raise ServeError(
            f"no Prefect server answers at PREFECT_API_URL={url} ({problem}); "
            "start one with `prefect server start`"
        )
    return url


def serve_ingest(
    sources: list[str],
    db: str,
    cron: str | None = None,
    interval: float | None = None,
    name: str = DEFAULT_DEPLOYMENT,
) -> None:
    """Register the deployment ``presswash-ingest/<name>`` and run its scheduled runs until
    stopped (Ctrl-C or SIGTERM). Stopping leaves the schedule active (runs missed while
    nothing serves it are Late and start when serve runs again)."""
    schedule = schedule_options(cron, interval)
    require_server()
    ingest_flow.serve(
        name=name,
        **schedule,
        parameters=deployment_parameters(sources, db),
        description="Ingest new scraped documents into the presswash warehouse.",
        tags=["presswash"],
        pause_on_shutdown=False,
        limit=1,
        entrypoint_type=EntrypointType.MODULE_PATH,
    )
