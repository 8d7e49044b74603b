"""Where the project's files are, resolved from the package location."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = Path(__file__).resolve().parent / "db" / "schema.sql"
QUERIES = ROOT / "queries"
REFERENCE = ROOT / "data" / "reference"
PUBLIC = ROOT / "data" / "public"  # real public facts derived from the official sources (derive-public)
DEMO = ROOT / "data" / "demo"


def default_db() -> Path:
    """Return the database the app and the CLI use: $HRDASH_DB or data/hrdash.duckdb."""
    return Path(os.environ.get("HRDASH_DB", ROOT / "data" / "hrdash.duckdb"))
