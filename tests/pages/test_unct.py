"""The UNCT engagement (EA11) page: its queries on hand-made rows, the seed facts on the built database, and the
page through AppTest (values on screen equal SQL under two filter settings)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from hrdash.db import query
from hrdash.figures import unct as fig
from hrdash.model import targets
from hrdash.model.filters import Filters
from hrdash.model.text import shown as shown_text
from tests.helpers.apptest import open_app, runner

PAGE = "views/unct_engagement.py"
NONE = {"region": None, "countries": [], "target_ea": None}
SEED_STORIES = {
    "seed:001": {"AZE", "URY", "TZA"},
    "seed:002": {"ALB", "MDA", "KEN", "NER", "RWA", "ECU"},
    "seed:000": {"LBR"},
}
HRAS = [
    "delete from hra_deployment",
    "insert into hra_deployment (id, country_iso3, region, start_date, end_date, funding, source) values "
    "('h1', 'KEN', null, '2011-01-01', '2011-06-30', 'OHCHR', 'demo'), "
    "('h2', 'UGA', null, '2011-07-01', null, 'Action 2', 'demo'), "
    "('h3', null, 'Africa', '2011-01-01', null, 'UNDG-HRM', 'demo'), "
    "('h4', null, 'Americas', '2011-01-01', '2011-06-29', 'UNDG-HRM', 'demo'), "
    "('h5', 'PER', null, '2012-03-01', null, 'UNDG-HRM', 'demo')",
]  # fmt: skip


def _given(con, rows: list[str]) -> None:
    for sql in rows:
        con.execute(sql)


# ---------------------------------------------------------------- queries, given / expect


@pytest.mark.parametrize(
    "selection, expected",
    [
        (NONE, (1, 1, 1, 2)),  # Kenya (ends that day) and the Africa adviser; Uganda starts the day after
        ({**NONE, "region": "Africa"}, (1, 1, 1, 2)),
        ({**NONE, "region": "Americas"}, (0, 0, 0, 0)),  # the Americas adviser left the day before
        ({**NONE, "countries": ["KEN"]}, (1, 0, 1, 1)),  # a country list leaves regional advisers out
        ({**NONE, "target_ea": "EA7"}, (1, 0, 1, 1)),  # Kenya is an EA7 target
    ],
)
def test_hra_count_on_a_date(empty_db, selection, expected):
    _given(empty_db, HRAS)
    row = query.run(empty_db, "unct_hra_count_on_date", {**selection, "on_date": date(2011, 6, 30)}).iloc[0]
    assert (row.country_advisers, row.regional_advisers, row.countries, row.total) == expected


def test_hra_in_post_by_month(empty_db):
    _given(empty_db, HRAS)
    df = query.run(empty_db, "unct_hra_in_post_by_month", {**NONE, "year_from": 2011, "year_to": 2012}).set_index(
        "month_end"
    )
    assert len(df) == 24 and df.index[0] == pd.Timestamp("2011-01-31")
    got = df.loc[[pd.Timestamp(d) for d in ("2011-06-30", "2011-07-31", "2012-02-29", "2012-03-31")]]
    assert got.values.tolist() == [[1, 1, 0, 0], [1, 1, 0, 0], [1, 1, 0, 0], [2, 1, 1, 0]]


def test_hra_deployments_and_map_rows(empty_db):
    _given(empty_db, HRAS)
    rows = query.run(empty_db, "unct_hra_deployments", {**NONE, "year_from": 2011, "year_to": 2013})
    assert list(rows["id"]) == ["h1", "h3", "h4", "h2", "h5"]  # by start date, then name
    assert rows.set_index("id").loc["h3", "country"] == "Regional adviser, Africa"
    assert rows.set_index("id").loc["h2", "end_shown"] == pd.Timestamp("2013-12-31")
    by_country = query.run(empty_db, "unct_hra_deployment_by_country", {**NONE, "year_from": 2011, "year_to": 2013,
                                                                   "on_date": date(2011, 6, 30)})  # fmt: skip
    assert dict(zip(by_country["iso3"], by_country["in_post_on_date"])) == {"KEN": True, "PER": False, "UGA": False}
    assert by_country.set_index("iso3").loc["KEN", "status"] == "in post on 2011-06-30"


def test_engagement_coverage_gaps(empty_db):
    _given(
        empty_db,
        [
            "insert into recommendation (id, country_iso3, mechanism, rec_date, text, cycle, response, source) values "
            "('r1', 'KEN', 'UPR', '2015-05-01', 'Ratify', 2, 'supported', 'demo'), "
            "('r2', 'UGA', 'UPR', '2015-05-01', 'Ratify', 2, 'noted', 'demo'), "
            "('r3', 'UGA', 'UPR', '2016-05-01', 'Adopt', 2, 'supported', 'demo'), "
            "('r4', 'PER', 'UPR', '2009-05-01', 'Adopt', 1, 'supported', 'demo')",
            "insert into unct_engagement (id, country_iso3, year, mechanism, activity, source) values "
            "('a', 'KEN', 2015, 'UPR', 'UNCT submission', 'demo'), "
            "('b', 'UGA', 2016, 'treaty bodies', 'UNCT submission', 'demo')",
        ],
    )
    params = {**NONE, "year_from": 2014, "year_to": 2017}
    gaps = query.run(empty_db, "unct_coverage_gaps", params)
    assert gaps[["iso3", "recommendations", "supported", "other_unct_activities"]].values.tolist() == [["UGA", 2, 1, 1]]
    summary = query.run(empty_db, "unct_coverage_summary", params).iloc[0].tolist()
    assert summary == [2, 1, 1]


def test_working_groups_put_the_seed_facts_first(empty_db):
    empty_db.execute(
        "insert into unct_engagement (id, country_iso3, year, mechanism, activity, description, source) values "
        "('g', 'GHA', 2009, 'all mechanisms', 'human rights working group', 'Demo group', 'demo')"
    )
    groups = query.run(empty_db, "unct_working_groups", {**NONE, "year_to": 2017})
    assert list(groups["iso3"]) == ["MDA", "LBR", "GHA"]
    assert list(groups["source"]) == ["seed:002", "seed:000", "demo"]
    assert list(query.run(empty_db, "unct_working_groups", {**NONE, "year_to": 2015})["iso3"]) == ["MDA", "GHA"]
    model = query.run(empty_db, "unct_story_working_group_model", {})
    assert model["iso3"].tolist() == ["LBR"] and model["source"].tolist() == ["seed:000"]
    for element in ["chaired by OHCHR", "first Thursday of every month", "costed annual work plan", "focal point"]:
        assert element in model["text"].iloc[0]


def test_the_seed_stories_are_stories_with_their_seed(empty_db):
    stories = query.run(empty_db, "unct_story_list", {**NONE, "year_from": 2008, "year_to": 2017})
    for source, countries in SEED_STORIES.items():
        assert set(stories.loc[stories["source"] == source, "iso3"]) == countries
    assert stories.loc[stories["iso3"] == "URY", "text"].str.contains("Special Rapporteur on torture").all()


def test_plan_from_seed_reads_the_seed_figures(empty_db):
    plan = fig.plan_from_seed(query.run(empty_db, "unct_hra_seed_figures", {}))
    assert plan == {"hras_on_2011_06_30": 18, "new_hras_2012_13": 20, "regional_2012_13": 4}


# ---------------------------------------------------------------- the built database


def test_18_hras_on_30_june_2011_as_seed_002_says(con):
    row = query.run(con, "unct_hra_count_on_date", {**NONE, "on_date": date(2011, 6, 30)}).iloc[0]
    assert row.total == 18 == row.country_advisers
    said = con.execute("select value from seed_figure where key = 'hra_deployed_2011_06_30'").fetchone()[0]
    assert said == 18


# ---------------------------------------------------------------- the page (AppTest)


def _frame(at, column: str) -> pd.DataFrame:
    """Return the first table on screen that has `column`."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.fixture(scope="module")
