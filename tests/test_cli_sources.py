"""What `presswash run` says of the sources it is given: a named path that is not there
fails the command (a scheduled run with a typo must not pass silently); a glob that matches
nothing yet is normal."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from presswash.cli import app


def test_a_missing_path_fails_the_command_before_any_run(tmp_path):
    db = tmp_path / "w.duckdb"
    missing = tmp_path / "scrapes-2024"
    result = CliRunner().invoke(app, ["run", str(missing), "--db", str(db)])
    assert result.exit_code == 1
    assert f"no such file or folder: {missing}" in " ".join(result.output.split())
    assert not db.exists()


def test_a_glob_that_matches_nothing_is_a_note_and_a_completed_run(prefect_server, tmp_path):
    db = tmp_path / "w.duckdb"
    pattern = str(tmp_path / "feeds" / "*.jsonl")
    result = CliRunner().invoke(app, ["run", pattern, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    assert f"note: nothing matches {pattern} yet" in " ".join(result.output.split())
    summary = json.loads(result.stdout[result.stdout.index("{") :])
    assert summary["status"] == "completed"
    assert summary["counts"]["seen"] == 0
