"""What each transform worker process sets up before it imports Polars."""

from __future__ import annotations

import os
import subprocess
import sys

from presswash.flows.ingest import local_task_runner
from presswash.flows.worker_setup import WORKER_ALLOCATOR_SETTINGS, prepare_worker

POLARS_DEFAULT = "dirty_decay_ms:500,muzzy_decay_ms:1000"  # what `import polars` writes


def test_workers_return_freed_memory_at_once_whatever_they_inherit(monkeypatch) -> None:
    monkeypatch.setenv("_RJEM_MALLOC_CONF", POLARS_DEFAULT)
    prepare_worker()
    # jemalloc reads the string left to right: the worker's settings come last and win.
    assert os.environ["_RJEM_MALLOC_CONF"] == f"{POLARS_DEFAULT},{WORKER_ALLOCATOR_SETTINGS}"
    monkeypatch.delenv("_RJEM_MALLOC_CONF")
    prepare_worker()
    assert os.environ["_RJEM_MALLOC_CONF"] == WORKER_ALLOCATOR_SETTINGS


def test_the_setting_reaches_polars_in_a_new_process() -> None:
    """Run as the pool runs it: prepare_worker first, then Polars, which keeps the value."""
    code = (
        "import os; os.environ['_RJEM_MALLOC_CONF'] = 'dirty_decay_ms:500';"
        "from presswash.flows.worker_setup import prepare_worker; prepare_worker();"
        "import sys; assert 'polars' not in sys.modules; import polars;"
        "print(os.environ['_RJEM_MALLOC_CONF'])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith(WORKER_ALLOCATOR_SETTINGS)


def test_the_default_pool_runs_it_in_every_worker() -> None:
    runner = local_task_runner()
    assert runner._initializer is prepare_worker
    assert runner.duplicate()._initializer is prepare_worker  # the flow runs a copy
