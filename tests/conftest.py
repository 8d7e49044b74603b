"""Shared fixtures: the built databases (scale 1 and 20), the hostile-text database, the update tests' pages.

Helpers that are not fixtures live in tests/helpers/ (paths, AppTest, what a page drew, the browser, the
local stand-in for the official sources); no test module imports another.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from hrdash import db
from tests.helpers.hostile_text import hostile_db  # noqa: F401  (a session fixture, shared by every folder)
from tests.helpers.paths import ROOT
from tests.helpers.untc_pages import write_pages


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the default database once and point the app (HRDASH_DB) at it."""
    path = tmp_path_factory.mktemp("db") / "hrdash.duckdb"
    db.build(path, scale=1, progress=lambda m: None)
    os.environ["HRDASH_DB"] = str(path)
    return path


@pytest.fixture(scope="session")
def scale20_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database at demo scale 20 (~1.3M recommendations), built once per session for the SP and UPR pages.

    Reuses bench/results/scale20.duckdb when bench/page_speed.py has built it from the current sources (it is
    only read), and otherwise builds one (about a minute)."""
    bench = ROOT / "bench" / "results" / "scale20.duckdb"
    if not db.is_stale(bench) and db.build_info(bench).get("scale") == "20":
        return bench
    path = tmp_path_factory.mktemp("db20") / "hrdash20.duckdb"
    db.build(path, scale=20, progress=lambda m: None)
    return path


@pytest.fixture(scope="session")
def update_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Treaty Collection pages the update tests serve, written once from one template (helpers/untc_pages.py)."""
    return write_pages(tmp_path_factory.mktemp("update_pages"))


@pytest.fixture()
def con(built_db: Path):
    with duckdb.connect(str(built_db), read_only=True) as c:
        yield c


@pytest.fixture()
def empty_db():
    """An in-memory database with the schema and the reference data, no fact rows."""
    with duckdb.connect() as c:
        db.load_reference(c, progress=lambda m: None)
        yield c
