"""Load the reference CSVs (data/reference), the seed facts and the bundled public facts (data/public)."""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import pandas as pd

from .. import public
from ..paths import PUBLIC, REFERENCE
from .connect import create_schema, load_csv

# Reference tables in load order (foreign keys first; upr_session is the UPR calendar of data/public), then seed
# facts of fact tables.
REFERENCE_TABLES = [
    "country",
    "instrument",
    "sp_mandate",
    "ea",
    "target_kind",
    "ea_target",
    "seed_figure",
    "upr_session",
]
SEED_FACT_TABLES = ["hra_deployment", "unct_engagement", "story", "normative_output"]
Progress = Callable[[str], None]


def load_reference(con: duckdb.DuckDBPyConnection, progress: Progress = print) -> None:
    """Create the schema and load the reference CSVs and the seed facts into `con`."""
    create_schema(con)
    for table in [*REFERENCE_TABLES, *SEED_FACT_TABLES]:
        path = (PUBLIC if table == public.CALENDAR else REFERENCE) / f"{table}.csv"
        if path.exists():
            n = load_csv(con, table, path)
            progress(f"{'public' if path.parent == PUBLIC else 'reference':<10} {table:<24} {n:>9,} rows")


def load_public(con: duckdb.DuckDBPyConnection, progress: Progress = print) -> dict[str, pd.DataFrame]:
    """Load the bundled public facts (data/public, sources public:<dataset>) into `con`; return them as frames."""
    frames = {}
    for table in public.FACT_TABLES:
        path = PUBLIC / f"{table}.csv"
        before = con.execute(f"select count(*) from {table}").fetchone()[0]
        n = load_csv(con, table, path) - before
        progress(f"public     {table:<24} {n:>9,} rows")
        frames[table] = con.execute(f"select * exclude (status) from {table}" if table == "ratification"
                                    else f"select * from {table}").df()  # fmt: skip
    return frames


def reference_frames(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """Return {table: frame} of the reference tables and seed facts loaded in `con`."""
    return {t: con.execute(f"select * from {t}").df() for t in [*REFERENCE_TABLES, *SEED_FACT_TABLES]}
