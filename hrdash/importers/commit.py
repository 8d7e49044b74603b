"""Returns what loading a checked file would change, and loads it: the last step of an import, under the import lock.

`_against` compares a plan with the database (already imported? restoring a lost import? what it replaces);
`load_plan` moves the checked folder into the store (with the SHA-256 of each file in its manifest) and loads
it in one transaction (load.apply). The history helpers give each logged import its logical source.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from . import load, restore, store
from .model import Plan


def _against(plan: Plan, target: duckdb.DuckDBPyConnection, store_root: Path) -> None:
    """Fill in what loading would change in `target`, and whether this exact file is already loaded (or lost)."""
    history = history_with_keys(target, store_root)
    same_source = [h for h in history if h["source_key"] == plan.source_key]
    current = history_current(history)
    plan.replaces = sorted({f"import:{h['sha256'][:16]}" for h in same_source} - {plan.tag})
    if plan.sha256 in current:
        h = current[plan.sha256]
        plan.log_id = h["id"]
        when = f"{h['imported_at']:%Y-%m-%d %H:%M}"
        found = restore.lost(target, h, store_root)
        if found is None:
            plan.status = "already imported"
            plan.reason = f"already imported as import #{h['id']} on {when}: nothing to do"
            for tp in plan.tables.values():
                tp.insert = 0
            return
        plan.restores, (plan.restore, why) = h, found
        plan.reason = f"restores import #{h['id']} of {when}: {why}"
        if plan.restore == "store":
            for tp in plan.tables.values():
                tp.insert = 0
            return
    load.estimate(target, plan)


def history_with_keys(con: duckdb.DuckDBPyConnection, store_root: Path) -> list[dict[str, Any]]:
    """Return the import_log rows with each import's logical source (from its stored manifest)."""
    rows = load.log_rows(con)
    for r in rows:
        m = store.read_manifest(store.folder(store_root, r["sha256"])) or {}
        r["source_key"] = m.get("source_key")
    return rows


def history_current(history: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Return {sha256: log row} of the imports whose rows are in the database (not replaced by a later version)."""
    latest: dict[str, dict[str, Any]] = {}
    for h in history:
        latest[h["source_key"] or h["sha256"]] = h
    return {h["sha256"]: h for h in latest.values()}


def manifest(plan: Plan) -> dict[str, Any]:
    """Return the manifest of a checked plan (what the store keeps to re-apply it, with every file's SHA-256)."""
    files = [plan.original, *(tp.parquet for tp in plan.tables.values())]
    return {
        "version": 2, "file_name": plan.file_name, "sha256": plan.sha256, "tag": plan.tag, "format": plan.format,
        "source_key": plan.source_key, "detail": plan.detail, "encoding": plan.encoding, "original": plan.original,
        "replaces": plan.replaces, "skipped": plan.skipped_rows, "rows_read": plan.rows_read,
        "tables": {t: {"file": tp.parquet, "rows": tp.rows} for t, tp in plan.tables.items()},
        "checksums": store.checksums(plan.folder, files) if plan.folder is not None else {},
    }  # fmt: skip


def load_plan(
    con: duckdb.DuckDBPyConnection, plan: Plan, store_root: Path, imported_by: str, progress=lambda m: None
) -> dict[str, Any] | None:
    """Load a checked plan into `con` (read-write) in one transaction; return its import_log row.

    Re-checks against the database first (another import may have happened since the check):
    returns None when this exact file is already loaded. The import's folder is moved into the
    store before the transaction, and marked committed after it. A plan that restores a lost import
    (plan.restores) loads its rows again under its old import_log row, or only replaces its stored copy;
    the returned row then has "restored" set to what was restored ("rows" or "store").
    """
    if plan.status != "ready" or plan.folder is None or not plan.folder.exists():
        raise ValueError(f"{plan.file_name}: cannot load a file that is {plan.status} (check it again)")
    store.tidy(store_root, {r["sha256"] for r in load.log_rows(con)})  # killed imports' folders
    _against(plan, con, store_root)
    if plan.status == "already imported":
        store.discard(plan.folder)
        plan.folder = None
        return None
    m = manifest(plan)
    store.write_manifest(plan.folder, m)
    folder = store.promote(plan.folder, store_root, plan.sha256)
    plan.folder = folder
    if plan.restores is not None and plan.restore == "store":
        log = {**_log_values(plan.restores), "superseded": 0, "replaced_real": 0}
    else:
        old = _log_values(plan.restores) if plan.restores is not None else None
        log = load.apply(con, folder, m, imported_by=imported_by, progress=progress, log=old,
                         restore=old is not None)  # fmt: skip
    store.write_manifest(folder, {**m, "log": {k: log[k] for k in LOG_KEYS}})
    store.mark_committed(folder)
    plan.log_id = log["id"]
    return {**log, "restored": plan.restore} if plan.restores is not None else log


LOG_KEYS = ["id", "file_name", "sha256", "format", "inserted", "replaced", "skipped", "imported_at", "imported_by"]


def _log_values(log: dict[str, Any]) -> dict[str, Any]:
    return {k: log[k] for k in LOG_KEYS}
