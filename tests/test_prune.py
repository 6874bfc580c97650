"""--prune removes the rows of inputs that are gone, and only those: the inputs its sources
cover by the rule discovery uses (a glob's * does not cross a folder)."""

from __future__ import annotations

from tests.conftest import SEED
from tests.helpers import query


def _article(path, title: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = SEED.read_text(encoding="utf-8").replace("Friday 10 December 2021", title, 1)
    path.write_text(text, encoding="utf-8")


def _paths(db) -> list[str]:
    return [p for (p,) in query(db, "select source_path from documents order by 1")]


def test_prune_with_a_glob_keeps_what_the_glob_does_not_reach(prefect_server, tmp_path):
    from presswash.flows.ingest import ingest_flow

    feeds, db = tmp_path / "feeds", tmp_path / "w.duckdb"
    _article(feeds / "a.txt", "Saturday 11 December 2021")
    _article(feeds / "gone.txt", "Sunday 12 December 2021")
    _article(feeds / "sub" / "deep.txt", "Monday 13 December 2021")
    ingest_flow(sources=[str(feeds)], db=str(db))  # everything, sub-folder included
    (feeds / "gone.txt").unlink()

    summary = ingest_flow(sources=[str(feeds / "*.txt")], db=str(db), prune=True)
    assert summary["pruned"] == 1
    assert _paths(db) == [str(feeds / "a.txt"), str(feeds / "sub" / "deep.txt")]
    ledger = [p for (p,) in query(db, "select path from source_files order by 1")]
    assert ledger == [str(feeds / "a.txt"), str(feeds / "sub" / "deep.txt")]
