"""Shared fixtures: the built databases (scale 1 and 20), the hostile-text database, the update tests' pages.

Helpers that are not fixtures live in tests/helpers/ (paths, AppTest, what a page drew, the browser, the
local stand-in for the official sources); no test module imports another.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
from pathlib import Path

import duckdb
import pytest

from hrdash.db import build, reference
from tests.helpers.hostile_text import hostile_db  # noqa: F401  (a session fixture, shared by every folder)
from tests.helpers.paths import ROOT
from tests.helpers.untc_pages import write_pages

# No Country profile prepared in the background (hrdash.app.profile_ui.prepare): the suite runs hundreds of app runs
# in one process on 2 cores; tests/pages/test_profile_prepare.py turns it on. Servers started by tests inherit it.
os.environ["HRDASH_PREPARE_PROFILE"] = "0"  # the default; a test turns it on itself (test_profile_prepare)


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the default database once and point the app (HRDASH_DB) at it."""
    path = tmp_path_factory.mktemp("db") / "hrdash.duckdb"
    build.build(path, scale=1, progress=lambda m: None)
    os.environ["HRDASH_DB"] = str(path)
    return path


@pytest.fixture(scope="session")
def scale20_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database at demo scale 20 (~1.3M recommendations) for the SP and UPR pages' tests (only read).

    Reuses bench/results/scale20.duckdb when bench/page_speed.py has built it from the current sources, else the
    one an earlier test session built from the same library and data (kept in pytest's cache folder, named by a
    hash of hrdash/ and data/), else builds one there (about a minute)."""
    bench = ROOT / "bench" / "results" / "scale20.duckdb"
    if not build.is_stale(bench) and build.build_info(bench).get("scale") == "20":
        return bench
    cache = getattr(request.config, "cache", None)  # None under -p no:cacheprovider
    folder = tmp_path_factory.mktemp("db20") if cache is None else cache.mkdir("hrdash_scale20")
    path = folder / f"scale20-{_code_and_data_hash()[:16]}.duckdb"
    with open(folder / "building.lock", "w") as lock:  # parallel workers (pytest -n): one builds, the others wait
        fcntl.flock(lock, fcntl.LOCK_EX)
        if build.build_info(path).get("scale") == "20" and not build.is_stale(path):
            return path
        for old in folder.glob("scale20-*"):  # an earlier library's database (and its store of imports, if any)
            shutil.rmtree(old) if old.is_dir() else old.unlink()
        build.build(path, scale=20, progress=lambda m: None)
    return path


def _code_and_data_hash() -> str:
    """Return a hash of every file a build can depend on: the library (all of hrdash/) and data/."""
    h = hashlib.sha256()
    for f in sorted([*(ROOT / "hrdash").rglob("*"), *(ROOT / "data" / "reference").rglob("*"),
                     *(ROOT / "data" / "public").rglob("*")]):  # fmt: skip
        if f.is_file() and "__pycache__" not in f.parts:
            h.update(f.relative_to(ROOT).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()


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
        reference.load_reference(c, progress=lambda m: None)
        yield c
