"""Small helpers the tests share: build raw frames, run the pipeline, query DuckDB."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from presswash.transforms.pipeline import PipelineConfig, document_id_for, run_pipeline
from presswash.transforms.schemas import RAW_DOCUMENTS


def raw_frame(
    documents: dict[str, bytes], meta: dict[str, dict[str, str]] | None = None
) -> pl.DataFrame:
    """Raw document rows, as a reader would produce them, from {source_uri: bytes}."""
    meta = meta or {}
    rows = []
    for uri, payload in documents.items():
        rows.append(
            {
                "document_id": document_id_for(uri),
                "source_uri": uri,
                "source_path": uri,
                "line_no": None,
                "format": "html" if uri.endswith((".html", ".htm")) else "text",
                "raw": payload,
                "bytes": len(payload),
                "read_error": None,
                **{
                    k: meta.get(uri, {}).get(k) for k in ("url", "title", "published", "scraped_at")
                },
            }
        )
    return pl.DataFrame(rows, schema=RAW_DOCUMENTS)


def pipeline_tables(
    documents: dict[str, bytes],
    config: PipelineConfig = PipelineConfig(),
    meta: dict[str, dict[str, str]] | None = None,
) -> dict[str, pl.DataFrame]:
    return run_pipeline(raw_frame(documents, meta), "test-run", config).tables


def query(db: Path, sql: str, params: Any = None) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def table_counts(db: Path) -> dict[str, int]:
    tables = ("documents", "articles", "paragraphs", "images", "quotes", "removed_lines")
    return {t: query(db, f"select count(*) from {t}")[0][0] for t in tables}
