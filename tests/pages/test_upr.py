"""The UPR page: every chart and table equal to SQL written here (and, for the ratification view, to Python's
recognition of the texts), under two filter settings given in the URL; search through the page; scale 20."""

from __future__ import annotations

import shutil
import statistics

import duckdb
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from hrdash.db import query
from hrdash.figures import upr
from hrdash.figures.base import level
from hrdash.importers import driver
from hrdash.model import recognition as ir
from tests.helpers.apptest import app_database, open_app
from tests.helpers.page_settings import REGION, SETTINGS, sql
from tests.helpers.paths import ROOT
from tests.helpers.screen import charts, first_table, trace, values, xy

PAGE = "views/upr.py"
VIEWS = [
    "Cycles and responses", "Themes", "Recommending States", "Implementation and reports", "To ratification",
    "UNCT engagement (EA11)", "Search",
]  # fmt: skip
UPR = f"r.cycle is not null and year(r.rec_date) between ? and ? and {REGION}"
INJECTION = "'; DROP TABLE recommendation; --"


@pytest.fixture(scope="module")
def views(built_db) -> dict[tuple[str, str], AppTest]:
    return {
        (s, v): open_app({**url, "upr_view": v, "upr_q": "torture investigate"}, page=PAGE)
        for s, (url, _) in SETTINGS.items()
        for v in VIEWS
    }


@pytest.fixture(params=list(SETTINGS))
def setting(request):
    return request.param, SETTINGS[request.param][1]


def upr_rows(con, f: dict, columns: str, group: str = "") -> list[tuple]:
    """Rows of UPR recommendations (r) of the selected countries (c) and years, as the test's own SQL."""
    tail = f" group by {group}" if group else ""
    return sql(
        con,
        f"select {columns} from recommendation r join country c on c.iso3 = r.country_iso3 where {UPR}{tail}",
        f["year_from"], f["year_to"], f["region"], f["region"],
    )  # fmt: skip


COUNTS = "count(*), count(*) filter (where r.response = 'supported'), count(*) filter (where r.response = 'noted'), " \
    "count(*) filter (where r.response = 'pending')"  # fmt: skip


def test_cycles_and_responses_equal_sql(views, con, setting):
    name, f = setting
    at = views[name, "Cycles and responses"]
    shown = charts(at)
    per_session = upr_rows(con, f, "r.cycle, r.session, count(*)", "all")
    for cycle in {c for c, _, _ in per_session}:
        expected = {s: n for c, s, n in per_session if c == cycle and s is not None}
        assert xy(trace(shown["upr_per_session"], f"Cycle {cycle}")) == expected
    # recommendations of reviews known only by their year have no session: the caption says how many
    sessionless = sum(n for _, s, n in per_session if s is None)
    assert (sessionless > 0) == (name == "all")
    if sessionless:
        assert any(c.value.endswith(f"{sessionless:,} recommendations of cycle 2 are not in the chart: their "
                                    "reviews are known only by their year (the bundled review calendar has no "
                                    "session for them), so they have no session.") for c in at.caption)  # fmt: skip
    per_cycle = {c: rest for c, *rest in upr_rows(con, f, f"r.cycle, {COUNTS}", "1")}
    for i, response in enumerate(["Supported", "Noted", "Pending"], start=1):
        t = trace(shown["upr_response_cycle"], response)
        assert dict(zip(t["y"], values(t["customdata"]))) == {f"Cycle {c}": v[i] for c, v in per_cycle.items()}
        assert values(t["x"]) == [round(100 * per_cycle[int(y.split()[1])][i] / per_cycle[int(y.split()[1])][0], 1)
                                  for y in t["y"]]  # fmt: skip
    per_region = {r: rest for r, *rest in upr_rows(con, f, f"c.ohchr_region, {COUNTS}", "1")}
    t = trace(shown["upr_response_region"], "Noted")
    assert dict(zip(t["y"], values(t["customdata"]))) == {r: v[2] for r, v in per_region.items()}
    total = sum(v[0] for v in per_cycle.values())
    tiles = {m.label: m.value for m in at.metric}
    assert tiles["Recommendations"] == f"{total:,}"
    assert tiles["Pending"] == f"{100 * sum(v[3] for v in per_cycle.values()) / total:.1f}%"
    per_country = first_table(at, "Country", "Pending (%)").sort_values("Country").reset_index(drop=True)
    expected = {n: rest for n, *rest in upr_rows(con, f, f"c.name, {COUNTS}", "1")}
    assert {r[0]: list(r[3:7]) for r in per_country.itertuples(index=False, name=None)} == expected
    export = query.run(con, "upr_responses_by_country", {**f, "countries": [], "target_ea": None})
    assert export.sort_values("name").values.tolist() == per_country.values.tolist()  # the download = the table