def default_view(built_db):
    return open_app(page=PAGE)


@pytest.fixture(scope="module")
def africa_2012(built_db):
    return open_app({"region": "Africa", "hra_date": "2012-06-30", "year_from": "2010"}, page=PAGE)


def test_page_shows_18_hras_on_30_june_2011(default_view):
    shown = _metrics(default_view)
    assert shown["HRAs in post on 30 Jun 2011"] == "18"
    assert shown["With UN Country Teams"] == "18"
    captions = [shown_text(c.value) for c in default_view.caption]
    assert any(
        "18 HRAs deployed as of 30 June 2011" in c and "UNDG strategy for the deployment of Human Rights Advisers" in c
        for c in captions
    )
    banner = default_view.warning[0].value
    assert banner.startswith("**Real public data ") and "HRA deployments" in banner.split("demo", 1)[1]


def test_page_counts_follow_the_filters_and_the_date(africa_2012, con):
    assert africa_2012.date_input(key="hra_date").value == date(2012, 6, 30)
    want = query.run(con, "unct_hra_count_on_date", {**NONE, "region": "Africa", "on_date": date(2012, 6, 30)}).iloc[0]
    shown = _metrics(africa_2012)
    assert shown["HRAs in post on 30 Jun 2012"] == str(want.total)
    assert shown["With UN Country Teams"] == str(want.country_advisers)
    assert shown["Regional advisers"] == str(want.regional_advisers)
    everywhere = query.run(con, "unct_hra_count_on_date", {**NONE, "on_date": date(2012, 6, 30)}).iloc[0]
    assert want.total != everywhere.total


