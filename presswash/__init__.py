"""presswash: scraped news text in, a clean DuckDB warehouse out."""

__version__ = "0.1.0"
