"""The SQL folders ship with the package, declared so that setuptools neither warns about
each one on install (issue 13, item 11: about 230 lines of BuildBackendWarning) nor leaves
their files out of a wheel."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _setuptools() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]


def test_every_sql_folder_is_a_declared_package_with_its_files():
    config = _setuptools()
    folders = sorted(
        {path.parent.relative_to(REPO) for path in (REPO / "sql").rglob("*.sql")}, key=str
    )
    assert folders, "no SQL files found"
    for folder in folders:
        package = "presswash." + ".".join(folder.parts)
        assert package in config["packages"], package
        assert "*.sql" in config["package-data"].get(package, []), package


def test_the_line_model_weights_ship_with_the_transforms():
    assert "line_model.json" in _setuptools()["package-data"]["presswash.transforms"]
