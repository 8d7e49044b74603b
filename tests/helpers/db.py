"""Database helpers for the tests: copies of the built database, reading rows, a checksum of every table (to prove
that a refused import changed nothing), importing one file, another process holding the database open."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from hrdash.importers import driver, load


def copy_of(built_db: Path, folder: Path) -> Path:
    """Return a copy of the built database at `folder`/hrdash.duckdb (its import store goes beside it)."""
    path = folder / "hrdash.duckdb"
    shutil.copy(built_db, path)
    return path


def fetch(db: Path, sql: str, params: dict | None = None) -> list[tuple]:
    """Return the rows of `sql` (named parameters `params`) on the database file `db`, opened read only."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or {}).fetchall()


def by_key(db: Path, sql: str, params: dict | None = None) -> dict:
    """Return {first column: tuple of the other columns} of the rows of `sql` on `db` (see `fetch`)."""
    return {r[0]: r[1:] for r in fetch(db, sql, params)}


def checksums(db: Path) -> dict:
    """Return {table: (row count, sum of row hashes)} of the database file `db` (read only)."""
    with duckdb.connect(str(db), read_only=True) as con:
        return load.checksums(con)


def import_one(db: Path, path: Path, **options):
    """Return (plan, log) of importing the one file `path` into `db` as user "test"."""
    [(plan, log)] = driver.import_paths(db, [path], imported_by="test", **options)
    return plan, log


@contextmanager
def held_open(db: Path) -> Iterator[subprocess.Popen]:
    """Yield another process that holds `db` open (read only, as a reader of the app would) until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}, read_only=True); "
         "print('open', flush=True); time.sleep(60)"], stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "open"
        yield holder
    finally:
        holder.kill()
        holder.wait()
