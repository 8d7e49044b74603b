"""Re-apply a database's imports to a freshly built one: what a rebuild does so that no import is lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from . import load, store


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
