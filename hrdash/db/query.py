"""Run the named SQL queries of queries/ with bound parameters."""

from __future__ import annotations

import difflib
import re
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from ..paths import QUERIES

_COMMENT_OR_STRING = re.compile(r"--[^\n]*|'(?:[^']|'')*'")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


class QueryError(ValueError):
    """A query was asked for by a name that does not exist, or with the wrong parameters."""


def available() -> list[str]:
    """Return the names of all queries."""
    return sorted(p.stem for p in QUERIES.glob("*.sql"))


@cache
def _load(path: Path, mtime: float) -> tuple[str, frozenset[str]]:
    sql = path.read_text()
    return sql, frozenset(_PARAM.findall(_COMMENT_OR_STRING.sub(" ", sql)))


def load(name: str) -> tuple[str, frozenset[str]]:
    """Return a query's SQL text and the names of its `$parameters`."""
    path = QUERIES / f"{name}.sql"
    if not re.fullmatch(r"[a-z0-9_]+", name) or not path.exists():
        close = difflib.get_close_matches(name, available(), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise QueryError(f"unknown query {name!r}: no file queries/{name}.sql{hint}")
    return _load(path, path.stat().st_mtime)


def parameters(name: str) -> frozenset[str]:
    """Return the names of the parameters a query takes."""
    return load(name)[1]


def bind(name: str, params: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
    """Return the SQL of query `name` and its checked parameters; raise QueryError naming any problem."""
    sql, wanted = load(name)
    params = dict(params or {})
    missing = sorted(wanted - params.keys())
    unknown = sorted(params.keys() - wanted)
    if missing:
        raise QueryError(f"query {name!r} needs parameter(s) {', '.join(missing)}")
    if unknown:
        raise QueryError(f"query {name!r} has no parameter(s) {', '.join(unknown)}; it takes {sorted(wanted)}")
    return sql, params


def run(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None) -> pd.DataFrame:
    """Return the result of query `name` with `params` bound by name (never spliced into SQL)."""
    sql, params = bind(name, params)
    with con.cursor() as cur:
        return cur.execute(sql, params).df()
