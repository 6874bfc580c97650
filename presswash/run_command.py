"""Running the ingest flow from the command line: progress, outcome, clear errors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from presswash import progress

if TYPE_CHECKING:
    from presswash.flows.early_server import EarlyServer


class RunOutcome(NamedTuple):
    summary: dict[str, Any]
    error: str | None = None
    busy: bool = False


class _ProgressDisplay:
    """A progress bar for runs of more than one batch; messages for waits."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.bar: Progress | None = None
        self.task: Any = None

    def __call__(self, event: str, data: dict[str, Any]) -> None:
        if event == "waiting":
            self.console.print(Text(str(data["message"]), style="yellow"))
        elif event == "start" and data["batches"] > 1:
            self.bar = Progress(
                TextColumn("loading batches"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("batches", total=data["batches"])
        elif event == "batch" and self.bar is not None:
            self.bar.update(self.task, completed=data["number"])

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def run_ingest(
    console: Console,
    workers: int | None = None,
    dask_address: str | None = None,
    early_server: EarlyServer | None = None,
    **parameters: Any,
) -> RunOutcome:
    """Run the ingest flow; its transform stage on a Dask cluster when ``workers`` or
    ``dask_address`` is given (see ``flows/runners.py``), on ``early_server`` when the
    command started Prefect's temporary server itself (see ``flows/early_server.py``)."""
    from presswash.flows.runners import RunnerChoiceError, ingest_flow_on

    display = _ProgressDisplay(console)
    progress.subscribe(display)
    try:
        with ingest_flow_on(workers, dask_address, early_server) as ingest_flow:
            state = ingest_flow(**parameters, return_state=True)
    except RunnerChoiceError as error:
        return RunOutcome({}, str(error))
    except KeyboardInterrupt:
        return RunOutcome(
            {}, "interrupted: the batch being loaded was rolled back; run again to finish"
        )
    finally:
        if early_server is not None:
            early_server.stop()  # done with it, or never used (invalid options)
        display.close()
        progress.unsubscribe(display)
    if state.is_completed():
        summary = state.result()
        return RunOutcome(
            summary,
            summary.get("message") if summary.get("status") == "busy" else None,
            busy=summary.get("status") == "busy",
        )
    try:
        state.result()
    except Exception as error:
        return RunOutcome({}, f"the run failed: {type(error).__name__}: {error}")
    return RunOutcome({}, f"the run ended in state {state.name}")
