"""Check one file with the import pipeline and load it in its own transaction; tell when nothing changed.

A file whose bytes were imported before is "already imported" (the pipeline knows it by its hash). One with
new bytes but the same rows as the current import of its source is "unchanged": the Treaty Collection stamps
every page with the time it was served, so the same status downloaded twice never has the same bytes. Either
way nothing is written, so running the same refresh twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ..db.connect import Locked
from ..importers import driver, store
from ..importers.commit import history_current, history_with_keys
from ..importers.model import Plan
from ..importers.report import loaded_message
from .outcome import Outcome
from .settings import Settings

Connect = Callable[[], AbstractContextManager[duckdb.DuckDBPyConnection]]
SHOWN_PROBLEMS = 3


@dataclass(frozen=True)
class Database:
    """Where imports go: the store, a read connection for checking, a read-write one for loading, and who."""

    store_root: Path
    reading: Connect
    writing: Connect  # the command line's own connection, or the app's ui.write_connection
    imported_by: str


def check(
    data: bytes,
    name: str,
    db: Database,
    settings: Settings,
    *,
    fmt: str | None = None,
    instrument: str | None = None,
    skip_bad_rows: bool = False,
) -> Plan:
    """Return the import pipeline's plan for one file (read, resolved, validated, staged; nothing written)."""
    with db.reading() as con:
        return driver.check(
            data,
            name,
            db.store_root,
            con,
            fmt=fmt,
            instrument=instrument,
            skip_bad_rows=skip_bad_rows,
            max_mb=settings.max_mb,
        )


def commit(plan: Plan, db: Database, source: str, label: str, say: Callable[[str], None]) -> Outcome:
    """Return the outcome of loading a checked plan in one transaction (or of not loading it, and why)."""

    def outcome(status: str, message: str, **kw: Any) -> Outcome:
        return Outcome(plan.file_name, source, label, status, message, **kw)  # type: ignore[arg-type]

    if plan.status != "ready":
        driver.discard(plan)
        if plan.status == "refused":
            hint = (
                " (--skip-bad-rows, or 'Skip bad rows' on the Data page, loads the good rows and lists the bad ones)"
                if plan.problems and plan.problems.bad_rows
                else ""
            )
            return outcome("failed", f"{source}: refused by the import: {refusal(plan)}. Nothing was changed{hint}.")
        return outcome(plan.status, plan.reason)
    try:
        with db.writing() as con:
            same = unchanged(con, plan, db.store_root)
            if same is not None:
                driver.discard(plan)
                when = f"{same['imported_at']:%Y-%m-%d %H:%M}"
                return outcome("unchanged", f"the same rows as import #{same['id']} of {when}: nothing to do",
                               import_id=same["id"])  # fmt: skip
            say(f"loading {plan.rows:,} rows")
            log = driver.load(con, plan, db.store_root, db.imported_by, say)
    except Locked as e:
        driver.discard(plan)
        return outcome("failed", str(e), locked=True)
    except Exception as e:  # noqa: BLE001 - reported per file; load.apply rolled the transaction back
        driver.discard(plan)
        first = str(e).splitlines()[0] if str(e) else ""
        return outcome("failed", f"{source}: the import failed and was rolled back ({type(e).__name__}: {first}). "
                       "Nothing was changed.")  # fmt: skip
    if log is None:  # imported by someone else between the check and the load
        return outcome("already imported", plan.reason)
    return outcome(
        "loaded",
        loaded_message(plan, log),
        inserted=log["inserted"],
        replaced=log["replaced"],
        import_id=log["id"],
    )


def refusal(plan: Plan) -> str:
    """Return why the pipeline refused a file, with its first problems (file, row, column, value)."""
    shown = [p.text() for p in (plan.problems.items if plan.problems else []) if p.severity == "error"]
    more = "; ".join(shown[:SHOWN_PROBLEMS]) + (" …" if len(shown) > SHOWN_PROBLEMS else "")
    return plan.reason + (f" — {more}" if more and plan.reason not in more else "")


def unchanged(con: duckdb.DuckDBPyConnection, plan: Plan, root: Path) -> dict[str, Any] | None:
    """Return the import_log row of the current import of this plan's source if it holds the same rows, else None.

    Rows are compared as stored (Parquet in the import store), all columns but `source` (which names the file).
    """
    current = history_current(history_with_keys(con, root))
    latest = next((h for h in current.values() if h["source_key"] == plan.source_key), None)
    if latest is None or plan.folder is None or plan.restores is not None:  # a lost import is restored, not skipped
        return None
    folder = store.folder(root, latest["sha256"])
    manifest = store.read_manifest(folder)
    if not manifest or set(manifest["tables"]) != set(plan.tables):
        return None
    differing = (
        "select count(*) from (select * exclude (source) from read_parquet($a) "
        "except all select * exclude (source) from read_parquet($b))"
    )
    try:
        for table, tp in plan.tables.items():
            if manifest["tables"][table]["rows"] != tp.rows:
                return None
            old, new = folder / manifest["tables"][table]["file"], plan.folder / tp.parquet
            for a, b in ((old, new), (new, old)):
                if con.execute(differing, {"a": str(a), "b": str(b)}).fetchone()[0]:
                    return None
    except duckdb.Error:  # a file gone, or rows stored by an older version with other columns: load it again
        return None
    return latest
