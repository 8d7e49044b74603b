"""The data an import carries from reading a file to loading it: problems, parsed tables, the plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import duckdb
import pandas as pd

Severity = Literal["error", "warning", "notice"]
DEFAULT_MAX_MB = 50.0
PROBLEM_LIMIT = 5_000  # problems kept per file for display; the count of the rest is kept too


class Refused(ValueError):
    """The whole file is refused (size, type, empty, unknown layout, a limit, broken quoting ...).

    `row` and `column` say where, when the refusal is about one place of the file (they are also in the message).
    """

    def __init__(self, message: str, row: int | None = None, column: str | None = None) -> None:
        super().__init__(message)
        self.row, self.column = row, column


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (row, column), the offending value and what is wrong."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str
    severity: Severity = "error"

    def text(self) -> str:
        """Return the problem as one line: file, row, column, value, message."""
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        value = f" value {self.value!r}:" if self.value not in (None, "") else ""
        return f"{', '.join(where)}:{value} {self.message}"


@dataclass
class Problems:
    """Problems of one file, capped at PROBLEM_LIMIT kept with a count of all.

    Problems found row by row in Python go through `add`; those a query finds in bulk (validation of
    millions of rows) through `add_query`, which keeps them in the scratch database until `finish`
    counts them, keeps the first ones and lists their rows in the temporary table `bad_rows`.
    """

    file: str
    items: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "notice": 0})
    bad_rows: set[int] = field(default_factory=set)
    seen: set[tuple[int, str | None]] = field(default_factory=set)
    file_errors: int = 0  # errors about the whole file (no row): such a file is refused even with skip_bad_rows
    bad_row_count: int = 0  # rows with an error, Python's and the queries' (set by finish)
    _queries: int = 0

    def add(self, row: int | None, column: str | None, value: object, message: str, severity: Severity = "error"):
        if severity == "error" and row is not None:  # one error per cell: later checks repeat earlier ones
            if (int(row), column) in self.seen:
                return
            self.seen.add((int(row), column))
        self.counts[severity] += 1
        if severity == "error" and row is not None:
            self.bad_rows.add(int(row))
            self.bad_row_count = len(self.bad_rows)
        if severity == "error" and row is None:
            self.file_errors += 1
        if len(self.items) < PROBLEM_LIMIT:
            text = None if value is None else str(value)
            self.items.append(Problem(self.file, None if row is None else int(row), column, text, message, severity))

    def add_query(
        self,
        con: duckdb.DuckDBPyConnection,
        sql: str,
        column: str | None,
        message: str | None,
        severity: Severity = "error",
        params: dict[str, Any] | None = None,
    ) -> None:
        """Add one problem per row of `sql` (columns _row, value[, message]), in the scratch database (fast)."""
        con.execute(
            "create temp table if not exists _problems (_row bigint, col varchar, value varchar, message varchar, "
            "severity varchar, seq integer)"
        )
        self._queries += 1
        text = "message" if message is None else "$message_"
        con.execute(
            f"insert into _problems select _row, $column_, value::varchar, {text}, $severity_, $seq_ from ({sql})",
            {**(params or {}), "column_": column, "severity_": severity, "seq_": self._queries}
            | ({} if message is None else {"message_": message}),
        )

    def finish(self, con: duckdb.DuckDBPyConnection) -> None:
        """Count the problems the queries found (one error per cell), keep the first ones, create table bad_rows."""
        con.execute("create temp table if not exists _problems (_row bigint, col varchar, value varchar, "
                    "message varchar, severity varchar, seq integer)")  # fmt: skip
        seen = pd.DataFrame(list(self.seen), columns=["_row", "col"]).astype({"_row": "int64", "col": object})
        known = pd.DataFrame({"_row": sorted(self.bad_rows)}, dtype="int64")
        con.register("_seen_df", seen)
        con.register("_known_df", known)
        try:  # counts and rows by hash aggregates over (row, column) only: millions of problems take a second
            cells = con.execute(
                "select count(*) from (select distinct _row, col from _problems where severity = 'error') c where "
                "not exists (select 1 from _seen_df s where s._row = c._row and s.col is not distinct from c.col)"
            ).fetchone()[0]
            con.execute("create or replace temp table bad_rows as select distinct _row as r from _problems "
                        "where severity = 'error' and _row is not null union select _row from _known_df")  # fmt: skip
        finally:
            con.unregister("_seen_df")
            con.unregister("_known_df")
        self.counts["error"] += cells
        for severity, n in con.execute(
            "select severity, count(*) from _problems where severity <> 'error' group by 1"
        ).fetchall():
            self.counts[severity] += n
        self._keep_first(con)
        self.bad_row_count = con.execute("select count(*) from bad_rows").fetchone()[0]
        con.execute("drop table _problems")

    def _keep_first(self, con: duckdb.DuckDBPyConnection) -> None:
        """Keep the first problems in check order (an error only where its cell has none yet), up to the limit."""
        offset, page = 0, 3 * PROBLEM_LIMIT
        while len(self.items) < PROBLEM_LIMIT:
            rows = con.execute(
                f"select _row, col, value, message, severity from _problems order by seq, _row nulls first, col "
                f"limit {page} offset {offset}"
            ).fetchall()
            for row, column, value, message, severity in rows:
                if severity == "error" and row is not None:
                    if (int(row), column) in self.seen:
                        continue
                    self.seen.add((int(row), column))
                self.items.append(Problem(self.file, None if row is None else int(row), column, value, message,
                                          severity))  # fmt: skip
                if len(self.items) >= PROBLEM_LIMIT:
                    return
            if len(rows) < page:
                return
            offset += page

    def file_error(self, message: str) -> None:
        self.add(None, None, None, message)

    @property
    def errors(self) -> int:
        return self.counts["error"]

    def frame(self) -> pd.DataFrame:
        """Return the kept problems as a table (file, row, column, value, problem, severity)."""
        rows = [(p.file, p.row, p.column, p.value, p.message, p.severity) for p in self.items]
        df = pd.DataFrame(rows, columns=["file", "row", "column", "value", "problem", "severity"])
        return df.astype({"row": "Int64"})


@dataclass
class TablePlan:
    """The rows one import brings to one table."""

    table: str
    rows: int
    parquet: str  # file name inside the plan's folder
    columns: list[str]
    preview: pd.DataFrame
    insert: int = 0
    replace: int = 0  # rows of earlier versions of this source, or with the same key from other imports
    supersede: int = 0  # demo rows of the same country (and instrument / mechanism ...) superseded
    public: int = 0  # bundled public rows (public:…) with the same key or covered, replaced


@dataclass
class Plan:
    """Everything known about one file before it is loaded: format, rows, problems, estimates."""

    file_name: str
    sha256: str
    size: int
    format: str = ""
    format_label: str = ""
    source_key: str = ""
    detail: str = ""
    encoding: str | None = None
    rows_read: int = 0
    tables: dict[str, TablePlan] = field(default_factory=dict)
    problems: Problems | None = None
    skip_bad_rows: bool = False
    skipped_rows: int = 0
    status: Literal["ready", "refused", "nothing to load", "already imported"] = "ready"
    reason: str = ""
    folder: Path | None = None  # staging folder with the parquet files and the original file
    original: str = ""  # file name of the stored original inside the folder
    replaces: list[str] = field(default_factory=list)  # source tags of earlier versions of this source
    log_id: int | None = None  # set once loaded
    restores: dict[str, Any] | None = None  # the import_log row of the same file whose rows or stored copy are lost
    restore: str = ""  # what loading restores: "rows" (and the stored copy) or "store" (only the stored copy)

    @property
    def tag(self) -> str:
        """Return the `source` value of this import's rows."""
        return f"import:{self.sha256[:16]}"

    @property
    def refused(self) -> bool:
        return self.status == "refused"

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables.values())

    def counts(self) -> dict[str, int]:
        """Return rows to insert / replace / supersede (demo) / replace of the public data / skip over all tables."""
        return {
            "insert": sum(t.insert for t in self.tables.values()),
            "replace": sum(t.replace for t in self.tables.values()),
            "supersede": sum(t.supersede for t in self.tables.values()),
            "public": sum(t.public for t in self.tables.values()),
            "skip": self.skipped_rows,
        }
