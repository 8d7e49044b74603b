"""What a format reader works with: the file, its problems, a scratch DuckDB with the schema, countries."""

from __future__ import annotations

import itertools
import re
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from ..db import connect
from ..db import reference as loading
from .countries import Resolution, Resolver, resolver
from .limits import Budget
from .model import Problems

_counter = itertools.count()
SCRATCH_MEMORY = "512MB"
MAX_SUGGESTIONS = 200


@cache
def _reference() -> dict[str, pd.DataFrame]:
    with duckdb.connect() as con:
        loading.load_reference(con, progress=lambda m: None)
        return loading.reference_frames(con)


def reference(table: str) -> pd.DataFrame:
    """Return a reference table as the importers see it (country, instrument, upr_session, ...)."""
    return _reference()[table]


@cache
def _scratch() -> duckdb.DuckDBPyConnection:
    # A file of millions of rows is checked within a bounded memory: past it DuckDB spills to a temporary folder
    # (its default would be 80% of the machine's memory, shared with the app).
    con = duckdb.connect(
        config={"memory_limit": SCRATCH_MEMORY, "temp_directory": tempfile.mkdtemp(prefix="hrdash-check-")}
    )
    connect.create_schema(con)
    for table in loading.REFERENCE_TABLES:
        connect.insert_frame(con, table, _reference()[table])
    return con


def scratch_connection() -> duckdb.DuckDBPyConnection:
    """Return a connection to an in-memory DuckDB with the schema and the reference tables (for validation).

    The database is made once per process; each caller gets its own connection (a cursor), and the
    temporary tables a reader stages in it are private to that connection and gone when it is closed.
    """
    con = _scratch().cursor()
    con.execute("set enable_progress_bar = false")  # no progress bars on stderr for long reads
    return con


@dataclass
class Context:
    """One file being read: where it is, what is wrong with it so far, and the tools to read it."""

    file: str  # the name shown in messages
    path: Path  # the stored copy of the original bytes
    problems: Problems
    con: duckdb.DuckDBPyConnection
    instrument: str | None = None  # named by the user, for status tables
    source_name: str | None = None  # named by the user: the logical source
    encoding: str | None = None
    countries: Resolver = field(default_factory=resolver)
    country: str | None = None  # named by the user: the State under review of a UPR matrix
    session: int | None = None  # named by the user: the UPR session of a UPR matrix
    detail: str = ""  # what the file is about, as the reader found it (e.g. "AGO, session 20")
    format: str = ""  # the layout detected (or named), known before its reader may refuse the file
    budget: Budget = field(default_factory=Budget)  # the import's limits, and what the file has used of them
    suggested: int = 0  # "did you mean …?" looked up so far

    @property
    def stem(self) -> str:
        """Return the file name without folders and extension, lower case."""
        return re.sub(r"\.[A-Za-z]+$", "", Path(self.file).name).lower()

    def stage(self, df: pd.DataFrame) -> str:
        """Register a frame as a staging table in the scratch connection; return its name."""
        name = f"stage_{next(_counter)}"
        self.con.register(f"{name}_df", df)
        self.con.execute(f"create temp table {name} as select * from {name}_df")
        self.con.unregister(f"{name}_df")
        return name

    def reference(self, table: str) -> pd.DataFrame:
        """Return a reference table (country, instrument, sp_mandate, ...)."""
        return reference(table)

    def unresolved_message(self, res: Resolution) -> str:
        """Return the problem to report for a name that did not resolve to exactly one State of the table."""
        if res.status == "outside":
            return f"{', '.join(res.outside)} is not a State in the country table"
        if res.how == "joint" and not res.missing:
            return "names several countries where one is expected"
        if res.missing:
            names = ", ".join(repr(m) for m in res.missing)
            return f"unknown country: {names} in the list matches no code, name or alias{self._hint(res.missing[0])}"
        if res.codes and res.outside:
            return f"only partly resolved ({', '.join(res.outside)} not in table)"
        if not res.name:
            return "empty: a country is required"
        return f"unknown country: no code, name or alias matches{self._hint(res.name)}"

    def _hint(self, name: str) -> str:
        self.suggested += 1
        if self.suggested > MAX_SUGGESTIONS:  # a file of a million made-up names is not worth a minute of guessing
            return ""
        close = self.countries.suggest(name)
        return f"; did you mean {close}?" if close else ""

    def state(self, res: Resolution, row: int, column: str, *, multi: bool = False) -> tuple[str, ...] | None:
        """Return the ISO3 code(s) of a resolved name, reporting what does not resolve.

        Returns None (the row is not loaded) for an unresolved name (an error) or one outside the
        country table (a notice, e.g. Montserrat).
        """
        if res.status in ("state", "unknown") and (multi or len(res.codes) == 1):
            return res.codes
        if res.status == "outside":
            names = ", ".join(res.outside)
            self.problems.add(
                row, column, res.name, f"{names} is not a State in the country table: reported, not loaded", "notice"
            )
            return None
        self.problems.add(row, column, res.name, self.unresolved_message(res))
        return None
