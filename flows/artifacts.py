"""What a run did, as Prefect artifacts, so the Prefect UI shows it beside the flow run: a
table of its figures and a short markdown note with the rejects and the sites that drifted."""

from __future__ import annotations

from typing import Any

from prefect.artifacts import create_markdown_artifact, create_table_artifact

# Artifact keys group a flow's artifacts across runs in the UI (lowercase and dashes only).
SUMMARY_KEY = "presswash-run-summary"
NOTES_KEY = "presswash-run-notes"
LISTED = 20  # rejects and drift flags written out in the note


def publish_run_artifacts(summary: dict[str, Any], drift: list[dict[str, Any]]) -> None:
    """A table (documents by status, rows per table, seconds per stage) and a note."""
    rows = [
        {"section": "documents", "item": name, "value": value}
        for name, value in summary["counts"].items()
    ]
    rows += [
        {"section": "rows in the warehouse", "item": table, "value": count}
        for table, count in summary["tables"].items()
    ]
    rows += [
        {"section": "seconds", "item": stage, "value": round(seconds, 3)}
        for stage, seconds in summary["seconds"].items()
    ]
    run_id = summary["run_id"]
    create_table_artifact(rows, key=SUMMARY_KEY, description=f"presswash run {run_id}")
    create_markdown_artifact(
        run_note(summary, drift), key=NOTES_KEY, description=f"presswash run {run_id}"
    )


def publish_skipped_note(run_id: str, message: str) -> None:
    create_markdown_artifact(
        f"# presswash run {run_id}: skipped\n\n{_literal(message)}\n",
        key=NOTES_KEY,
        description=f"presswash run {run_id}",
    )


def run_note(summary: dict[str, Any], drift: list[dict[str, Any]]) -> str:
    """The markdown note of a finished run.

    >>> note = run_note({"run_id": "r1", "counts": {"seen": 3, "loaded": 2, "unchanged": 0,
    ...     "duplicate": 0, "rejected": 1}, "rejects": [("a*b.txt", "empty file")],
    ...     "rejects_total": 1}, [{"site": "x.com", "flags": ["date found 1.0 -> 0.0"]}])
    >>> print(note)
    # presswash run r1
    <BLANKLINE>
    3 documents: 2 loaded, 0 unchanged, 0 duplicate, 1 rejected.
    <BLANKLINE>
    ## Sites that drifted (1)
    - **x.com**: date found 1.0 -> 0.0
    <BLANKLINE>
    ## Rejected (1)
    - a\\*b.txt: empty file
    """
    counts = summary["counts"]
    lines = [
        f"# presswash run {summary['run_id']}",
        "",
        f"{counts['seen']} documents: {counts['loaded']} loaded, {counts['unchanged']} "
        f"unchanged, {counts['duplicate']} duplicate, {counts['rejected']} rejected.",
        "",
    ]
    if drift:
        lines.append(f"## Sites that drifted ({len(drift)})")
        lines += [
            f"- **{_literal(row['site'])}**: {_literal('; '.join(row['flags']))}"
            for row in drift[:LISTED]
        ]
    else:
        lines.append("No site drifted from its earlier runs.")
    if summary["rejects_total"]:
        lines += ["", f"## Rejected ({summary['rejects_total']})"]
        lines += [
            f"- {_literal(uri)}: {_literal(reason)}" for uri, reason in summary["rejects"][:LISTED]
        ]
    return "\n".join(lines)


def _literal(text: str) -> str:
    """Text shown as written, not as markdown (a file name like my_*draft* stays as is)."""
    return "".join("\\" + c if c in "\\`*_[]<|" else c for c in str(text))
