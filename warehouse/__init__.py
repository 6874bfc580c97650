"""The warehouse: the only package that opens DuckDB connections."""

# DuckDB's own default is 80 % of RAM, and a held connection keeps what it read cached:
# the loader's memory grew with the warehouse (1.2 GB after 50,000 articles). With 256 MB
# the same load took 15.4 -> 17.6 s, and a run's memory no longer depends on the corpus.
# Here, not in load.py, so the CLI can show it without importing DuckDB.
DEFAULT_MEMORY_LIMIT = "256MB"
