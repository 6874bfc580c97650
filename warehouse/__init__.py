"""The warehouse: the only package that opens DuckDB connections."""
