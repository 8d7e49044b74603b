"""The importer tests' database: a fresh copy of the built one per test (a module may share one instead)."""

from pathlib import Path

import pytest

from tests.helpers.db import copy_of


@pytest.fixture()
def db(built_db: Path, tmp_path: Path) -> Path:
    """A copy of the built database (demo data) to import into, at tmp_path/hrdash.duckdb."""
    return copy_of(built_db, tmp_path)
