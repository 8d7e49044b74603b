"""The schema and the ways into a database: create the schema, insert frames and CSVs, open it read-write or read-only.

DuckDB lets one process write a database file, and no other process may even read it meanwhile: opening it
read-write while another process (typically the running app) has it fails with `Locked`, naming that process, and
nothing is changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from ..paths import REFERENCE, SCHEMA

ADOPTED = "instrument_adopted(instrument)"  # in schema.sql's date-order checks: the instrument's adoption date


def schema_sql() -> str:
    """Return the SQL of schema.sql with each instrument's adoption date filled in from data/reference/instrument.csv.

    DuckDB has no cross-table CHECK, so a date that must not precede the adoption of its instrument (a ratification,
    a signature, a report) is checked against a CASE of literal dates, made here from the reference file.
    """
    instruments = pd.read_csv(REFERENCE / "instrument.csv", usecols=["code", "adopted"], dtype=str)
    if instruments["adopted"].isna().any() or not instruments["adopted"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all():
        raise ValueError("instrument.csv: every instrument needs an adoption date (YYYY-MM-DD) in column adopted")
    whens = " ".join(f"when '{code}' then date '{day}'" for code, day in instruments.itertuples(index=False))
    return SCHEMA.read_text().replace(ADOPTED, f"case instrument {whens} end")


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables, views and macros of schema.sql in `con`."""
    con.execute(schema_sql())


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


class Locked(RuntimeError):
    """The database is open in another process, so it cannot be written."""


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


def connect_reader(db: Path) -> duckdb.DuckDBPyConnection | None:
    """Open the database read-only for a dry run; None if it cannot be opened (e.g. held by a writer)."""
    try:
        return duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return None


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