def test_themes_and_recommending_states_equal_sql(views, con, setting):
    name, f = setting
    rows = sql(
        con,
        f"""select t, count(*), 100.0 * count(*) filter (where response = 'supported')
                                / count(*) filter (where response in ('supported', 'noted'))
            from (select unnest(r.themes) as t, r.response from recommendation r
                  join country c on c.iso3 = r.country_iso3 where {UPR}) group by t order by 2 desc, t limit 15""",
        f["year_from"], f["year_to"], f["region"], f["region"],
    )  # fmt: skip
    themes_page = charts(views[name, "Themes"])
    # UPR Info's action categories: the sessions 1-9 facts (and imports) only
    categories = upr_rows(con, f, f"r.action_category, {COUNTS}", "1 having r.action_category is not null")
    chart = themes_page["upr_action_category"]
    supported = xy(trace(chart, "Supported"), horizontal=True)
    assert {int(c): n[1] for c, *n in categories} == {int(y[0]): v for y, v in supported.items()}
    totals = [int(t.split(" · ")[0].replace(",", "")) for t in trace(chart, "Total")["text"]]
    assert {int(c): n[0] for c, *n in categories} == dict(
        zip([int(y[0]) for y in trace(chart, "Supported")["y"]], totals)
    )
    t = themes_page["upr_themes"]["data"][0]
    assert xy(t, horizontal=True) == {theme: n for theme, n, _ in rows}
    assert [round(v, 6) for v in values(t["customdata"])][::-1] == [round(s, 6) for _, _, s in rows]
    shown = charts(views[name, "Recommending States"])
    by_state = sql(
        con,
        f"""select coalesce(rc.name, s), count(*), count(*) filter (where response = 'supported'),
                   count(*) filter (where response = 'noted')
            from (select unnest(r.recommending_states) as s, r.response from recommendation r
                  join country c on c.iso3 = r.country_iso3 where {UPR}) x
            left join country rc on rc.iso3 = x.s group by all order by 2 desc, 1 limit 20""",
        f["year_from"], f["year_to"], f["region"], f["region"],
    )  # fmt: skip
    chart = shown["upr_recommending_states"]
    assert xy(trace(chart, "Supported"), horizontal=True) == {s: sup for s, _, sup, _ in by_state}
    assert xy(trace(chart, "Noted"), horizontal=True) == {s: noted for s, _, _, noted in by_state}
    flows = sql(
        con,
        f"""select coalesce(rc.ohchr_region, 'unknown'), x.reviewed, count(*)
            from (select unnest(r.recommending_states) as s, c.ohchr_region as reviewed from recommendation r
                  join country c on c.iso3 = r.country_iso3 where {UPR}) x
            left join country rc on rc.iso3 = x.s group by all""",
        f["year_from"], f["year_to"], f["region"], f["region"],
    )  # fmt: skip
    link = shown["upr_flow"]["data"][0]
    labels = [n.split(":")[0] for n in link["node"]["label"]]
    plotted = {
        (labels[s], labels[t]): v
        for s, t, v in zip(
            values(link["link"]["source"]), values(link["link"]["target"]), values(link["link"]["value"])
        )
    }
    assert plotted == {(a, b): n for a, b, n in flows}


def test_implementation_and_reports_equal_sql(views, con, setting):
    name, f = setting
    shown = charts(views[name, "Implementation and reports"])
    status = upr_rows(con, f, "r.cycle, r.implementation, count(*)", "all")
    for key, label in upr.IMPLEMENTATION_STYLE.items():
        t = trace(shown["upr_implementation"], label[0])
        assert dict(zip(t["y"], values(t["customdata"]))) == {f"Cycle {c}": n for c, s, n in status if s == key} | {
            y: 0 for y in t["y"] if y not in {f"Cycle {c}" for c, s, _ in status if s == key}
        }
    reports = sql(
        con,
        f"""select u.cycle, count(*), count(*) filter (where u.national_report),
                   count(*) filter (where u.midterm_report)
            from upr_review u join country c on c.iso3 = u.country_iso3
            where u.review_year between ? and ? and {REGION} group by 1""",
        f["year_from"], f["year_to"], f["region"], f["region"],
    )  # fmt: skip
    for i, label in enumerate(["Reviews", "National reports", "Mid-term reports"], start=1):
        assert xy(trace(shown["upr_reports"], label)) == {f"Cycle {r[0]}": r[i] for r in reports}


