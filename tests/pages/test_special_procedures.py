"""The Special Procedures page: the 2013 seed figures, and every chart and table equal to SQL written here, under
two filter settings given in the URL; the page at scale 20; figure builders produce valid plotly figures."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from hrdash.db import query
from hrdash.figures import special_procedures as sp
from hrdash.figures.base import level
from hrdash.model.filters import Filters
from tests.helpers.apptest import app_database, open_app
from tests.helpers.ea6_rule import ea6_expected
from tests.helpers.page_settings import REGION, SETTINGS, sql
from tests.helpers.screen import charts, first_table, trace, values, xy

PAGE = "views/special_procedures.py"
VIEWS = ["Visits", "Standing invitations", "Visit requests", "Communications", "EA6 target countries", "Tables"]
# ------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def views(built_db) -> dict[tuple[str, str], AppTest]:
    """The page opened once per filter setting and view (the view's tab chosen in the URL)."""
    return {(s, v): open_app({**url, "sp_view": v}, page=PAGE) for s, (url, _) in SETTINGS.items() for v in VIEWS}


@pytest.fixture(params=list(SETTINGS))
def setting(request):
    return request.param, SETTINGS[request.param][1]


def tab(views, setting, label: str) -> tuple[AppTest, dict, dict]:
    """Return a view of the page under a filter setting, its charts by key and the setting's filters."""
    name, f = setting
    at = views[name, label]
    return at, charts(at), f


# ------------------------------------------------------------------ the seed figures and key figures


def test_2013_seed_figures_are_what_the_page_shows_without_filters(views):
    shown = first_table(views["all", "Visits"], "Figure (2013)")
    assert dict(zip(shown["Figure (2013)"], shown["In this data"])) == {
        "Country visits": "79",
        "Countries and territories visited": "66",
        "Communications sent": "528",
        "States and other entities written to": "117",
        "Share of communications sent jointly": "84%",
    }
    assert shown["OHCHR Management Plan (global)"].tolist() == ["79", "66", "528", "117", "84%"]
    assert (shown["Same"] == "✓").all()


def test_2013_figures_follow_the_country_filter(views, con):
    shown = first_table(views["africa", "Visits"], "Figure (2013)")["In this data"].tolist()
    visits, countries = sql(
        con,
        f"select count(*), count(distinct v.country_iso3) from sp_visit v join country c on c.iso3 = v.country_iso3 "
        f"where v.status = 'completed' and year(v.start_date) = 2013 and {REGION}",
        "Africa", "Africa",
    )[0]  # fmt: skip
    comms, states, joint = sql(
        con,
        f"select count(*), count(distinct m.country_iso3), avg(case when m.joint then 1 else 0 end) "
        f"from sp_communication m join country c on c.iso3 = m.country_iso3 "
        f"where year(m.sent_date) = 2013 and {REGION}",
        "Africa", "Africa",
    )[0]  # fmt: skip
    assert shown == [str(visits), str(countries), str(comms), str(states), f"{100 * joint:.0f}%"]
    assert shown != ["79", "66", "528", "117", "84%"]


def test_key_figures_are_the_selected_year_and_change_since_2013(views, con, setting):
    name, f = setting
    metrics = {m.label: (m.value, m.delta) for m in views[name, "Visits"].metric}
    per_year = dict(
        sql(
            con,
            f"select year(m.sent_date), count(*) filter (where m.type = 'urgent appeal') from sp_communication m "
            f"join country c on c.iso3 = m.country_iso3 where {REGION} group by 1",
            f["region"], f["region"],
        )
    )  # fmt: skip
    value, delta = metrics["Urgent appeals (EA10)"]
    assert value == f"{per_year[f['year_to']]:,}"
    if f["year_to"] != 2013:
        assert delta == f"{per_year[f['year_to']] - per_year[2013]:+,} vs 2013"


# ------------------------------------------------------------------ visits


def test_visit_charts_equal_sql(views, con, setting):
    _, shown, f = tab(views, setting, "Visits")
    rows = sql(
        con,
        f"""select c.ohchr_region, c.iso3, year(v.start_date), m.kind
            from sp_visit v join country c on c.iso3 = v.country_iso3 join sp_mandate m on m.code = v.mandate_code
            where v.status = 'completed' and year(v.start_date) between ? and ? and {REGION}""",
        f["year_from"], f["year_to"], f["region"], f["region"],
    )  # fmt: skip
    years = range(f["year_from"], f["year_to"] + 1)
    for kind, label in [("thematic", "Thematic mandates"), ("country", "Country mandates")]:
        expected = {y: sum(1 for r in rows if r[2] == y and r[3] == kind) for y in years}
        assert xy(trace(shown["sp_visits_per_year"], label)) == expected
    by_country = {}
    for r in rows:
        by_country[r[1]] = by_country.get(r[1], 0) + 1
    map_trace = shown["sp_visits_map"]["data"][0]
    plotted = dict(zip(values(map_trace["locations"]), values(map_trace["z"])))
    assert {k: v for k, v in plotted.items() if v} == by_country
    heat = shown["sp_visits_by_region"]["data"][0]
    cells = {(r, int(y)): z for r, row in zip(heat["y"], heat["z"]) for y, z in zip(heat["x"], row)}
    assert {k: v for k, v in cells.items() if v} == {
        (reg, y): n
        for reg, y, n in sql(
            con,
            f"""select c.ohchr_region, year(v.start_date), count(*)
                from sp_visit v join country c on c.iso3 = v.country_iso3
                where v.status = 'completed' and year(v.start_date) between ? and ? and {REGION} group by all""",
            f["year_from"],
            f["year_to"],
            f["region"],
            f["region"],
        )  # fmt: skip
    }


def test_visit_list_shows_the_latest_visits_and_requests(views, con, setting):
    name, f = setting
    shown = first_table(views[name, "Tables"], sp.LABELS["country"], "ID")
    expected = sql(
        con,
        f"""select v.id from sp_visit v join country c on c.iso3 = v.country_iso3
            where year(coalesce(v.start_date, v.request_date)) between ? and ? and {REGION}
            order by coalesce(v.start_date, v.request_date) desc, v.id""",
        f["year_from"], f["year_to"], f["region"], f["region"],
    )  # fmt: skip
    assert shown["ID"].tolist() == [r[0] for r in expected][:500]


# ------------------------------------------------------------------ standing invitations


def test_invitation_charts_equal_sql(views, con, setting):
    at, shown, f = tab(views, setting, "Standing invitations")
    invited = sql(
        con,
        f"select c.iso3, i.extended_date from standing_invitation i join country c on c.iso3 = i.country_iso3 "
        f"where {REGION}",
        f["region"], f["region"],
    )  # fmt: skip
    expected = {y: sum(1 for _, d in invited if d.year <= y) for y in range(f["year_from"], f["year_to"] + 1)}
    assert xy(shown["sp_invitations_per_year"]["data"][0]) == expected
    with_one = {iso for iso, d in invited if d.year <= f["year_to"]}
    assert set(values(trace(shown["sp_invitations_map"], "standing invitation")["locations"])) == with_one
    selected = sql(con, f"select count(*) from country c where {REGION}", f["region"], f["region"])[0][0]
    assert f": {selected - len(with_one)} countries." in " ".join(m.value for m in at.markdown)


# ------------------------------------------------------------------ visit requests


def test_request_charts_and_tables_equal_sql(views, con, setting):
    at, shown, f = tab(views, setting, "Visit requests")
    backlog = sql(
        con,
        f"""select c.name, count(*) filter (where v.status = 'requested'),
                   count(*) filter (where v.status = 'no reply'),
                   count(*) filter (where v.status = 'postponed'), min(v.request_date)
            from sp_visit v join country c on c.iso3 = v.country_iso3
            where v.status in ('requested', 'no reply', 'postponed') and year(v.request_date) <= ? and {REGION}
            group by 1""",
        f["year_to"], f["region"], f["region"],
    )  # fmt: skip
    top = sorted(backlog, key=lambda r: (-(r[1] + r[2] + r[3]), r[4], r[0]))[:20]
    chart = shown["sp_pending_requests"]
    assert list(reversed(trace(chart, "Requested")["y"])) == [r[0] for r in top]
    for label, i in [("Requested", 1), ("No reply", 2), ("Postponed", 3)]:
        assert xy(trace(chart, label), horizontal=True) == {r[0]: r[i] for r in top}
    accepted = sql(
        con,
        f"""select c.ohchr_region, count(*) filter (where v.status in ('accepted', 'completed')),
                   count(*) filter (where v.status <> 'requested')
            from sp_visit v join country c on c.iso3 = v.country_iso3
            where year(v.request_date) between ? and ? and {REGION} group by 1""",
        f["year_from"], f["year_to"], f["region"], f["region"],
    )  # fmt: skip
    assert xy(shown["sp_acceptance_by_region"]["data"][0], horizontal=True) == {
        r: round(100 * a / n, 1) for r, a, n in accepted
    }
    per_country = first_table(at, sp.LABELS["name"], sp.LABELS["acceptance_rate"])
    assert per_country[sp.LABELS["requests"]].sum() == sql(
        con,
        f"select count(*) from sp_visit v join country c on c.iso3 = v.country_iso3 "
        f"where year(v.request_date) between ? and ? and {REGION}",
        f["year_from"], f["year_to"], f["region"], f["region"],
    )[0][0]  # fmt: skip


# ------------------------------------------------------------------ communications


def test_communication_charts_equal_sql(views, con, setting):
    _, shown, f = tab(views, setting, "Communications")
    rows = sql(
        con,
        f"""select c.name, year(m.sent_date), m.type, m.joint, m.replied
            from sp_communication m join country c on c.iso3 = m.country_iso3
            where year(m.sent_date) between ? and ? and {REGION}""",
        f["year_from"], f["year_to"], f["region"], f["region"],
    )  # fmt: skip
    years = sorted({r[1] for r in rows})
    for kind, label in [("urgent appeal", "Urgent appeals"), ("allegation letter", "Allegation letters")]:
        assert xy(trace(shown["sp_comms_per_year"], label)) == {
            y: sum(r[1] == y and r[2] == kind for r in rows) for y in years
        }
    for col, label in [(3, "Sent jointly"), (4, "Replied to")]:
        expected = {
            y: round(100 * sum(r[col] for r in rows if r[1] == y) / sum(r[1] == y for r in rows), 1) for y in years
        }
        assert xy(trace(shown["sp_comms_shares"], label)) == expected
    countries = {r[0] for r in rows}
    total = {c: sum(r[0] == c for r in rows) for c in countries}
    urgent = {c: sum(r[0] == c and r[2] == "urgent appeal" for r in rows) for c in countries}
    replied = {c: sum(r[0] == c and r[4] for r in rows) for c in countries}
    most = sorted(countries, key=lambda c: (-total[c], c))[:20]
    assert xy(shown["sp_reply_rates"]["data"][0], horizontal=True) == {
        c: round(100 * replied[c] / total[c], 1) for c in most
    }
    most_urgent = sorted((c for c in countries if urgent[c]), key=lambda c: (-urgent[c], c))[:15]
    assert xy(shown["sp_urgent_appeals"]["data"][0], horizontal=True) == {c: urgent[c] for c in most_urgent}


# ------------------------------------------------------------------ EA6 targets


def test_ea6_targets_table_equals_sql(views, con, setting):
    name, f = setting
    at = views[name, "EA6 target countries"]
    shown = first_table(at, "Country")
    want = ea6_expected(con, f["region"], f["year_to"])
    assert [c.split(" (seed:")[0] for c in shown["Country"]] == [w["name"] for w in want]
    assert shown["Met"].tolist() == [w["met"] for w in want]
    span = f"2010–2013 → {f['year_to'] - 3}–{f['year_to']}"

    def yes(b):
        return "yes" if b else "no"

    def rate(v, n):
        return f"{round(v, 1):.0f}% of {n}" if n else "none"

    assert shown[f"Standing invitation, end of {span}"].tolist() == [
        f"{yes(w['inv'][0])} → {yes(w['inv'][1])}" + (" (new)" if w["inv"][2] else "") for w in want
    ]
    assert shown[f"Visit requests accepted, {span}"].tolist() == [
        f"{rate(*w['visits'][:2])} → {rate(*w['visits'][2:])}" for w in want
    ]
    assert shown[f"Communications replied to, {span}"].tolist() == [
        f"{rate(*w['comms'][:2])} → {rate(*w['comms'][2:])}" for w in want
    ]
    tiles = {m.label: m.value for m in at.metric}
    assert tiles["Target met"] == f"{sum(w['met'] == 'yes' for w in want)} of {len(want)}"
    assert tiles[f"With a standing invitation, end of {f['year_to'] - 3}–{f['year_to']}"] == (
        f"{sum(w['inv'][1] for w in want)} of {len(want)}"
    )
    caption = " ".join(c.value for c in at.caption)
    assert "baseline years 2010–2013" in caption and f"last four selected years {span.split(' → ')[1]}" in caption
    assert "2013 → " not in caption  # no single-year comparison left


# Two settings in which the target is met by some countries and not by others.
AGREE = {
    "all": ({}, Filters(2008, 2026)),
    "africa 2010–2017": ({"region": "Africa", "year_from": "2010", "year_to": "2017"},
                         Filters(2010, 2017, region="Africa")),
}  # fmt: skip


@pytest.mark.parametrize("setting", list(AGREE))
def test_ea6_targets_agree_with_the_expected_accomplishments_page(built_db, con, setting):
    url, filters = AGREE[setting]
    sp_page = first_table(open_app({**url, "sp_view": "EA6 target countries"}, page=PAGE), "Country")
    ea_page = open_app({**url, "ea": "EA6", "ea_view": "Target countries"}, page="views/expected_accomplishments.py")
    ea_table = next(d.value for d in ea_page.dataframe if "Target kind" in d.value.columns)
    ea_table = ea_table[ea_table["Target kind"] == "sp_engagement"]
    want = ea6_expected(con, filters.region, filters.year_to)
    sp_met = dict(zip([w["iso3"] for w in want], sp_page["Met"]))  # the SP table is in the same order, by name
    ea_met = dict(zip(ea_table["ISO3"], ea_table["Met"]))
    assert sp_met == ea_met == {w["iso3"]: w["met"] for w in want}
    assert {"yes", "no"} <= set(sp_met.values())  # a setting where the rule decides both ways
    # the same figures: the EA page's detail and the SP page's cells give the same shares
    for w in want:
        detail = ea_table.loc[ea_table["ISO3"] == w["iso3"], "Detail"].iloc[0]
        acc_b, _, acc_n, _ = w["visits"]
        rep_b, _, rep_n, _ = w["comms"]

        def p(v):
            return "n/a" if v is None else f"{v:.0f}%"

        assert f"visit requests accepted: {p(acc_b)} → {p(acc_n)}" in detail
        assert f"communications replied to: {p(rep_b)} → {p(rep_n)}" in detail


def test_ea6_targets_download_names_every_column_with_its_years(con):
    w = {"base_from": 2010, "base_to": 2013, "now_from": 2014, "now_to": 2017}
    columns = query.run(con, "sp_engagement_targets", {"region": None, "countries": [], "target_ea": None, **w}).columns
    words = sp.engagement_labels("2010–2013", "2014–2017")
    assert set(columns) <= set(words)
    measured = [c for c in columns if c.endswith(("_base", "_now"))]
    assert len(measured) == 10
    assert all(("2010–2013" if c.endswith("_base") else "2014–2017") in words[c] for c in measured)


def test_every_view_draws_for_a_selection_with_little_data(built_db, con):
    """The Holy See: no visit and almost no communication in the demo data."""
    for view in VIEWS:
        at = open_app({"countries": ["Holy See"], "sp_view": view}, page=PAGE)
        assert {m.label: m.value for m in at.metric}["Country visits"] == "0"
    comms = sql(con, "select count(*) from sp_communication where country_iso3 = 'VAT' and year(sent_date) = 2013")
    assert first_table(at, "Figure (2013)")["In this data"].tolist()[:3] == ["0", "0", str(comms[0][0])]


# ------------------------------------------------------------------ builders, scale 20


def test_every_builder_makes_a_valid_plotly_figure(con):
    f = {"region": None, "countries": [], "target_ea": None, "year_from": 2008, "year_to": 2017}

    def run(name):
        return query.run(con, name, {k: v for k, v in f.items() if k in query.parameters(name)})

    visits, comms = run("sp_visits_by_region_year"), run("sp_communications_by_year")
    by_region = level(visits, "region_year")
    by_country = run("sp_communications_by_country")
    figures = [
        sp.visits_per_year(by_region)[0], sp.visits_map(level(visits, "country")), sp.visits_by_region(by_region),
        sp.invitations_over_time(run("sp_standing_invitations_by_year")),
        sp.invitations_map(run("sp_standing_invitation_by_country")),
        sp.pending_requests(run("sp_pending_requests_by_country")),
        sp.acceptance_by_region(run("sp_acceptance_rate_by_region")), sp.communications_per_year(comms),
        sp.joint_and_reply_shares(comms), sp.reply_rates(by_country), sp.urgent_appeals(by_country),
    ]  # fmt: skip
    for fig in figures:
        go.Figure(fig.to_dict())  # plotly's full validation: raises on a misspelt or misplaced property


def test_the_page_at_scale_20(scale20_db):
    with db_at(scale20_db) as con:
        comms_2013 = con.execute("select count(*) from sp_communication where year(sent_date) = 2013").fetchone()[0]
    with app_database(scale20_db):
        for view in VIEWS:
            at = open_app({"sp_view": view}, page=PAGE)
            assert at.get("plotly_chart") or view in ("EA6 target countries", "Tables")
        shown = first_table(at, "Figure (2013)")
    assert shown["In this data"].tolist()[2] == f"{comms_2013:,}" and comms_2013 == 528 * 20


@contextmanager
def db_at(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with duckdb.connect(str(path), read_only=True) as c:
        yield c
