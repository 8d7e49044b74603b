"""Shared fixtures: one built database for the session (scale 1), the project paths."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from hrdash.db import build, reference

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the default database once and point the app (HRDASH_DB) at it."""
    path = tmp_path_factory.mktemp("db") / "hrdash.duckdb"
    build.build(path, scale=1, progress=lambda m: None)
    os.environ["HRDASH_DB"] = str(path)
    return path


@pytest.fixture()
def con(built_db: Path):
    with duckdb.connect(str(built_db), read_only=True) as c:
        yield c


@pytest.fixture()
def empty_db():
    """An in-memory database with the schema and the reference data, no fact rows."""
    with duckdb.connect() as c:
        reference.load_reference(c, progress=lambda m: None)
        yield c


def seed_text(number: str) -> str:
    """Return the text of seed document NNN."""
    if not SEEDS.exists():
        pytest.skip(f"seed documents not found at {SEEDS} (../shared is absent)")
    return next(SEEDS.glob(f"{number}_*.txt")).read_text()
