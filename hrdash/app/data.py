"""The app's data access: one cached read-only connection, cached named queries, the write connection of an import.

Everything a page reads goes through `run` (st.cache_data: a copy per use) or `run_frozen` (st.cache_resource: the
same frame every time, for callers that only read it). The import gate makes readers wait while an import holds the
database (`write_connection`).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from ..db import build, query
from ..importers import driver
from ..model import scorecard
from ..model.filters import Filters
from ..paths import default_db
from .gate import GATE


@st.cache_resource(show_spinner="Preparing the database (first start only)…")
def _connect(path: str) -> duckdb.DuckDBPyConnection:
    build.ensure_built(Path(path), progress=lambda m: None)
    return duckdb.connect(path, read_only=True)


def connection() -> duckdb.DuckDBPyConnection:
    """Return the app's read-only connection to $HRDASH_DB, building the database first if needed."""
    return _connect(database())


_opened: dict[str, int] = {}  # database path -> the inode of the file its connection and results come from


def database() -> str:
    """Return the database's path, first dropping the connection and every cached result if a new file was
    published there since they were made.

    Several servers (replicas) can share one database file, each opening it read-only. An import or a rebuild
    is made on a copy that is then moved in place (`os.replace`, atomic: README, "Deploying for many users");
    each server notices the new file here (one stat a query) and reopens it, so no replica shows old figures.
    """
    path = str(default_db())
    try:
        inode = os.stat(path).st_ino
    except FileNotFoundError:  # not built yet: the connection builds it
        return path
    if _opened.setdefault(path, inode) != inode:
        _opened[path] = inode
        _connect.clear()
        _clear_results()
    return path


def _clear_results() -> None:
    st.cache_data.clear()
    _cached_frozen.clear()
    _tiles.clear()


def _query(path: str, name: str, params: tuple[tuple[str, Any], ...]) -> pd.DataFrame:
    with GATE.shared():  # waits while an import holds the database (write_connection)
        return query.run(_connect(path), name, {k: list(v) if isinstance(v, tuple) else v for k, v in params})


def _key(params: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


@st.cache_data(max_entries=512, show_spinner=False)
def _cached(path: str, name: str, params: tuple[tuple[str, Any], ...]) -> pd.DataFrame:
    return _query(path, name, params)


@st.cache_resource(max_entries=256, show_spinner=False)
def _cached_frozen(path: str, name: str, params: tuple[tuple[str, Any], ...]) -> pd.DataFrame:
    return _query(path, name, params)


def query_params(name: str, filters: Filters | None, params: dict[str, Any]) -> dict[str, Any]:
    """Return the parameters of query `name`: the filter parameters it declares, then `params`."""
    return {**filters.for_query(query.parameters(name)), **params} if filters is not None else params


def run(name: str, filters: Filters | None = None, **params: Any) -> pd.DataFrame:
    """Return named query `name` with the filter parameters it takes plus `params` (cached)."""
    return _cached(database(), name, _key(query_params(name, filters, params)))


def run_frozen(name: str, **params: Any) -> pd.DataFrame:
    """Return named query `name` (no filters) from a cache that hands out the same frame every time.

    For callers that only read the frame: st.cache_data copies (unpickles) a result on every use, which
    costs a millisecond or more a frame; the Country profile reads some twenty on every change.
    """
    return _cached_frozen(database(), name, _key(params))


def build_info() -> dict[str, str]:
    """Return the database's build facts ({"built_at": …, "scale": …, …}, query build_info)."""
    return dict(run("build_info").itertuples(index=False))


def source_files() -> dict[str, str]:
    """Return {import source: file name} of the database's imports (for naming sources)."""
    return dict(run("import_files")[["source", "file_name"]].itertuples(index=False))


def with_reader(fn: Callable[..., Any], *args: Any) -> Any:
    """Return fn(connection, *args), run while no import holds the database (for downloads made on click)."""
    with GATE.shared():
        return fn(connection(), *args)


@contextmanager
def write_connection() -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a read-write connection to the app's database for an import, then drop cached query results.

    DuckDB allows, per process, connections of one configuration only: the cached read-only
    connection is closed first (the gate makes this process's other queries wait), and reopened
    read-only on the next query. Holds the database's import lock meanwhile. Raises
    db.connect.Locked if another process holds the file.
    """
    path = str(default_db())
    with GATE.exclusive():
        _connect(path).close()
        _connect.clear(path)
        with driver.writing(Path(path)) as con:  # after _connect: a rebuild it starts takes the import lock too
            try:
                yield con
            finally:
                _clear_results()


@contextmanager
def threads(workers: int = 4) -> Iterator[Callable[..., Iterator[Any]]]:
    """Yield a `map` that runs on `workers` threads sharing this script run's context.

    Independent named queries then run at once (DuckDB answers several cursors of one connection in parallel).
    The cached runners want a ScriptRunContext; Streamlit's documented way to use them from other threads is to
    attach the context of the run that waits for them.
    """
    from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

    ctx = get_script_run_ctx(suppress_warning=True)
    with ThreadPoolExecutor(
        workers, initializer=lambda: add_script_run_ctx(threading.current_thread(), ctx) if ctx else None
    ) as pool:
        yield pool.map


def scorecard_tiles(filters: Filters) -> list[scorecard.Tile]:
    """Return the Overview's scorecard tiles (cached: a rerun with the same filters computes nothing)."""
    return _tiles(database(), filters)


@st.cache_resource(max_entries=64, show_spinner=False)
def _tiles(path: str, filters: Filters) -> list[scorecard.Tile]:
    # cache_resource: the tiles are frozen dataclasses, only read; an import clears it with the query caches.
    with threads() as pmap:  # the seven EAs' headline queries at once
        return scorecard.tiles(run, filters, pmap)
