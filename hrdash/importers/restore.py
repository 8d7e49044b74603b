"""Whether an import already in the log has lost its rows or its stored copy, and restoring it from its file.

Importing the same file again normally changes nothing. It restores the import instead when its rows are
gone (a rebuild could not re-apply it: build_info lists it in `imports_not_reapplied`; or its rows are no
longer in the database) or when its stored copy no longer checks (store.verify): the rows are loaded again
under the same import_log row, in one transaction, and the stored copy is replaced by the file's.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb

from . import store
from .canonical import IMPORTABLE
from .validate import q

NOT_REAPPLIED = "imports_not_reapplied"


def not_reapplied(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Return the imports the last rebuild could not re-apply (build_info), [] when there is none."""
    row = con.execute("select value from build_info where key = $k", {"k": NOT_REAPPLIED}).fetchone()
    try:
        return list(json.loads(row[0])) if row else []
    except ValueError:
        return []


def rows_now(con: duckdb.DuckDBPyConnection, tag: str) -> int:
    """Return how many rows of every importable table carry `source = tag`."""
    return sum(con.execute(f"select count(*) from {q(t)} where source = $s", {"s": tag}).fetchone()[0]
               for t in IMPORTABLE)  # fmt: skip


def lost(con: duckdb.DuckDBPyConnection, log: dict[str, Any], root: Any) -> tuple[str, str] | None:
    """Return ("rows", why) when a logged import's rows are missing, ("store", why) when only its stored copy is."""
    if any(r.get("id") == log["id"] for r in not_reapplied(con)):
        return "rows", "its rows are missing: the last rebuild of the database could not re-apply it"
    try:
        store.verify(store.folder(root, log["sha256"]), log["sha256"])
        damaged = None
    except store.StoreError as e:
        damaged = str(e)
    if log["inserted"] and rows_now(con, f"import:{log['sha256'][:16]}") == 0:
        return "rows", "its rows are no longer in the database"
    if damaged:
        return "store", f"its stored copy would not survive a rebuild ({damaged}): the file replaces it"
    return None


def forget(con: duckdb.DuckDBPyConnection, import_id: int) -> None:
    """Remove an import from build_info's list of imports not re-applied (inside the restoring transaction)."""
    kept = [r for r in not_reapplied(con) if r.get("id") != import_id]
    con.execute("update build_info set value = $v where key = $k", {"v": json.dumps(kept), "k": NOT_REAPPLIED})
