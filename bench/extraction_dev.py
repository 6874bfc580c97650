"""The extraction development set (``../shared/extraction-dev``): pages, truth, metadata.

Real news pages rendered to text two ways (inscriptis, BeautifulSoup), each with the text of
its article body (``truth/``) and its headline and date (``meta/``). Used by the training
script of the line model and by ``make eval``; never by the product at run time.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import re
from collections import Counter
from functools import cache
from pathlib import Path
from types import ModuleType

import polars as pl

from presswash.transforms.schemas import RAW_DOCUMENTS

REPO = Path(__file__).resolve().parents[1]
RENDERERS = ("inscriptis", "bs4")
SOURCES = ("scrapinghub", "goose3", "np4k", "readability")


def dev_folder() -> Path:
    """``$PRESSWASH_EXTRACTION_DEV``, else ``../shared/extraction-dev`` beside the repository."""
    folder = Path(
        os.environ.get("PRESSWASH_EXTRACTION_DEV", REPO.parent / "shared" / "extraction-dev")
    )
    if not (folder / "ids.txt").exists():
        raise SystemExit(f"no extraction development set at {folder}: set PRESSWASH_EXTRACTION_DEV")
    return folder


def page_ids(folder: Path) -> list[str]:
    return (folder / "ids.txt").read_text().split()


def source_of(page_id: str) -> str:
    prefix = page_id.split("_", 1)[0]
    return {"rdb": "readability"}.get(prefix, prefix)


@cache
def hosts(folder: Path) -> dict[str, str]:
    """Page id -> site host (without ``www.``): the group for site-wise cross-validation."""
    with open(folder / "sources.tsv", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {row["id"]: (row["host"] or row["id"]).removeprefix("www.") for row in rows}


def truth_text(folder: Path, page_id: str) -> str:
    return (folder / "truth" / f"{page_id}.txt").read_text(encoding="utf-8")


def meta(folder: Path, page_id: str) -> dict | None:
    path = folder / "meta" / f"{page_id}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def raw_documents(rows: list[tuple[str, str, bytes]]) -> pl.DataFrame:
    """Raw document rows, as a reader makes them, from (document_id, source, payload)."""
    return pl.DataFrame(
        [
            {
                "document_id": document_id,
                "source_uri": source,
                "source_path": source,
                "line_no": None,
                "raw": payload,
                "bytes": len(payload),
                "read_error": None,
                "url": None,
                "title": None,
                "published": None,
                "scraped_at": None,
            }
            for document_id, source, payload in rows
        ],
        schema=RAW_DOCUMENTS,
    )


def raw_pages(folder: Path, renderer: str, ids: list[str]) -> pl.DataFrame:
    """The pages of one rendering as raw document rows; ``document_id`` is ``renderer:id``."""
    rows = []
    for page_id in ids:
        path = folder / "inputs" / renderer / f"{page_id}.txt"
        rows.append((f"{renderer}:{page_id}", str(path), path.read_bytes()))
    return raw_documents(rows)


def _script(folder: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"extraction_{name}", folder / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def scorer(folder: Path) -> ModuleType:
    """The benchmark's own metric, ``score.py`` of the development set."""
    return _script(folder, "score")


@cache
def meta_scorer(folder: Path) -> ModuleType:
    """The headline and date scorer, ``score_meta.py`` of the development set."""
    return _script(folder, "score_meta")


TOKEN = re.compile(r"\w+")


class TruthIndex:
    """The truth's 4-token shingles (and shorter n-grams) for labelling lines."""

    def __init__(self, truth: str) -> None:
        tokens = TOKEN.findall(truth)
        self.grams = {
            n: Counter(zip(*(tokens[i:] for i in range(n)), strict=False)) for n in (1, 2, 3, 4)
        }

    def body_share(self, line: str) -> float:
        """Share of the line's 4-token shingles found in the truth (whole n-gram if shorter)."""
        tokens = TOKEN.findall(line)
        if not tokens:
            return 0.0
        n = min(4, len(tokens))
        grams = list(zip(*(tokens[i:] for i in range(n)), strict=False))
        return sum(1 for gram in grams if gram in self.grams[n]) / len(grams)
