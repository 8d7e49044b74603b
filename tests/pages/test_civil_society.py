"""The Civil society (EA7) page: its queries on hand-made rows (given/expect), and the page through AppTest (values on
screen equal SQL under two filter settings)."""

from __future__ import annotations

import pandas as pd
import pytest

from hrdash.db import query
from hrdash.model import targets
from hrdash.model.filters import Filters
from tests.helpers.apptest import open_app, runner

PAGE = "views/civil_society.py"
TWO = {"region": None, "countries": ["KEN", "UGA"], "target_ea": None, "year_from": 2012, "year_to": 2016}
SUBMISSIONS = (
    "insert into stakeholder_submission values "
    "('KEN', 'UPR', 2015, 2, 'NHRI', 1, 'demo'), ('KEN', 'UPR', 2015, 2, 'national NGO', 4, 'demo'), "
    "('KEN', 'UPR', 2015, 2, 'coalition', 0, 'demo'), "
    "('KEN', 'treaty bodies', 2013, null, 'international NGO', 2, 'demo'), "
    "('UGA', 'UPR', 2011, 1, 'NHRI', 9, 'demo'), ('UGA', 'UPR', 2016, 2, 'national NGO', 3, 'demo'), "
    "('UGA', 'UPR', 2016, 2, 'international NGO', 1, 'demo'), ('UGA', 'UPR', 2016, 2, 'NHRI', 1, 'demo'), "
    "('TZA', 'UPR', 2016, 2, 'NHRI', 7, 'demo')"
)


def test_submissions_by_year_and_type(empty_db):
    empty_db.execute(SUBMISSIONS)
    df = query.run(empty_db, "cso_submissions_by_year_type", TWO)
    assert df.values.tolist() == [
        [2013, "treaty bodies", "international NGO", 2, 1],
        [2015, "UPR", "NHRI", 1, 1],
        [2015, "UPR", "national NGO", 4, 1],  # the coalition's 0 is no submission
        [2016, "UPR", "NHRI", 1, 1],
        [2016, "UPR", "international NGO", 1, 1],
        [2016, "UPR", "national NGO", 3, 1],
    ]
    cycles = query.run(empty_db, "cso_upr_submissions_by_cycle_type", {**TWO, "year_from": 2008})
    assert cycles.values.tolist() == [
        [1, "NHRI", 9, 1], [2, "NHRI", 2, 2], [2, "international NGO", 1, 1], [2, "national NGO", 7, 2],
    ]  # fmt: skip


def test_submissions_per_country_and_review_with_diversity(empty_db):
    empty_db.execute(SUBMISSIONS)
    df = query.run(empty_db, "cso_submissions_by_country_cycle", TWO)
    got = df[["iso3", "mechanism", "cycle", "year", "nhri", "national_ngo", "coalition", "international_ngo", "total",
              "submitter_types"]]  # fmt: skip
    assert got.astype(object).where(got.notna(), None).values.tolist() == [
        ["KEN", "UPR", 2, 2015, 1, 4, 0, 0, 5, 2],
        ["KEN", "treaty bodies", None, 2013, 0, 0, 0, 2, 2, 1],
        ["UGA", "UPR", 2, 2016, 1, 3, 0, 1, 5, 3],
    ]
    diversity = query.run(empty_db, "cso_reviews_by_diversity", TWO)
    assert diversity.values.tolist() == [
        ["UPR", 1, 0], ["UPR", 2, 1], ["UPR", 3, 1], ["UPR", 4, 0],
        ["treaty bodies", 1, 1], ["treaty bodies", 2, 0], ["treaty bodies", 3, 0], ["treaty bodies", 4, 0],
    ]  # fmt: skip


def test_nhris_by_status_count_the_countries_without_one(empty_db):
    empty_db.execute(
        "insert into nhri values ('KEN', 'KNCHR', 'A', 2013, 'demo'), ('UGA', 'UHRC', 'B', 2010, 'demo'), "
        "('TZA', 'CHRAGG', 'A', 2011, 'demo')"
    )
    params = {"region": None, "countries": ["KEN", "UGA", "RWA"], "target_ea": None}
    status = query.run(empty_db, "cso_nhri_by_status", params)
    assert dict(zip(status["status"], status["countries"])) == {"A": 1, "B": 1, "C": 0, "none": 0, "no data": 1}
    rows = query.run(empty_db, "cso_nhri_by_country", params)
    assert rows[["iso3", "nhri", "status", "status_year"]].values.tolist() == [
        ["KEN", "KNCHR", "A", 2013], ["UGA", "UHRC", "B", 2010]
    ]  # fmt: skip


# ---------------------------------------------------------------- the page (AppTest)

SETTINGS = {
    "all": ({}, Filters(2008, 2026)),
    "asia": ({"region": "Asia-Pacific", "year_from": "2011", "year_to": "2015"},
             Filters(2011, 2015, region="Asia-Pacific")),
}  # fmt: skip


def _frame(at, column: str) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if column in d.value.columns)


@pytest.fixture(scope="module")
def views(built_db):
    return {
        (name, tab): open_app({**params, "cso_view": tab}, page=PAGE)
        for name, (params, _) in SETTINGS.items()
        for tab in ("Stakeholder submissions", "Cycles and diversity", "NHRIs", "EA7 target countries")
    }


