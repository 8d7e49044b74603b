"""Returns the resource limits of one import, and the budget that enforces them while a file is read.

Every parser stops at these limits and the file is refused with a message naming the limit, where it was
reached (sheet, row, column) and how to raise it. Settings, highest precedence first: the command-line option,
the environment variable, `[hrdash]` in `.streamlit/secrets.toml`, the default (the README's Security model
lists them). The defaults hold the largest real files seen (a full UHRI export, UPR Info's database, 18
Treaty Collection pages) with room to spare, and keep a hostile file to seconds and well under a gigabyte.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from typing import Any

import duckdb

from .model import Refused


@dataclass(frozen=True)
class Setting:
    """One limit: its command-line option, environment variable, secrets.toml key and what it counts."""

    option: str
    env: str
    key: str
    what: str


SETTINGS = {
    "max_mb": Setting("--max-size-mb", "HRDASH_MAX_IMPORT_MB", "max_import_mb", "MB per file"),
    "rows": Setting("--max-rows", "HRDASH_MAX_IMPORT_ROWS", "max_import_rows", "rows per table or sheet"),
    "columns": Setting("--max-columns", "HRDASH_MAX_IMPORT_COLUMNS", "max_import_columns", "columns per row"),
    "cell_chars": Setting(
        "--max-cell-chars", "HRDASH_MAX_IMPORT_CELL_CHARS", "max_import_cell_chars", "characters per cell"
    ),  # fmt: skip
    "cells": Setting("--max-cells", "HRDASH_MAX_IMPORT_CELLS", "max_import_cells", "non-empty cells per file"),
    "unpacked_mb": Setting(
        "--max-unpacked-mb", "HRDASH_MAX_IMPORT_UNPACKED_MB", "max_import_unpacked_mb", "MB unpacked (.xlsx, .docx)"
    ),  # fmt: skip
    "sheets": Setting(
        "--max-sheets", "HRDASH_MAX_IMPORT_SHEETS", "max_import_sheets", "sheets or tables per file"
    ),  # fmt: skip
    "seconds": Setting(
        "--max-seconds", "HRDASH_MAX_IMPORT_SECONDS", "max_import_seconds", "seconds to check one file"
    ),  # fmt: skip
}


@dataclass(frozen=True)
class Limits:
    """The limits of one import (see SETTINGS for what each counts)."""

    max_mb: float = 50.0
    rows: int = 2_000_000
    columns: int = 1_000
    cell_chars: int = 32_767  # Excel's own limit of one cell
    cells: int = 5_000_000
    unpacked_mb: float = 300.0
    sheets: int = 100
    seconds: float = 300.0

    @property
    def max_bytes(self) -> int:
        return int(self.max_mb * 1_000_000)

    @property
    def unpacked_bytes(self) -> int:
        return int(self.unpacked_mb * 1_000_000)

    def with_max_mb(self, max_mb: float | None) -> Limits:
        """Return these limits with another size limit (None: unchanged)."""
        return self if max_mb is None else replace(self, max_mb=float(max_mb))


DEFAULTS = Limits()


class LimitError(ValueError):
    """A limit setting has a value that cannot be used (names the setting and where it came from)."""


def _value(name: str, raw: Any, origin: str) -> float | int:
    kind = type(getattr(DEFAULTS, name))
    try:
        value = kind(float(raw)) if kind is int else float(raw)
    except (TypeError, ValueError):
        value = -1
    if not value > 0:
        raise LimitError(f"{SETTINGS[name].what} limit from {origin} must be a positive number, not {raw!r}")
    return value


def resolve(
    options: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    secrets: Mapping[str, Any] | None = None,
) -> Limits:
    """Return the limits: `options` (command line; None = not given), else environment, else secrets, else default."""
    options = dict(options or {})
    environ = os.environ if environ is None else environ
    section = dict((secrets or {}).get("hrdash", {}) or {})
    values: dict[str, Any] = {}
    for name, s in SETTINGS.items():
        if options.get(name) is not None:
            values[name] = _value(name, options[name], f"the command line ({s.option})")
        elif environ.get(s.env):
            values[name] = _value(name, environ[s.env], f"${s.env}")
        elif section.get(s.key) is not None:
            values[name] = _value(name, section[s.key], f"{s.key} under [hrdash] in secrets.toml")
    return replace(DEFAULTS, **values)


def configured(options: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None) -> Limits:
    """Return the limits of a command-line run: `options`, else the environment, else the secrets.toml the app reads."""
    from ..update.settings import SettingsError, read_secrets, secrets_file

    try:
        secrets = read_secrets(secrets_file())
    except SettingsError as e:
        raise LimitError(str(e)) from e
    return resolve(options, environ=environ, secrets=secrets)


def how_to_raise(name: str) -> str:
    """Return where the limit `name` is set, for messages."""
    s = SETTINGS[name]
    return f"{s.option}, ${s.env}, or {s.key} under [hrdash] in secrets.toml"


class LimitExceeded(Refused):
    """A file goes past a resource limit: refused, with where and how to raise the limit."""

    def __init__(
        self, name: str, where: str, found: str, limits: Limits, row: int | None = None, column: str | None = None
    ) -> None:
        limit = getattr(limits, name)
        shown = f"{limit:,}" if isinstance(limit, int) else f"{limit:g}"
        super().__init__(
            f"{where}: {found}, over the limit of {shown} {SETTINGS[name].what}: refused (nothing was loaded). "
            f"If the file is genuine, raise the limit ({how_to_raise(name)})",
            row,
            column,
        )
        self.limit = name


@dataclass
class Budget:
    """What one file may still use: the limits, the cells read so far and the deadline."""

    limits: Limits = DEFAULTS
    started: float = 0.0
    cells_read: int = 0

    def __post_init__(self) -> None:
        self.started = self.started or time.monotonic()

    def check_time(self, where: str = "while reading") -> None:
        """Refuse the file once it has taken longer than the time limit."""
        spent = time.monotonic() - self.started
        if spent > self.limits.seconds:
            raise LimitExceeded("seconds", where, f"still not checked after {spent:.0f} s", self.limits)

    def row(
        self, cells: list[str], where: str, row: int, header: list[str] | None = None, count_cells: bool = True
    ) -> None:
        """Check one row of text cells read from a file: row number, width, cell sizes, cells so far, time."""
        lim = self.limits
        if row > lim.rows:
            raise LimitExceeded("rows", where, f"row {row:,} is past the last row allowed", lim)
        if len(cells) > lim.columns:
            raise LimitExceeded("columns", f"{where}, row {row:,}", f"{len(cells):,} columns", lim)
        longest = max(map(len, cells), default=0)
        if longest > lim.cell_chars:
            col = next(i for i, c in enumerate(cells) if len(c) == longest)
            name = header[col] if header is not None and col < len(header) and header[col] else f"column {col + 1}"
            found = f"a cell of {longest:,} characters"
            raise LimitExceeded("cell_chars", f"{where}, row {row:,}, column '{name}'", found, lim, row, name)
        if count_cells:
            self.add_cells(len(cells) - cells.count(""), where)
        if row % 4096 == 0:
            self.check_time(f"{where}, row {row:,}")

    def add_cells(self, n: int, where: str) -> None:
        """Count non-empty cells read; refuse past the cells limit."""
        self.cells_read += n
        if self.cells_read > self.limits.cells:
            raise LimitExceeded("cells", where, f"more than {self.limits.cells:,} non-empty cells", self.limits)

    def sheets(self, n: int, what: str = "sheets or tables") -> None:
        """Refuse a file with more sheets (or HTML / Word tables) than the limit."""
        if n > self.limits.sheets:
            raise LimitExceeded("sheets", "the file", f"{n:,} {what}", self.limits)

    @contextmanager
    def interrupting(self, con: duckdb.DuckDBPyConnection) -> Iterator[None]:
        """Interrupt `con`'s running query when the time limit is reached (DuckDB then raises an error)."""
        remaining = self.limits.seconds - (time.monotonic() - self.started)
        timer = threading.Timer(max(remaining, 0.001), con.interrupt)
        timer.daemon = True
        timer.start()
        try:
            yield
        except duckdb.InterruptException as e:
            raise LimitExceeded("seconds", "while checking the rows", "the check was stopped", self.limits) from e
        finally:
            timer.cancel()


def describe(limits: Limits = DEFAULTS) -> list[tuple[str, str, str, str, str]]:
    """Return (what, default, option, environment variable, secrets key) for each limit, for docs and pages."""
    out = []
    for f in fields(limits):
        s = SETTINGS[f.name]
        value = getattr(limits, f.name)
        out.append((s.what, f"{value:,}" if isinstance(value, int) else f"{value:g}", s.option, s.env, s.key))
    return out