@pytest.mark.parametrize("view", ["default_view", "africa_2012"])
def test_hra_map_data_equals_sql(view, request, con):
    at = request.getfixturevalue(view)
    filters = Filters(2008, 2026) if view == "default_view" else Filters(2010, 2026, region="Africa")
    on = date(2011, 6, 30) if view == "default_view" else date(2012, 6, 30)
    want = query.run(con, "unct_hra_deployment_by_country", {**filters.params(), "on_date": on})
    shown = _frame(at, "In post on the date")
    assert list(shown["ISO3"]) == list(want["iso3"])
    assert list(shown["In post on the date"]) == list(want["in_post_on_date"])
    by_month = _frame(at, "Month end")
    assert len(by_month) == 12 * (filters.year_to - filters.year_from + 1)


@pytest.mark.parametrize(
    "params, filters", [({}, Filters(2008, 2026)), ({"region": "Americas"}, Filters(2008, 2026, region="Americas"))]
)
def test_deployments_tab_equals_sql(built_db, con, params, filters):
    at = open_app({**params, "unct_view": "HRA deployments"}, page=PAGE)
    want = query.run(con, "unct_hra_deployments", filters.params())
    table = _frame(at, "Country (or regional adviser)")
    assert list(table["ID"]) == list(want["id"]) and len(want) > 0
    assert len(_frame(at, "Funding")) == len(want)


def _tab(params: dict, tab: str):
    return open_app({**params, "unct_view": tab}, page=PAGE)


@pytest.fixture(scope="module")
def engagement_views(built_db):
    return {
        "all": _tab({}, "Engagement with the mechanisms"),
        "americas": _tab({"region": "Americas", "year_to": "2014"}, "Engagement with the mechanisms"),
    }


@pytest.mark.parametrize(
    "name, filters", [("all", Filters(2008, 2026)), ("americas", Filters(2008, 2014, region="Americas"))]
)
def test_engagement_tables_equal_sql(engagement_views, con, name, filters):
    at = engagement_views[name]
    want = query.run(con, "unct_engagement_by_country", filters.params())
    shown = _frame(at, "UNCT submissions")
    assert list(shown["ISO3"]) == list(want["iso3"])
    assert list(shown["Activities"]) == list(want["activities"])
    by_year = query.run(con, "unct_engagement_by_year_activity", filters.params())
    chart = _frame(at, "Activity")
    assert chart["Activities"].sum() == by_year["activities"].sum() == want["activities"].sum()
    groups = query.run(con, "unct_working_groups", filters.for_query(query.parameters("unct_working_groups")))
    assert list(_frame(at, "Since")["ISO3"]) == list(groups["iso3"]) and len(groups) > 0
    info = [shown_text(i.value) for i in at.info]
    assert any(
        "UNCT Liberia Human Rights Working Group" in i and "Terms of Reference of the UNCT Liberia" in i for i in info
    )


