"""The records passed between steps, defined once.

Each output schema matches a table in ``sql/schema.sql`` column for column (a test
checks it), so a frame produced here loads into DuckDB without renaming or casting.
"""

from __future__ import annotations

import polars as pl

# What a reader hands to the pipeline: one row per input document, bytes not yet decoded.
RAW_DOCUMENTS = pl.Schema(
    {
        "document_id": pl.String,
        "source_uri": pl.String,
        "source_path": pl.String,
        "line_no": pl.Int32,  # line within a .jsonl file; null for a whole file
        "format": pl.String,  # text, html, jsonl-text or jsonl-html (jsonl: a whole file)
        "raw": pl.Binary,
        "bytes": pl.Int64,
        "read_error": pl.String,  # set when the reader could not produce bytes
        "url": pl.String,  # metadata a JSON Lines scraper may provide
        "title": pl.String,
        "published": pl.String,
        "scraped_at": pl.String,
    }
)

# Output tables (the warehouse's columns, in order).
DOCUMENTS = pl.Schema(
    {
        "document_id": pl.String,
        "source_uri": pl.String,
        "source_path": pl.String,
        "line_no": pl.Int32,
        "raw_sha256": pl.String,
        "bytes": pl.Int64,
        "encoding": pl.String,
        "repairs": pl.String,
        "status": pl.String,
        "reason": pl.String,
        "article_id": pl.String,
        "run_id": pl.String,
        "ingested_at": pl.Datetime("us"),
        "site": pl.String,  # URL host, JSON Lines file or folder: whose chrome it shares
        "format": pl.String,  # the path it took: text, html, jsonl-text or jsonl-html
    }
)

ARTICLES = pl.Schema(
    {
        "article_id": pl.String,
        "document_id": pl.String,
        "source_uri": pl.String,
        "url": pl.String,
        "published_date": pl.Date,
        "date_line": pl.String,
        "headline": pl.String,
        "body_text": pl.String,
        "word_count": pl.Int32,
        "paragraph_count": pl.Int32,
        "image_count": pl.Int32,
        "quote_count": pl.Int32,
        "scraped_at": pl.Datetime("us"),
        "run_id": pl.String,
        "loaded_at": pl.Datetime("us"),
        "author": pl.String,  # the name in the byline, when the page printed one
    }
)

PARAGRAPHS = pl.Schema(
    {
        "article_id": pl.String,
        "position": pl.Int32,
        "text": pl.String,
        "word_count": pl.Int32,
        "line_no": pl.Int32,
    }
)

IMAGES = pl.Schema(
    {
        "article_id": pl.String,
        "position": pl.Int32,
        "alt_text": pl.String,
        "caption": pl.String,
        "caption_repeats": pl.Int32,
        "line_no": pl.Int32,
        "credit": pl.String,  # "Credit Harry Campbell", "(AP Photo/J. Scott Applewhite)"
    }
)

QUOTES = pl.Schema(
    {
        "article_id": pl.String,
        "position": pl.Int32,
        "source": pl.String,  # headline, body or caption
        "paragraph_position": pl.Int32,  # paragraph (body) or image (caption) position
        "end_paragraph_position": pl.Int32,  # last paragraph of a multi-paragraph quote
        "start_char": pl.Int32,
        "end_char": pl.Int32,
        "quote_text": pl.String,
        "speaker": pl.String,
        "speaker_canonical": pl.String,
        "cue": pl.String,
        "kind": pl.String,
        "speaker_kind": pl.String,  # person, organisation, document, group, pronoun
    }
)

REMOVED_LINES = pl.Schema(
    {
        "document_id": pl.String,
        "line_no": pl.Int32,
        "text": pl.String,
        "rule": pl.String,
        "score": pl.Float64,  # the line model's body score, for a scored decision
    }
)

# Table name -> schema, in load order (parents before children).
TABLES: dict[str, pl.Schema] = {
    "documents": DOCUMENTS,
    "articles": ARTICLES,
    "paragraphs": PARAGRAPHS,
    "images": IMAGES,
    "quotes": QUOTES,
    "removed_lines": REMOVED_LINES,
}


def empty(schema: pl.Schema) -> pl.DataFrame:
    """An empty frame with the given schema.

    >>> empty(REMOVED_LINES).columns
    ['document_id', 'line_no', 'text', 'rule', 'score']
    """
    return pl.DataFrame(schema=schema)