def test_reports_count_only_known_flags(built_db, tmp_path):
    """Reviews imported from Terman's review years have no report flags: counted as reviews, reports not known."""
    db = tmp_path / "hrdash.duckdb"
    shutil.copy(built_db, db)
    [(plan, _)] = driver.import_paths(db, [ROOT / "tests/fixtures/import/upr-years.csv"], imported_by="test")
    params = {"region": None, "countries": ["DZA", "CIV", "HUN"], "target_ea": None, "year_from": 2008,
              "year_to": 2016}  # fmt: skip
    with duckdb.connect(str(db), read_only=True) as con:
        got = query.run(con, "upr_reports_by_cycle", params).set_index("cycle")
        demo = con.execute("select count(*) from upr_review where source = 'demo' and review_year <= 2016 and "
                           "country_iso3 in ('DZA', 'CIV', 'HUN')").fetchone()[0]  # fmt: skip
    assert demo == 0 and plan.problems.errors == 0
    assert got[["reviews", "national_reports", "midterm_reports"]].values.tolist() == [[3, 0, 0], [3, 0, 0]]
    assert got[["national_reports_unknown", "midterm_reports_unknown"]].values.tolist() == [[3, 3], [3, 3]]


def test_recommendation_to_ratification_equals_python_recognition(views, con, setting):
    """Independent of the SQL recognition: the texts are read here and recognised by Python."""
    name, f = setting
    recs = upr_rows(con, f, "r.id, r.country_iso3, c.ohchr_region, r.rec_date, r.response, r.text, r.asks_to_join")
    consent = {(c, i): d for c, i, d in sql(con, "select country_iso3, instrument, consent_date from ratification")}
    # a text-less (bundled public) recommendation carries what was recognised from its text when it was derived
    # (tests/queries/test_public.py checks that against the source's texts)
    asked = [
        (code, region, response, consent.get((country, code)), rec_date)
        for _, country, region, rec_date, response, text, listed in recs
        for code in (ir.join_request(text) if text is not None else listed)
    ]
    shown = charts(views[name, "To ratification"])
    names = dict(sql(con, "select code, short_name from instrument"))
    chart = shown["upr_rat_instrument"]
    for response in upr.RESPONSES:
        expected = {}
        for code, _, resp, _, _ in asked:
            if resp == response:
                expected[names[code]] = expected.get(names[code], 0) + 1
        got = {k: v for k, v in xy(trace(chart, response.capitalize()), horizontal=True).items() if v}
        assert got == expected
    by_region = {}
    for _, region, _, when, rec_date in asked:
        became, total, years = by_region.setdefault(region, [0, 0, []])
        if when is None or when > rec_date:
            by_region[region][1] += 1
        if when is not None and when > rec_date:
            by_region[region][0] += 1
            years.append((when - rec_date).days / 365.25)
    region_chart = shown["upr_rat_region"]["data"][0]
    assert xy(region_chart, horizontal=True) == {r: 100 * b / t for r, (b, t, _) in by_region.items()}
    for label, (_, (_, _, years)) in zip(region_chart["text"], sorted(by_region.items(), reverse=True)):
        assert label.endswith(f"median {statistics.median(years):.1f} y")
    assert len(asked) > 100


def test_unct_engagement_table_equals_sql(views, con, setting):
    name, f = setting
    shown = first_table(views[name, "UNCT engagement (EA11)"], "Country", "UNCT submissions")
    unct = {
        n: (subs, follow)
        for n, subs, follow in sql(
            con,
            f"""select c.name, count(*) filter (where u.activity = 'UNCT submission'),
                       count(*) filter (where u.activity = 'follow-up plan')
                from unct_engagement u join country c on c.iso3 = u.country_iso3
                where u.mechanism = 'UPR' and u.year between ? and ? and {REGION} group by 1""",
            f["year_from"],
            f["year_to"],
            f["region"],
            f["region"],
        )  # fmt: skip
    }
    recs = dict(upr_rows(con, f, "c.name, count(*)", "1"))
    got = {
        r["Country"]: (r["UNCT submissions"], r["UNCT follow-up support"], r["Recommendations"])
        for _, r in shown.iterrows()
    }
    assert got == {n: (*unct.get(n, (0, 0)), recs.get(n, 0)) for n in set(unct) | set(recs)}
    assert sum(s for s, _, _ in got.values()) > 0
    rows = first_table(views[name, "UNCT engagement (EA11)"], "Activity", "Description")
    engagement = sql(
        con,
        f"""select u.id, c.name from unct_engagement u join country c on c.iso3 = u.country_iso3
            where u.mechanism = 'UPR' and u.year between ? and ? and {REGION}""",
        f["year_from"], f["year_to"], f["region"], f["region"],
    )  # fmt: skip
    assert sorted(rows["ID"]) == sorted(i for i, _ in engagement)
    assert dict(zip(rows["ID"], rows["Recommendations"])) == {i: recs.get(n, 0) for i, n in engagement}


