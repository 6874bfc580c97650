"""Values presswash did not write are printed literally, never read as Rich markup."""

from __future__ import annotations

from rich.console import Console

from presswash.summary import render_query_table, render_run_summary


def _console() -> Console:
    return Console(record=True, width=200, color_system=None)


def test_query_cells_are_printed_as_they_are():
    console = _console()
    cells = ['[caption id="1"]Photo[/caption]', "a [sic] mistake", "nurses [red]copy.txt"]
    render_query_table(console, ["value"], [[cell] for cell in cells])
    printed = console.export_text()
    for cell in cells:
        assert cell in printed


def test_the_run_summary_prints_paths_reasons_and_the_run_id_whole():
    console = _console()
    run_id = "20261203T183930-3e959b"
    render_run_summary(
        console,
        {
            "status": "completed",
            "run_id": run_id,
            "counts": {
                "seen": 2,
                "loaded": 1,
                "unchanged": 0,
                "duplicate": 0,
                "rejected": 1,
                "bytes_read": 1000,
            },
            "tables": {"documents": 2, "articles": 1},
            "seconds": {"read": 0.1, "total": 1.0},
            "files": 2,
            "rejects_total": 1,
            "rejects": [("scrapes/empty [draft].txt", "empty file")],
            "db": "[wh]/presswash.duckdb",
        },
    )
    printed = console.export_text()
    assert f"presswash run {run_id}" in printed.splitlines()[0]
    assert "scrapes/empty [draft].txt: empty file" in printed
    assert "[wh]/presswash.duckdb" in printed
    assert "rows in the warehouse" in printed
