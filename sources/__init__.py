"""Readers: find input files and turn them into raw document rows (the only file I/O
before the warehouse)."""
