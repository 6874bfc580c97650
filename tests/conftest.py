"""Shared fixtures. Prefect's home and settings are fixed before Prefect is imported, so
test runs never touch ~/.prefect and never collide with each other."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_PREFECT_HOME = tempfile.mkdtemp(prefix="presswash-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.pop("PREFECT_API_URL", None)  # the harness, not a developer's server

import polars as pl  # noqa: E402
import pytest  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_17a49b3e45f0c6ef.txt"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def prefect_server():
    """One temporary Prefect server for the whole session (starting one takes seconds)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield


@pytest.fixture(scope="session")
def prefect_api_url(prefect_server) -> str:
    """The test server's address, for presswash runs in subprocesses."""
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_tables(seed_text: str) -> dict[str, pl.DataFrame]:
    """The seed through the pure pipeline (no Prefect, no DuckDB)."""
    from tests.helpers import pipeline_tables

    return pipeline_tables({str(SEED): seed_text.encode("utf-8")})


@pytest.fixture(scope="session")
def seed_warehouse(prefect_server, tmp_path_factory) -> Path:
    """A warehouse built from seeds/ by a real flow run, shared read-only by tests."""
    from presswash.flows.ingest import ingest_flow

    db = tmp_path_factory.mktemp("seed-warehouse") / "seed.duckdb"
    summary = ingest_flow(sources=[str(REPO / "seeds")], db=str(db))
    assert summary["status"] == "completed"
    return db
