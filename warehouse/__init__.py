"""The warehouse: the only package that opens DuckDB connections."""

from __future__ import annotations

import os

# DuckDB's own default is 80 % of RAM, and a held connection keeps what it read cached:
# the loader's memory grew with the warehouse (1.2 GB after 50,000 articles). What the
# load needs grows with the warehouse too (its key indexes live in memory): 192 MB ran out
# between 100,000 and 150,000 articles (an 0.8-1.2 GB file), 256 MB held to 150,000, and
# 128 MB ran out once in three runs that grew a fresh warehouse to 50,000 (0.4 GB) until
# the loader took DuckDB's advice for small limits (one thread, no insertion order; see
# load.py). So "auto" (the default) gives DuckDB half the warehouse's size, at least
# 128 MB and at most 4 GB, worked out again at each connection: a run into a growing
# warehouse gets more as it goes. A size ("1GB") fixes it.
# Here, not in load.py, so the CLI can show it without importing DuckDB.
DEFAULT_MEMORY_LIMIT = "auto"
AUTO_MIN_MB = 128
AUTO_MAX_MB = 4096


def memory_limit_for(db: str | os.PathLike[str], setting: str) -> str:
    """The DuckDB memory limit for ``db``: ``setting`` itself, or for "auto" half the
    warehouse file (with its write-ahead log) within 128 MB - 4 GB.

    >>> memory_limit_for("no-such.duckdb", "auto"), memory_limit_for("x", "2GB")
    ('128MB', '2GB')
    """
    if setting.strip().lower() != "auto":
        return setting
    size = sum(
        os.path.getsize(path)
        for path in (os.fspath(db), f"{os.fspath(db)}.wal")
        if os.path.exists(path)
    )
    megabytes = min(max(size // 2 // 1_000_000, AUTO_MIN_MB), AUTO_MAX_MB)
    return f"{megabytes}MB"