def test_search_through_the_page(views, con, setting):
    name, f = setting
    at = views[name, "Search"]
    expected = sql(
        con,
        f"""select r.id from recommendation r join country c on c.iso3 = r.country_iso3
            where {UPR} and lower(r.text) like '%investigate%' and lower(r.text) like '%torture%'
            order by r.rec_date desc, r.id""",
        f["year_from"], f["year_to"], f["region"], f["region"],
    )  # fmt: skip
    assert f"**{len(expected):,} matching recommendations**" in " ".join(m.value for m in at.markdown)
    shown = first_table(at, "Recommendation", "ID")
    assert shown["ID"].tolist() == [r[0] for r in expected][:25]


def test_search_pages_theme_response_and_hostile_input(built_db, con):
    at = open_app({"upr_view": "Search", "upr_q": "Torture", "upr_theme": "Justice", "upr_response": "noted",
                   "upr_page_size": "50", "upr_page": "2"}, page=PAGE)  # fmt: skip
    expected = sql(
        con,
        """select id from recommendation where cycle is not null and contains(lower(text), 'torture')
           and list_contains(themes, 'Justice') and response = 'noted' order by rec_date desc, id""",
    )
    shown = first_table(at, "Recommendation", "ID")
    assert shown["ID"].tolist() == [r[0] for r in expected][50:100]
    # the bundled cycle-1 recommendations have no text: the page says how many are not searched, and why
    textless = sql(con, "select count(*) from recommendation where cycle is not null and text is null "
                        "and list_contains(themes, 'Justice') and response = 'noted'")[0][0]  # fmt: skip
    notes = [i.value for i in at.info if "are not searched" in i.value]
    assert textless > 0 and len(notes) == 1 and notes[0].startswith(f"{textless:,} recommendations under these filters")
    assert "python -m hrdash update --only uhri" in notes[0]
    before = con.execute("select count(*) from recommendation").fetchone()[0]
    at = open_app({"upr_view": "Search", "upr_q": INJECTION}, page=PAGE)
    assert "**No recommendation matches.**" in [m.value for m in at.markdown]
    assert con.execute("select count(*) from recommendation").fetchone()[0] == before


def test_every_view_draws_for_a_selection_without_data(built_db):
    """The Holy See is not a UN member: no UPR review, no recommendation."""
    for view in VIEWS:
        at = open_app({"countries": ["Holy See"], "upr_view": view, "upr_q": "torture"}, page=PAGE)
        if view in ("Cycles and responses", "To ratification"):
            assert at.metric[0].value == "0"
    assert "**No recommendation matches.**" in [m.value for m in at.markdown]


def test_every_builder_makes_a_valid_plotly_figure(con):
    f = {"region": None, "countries": [], "target_ea": None, "year_from": 2008, "year_to": 2017}

    def run(name, **extra):
        return query.run(con, name, {**{k: v for k, v in f.items() if k in query.parameters(name)}, **extra})

    data = run("upr_recommendations_by_response")
    states = run("upr_recommending_states")
    # a flow row (region to region) names no recommending State (it was an arbitrary one, differing run to run)
    flows = states[states["level"] == "flow"]
    assert len(flows) > 0 and flows["recommender"].isna().all() and flows["recommender_iso3"].isna().all()
    outcomes = run("upr_ratification_outcomes", **ir.sql_params())
    figures = [
        upr.per_session(level(data, "session")), upr.response_shares(level(data, "cycle"), "cycle", "Cycle "),
        upr.response_shares(level(data, "region"), "ohchr_region"), upr.themes(run("upr_themes_by_response")),
        upr.recommending_states(level(states, "state")), upr.flow(level(states, "flow")),
        upr.implementation(run("upr_implementation_by_cycle")), upr.reports(run("upr_reports_by_cycle")),
        upr.ratification_by_instrument(level(outcomes, "instrument")),
        upr.ratification_share(level(outcomes, "region"), "ohchr_region"),
    ]  # fmt: skip
    for fig in figures:
        go.Figure(fig.to_dict())


def test_the_page_at_scale_20(scale20_db):
    with app_database(scale20_db):
        for view in VIEWS:
            at = open_app({"upr_view": view, "upr_q": "torture"}, page=PAGE)
            assert at.get("plotly_chart") or view in ("UNCT engagement (EA11)", "Search")
        assert any("matching recommendations" in m.value for m in at.markdown)
