"""Build the DuckDB database: the schema, the reference CSVs, the bundled public facts, the demo generator, imports."""

from __future__ import annotations

import fcntl
import hashlib
import os
import time
from collections.abc import Callable
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from . import demo, public
from .paths import PUBLIC, REFERENCE, ROOT, SCHEMA, default_db

# Reference tables in load order (foreign keys first; upr_session is the UPR calendar of data/public), then seed
# facts of fact tables.
REFERENCE_TABLES = [
    "country",
    "instrument",
    "sp_mandate",
    "ea",
    "target_kind",
    "ea_target",
    "seed_figure",
    "upr_session",
]
SEED_FACT_TABLES = ["hra_deployment", "unct_engagement", "story", "normative_output"]
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


def _column_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    rows = con.execute("select column_name, data_type from duckdb_columns() where table_name = $t", {"t": table})
    return dict(rows.fetchall())


def load_csv(con: duckdb.DuckDBPyConnection, table: str, path: Path) -> int:
    """Insert a reference CSV into its table (blank = NULL, `a;b` = list) and return the row count."""
    types = _column_types(con, table)
    header = pd.read_csv(path, nrows=0).columns.tolist()
    unknown = [c for c in header if c not in types]
    if unknown:
        raise ValueError(f"{path.name}: columns {unknown} are not in table {table}")
    exprs = []
    for col in header:
        raw = f"nullif(trim(\"{col}\"), '')"
        if types[col].endswith("[]"):
            exprs.append(f"coalesce(string_split({raw}, ';'), [])")
        else:
            exprs.append(f"{raw}::{types[col]}")
    cols = ", ".join(f'"{c}"' for c in header)
    try:
        con.execute(
            f"insert into {table} ({cols}) select {', '.join(exprs)} "
            "from read_csv($path, header = true, all_varchar = true, quote = '\"')",
            {"path": str(path)},
        )
    except duckdb.Error as e:
        raise ValueError(f"{path.name}: {e}") from e
    return con.execute(f"select count(*) from {table}").fetchone()[0]


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, df: pd.DataFrame) -> None:
    """Insert a DataFrame into a table by column name."""
    cols = ", ".join(f'"{c}"' for c in df.columns)
    con.register("frame", df)
    try:
        con.execute(f"insert into {table} ({cols}) select {cols} from frame")
    finally:
        con.unregister("frame")


def load_reference(con: duckdb.DuckDBPyConnection, progress: Progress = print) -> None:
    """Create the schema and load the reference CSVs and the seed facts into `con`."""
    con.execute(SCHEMA.read_text())
    for table in [*REFERENCE_TABLES, *SEED_FACT_TABLES]:
        path = (PUBLIC if table == public.CALENDAR else REFERENCE) / f"{table}.csv"
        if path.exists():
            n = load_csv(con, table, path)
            progress(f"{'public' if path.parent == PUBLIC else 'reference':<10} {table:<24} {n:>9,} rows")


def load_public(con: duckdb.DuckDBPyConnection, progress: Progress = print) -> dict[str, pd.DataFrame]:
    """Load the bundled public facts (data/public, sources public:<dataset>) into `con`; return them as frames."""
    frames = {}
    for table in public.FACT_TABLES:
        path = PUBLIC / f"{table}.csv"
        before = con.execute(f"select count(*) from {table}").fetchone()[0]
        n = load_csv(con, table, path) - before
        progress(f"public     {table:<24} {n:>9,} rows")
        frames[table] = con.execute(f"select * exclude (status) from {table}" if table == "ratification"
                                    else f"select * from {table}").df()  # fmt: skip
    return frames


def reference_frames(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    return {t: con.execute(f"select * from {t}").df() for t in [*REFERENCE_TABLES, *SEED_FACT_TABLES]}


def build(db: Path | None = None, scale: int = 1, progress: Progress = print) -> Path:
    """Build the database into a temporary file and move it into place only when complete."""
    db = Path(db or default_db())
    db.parent.mkdir(parents=True, exist_ok=True)
    with _held(db):  # refuse at once, before the work, while another process (the app) has the file open
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
        with _imports_held(db), _held(db) as old:  # no import in between; refused while the app has the file
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
    from .importers import store

    return db.exists() or store.store_dir(db).exists()


@contextmanager
def _imports_held(db: Path):
    """Hold the import lock of `db` while its imports are re-applied and the new file moved in place."""
    if not _has_imports(db):
        yield
        return
    from .importers import service

    with service.import_lock(db):
        yield


def _reapply_imports(con: duckdb.DuckDBPyConnection, db: Path, progress: Progress, old=None) -> dict[str, str]:
    """Re-apply to the new database the imports of the one it replaces (see importers.service.replay)."""
    if not _has_imports(db):
        return {}
    from .importers import service

    return service.replay(con, db, db, progress, old)


@contextmanager
def _held(db: Path):
    """Hold the database being replaced open read-write: raises importers.model.Locked while the app has it open."""
    from .importers import service

    with service.holding(db, "build") as old:
        yield old


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


@contextmanager
def _lock(db: Path):
    db.parent.mkdir(parents=True, exist_ok=True)
    with open(db.with_name(f".{db.name}.lock"), "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def ensure_built(db: Path | None = None, progress: Progress = print) -> Path:
    """Build the database if it is missing or older than its sources; keep its scale."""
    db = Path(db or default_db())
    with _lock(db):
        if is_stale(db):
            scale = int(build_info(db).get("scale", "1"))
            build(db, scale=scale, progress=progress)
    return db
