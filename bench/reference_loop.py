"""The hand-written per-document loop a user would write without presswash.

It is the baseline for the benchmark, so it is deliberately plain: one file at a time, ftfy on the
whole text, line-by-line cleaning in Python, rows collected in lists, then one bulk insert per
table into DuckDB at the end.

    python -m bench.reference_loop DIR --db PATH
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import duckdb
import ftfy
import polars as pl

BOILERPLATE_PATTERNS = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^post a comment$",
        r"^start typing and press enter to search$",
        r"^share this article$",
        r"^follow us on \w+$",
        r"^advertisement$",
        r"^sign up for our newsletter$",
        r"^read more:?$",
        r"^© \d{4} .*all rights reserved\.?$",
    )
]
# ftfy.fix_text straightens curly quotes, so straight quotes are all there is to match.
QUOTE_PATTERN = re.compile(r"'([^']+)'|\"([^\"]+)\"")

CREATE_TABLES = """
CREATE OR REPLACE TABLE articles (
    article_id INTEGER, path VARCHAR, date_line VARCHAR, headline VARCHAR, paragraph_count INTEGER
);
CREATE OR REPLACE TABLE paragraphs (article_id INTEGER, position INTEGER, text VARCHAR);
CREATE OR REPLACE TABLE quotes (article_id INTEGER, position INTEGER, text VARCHAR);
"""


def is_boilerplate(line: str) -> bool:
    return any(pattern.match(line) for pattern in BOILERPLATE_PATTERNS)


def clean_lines(text: str) -> list[str]:
    """Stripped, non-blank, non-boilerplate lines with consecutive duplicates dropped."""
    lines: list[str] = []
    for raw_line in text.splitlines():
        line = raw_line.strip()  # str.strip also removes non-breaking spaces
        if not line or is_boilerplate(line):
            continue
        if lines and lines[-1] == line:  # doubled alt text and captions
            continue
        lines.append(line)
    return lines


def run_reference(paths: list[Path], db_path: Path) -> dict:
    """Clean every file and load articles, paragraphs and quotes into db_path."""
    started = time.perf_counter()
    articles: dict[str, list] = {
        "article_id": [],
        "path": [],
        "date_line": [],
        "headline": [],
        "paragraph_count": [],
    }
    paragraphs: dict[str, list] = {"article_id": [], "position": [], "text": []}
    quotes: dict[str, list] = {"article_id": [], "position": [], "text": []}
    total_bytes = 0

    for article_id, path in enumerate(paths):
        raw = path.read_bytes()
        total_bytes += len(raw)
        text = ftfy.fix_text(raw.decode("utf-8", errors="replace"))
        lines = clean_lines(text)
        body = lines[2:]

        articles["article_id"].append(article_id)
        articles["path"].append(str(path))
        articles["date_line"].append(lines[0] if lines else None)
        articles["headline"].append(lines[1] if len(lines) > 1 else None)
        articles["paragraph_count"].append(len(body))

        quote_position = 0
        for position, paragraph in enumerate(body):
            paragraphs["article_id"].append(article_id)
            paragraphs["position"].append(position)
            paragraphs["text"].append(paragraph)
            for match in QUOTE_PATTERN.finditer(paragraph):
                quotes["article_id"].append(article_id)
                quotes["position"].append(quote_position)
                quotes["text"].append(match.group(1) or match.group(2))
                quote_position += 1

    frames = {
        "articles": pl.DataFrame(
            articles,
            schema={
                "article_id": pl.Int32,
                "path": pl.String,
                "date_line": pl.String,
                "headline": pl.String,
                "paragraph_count": pl.Int32,
            },
        ),
        "paragraphs": pl.DataFrame(
            paragraphs, schema={"article_id": pl.Int32, "position": pl.Int32, "text": pl.String}
        ),
        "quotes": pl.DataFrame(
            quotes, schema={"article_id": pl.Int32, "position": pl.Int32, "text": pl.String}
        ),
    }
    con = duckdb.connect(str(db_path))
    try:
        con.execute(CREATE_TABLES)
        con.execute("BEGIN TRANSACTION")
        for table, frame in frames.items():
            con.register(f"{table}_frame", frame)
            con.execute(f"INSERT INTO {table} SELECT * FROM {table}_frame")
            con.unregister(f"{table}_frame")
        con.execute("COMMIT")
    finally:
        con.close()

    return {
        "documents": len(paths),
        "bytes": total_bytes,
        "seconds": time.perf_counter() - started,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Baseline: clean and load a corpus by hand.")
    parser.add_argument("corpus", type=Path, help="directory of .txt articles (searched deeply)")
    parser.add_argument("--db", type=Path, required=True, help="DuckDB file to (re)create")
    args = parser.parse_args(argv)
    paths = sorted(args.corpus.rglob("*.txt"))
    result = run_reference(paths, args.db)
    megabytes = result["bytes"] / 1e6
    print(
        f"documents: {result['documents']:,}  MB: {megabytes:.1f}  "
        f"seconds: {result['seconds']:.2f}  MB/s: {megabytes / result['seconds']:.2f}"
    )


if __name__ == "__main__":
    main()
