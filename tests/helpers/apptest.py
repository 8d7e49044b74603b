"""Helpers for Streamlit AppTest tests: open the app with URL parameters, read the scorecard."""

from __future__ import annotations

import duckdb
from streamlit.testing.v1 import AppTest

from hrdash import query, scorecard
from hrdash.filters import Filters
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


def expected_tiles(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, str]:
    """Return {EA code: tile value text} computed straight from SQL."""
    df = query.run(con, "ea_headline_by_year", filters.for_query(query.parameters("ea_headline_by_year")))
    return {t.ea_code: t.value_text for t in scorecard.tiles(df, filters.year_to)}


def shown_tiles(at: AppTest) -> dict[str, str]:
    """Return {EA code: value} of the scorecard metrics on screen."""
    return {m.label.split(" · ")[0]: m.value for m in at.metric}
