"""Database helpers for the tests: a checksum of every table, to prove that a refused import changed nothing."""

from __future__ import annotations

from pathlib import Path

import duckdb

from hrdash.importers import load


def checksums(db: Path) -> dict:
    """Return {table: (row count, sum of row hashes)} of the database file `db` (read only)."""
    with duckdb.connect(str(db), read_only=True) as con:
        return load.checksums(con)
