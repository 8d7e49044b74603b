"""The validation report of checked files as tables and bytes (Data page, downloads), and what a load did."""

from __future__ import annotations

import csv
import io

import pandas as pd

from ..exports.tables import csv_safe
from .model import Plan

STATUS_TEXT = {
    "ready": "ready to load",
    "refused": "refused",
    "nothing to load": "nothing to load",
    "already imported": "already imported",
}


def summary(plans: list[Plan]) -> pd.DataFrame:
    """Return one row per checked file: format, status, rows read, to insert / replace / public replaced / supersede /
    skip."""
    rows = []
    for p in plans:
        c = p.counts()
        errors = p.problems.counts if p.problems else {"error": 0, "warning": 0, "notice": 0}
        rows.append({
            "file": p.file_name, "format": p.format or "—", "status": STATUS_TEXT[p.status], "rows read": p.rows_read,
            "to insert": c["insert"], "to replace": c["replace"], "public rows replaced": c["public"],
            "demo rows superseded": c["supersede"],
            "to skip": c["skip"], "problems": errors["error"], "warnings": errors["warning"], "notes": errors["notice"],
        })  # fmt: skip
    return pd.DataFrame(rows)


def unresolved(plan: Plan) -> pd.DataFrame:
    """Return the names that resolved to no country, with the rows they are on."""
    items = plan.problems.items if plan.problems else []
    found: dict[tuple[str | None, str | None], list[int]] = {}
    for p in items:
        if p.severity == "error" and p.message.startswith("unknown country"):
            found.setdefault((p.column, p.value), []).append(p.row)
    rows = [(col, name, len(r), ", ".join(str(x) for x in r[:10])) for (col, name), r in found.items()]
    return pd.DataFrame(rows, columns=["column", "name", "rows", "first rows"])


def skipped_rows_csv(plan: Plan) -> bytes:
    """Return the bad rows of a file as CSV: file, row, column, value, problem (formula-safe, UTF-8 with BOM)."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["file", "row", "column", "value", "problem", "severity"])
    for p in plan.problems.items if plan.problems else []:
        if p.severity == "error":
            w.writerow([csv_safe(v) for v in (p.file, p.row, p.column, p.value, p.message, p.severity)])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def problems_csv(plans: list[Plan]) -> bytes:
    """Return every problem, warning and note of the checked files as CSV (formula-safe)."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["file", "row", "column", "value", "problem", "severity"])
    for plan in plans:
        for p in plan.problems.items if plan.problems else []:
            w.writerow([csv_safe(v) for v in (p.file, p.row, p.column, p.value, p.message, p.severity)])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def loaded_message(plan: Plan, log: dict) -> str:
    """Return what loading a plan did: loaded as a new import, or restored a lost one."""
    if log.get("restored") == "store":
        return (f"import #{log['id']} ({plan.tag}) was already in the database; its stored copy was missing or "
                "damaged and is now this file, so a rebuild will re-apply it")  # fmt: skip
    if log.get("restored"):
        return f"restored import #{log['id']} ({plan.tag}): {log['inserted']:,} rows loaded again"
    return (
        f"loaded as import #{log['id']} ({plan.tag}): {log['inserted']:,} rows inserted, {log['replaced']:,} replaced "
        f"(of which {log.get('replaced_public', 0):,} public and {log.get('superseded', 0):,} demo rows)"
    )
