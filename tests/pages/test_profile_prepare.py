"""The Country profile prepared in the background (hrdash.app.profile_ui.prepare): after any page is drawn, the
profile the filters would open on is computed into the page's own cache, so its first visit finds it ready."""

from __future__ import annotations

import duckdb

from hrdash.app import profile_ui
from tests.helpers.apptest import open_app

PARAMS = {"region": "Africa", "year_from": "2009", "year_to": "2015"}  # years no other test of the process uses


def test_a_page_prepares_the_profile_its_filters_would_open_on(monkeypatch, built_db):
    monkeypatch.setenv(profile_ui.PREPARE_ENV, "1")
    with duckdb.connect(str(built_db), read_only=True) as con:
        iso3, name = con.execute(
            "select iso3, name from country where ohchr_region = 'Africa' order by name limit 1"
        ).fetchone()
    at = open_app(PARAMS)  # the Overview
    started = {
        key: t for key, t in profile_ui._preparing().items() if key[0] == str(built_db) and key[3:] == (2009, 2015)
    }
    assert [key[2] for key in started] == [iso3]
    (thread,) = started.values()
    thread.join(timeout=120)
    assert not thread.is_alive()
    viewed = {
        k: v for k, v in profile_ui._countries_viewed().items() if k[0] == str(built_db) and k[2:] == (2009, 2015)
    }
    assert list(viewed.values()) == [{iso3}]  # computed by the thread, for that country only
    # The page opens on the prepared country; asking again starts nothing.
    at.switch_page("views/country_profile.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == f"Country profile: {name}"
    assert list(viewed.values()) == [{iso3}] and profile_ui.prepare(at.session_state["filters"]) is None  # once
