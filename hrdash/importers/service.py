"""Importing files into a database file: locking, the read-write connection, and re-applying after a rebuild.

DuckDB lets one process write a database file, and no other process may even read it
meanwhile. An import therefore takes the database's import lock (so two imports, or an import
and a rebuild, never interleave) and opens the file read-write; if another process holds the
file — typically the running app — it fails with `Locked`, naming that process, and nothing is
changed. Inside the app, imports go through `ui.write_connection()`, which pauses the app's own
queries and swaps its read-only connection for a read-write one.
"""

from __future__ import annotations

import fcntl
import getpass
import json
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from . import load, pipeline, store
from .model import Locked, Plan


@contextmanager
def import_lock(db: Path) -> Iterator[None]:
    """Hold the database's import lock (a file beside it) for the duration of the block."""
    db = Path(db)
    db.parent.mkdir(parents=True, exist_ok=True)
    with open(db.with_name(f".{db.name}.import.lock"), "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def locked_message(db: Path, error: Exception, action: str = "import") -> str:
    """Return a clear message for a database another process holds open (`action`: import, build, update)."""
    m = re.search(r"PID (\d+)", str(error))
    who = f"process {m.group(1)}" if m else "another process"
    return (
        f"the database {db} is open in {who} (probably the dashboard app, which keeps it open while it runs): "
        f"import from the app's Data page, or stop the app and run the {action} again. Nothing was changed."
    )


def connect_writer(db: Path, action: str = "import") -> duckdb.DuckDBPyConnection:
    """Open the database read-write, or raise Locked if another process holds it."""
    try:
        return duckdb.connect(str(db))
    except duckdb.IOException as e:
        if "lock" in str(e).lower():
            raise Locked(locked_message(db, e, action)) from e
        raise


@contextmanager
def holding(db: Path, action: str = "build") -> Iterator[duckdb.DuckDBPyConnection | None]:
    """Hold an existing database file open read-write while it is replaced; raise Locked if another process has it.

    The single-writer rule: the running app keeps the file open, so a rebuild (or an import) from the command
    line is refused, as an import is, rather than replacing a file the app would go on reading. None when
    there is no file, or one DuckDB cannot open (it is rebuilt all the same).
    """
    if not Path(db).exists():
        yield None
        return
    try:
        con = connect_writer(db, action)
    except Locked:
        raise
    except duckdb.Error:
        yield None
        return
    try:
        yield con
    finally:
        con.close()


def connect_reader(db: Path) -> duckdb.DuckDBPyConnection | None:
    """Open the database read-only for a dry run; None if it cannot be opened (e.g. held by a writer)."""
    try:
        return duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return None


def who() -> str:
    """Return who runs a command-line import: user@host."""
    try:
        user = getpass.getuser()
    except Exception:  # no login name in some containers
        user = "unknown"
    return f"{user}@{socket.gethostname()} (command line)"


def load_plans(
    con: duckdb.DuckDBPyConnection, plans: list[Plan], store_root: Path, imported_by: str, progress=print
) -> list[dict[str, Any] | None]:
    """Load checked plans one by one (one transaction each); return their import_log rows (None: already there)."""
    out = []
    for plan in plans:
        if plan.status != "ready":
            out.append(None)
            continue
        out.append(pipeline.load_plan(con, plan, store_root, imported_by, progress))
    return out


def import_paths(
    db: Path, paths: list[Path], *, imported_by: str | None = None, progress=lambda m: None, **options: Any
) -> list[tuple[Plan, dict[str, Any] | None]]:
    """Check and load files into a database file (taking its import lock); return each plan and its log row.

    `options` are those of pipeline.inspect (fmt, table, instrument, source_name, encoding, skip_bad_rows,
    max_mb). Raises Locked if another process holds the database.
    """
    root = store.store_dir(db)
    out = []
    with import_lock(db):
        con = connect_writer(db)
        try:
            for path in paths:
                plan = pipeline.inspect(
                    Path(path).read_bytes(), Path(path).name, store_root=root, target=con, **options
                )
                log = (
                    pipeline.load_plan(con, plan, root, imported_by or who(), progress)
                    if plan.status == "ready"
                    else None
                )
                out.append((plan, log))
        finally:
            con.close()
    return out


def replay(
    con: duckdb.DuckDBPyConnection,
    old_db: Path,
    new_db: Path,
    progress=print,
    old_con: duckdb.DuckDBPyConnection | None = None,
) -> dict[str, Any]:
    """Re-apply the imports of `old_db` (or, if it is gone, of the store) to a freshly built database.

    Imports are re-applied in their original order with their original import_log rows, each after its
    stored files are checked against their checksums (store.verify). One that cannot be re-applied (its
    folder or manifest is missing or damaged, a file was swapped, it no longer fits the schema) keeps its
    log row and is listed in build_info `imports_not_reapplied` with the reason: the app shows it, every
    rebuild tries again, and importing its file again restores it. `old_con`: the old database, already open.
    """
    root = store.store_dir(new_db)
    entries = _log_of(old_con) if old_con is not None else _old_log(old_db)
    if entries is None:  # no readable old database: the committed imports of the store
        entries = [m["log"] for m in store.committed_manifests(root)]
    done, failed = 0, []
    for log in entries:
        folder = store.folder(root, log["sha256"])
        try:
            manifest = store.verify(folder, log["sha256"])
            load.apply(con, folder, manifest, log=_log_values(log))
            done += 1
            progress(f"import     #{log['id']:<4} {log['file_name']:<28} re-applied")
        except Exception as e:  # noqa: BLE001 - one bad import must not stop the others or the build
            con.execute("insert or ignore into import_log values ($id, $file_name, $sha256, $format, $inserted, "
                        "$replaced, $skipped, $imported_at, $imported_by)", _log_values(log))  # fmt: skip
            failed.append({"id": log["id"], "file_name": log["file_name"], "error": str(e).splitlines()[0]})
            progress(f"import     #{log['id']:<4} {log['file_name']:<28} NOT re-applied: {failed[-1]['error']}")
    return {"imports_reapplied": str(done), "imports_not_reapplied": json.dumps(failed)}


def _log_values(log: dict[str, Any]) -> dict[str, Any]:
    keys = ["id", "file_name", "sha256", "format", "inserted", "replaced", "skipped", "imported_at", "imported_by"]
    return {k: log[k] for k in keys}


def _log_of(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]] | None:
    try:
        return load.log_rows(con)
    except duckdb.Error:  # a database of a much older version, without import_log
        return None


def _old_log(old_db: Path) -> list[dict[str, Any]] | None:
    if not Path(old_db).exists():
        return None
    try:
        with duckdb.connect(str(old_db), read_only=True) as con:
            return load.log_rows(con)
    except duckdb.Error:
        return None


def log_ids(db: Path) -> list[int]:
    """Return the import_log ids of a database file ([] if unreadable)."""
    rows = _old_log(db)
    return [r["id"] for r in rows or []]
