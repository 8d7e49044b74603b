"""Helpers for Streamlit AppTest tests: open the app with URL parameters, read the scorecard."""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import pandas as pd
from streamlit.testing.v1 import AppTest

from hrdash.db import query
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


# ---------------------------------------------------------------- the Data page

IMPORT_FIXTURES = ROOT / "tests" / "fixtures" / "import"
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32, "client_id": "id",
    "client_secret": "secret", "server_metadata_url": "https://login.example.org/.well-known/openid-configuration",
}  # fmt: skip


def data_page(secrets: dict | None = None, user: dict | None = None) -> AppTest:
    """Return the app opened on the Data page (with `secrets` and a logged-in `user`, if given)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    if secrets is not None:
        at.secrets = secrets
    if user is not None:
        at.user = user
    at.run()
    at.switch_page("views/data.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def upload(at: AppTest, *names: str) -> AppTest:
    """Upload files of tests/fixtures/import (a missing name uploads its own name as the bytes) and rerun."""
    files = [
        (n, (IMPORT_FIXTURES / n).read_bytes() if (IMPORT_FIXTURES / n).exists() else n.encode(), "text/csv")
        for n in names
    ]
    at.file_uploader(key="import_files").set_value(files)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
