"""The Treaty bodies (EA6) page: every chart's plotted numbers equal an independent SQL computation.

As in tests/pages/test_ratification.py: the page is opened through AppTest once per tab and filter
setting (filters, tab and treaty bodies in the URL), the numbers are read back from the plotly specs,
tables and metrics, and compared with SQL written here for two settings: no filter, and OHCHR region
Africa with years 2010–2013 (and, there, only the CEDAW and CRC reports).
"""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pytest

from hrdash.figures import treaty_bodies as figs
from tests.helpers.apptest import open_app
from tests.helpers.screen import table, traces

PAGE = "views/treaty_bodies.py"
SETTINGS = {
    "all": {"url": {}, "region": None, "year_from": 2008, "year_to": 2026, "bodies": []},
    "africa": {"url": {"region": "Africa", "year_from": "2010", "year_to": "2013", "bodies": ["CEDAW", "CRC"]},
               "region": "Africa", "year_from": 2010, "year_to": 2013, "bodies": ["CEDAW", "CRC"]},
}  # fmt: skip
SELECTED = "select iso3, name, ohchr_region from country where $region is null or ohchr_region = $region"
BODY = "(len($bodies::varchar[]) = 0 or list_contains($bodies::varchar[], r.body))"


@pytest.fixture(scope="module")
def view(built_db):
    """view(tab, setting, **url): the page opened through AppTest on `tab` under filter `setting`."""
    opened: dict[str, object] = {}

    def get(tab: str, setting: str, **url):
        params = {**SETTINGS[setting]["url"], "tb_view": tab, **url}
        key = json.dumps(params, sort_keys=True)
        if key not in opened:
            opened[key] = open_app(params, page=PAGE)
        return opened[key]

    return get


def as_of(con, setting: str) -> date:
    """31 December of year_to, or the last date any treaty-body report mentions if that is earlier."""
    (latest,) = con.execute(
        "select max(d) from (select due_date as d from tb_report union all select submitted_date from tb_report "
        "union all select reviewed_date from tb_report)"
    ).fetchone()
    return min(date(SETTINGS[setting]["year_to"], 12, 31), latest)


def sql(con, text: str, setting: str) -> pd.DataFrame:
    s = SETTINGS[setting]
    params = {"region": s["region"], "year_from": s["year_from"], "year_to": s["year_to"], "bodies": s["bodies"],
              "as_of": as_of(con, setting)}  # fmt: skip
    return con.execute(text, {k: v for k, v in params.items() if f"${k}" in text}).df()


OVERDUE = f"""select r.* from tb_report r join ({SELECTED}) c on c.iso3 = r.country_iso3
              where r.due_date <= $as_of and coalesce(r.submitted_date > $as_of, true) and {BODY}"""


def test_as_of_is_the_latest_date_or_the_end_of_the_year(view, con):
    latest = as_of(con, "all")
    assert latest < date(2026, 12, 31) and as_of(con, "africa") == date(2013, 12, 31)
    assert f"Overdue reports on {latest:%-d %B %Y} (the latest date in the treaty-body data)" in [
        h.value for h in view("Overdue reports", "all").header
    ]
    assert "Overdue reports on 31 December 2013 (the end of the selected years)" in [
        h.value for h in view("Overdue reports", "africa").header
    ]


@pytest.mark.parametrize("setting", SETTINGS)
def test_overdue_reports_per_body_equal_sql(view, con, setting):
    at = view("Overdue reports", setting)
    assert at.multiselect(key="bodies").value == SETTINGS[setting]["bodies"]
    (bars,) = traces(at, "tb_overdue_body")
    df = sql(con, f"select body, count(*) as n, count(distinct country_iso3) as c from ({OVERDUE}) group by 1", setting)
    bodies = SETTINGS[setting]["bodies"] or ["CAT", "CCPR", "CED", "CEDAW", "CERD", "CESCR", "CMW", "CRC", "CRPD"]
    expected = {b: 0 for b in bodies} | dict(zip(df["body"], df["n"]))
    assert dict(zip(bars["y"], bars["x"])) == expected
    assert sum(expected.values()) > 0
    # A number said once: "5 (4 countries)", but "3 (one per country)" rather than "3 (3 countries)".
    assert set(bars["text"]) == {
        f"{r.n} (one per country)" if r.n == r.c else f"{r.n} ({r.c} countries)" for r in df.itertuples()
    } | ({"0"} if len(df) < len(bodies) else set())
    assert not [t for t in bars["text"] if " (" in t and t.split(" (")[0] == t.split(" (")[1].split(" ")[0]]


