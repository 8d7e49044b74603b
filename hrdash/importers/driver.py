"""The one way files get into a database: lock, connect read-write, check, load, record in import_log.

The command line (`import`, `update`), the Data page and its update action all go through here: `writing` takes the
database's import lock (so two imports, or an import and a rebuild, never interleave) and opens the file read-write,
raising `Locked` if another process holds it; `check` reads, resolves, validates and stages a file into a Plan
(nothing written); `load` loads a ready plan in one transaction and records it. Inside the app, the Data page
reaches `writing` through `ui.write_connection()`, which first pauses the app's own queries.
"""

from __future__ import annotations

import getpass
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from ..db import connect, lock
from . import commit, pipeline, store
from .model import Plan

Progress = Callable[[str], None]


@contextmanager
def writing(db: Path, action: str = "import") -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a read-write connection to `db` while holding its import lock; raise Locked if another process has it."""
    db = Path(db)
    with lock.importing(db):
        con = connect.connect_writer(db, action)
        try:
            yield con
        finally:
            con.close()


def who() -> str:
    """Return who runs a command-line import: user@host."""
    try:
        user = getpass.getuser()
    except Exception:  # no login name in some containers
        user = "unknown"
    return f"{user}@{socket.gethostname()} (command line)"


def check(data: bytes, name: str, store_root: Path, target: duckdb.DuckDBPyConnection | None, **options: Any) -> Plan:
    """Return the plan of one file: read, resolved, validated and staged against `target`; nothing is written.

    `options` are those of pipeline.inspect (fmt, table, instrument, source_name, encoding, skip_bad_rows, max_mb,
    limits, country, session).
    """
    return pipeline.inspect(data, name, store_root=store_root, target=target, **options)


def load(
    con: duckdb.DuckDBPyConnection, plan: Plan, store_root: Path, imported_by: str, progress: Progress = lambda m: None
) -> dict[str, Any] | None:
    """Load a ready plan in one transaction and record it; return its import_log row (None: already imported)."""
    return commit.load_plan(con, plan, store_root, imported_by, progress)


def import_file(
    con: duckdb.DuckDBPyConnection,
    data: bytes,
    name: str,
    store_root: Path,
    imported_by: str,
    progress: Progress = lambda m: None,
    checked: Callable[[Plan], None] = lambda plan: None,
    **options: Any,
) -> tuple[Plan, dict[str, Any] | None]:
    """Check one file and load it if it is ready; return its plan and import_log row (None: not loaded).

    `checked` is called with the plan between the check and the load (the command line prints its report there).
    """
    plan = check(data, name, store_root, con, **options)
    checked(plan)
    return plan, (load(con, plan, store_root, imported_by, progress) if plan.status == "ready" else None)


def import_paths(
    db: Path, paths: list[Path], *, imported_by: str | None = None, progress: Progress = lambda m: None, **options: Any
) -> list[tuple[Plan, dict[str, Any] | None]]:
    """Check and load files into a database file (taking its import lock); return each plan and its log row.

    Raises Locked if another process holds the database.
    """
    root = store.store_dir(db)
    with writing(db) as con:
        return [import_file(con, Path(p).read_bytes(), Path(p).name, root, imported_by or who(), progress, **options)
                for p in paths]  # fmt: skip


def discard(plan: Plan) -> None:
    """Remove the staging folder of a plan that will not be loaded."""
    store.discard(plan.folder)
    plan.folder = None