def test_stories_tab_shows_every_seed_story_with_its_source(built_db):
    at = _tab({}, "Stories")
    stories = _frame(at, "Story")
    for source, countries in SEED_STORIES.items():
        assert set(stories.loc[stories["Source"] == source, "ISO3"]) == countries
    text = " ".join(shown_text(m.value) for m in at.markdown)
    assert "**Azerbaijan, 2012** · Treaty bodies · UNDG Human Rights Mainstreaming Mechanism, progress report" in text
    assert (
        "**Liberia, 2016** · All mechanisms · Terms of Reference of the UNCT Liberia Human Rights Working Group" in text
    )


@pytest.mark.parametrize(
    "params, filters",
    [({}, Filters(2008, 2026)), ({"region": "Europe and Central Asia", "year_to": "2015"},
                                 Filters(2008, 2015, region="Europe and Central Asia"))],
)  # fmt: skip
def test_targets_and_coverage_equal_sql(built_db, con, params, filters):
    at = _tab(params, "EA11 targets and coverage")
    want = targets.status(runner(con), "EA11", filters)
    shown = _frame(at, "Target kind")
    assert list(zip(shown["ISO3"], shown["Target kind"], shown["Met"])) == list(
        zip(want["iso3"], want["target_kind"], want["met"])
    )
    cover = query.run(con, "unct_coverage_summary", filters.params()).iloc[0]
    metrics = _metrics(at)
    assert metrics["Countries with UPR recommendations"] == str(cover.countries_with_recommendations)
    assert metrics["… with none recorded"] == str(cover.without_unct_engagement)
    assert len(_frame(at, "UPR recommendations")) == cover.without_unct_engagement


# ---------------------------------------------------------------- figures


def test_figures_are_valid_plotly_and_plot_the_sql_rows(con):
    """The builders skip plotly's validation for speed: validate their output here, once."""
    import plotly.graph_objects as go

    params = {**Filters(2008, 2026).params()}
    on = date(2011, 6, 30)
    by_country = query.run(con, "unct_hra_deployment_by_country", {**params, "on_date": on})
    deployments = query.run(con, "unct_hra_deployments", params)
    by_month = query.run(con, "unct_hra_in_post_by_month", params)
    by_year = query.run(con, "unct_engagement_by_year_activity", params)
    plan = fig.plan_from_seed(query.run(con, "unct_hra_seed_figures", {}))
    figures = {
        "map": fig.hra_map(by_country),
        "timeline": fig.hra_timeline(deployments, on),
        "over_time": fig.hra_over_time(by_month, plan, on, 18),
        "engagement": fig.engagement_by_year(by_year),
    }
    for f in figures.values():
        go.Figure(f.to_dict())  # raises on any invalid property
    mapped = [t for t in figures["map"].data if t.type == "choropleth"]
    assert sorted(sum((list(t.locations) for t in mapped), [])) == sorted(by_country["iso3"])
    assert sum(len(t.y) for t in figures["timeline"].data) == len(deployments)
    lines = {t.name: t for t in figures["over_time"].data}
    june = list(pd.to_datetime(by_month["month_end"])).index(pd.Timestamp("2011-06-30"))
    assert lines["HRAs in post (with UNCTs)"].y[june] == 18
    notes = " ".join(a.text for a in figures["over_time"].layout.annotations)
    assert (
        "plan: 20 new HRAs by end 2013 (UNDG HRA strategy, 2012)" in notes
        and "plan: up to 4 regional advisers" in notes
    )
    bars = [t for t in figures["engagement"].data if t.type == "bar"]
    assert sum(sum(t.y) for t in bars) == by_year["activities"].sum()