@pytest.mark.parametrize("setting", SETTINGS)
def test_overdue_map_and_ranked_table_equal_sql(view, con, setting):
    at = view("Overdue reports", setting, overdue_list="true")  # the list of every report open
    (choropleth,) = traces(at, "tb_overdue_map")
    df = sql(
        con,
        f"""select c.iso3, count(o.id) as n, min(o.due_date) as oldest
            from ({SELECTED}) c left join ({OVERDUE}) o on o.country_iso3 = c.iso3 group by 1""",
        setting,
    )
    expected = dict(zip(df["iso3"], df["n"]))
    assert dict(zip(choropleth["locations"], choropleth["z"])) == expected
    ranked = table(at, "Rank", "Overdue reports", "Oldest due date")
    assert dict(zip(ranked["ISO3"], ranked["Overdue reports"])) == expected
    assert list(ranked["Overdue reports"]) == sorted(expected.values(), reverse=True)
    assert list(ranked["Rank"]) == [1 + sum(v > n for v in expected.values()) for n in ranked["Overdue reports"]]
    oldest = dict(zip(df["iso3"], df["oldest"]))
    for iso3, shown in zip(ranked["ISO3"], ranked["Oldest due date"]):
        assert pd.isna(shown) if pd.isna(oldest[iso3]) else shown == oldest[iso3]
    reports = table(at, "Report id", "Days overdue")
    assert len(reports) == sum(expected.values())
    assert sorted(reports["Report id"]) == sorted(sql(con, f"select id from ({OVERDUE})", setting)["id"])
    # Closed (the default), the list is neither queried nor drawn.
    closed = view("Overdue reports", setting)
    assert not [d for d in closed.dataframe if "Report id" in d.value.columns]
    assert [e.label for e in closed.expander if e.label.startswith("Every overdue report")] == [
        f"Every overdue report, one row each ({sum(expected.values())})"
    ]


@pytest.mark.parametrize("setting", SETTINGS)
def test_timeliness_per_year_and_per_region_equal_sql(view, con, setting):
    at = view("Timeliness", setting)
    share, delay = traces(at, "tb_timeliness_year")
    df = sql(
        con,
        f"""select year(r.due_date) as year,
                   avg(case when r.submitted_date <= least(r.due_date, $as_of) then 100.0 else 0 end) as share,
                   quantile_cont(r.submitted_date - r.due_date, 0.5) filter (where r.submitted_date <= $as_of) as delay
            from tb_report r join ({SELECTED}) c on c.iso3 = r.country_iso3
            where year(r.due_date) between $year_from and $year_to and r.due_date <= $as_of and {BODY}
            group by 1 order by 1""",
        setting,
    )
    assert (
        [int(x) for x in share["x"]]
        == list(df["year"])
        == list(range(SETTINGS[setting]["year_from"], SETTINGS[setting]["year_to"] + 1))
    )
    assert share["y"] == pytest.approx(list(df["share"]), abs=0.051)
    assert delay["y"] == pytest.approx(list(df["delay"]), abs=0.5)

    # per region: the share, the median delay and how many reports were due
    share, delay = traces(at, "tb_timeliness_region")
    df = sql(
        con,
        f"""select c.ohchr_region as region, count(*) as due,
                   100.0 * count(*) filter (where r.submitted_date <= r.due_date) / count(*) as share,
                   quantile_cont(r.submitted_date - r.due_date, 0.5) filter (where r.submitted_date <= $as_of) as delay
            from tb_report r join ({SELECTED}) c on c.iso3 = r.country_iso3
            where year(r.due_date) between $year_from and $year_to and r.due_date <= $as_of and {BODY}
            group by 1""",
        setting,
    )
    assert dict(zip(share["y"], share["x"])) == pytest.approx(dict(zip(df["region"], df["share"])), abs=0.051)
    assert dict(zip(delay["y"], delay["x"])) == pytest.approx(dict(zip(df["region"], df["delay"])), abs=0.5)
    assert share["customdata"] == [f"of {dict(zip(df['region'], df['due']))[r]} reports due" for r in share["y"]]


@pytest.mark.parametrize("setting", SETTINGS)
def test_reviews_per_year_and_body_equal_sql(view, con, setting):
    at = view("Reviews", setting)
    shown = traces(at, "tb_reviews")
    df = sql(
        con,
        f"""select r.body, year(r.reviewed_date) as year, count(*) as n
            from tb_report r join ({SELECTED}) c on c.iso3 = r.country_iso3
            where year(r.reviewed_date) between $year_from and $year_to and {BODY} group by all""",
        setting,
    )
    bars = {t["name"]: dict(zip(t["x"], t["y"])) for t in shown if t["type"] == "bar"}
    years = range(SETTINGS[setting]["year_from"], SETTINGS[setting]["year_to"] + 1)
    assert set(bars) == set(SETTINGS[setting]["bodies"] or figs.BODY_COLOURS)
    for body, per_year in bars.items():
        got = df[df["body"] == body]
        assert per_year == {y: dict(zip(got["year"], got["n"])).get(y, 0) for y in years}
    reference = [t for t in shown if t.get("name", "").startswith("Management Plan")]
    if setting == "all":  # the seed's "about 120 a year" is for all countries and bodies
        assert reference and set(reference[0]["y"]) == {120}
        assert 100 <= df["n"].sum() / len(years) <= 140
    else:
        assert not reference


