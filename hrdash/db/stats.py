"""Figures about a built database, computed by SQL: row counts by source and the seed figures."""

from __future__ import annotations

from typing import Any

import duckdb

from .query import run


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Return {"tables": {table: {"rows", "by_source"}}, "figures": {...}} for a database."""
    tables: dict[str, dict[str, Any]] = {}
    for row in run(con, "table_rows_by_source").itertuples():
        t = tables.setdefault(row.table_name, {"rows": 0, "by_source": {}})
        t["rows"] += int(row.rows)
        t["by_source"][row.source] = int(row.rows)
    figures = {
        k: (float(v) if k.endswith("share_2013") else int(v)) for k, v in run(con, "stats_figures").iloc[0].items()
    }
    figures["ea_target_countries"] = {
        r.ea_code: list(r.countries) for r in run(con, "ea_target_countries").itertuples()
    }
    return {"tables": tables, "figures": figures}
