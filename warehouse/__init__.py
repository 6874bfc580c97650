"""The warehouse: the only package that opens DuckDB connections."""

# DuckDB's own default is 80 % of RAM, and a held connection keeps what it read cached:
# the loader's memory grew with the warehouse (1.2 GB after 50,000 articles). Capped at
# 256 MB it stayed under 400 MB through 150,000 articles, the most measured; loading
# 50,000 took 18-21 s instead of 14 s, and the third 50,000 took 29 s. What the load needs
# grows with the warehouse: 192 MB ran out of memory between 100,000 and 150,000 articles,
# 64 MB sooner. Larger warehouses need a larger --memory-limit.
# Here, not in load.py, so the CLI can show it without importing DuckDB.
DEFAULT_MEMORY_LIMIT = "256MB"
