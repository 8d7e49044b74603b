"""The data an import carries from reading a file to loading it: problems, parsed tables, the plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pandas as pd

Severity = Literal["error", "warning", "notice"]
DEFAULT_MAX_MB = 50.0
PROBLEM_LIMIT = 5_000  # problems kept per file for display; the count of the rest is kept too


class Refused(ValueError):
    """The whole file is refused before any row is read (size, type, empty, unknown layout)."""


class Locked(RuntimeError):
    """The database is open in another process, so it cannot be written."""


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
    """Problems of one file, capped at PROBLEM_LIMIT kept with a count of all."""

    file: str
    items: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "notice": 0})
    bad_rows: set[int] = field(default_factory=set)
    seen: set[tuple[int, str | None]] = field(default_factory=set)

    def add(self, row: int | None, column: str | None, value: object, message: str, severity: Severity = "error"):
        if severity == "error" and row is not None:  # one error per cell: later checks repeat earlier ones
            if (int(row), column) in self.seen:
                return
            self.seen.add((int(row), column))
        self.counts[severity] += 1
        if severity == "error" and row is not None:
            self.bad_rows.add(int(row))
        if len(self.items) < PROBLEM_LIMIT:
            text = None if value is None else str(value)
            self.items.append(Problem(self.file, None if row is None else int(row), column, text, message, severity))

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
class Parsed:
    """What a format reader returns: staging tables in the validation connection, per target table."""

    format: str
    source_name: str  # the logical source: a newer file with the same name replaces this one's rows
    tables: dict[str, str]  # target table -> staging table (in the validation connection)
    labels: dict[str, dict[str, str]]  # target table -> {target column: column name in the file}
    rows_read: int
    raw: str | None = None  # staging table with the file's rows as read (for the skipped-rows report)
    encoding: str | None = None
    detail: str = ""  # e.g. the instrument a status table is about


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
