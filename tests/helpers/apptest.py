"""Helpers for Streamlit AppTest tests: open the app (or the Data page) with URL parameters, secrets and a user,
upload files, point the app at another database, read the scorecard."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd
from streamlit.testing.v1 import AppTest

from hrdash.db import query
from hrdash.model import scorecard
from hrdash.model.filters import Filters
from tests.helpers.paths import IMPORT_FIXTURES, ROOT

# st.login settings that make the app ask who the user is (the OIDC provider is never reached in AppTest).
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32, "client_id": "id",
    "client_secret": "secret", "server_metadata_url": "https://login.example.org/.well-known/openid-configuration",
}  # fmt: skip


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
    """Return {EA code: value} of the scorecard's EA metrics on screen (not the tile on the data in view)."""
    return {m.label.split(" · ")[0]: m.value for m in at.metric if " · " in m.label}


def data_page(secrets: dict | None = None, user: dict | None = None) -> AppTest:
    """Return the app switched to the Data page, run with `secrets` (secrets.toml) and `user` (st.user)."""
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
    """Return the Data page after uploading the import fixtures `names` (a name with no fixture: its own bytes)."""
    files = [
        (n, (IMPORT_FIXTURES / n).read_bytes() if (IMPORT_FIXTURES / n).exists() else n.encode(), "text/csv")
        for n in names
    ]
    at.file_uploader(key="import_files").set_value(files)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def frame_with(at: AppTest, column: str) -> pd.DataFrame:
    """Return the first dataframe on screen that has `column`."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


@contextmanager
def app_database(path: Path) -> Iterator[None]:
    """Point the app (HRDASH_DB) at `path` for the duration, then restore the previous database."""
    before = os.environ.get("HRDASH_DB")
    os.environ["HRDASH_DB"] = str(path)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("HRDASH_DB", None)
        else:
            os.environ["HRDASH_DB"] = before
