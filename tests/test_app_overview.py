"""The Overview page through Streamlit's AppTest: values equal SQL, filters act, URL is read."""

from __future__ import annotations

import ast

import pytest

from hrdash.filters import Filters
from tests.apptest import expected_tiles, open_app, shown_tiles
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def default_view(built_db):
    return open_app()


def test_scorecard_equals_sql(default_view, con):
    shown = shown_tiles(default_view)
    assert sorted(shown) == sorted(["EA2", "EA6", "EA7", "EA8", "EA9", "EA10", "EA11"])
    assert shown == expected_tiles(con, Filters(2008, 2017))


def test_demo_banner_states_the_demo_share(default_view, con):
    banner = default_view.warning[0].value
    demo_rows = sum(
        con.execute(q).fetchone()[0]
        for q in [
            "select count(*) from ratification where source = 'demo'",
            "select count(*) from recommendation where source = 'demo'",
        ]
    )
    assert "Demo data on screen" in banner
    assert int(banner.split("**")[2].split(" of ")[0].replace(",", "").strip()) > demo_rows


def test_map_data_table_has_every_country(default_view, con):
    df = next(d.value for d in default_view.dataframe if "ISO3" in d.value.columns)
    assert len(df) == 196
    ratified = dict(
        con.execute("select country_iso3, count(*) from ratification where status = 'party' group by 1").fetchall()
    )
    shown = dict(zip(df["ISO3"], df["Instruments ratified (of 18)"]))
    assert all(shown[k] == ratified.get(k, 0) for k in shown)


def test_filters_from_the_url_change_the_values(built_db, con):
    at = open_app({"region": "Africa", "year_to": "2013", "target_ea": "EA6"})
    assert at.selectbox(key="region").value == "Africa"
    assert at.selectbox(key="year_to").value == 2013
    assert at.selectbox(key="target_ea").value == "EA6"
    filtered = Filters(2008, 2013, region="Africa", target_ea="EA6")
    assert shown_tiles(at) == expected_tiles(con, filtered)
    assert shown_tiles(at) != expected_tiles(con, Filters(2008, 2013))


def test_country_names_in_the_url_select_countries(built_db, con):
    at = open_app({"countries": ["Kenya", "Uganda"]})
    assert at.multiselect(key="countries").value == ["Kenya", "Uganda"]
    assert shown_tiles(at) == expected_tiles(con, Filters(2008, 2017, countries=("KEN", "UGA")))


def test_changing_a_widget_changes_the_values(built_db, con):
    at = open_app()
    at.selectbox(key="region").select("Americas").run()
    assert shown_tiles(at) == expected_tiles(con, Filters(2008, 2017, region="Americas"))
    at.selectbox(key="year_to").select(2012).run()
    assert shown_tiles(at) == expected_tiles(con, Filters(2008, 2012, region="Americas"))
    at.selectbox(key="map_indicator").select("sp_visits").run()
    assert "Special Procedures visits per country" in " ".join(c.value for c in at.caption)


def test_every_page_file_is_registered_in_app_py():
    tree = ast.parse((ROOT / "app.py").read_text())
    registered = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Page"
    }
    on_disk = {f"views/{p.name}" for p in (ROOT / "views").glob("*.py")}
    assert registered == on_disk
