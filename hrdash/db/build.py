"""Build the DuckDB database (schema, reference and public facts, demo data, re-applied imports); tell if stale."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from .. import demo
from ..importers import replay, store  # above the importers: a rebuild re-applies their imports
from ..paths import PUBLIC, REFERENCE, ROOT, SCHEMA, default_db
from . import lock
from .connect import holding, insert_frame
from .reference import load_public, load_reference, reference_frames

Progress = Callable[[str], None]


def sources_hash() -> str:
    """Return a hash of everything the database is built from (schema, reference and public data, generator)."""
    h = hashlib.sha256()
    files = [SCHEMA, *sorted(REFERENCE.glob("*.csv")), *sorted(PUBLIC.glob("*.csv")), PUBLIC / "datasets.json",
             *sorted((ROOT / "hrdash" / "demo").glob("*.py"))]  # fmt: skip
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def build(db: Path | None = None, scale: int = 1, progress: Progress = print) -> Path:
    """Build the database into a temporary file and move it into place only when complete."""
    db = Path(db or default_db())
    db.parent.mkdir(parents=True, exist_ok=True)
    with holding(db, "build"):  # refuse at once, before the work, while another process (the app) has the file open
        pass
    tmp = db.with_name(f".{db.name}.building-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    started = time.perf_counter()
    con = duckdb.connect(str(tmp))
    try:
        load_reference(con, progress)
        facts = load_public(con, progress)
        progress(f"generating demo data (scale {scale}) ...")
        tables = demo.generate(reference_frames(con), facts, scale=scale)
        for table in demo.FACT_TABLES:
            insert_frame(con, table, tables[table])
            progress(f"demo       {table:<24} {len(tables[table]):>9,} rows")
        info = {
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "scale": str(scale),
            "demo_seed": str(demo.common.SEED),
            "sources_hash": sources_hash(),
        }
        with _imports_held(db), holding(db, "build") as old:  # no import in between; refused while the app has the file
            info |= _reapply_imports(con, db, progress, old)
            con.executemany("insert into build_info values (?, ?)", list(info.items()))
            con.execute("checkpoint")
            con.close()
            os.replace(tmp, db)
    except BaseException:
        con.close()
        tmp.unlink(missing_ok=True)
        raise
    progress(f"built {db} in {time.perf_counter() - started:.1f} s ({db.stat().st_size / 1e6:.1f} MB)")
    return db


def _has_imports(db: Path) -> bool:
    return db.exists() or store.store_dir(db).exists()


@contextmanager
def _imports_held(db: Path):
    """Hold the import lock of `db` while its imports are re-applied and the new file moved in place."""
    if not _has_imports(db):
        yield
        return
    with lock.importing(db):
        yield


def _reapply_imports(con: duckdb.DuckDBPyConnection, db: Path, progress: Progress, old=None) -> dict[str, str]:
    """Re-apply to the new database the imports of the one it replaces (see importers.replay)."""
    if not _has_imports(db):
        return {}
    return replay.replay(con, db, db, progress, old)


def build_info(db: Path) -> dict[str, str]:
    """Return the build_info table of a database, or {} if it cannot be read."""
    if not db.exists():
        return {}
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            return dict(con.execute("select key, value from build_info").fetchall())
    except duckdb.Error:
        return {}


def is_stale(db: Path) -> bool:
    """Return True if the database is missing, unreadable or built from other sources."""
    return build_info(db).get("sources_hash") != sources_hash()


def ensure_built(db: Path | None = None, progress: Progress = print) -> Path:
    """Build the database if it is missing or older than its sources; keep its scale."""
    db = Path(db or default_db())
    with lock.building(db):
        if is_stale(db):
            scale = int(build_info(db).get("scale", "1"))
            build(db, scale=scale, progress=progress)
    return db