@pytest.mark.parametrize("name", SETTINGS)
def test_submission_figures_equal_sql(views, con, name):
    at, filters = views[(name, "Stakeholder submissions")], SETTINGS[name][1]
    by_year = query.run(con, "cso_submissions_by_year_type", filters.params())
    per_type = by_year.groupby("submitter_type")["submissions"].sum()
    shown = {m.label: m.value for m in at.metric}
    assert shown[f"Submissions {filters.year_from}–{filters.year_to}"] == f"{int(per_type.sum()):,}"
    for kind in ("NHRI", "national NGO", "coalition", "international NGO"):
        assert shown[kind] == f"{int(per_type.get(kind, 0)):,}"
    chart = _frame(at, "Submitter type")
    assert chart["Submissions"].tolist() == by_year["submissions"].tolist()
    table = _frame(at, "International NGO")
    want = query.run(con, "cso_submissions_by_country_cycle", filters.params())
    assert table["Total"].tolist() == want["total"].tolist() and table["ISO3"].tolist() == want["iso3"].tolist()


@pytest.mark.parametrize("name", SETTINGS)
def test_cycle_and_diversity_figures_equal_sql(views, con, name):
    at, filters = views[(name, "Cycles and diversity")], SETTINGS[name][1]
    diversity = query.run(con, "cso_reviews_by_diversity", filters.params())
    assert _frame(at, "Reviews")["Reviews"].tolist() == diversity["reviews"].tolist()
    cycles = query.run(con, "cso_upr_submissions_by_cycle_type", filters.params())
    chart = _frame(at, "UPR cycle")
    assert chart["Submissions"].tolist() == cycles["submissions"].tolist()


def test_the_filters_change_the_figures(views):
    a = {m.label: m.value for m in views[("all", "Stakeholder submissions")].metric}
    b = {m.label: m.value for m in views[("asia", "Stakeholder submissions")].metric}
    assert a["NHRI"] != b["NHRI"] and a["national NGO"] != b["national NGO"]


@pytest.mark.parametrize("name", SETTINGS)
def test_nhri_figures_equal_sql(views, con, name):
    at, filters = views[(name, "NHRIs")], SETTINGS[name][1]
    status = query.run(con, "cso_nhri_by_status", filters.for_query(query.parameters("cso_nhri_by_status")))
    chart = _frame(at, "Meaning")
    assert dict(zip(chart["Status"], chart["Countries"])) == dict(zip(status["status"], status["countries"]))
    rows = query.run(con, "cso_nhri_by_country", filters.for_query(query.parameters("cso_nhri_by_country")))
    assert _frame(at, "Accreditation status")["ISO3"].tolist() == rows["iso3"].tolist()


@pytest.mark.parametrize("name", SETTINGS)
def test_ea7_targets_equal_sql(views, con, name):
    at, filters = views[(name, "EA7 target countries")], SETTINGS[name][1]
    want = targets.status(runner(con), "EA7", filters)
    shown = {m.label: m.value for m in at.metric}
    assert shown["Targets met"] == str((want["met"] == "yes").sum())
    assert shown["Targets not met"] == str((want["met"] == "no").sum())
    table = _frame(at, "Target kind")
    assert list(zip(table["ISO3"], table["Baseline"], table["Now"], table["Met"])) == list(
        zip(want["iso3"], want["baseline_value"], want["now_value"], want["met"])
    )


def test_ea7_target_filter_from_the_url(built_db, con):
    at = open_app({"cso_view": "EA7 target countries", "cso_target_met": "Not met"}, page=PAGE)
    assert at.selectbox(key="cso_target_met").value == "no"
    want = targets.status(runner(con), "EA7", Filters(2008, 2026), met="no")
    table = _frame(at, "Target kind")
    assert set(table["Met"]) == {"no"} and table["ISO3"].tolist() == want["iso3"].tolist()


def test_figures_are_valid_plotly_and_plot_the_sql_rows(con):
    """The builders skip plotly's validation for speed: validate their output here, once."""
    import plotly.graph_objects as go

    from hrdash.figures import civil_society as fig

    params = Filters(2008, 2026).params()
    by_year = query.run(con, "cso_submissions_by_year_type", params)
    selection = {k: params[k] for k in ("region", "countries", "target_ea")}
    status = targets.status(runner(con), "EA7", Filters(2008, 2026))
    figures = [
        fig.submissions_by_year(by_year),
        fig.upr_by_cycle(query.run(con, "cso_upr_submissions_by_cycle_type", params)),
        fig.diversity(query.run(con, "cso_reviews_by_diversity", params)),
        fig.nhri_status(query.run(con, "cso_nhri_by_status", selection)),
        fig.targets_now_vs_baseline(status, "2010–2013", "2023–2026"),
    ]
    for f in figures:
        go.Figure(f.to_dict())  # raises on any invalid property
    bars = [t for t in figures[0].data if t.type == "bar"]
    assert sum(sum(t.y) for t in bars) == by_year["submissions"].sum()
    markers = {t.name: t for t in figures[4].data if t.mode == "markers+text"}
    assert list(markers["2023–2026"].x) == status.sort_values(["now_value", "country"])["now_value"].tolist()
