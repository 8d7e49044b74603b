"""Helpers for Streamlit AppTest tests: open the app with URL parameters, read the scorecard."""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import pandas as pd
from streamlit.testing.v1 import AppTest

from hrdash import query
from hrdash.model import scorecard
from hrdash.model.filters import Filters
from tests.conftest import ROOT


def open_app(params: dict[str, str | list[str]] | None = None, page: str | None = None) -> AppTest:
    """Return the app run once with `params` as the URL query string (and switched to `page`)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def runner(con: duckdb.DuckDBPyConnection) -> Callable[..., pd.DataFrame]:
    """Return a query runner on `con` with the page's signature: run(name, filters, **params)."""

    def run(name: str, filters: Filters, **params) -> pd.DataFrame:
        return query.run(con, name, {**filters.for_query(query.parameters(name)), **params})

    return run


def expected_tiles(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, str]:
    """Return {EA code: tile value text} computed straight from SQL."""
    return {t.ea_code: t.value_text for t in scorecard.tiles(runner(con), filters)}


def shown_tiles(at: AppTest) -> dict[str, str]:
    """Return {EA code: value} of the scorecard metrics on screen."""
    return {m.label.split(" · ")[0]: m.value for m in at.metric}
