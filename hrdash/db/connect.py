"""The schema and the ways into a database: create the schema, insert frames and CSV files by column name."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from ..paths import SCHEMA


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables, views and macros of schema.sql in `con`."""
    con.execute(SCHEMA.read_text())


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
