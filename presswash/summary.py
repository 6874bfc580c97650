"""What the command line prints: the one-screen run summary and query tables.

Every value presswash did not write itself (cells, paths, reasons, messages) is printed
literally: as Rich markup, "[caption]...[/caption]" would fail and "a [sic] mistake" lose a
word."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text


def render_query_table(
    console: Console, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    table = Table(*columns, show_lines=False, header_style="bold")
    for row in rows:
        table.add_row(*(Text("" if value is None else str(value)) for value in row))
    console.print(table)
    console.print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", style="dim")


def render_run_summary(console: Console, summary: dict[str, Any]) -> None:
    if summary.get("status") == "skipped":
        console.print(f"[yellow]run skipped:[/] {escape(str(summary['message']))}")
        return
    counts, seconds = summary["counts"], summary["seconds"]
    # The run id on a line of its own: as a table title it wrapped, and a copied id was wrong.
    console.print(Text(f"presswash run {summary['run_id']}", style="bold"), no_wrap=True)
    documents = Table("documents", "count")
    for field in ("seen", "loaded", "unchanged", "duplicate", "rejected"):
        documents.add_row(field, f"{counts[field]:,}")
    tables = Table("table", "rows in the warehouse")
    for name, rows in summary["tables"].items():
        tables.add_row(name, f"{rows:,}")
    console.print(documents)
    console.print(tables)
    megabytes = counts["bytes_read"] / 1e6
    total = seconds["total"]
    rate = f", {megabytes / total:.1f} MB/s" if total > 0 and megabytes >= 1 else ""
    stages = ", ".join(f"{k} {v:.2f}s" for k, v in seconds.items() if k != "total")
    size = _size(counts["bytes_read"])
    console.print(f"{summary['files']:,} input files, {size} read in {total:.2f} s{rate}")
    if stages:
        console.print(f"stages: {stages}", style="dim")
    if summary["rejects_total"]:
        console.print(f"[yellow]{summary['rejects_total']} rejected:[/]")
        for uri, reason in summary["rejects"]:
            console.print(Text(f"  {uri}: {reason}"), highlight=False)
        hidden = summary["rejects_total"] - len(summary["rejects"])
        if hidden:
            console.print(
                f'  ... and {hidden} more: presswash sql "select * from rejected_documents"',
            )
    if summary.get("pruned"):
        console.print(f"pruned {summary['pruned']} documents of inputs that no longer exist")
    console.print(Text(f"warehouse: {summary['db']}", style="dim"))


def _size(size: int) -> str:
    """Bytes for people: kB below a megabyte, MB above.

    >>> _size(11_516), _size(79_608_727)
    ('11.5 kB', '79.6 MB')
    """
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.1f} kB"
