"""Read the SQL that lives in ``sql/`` (installed as the ``presswash.sql`` package)."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def sql_root() -> Traversable:
    return resources.files("presswash.sql")


def read_sql(relative: str) -> str:
    """The text of ``sql/<relative>``, e.g. ``read_sql("schema.sql")``."""
    return sql_root().joinpath(relative).read_text(encoding="utf-8")


def sql_folder(folder: str) -> list[tuple[str, str]]:
    """(name, text) of every ``.sql`` file in ``sql/<folder>``, sorted by name."""
    entries = [e for e in sql_root().joinpath(folder).iterdir() if e.name.endswith(".sql")]
    return [
        (e.name.removesuffix(".sql"), e.read_text(encoding="utf-8"))
        for e in sorted(entries, key=lambda e: e.name)
    ]


def statements(script: str) -> list[str]:
    r"""Split a script into statements, comments removed (our SQL keeps ';' and '--' out of
    string literals, so this needs no parser).

    >>> statements("select 1; -- one; two\n-- note\nselect 2;")
    ['select 1', 'select 2']
    """
    without_comments = "\n".join(line.split("--", 1)[0] for line in script.splitlines())
    return [s.strip() for s in without_comments.split(";") if s.strip()]