@pytest.mark.parametrize("setting", SETTINGS)
def test_national_mechanisms_equal_sql(view, con, setting):
    at = view("National mechanisms", setting)
    s = SETTINGS[setting]
    nm = sql(
        con,
        f"""select m.*, year(m.established) as year,
                   m.country_iso3 in (select country_iso3 from ea_target
                                      where ea_code = 'EA6' and target_kind = 'standing_coordination_body') as named
            from national_mechanism m join ({SELECTED}) c on c.iso3 = m.country_iso3""",
        setting,
    )
    by_end = nm[nm["year"] <= s["year_to"]]
    named = sql(
        con,
        f"""select count(distinct t.country_iso3) from ea_target t join ({SELECTED}) c on c.iso3 = t.country_iso3
            where t.ea_code = 'EA6' and t.target_kind = 'standing_coordination_body'""",
        setting,
    ).iloc[0, 0]
    n_selected = sql(con, f"select count(*) from ({SELECTED})", setting).iloc[0, 0]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Countries with a mechanism"] == f"{len(by_end)} of {n_selected}"
    assert metrics["Named countries with one"] == f"{int(by_end['named'].sum())} of {named}"
    assert metrics["EA6 target"] == "71 countries"
    nhri, cso = int(by_end["nhri_participation"].sum()), int(by_end["cso_participation"].sum())
    assert metrics["NHRI / civil society take part"] == f"{nhri} / {cso}"

    lines = {t["name"]: dict(zip(t["x"], t["y"])) for t in traces(at, "nmrf_over_time")}
    years = range(s["year_from"], s["year_to"] + 1)
    assert lines["Established that year"] == {y: int((nm["year"] == y).sum()) for y in years}
    assert lines["Countries with a mechanism"] == {y: int((nm["year"] <= y).sum()) for y in years}
    assert lines["…of them named EA6 countries of engagement"] == {
        y: int(((nm["year"] <= y) & nm["named"]).sum()) for y in years
    }
    target = [n for n in lines if n.startswith("EA6 target")]
    assert target == (["EA6 target: 71 countries of engagement by 2017"] if setting == "all" else [])

    by_type = {t["name"]: dict(zip(t["x"], t["y"])) for t in traces(at, "tb_nmrf_by_type")}
    types = ["ad hoc", "ministerial", "inter-ministerial", "institutionally separate"]
    for name, column in [
        ("Mechanisms", None),
        ("NHRI takes part", "nhri_participation"),
        ("Civil society takes part", "cso_participation"),
        ("Has a tracking tool", "tracking_tool"),
    ]:
        rows = by_end if column is None else by_end[by_end[column]]
        assert by_type[name] == {t: int((rows["type"] == t).sum()) for t in types}

    countries = table(at, "Named EA6 country of engagement", "Has a mechanism")
    assert int(countries["Has a mechanism"].sum()) == len(by_end)
    assert int(countries["Named EA6 country of engagement"].sum()) == named


def test_reviews_figure_labels_segments_and_totals():
    df = pd.DataFrame(
        {"year": [2012, 2012, 2013, 2013], "body": ["CAT", "CRC", "CAT", "CRC"], "reviews": [3, 9, 0, 12]}
    )
    fig = figs.reviews_by_year(df, reference=120)
    bars = [t for t in fig.data if t.type == "bar"]
    assert [t.name for t in bars] == ["CAT", "CRC"]
    assert list(bars[1].text) == ["9", "12"] and list(bars[0].text) == ["", ""]  # segments under 5 unlabelled
    totals = next(t for t in fig.data if t.type == "scatter" and t.mode == "text")
    assert list(totals.text) == ["12", "12"]
    assert fig.data[-1].name == "Management Plan: about 120 a year" and list(fig.data[-1].y) == [120, 120]
    assert json.loads(fig.to_json())["layout"]["legend"]["traceorder"] == "reversed"


def test_print_view_draws_every_tab_and_the_ranking_in_full(con):
    at = open_app({"region": "Africa", "print": "1"}, page=PAGE)
    headers = [h.value for h in at.header] + [h.value for h in at.subheader]
    tabs = ["Overdue reports", "Timeliness", "Reviews", "National mechanisms"]
    assert [h for h in headers if h in tabs] == tabs  # every tab, in order, under its label
    assert "Timeliness of State reports" in headers and "State reports reviewed per year" in headers
    assert not at.tabs  # no tab bar
    # no "Show data" tables under the charts (the print stylesheet hides what expanders the page still draws)
    assert [e.label for e in at.expander if e.label == "Show data"] == [] and len(at.get("plotly_chart")) == 7
    ranking = next(h.proto.body for h in at.get("html") if "<th>Rank</th>" in h.proto.body)
    printed = re.findall(r"<tr><td[^>]*>\d+</td><td[^>]*>([A-Z]{3})</td>", ranking)
    africa = [r[0] for r in con.execute("select iso3 from country where ohchr_region = 'Africa'").fetchall()]
    assert sorted(printed) == sorted(africa) and len(printed) == 49
