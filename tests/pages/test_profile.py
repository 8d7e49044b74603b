"""The Country profile page (AppTest): every figure on it equals an independent SQL computation.

Three countries: Brazil (Americas), Nepal (Asia-Pacific) and Angola (Africa, an EA2 target of
seed 004), Angola also for the years 2010–2013. The SQL below is written for the test, not taken
from queries/profile_*.sql. Then the seed facts of Liberia, Moldova and Tanzania with their seed as
source, the URL (?country= as ISO3 code or name), print view and presentation mode.
"""

from __future__ import annotations

import re
import shutil

import duckdb
import pandas as pd
import pytest

from hrdash.app import presenting
from hrdash.importers import driver
from hrdash.model import labels
from hrdash.model.text import shown as shown_text
from hrdash.profile import brief
from hrdash.profile import data as profile
from tests.helpers.apptest import open_app
from tests.helpers.paths import ROOT
from tests.helpers.screen import charts

PAGE = "views/country_profile.py"
CASES = [("BRA", 2008, 2017), ("NPL", 2008, 2026), ("AGO", 2008, 2017), ("AGO", 2010, 2013)]


def open_profile(params: dict[str, str]) -> object:
    at = open_app(params, page=PAGE)
    assert not at.exception, [e.value for e in at.exception]
    return at


def frame(at, first_column: str, *more: str) -> pd.DataFrame:
    """Return the dataframe on screen whose columns start with these labels."""
    wanted = [first_column, *more]
    found = [d.value for d in at.dataframe if list(d.value.columns[: len(wanted)]) == wanted]
    assert len(found) == 1, f"{len(found)} tables start with {wanted}"
    return found[0]


def key_figures(at) -> str:
    return shown_text(next(m.value for m in at.markdown if m.value.startswith("- Party to ")))


def rows(con: duckdb.DuckDBPyConnection, sql: str, **params) -> list[tuple]:
    return con.execute(sql, params).fetchall()


def one(con: duckdb.DuckDBPyConnection, sql: str, **params):
    return con.execute(sql, params).fetchone()[0]


# ------------------------------------------------------------------ independent SQL

STATUS_SQL = """
    select i.code,
        case when r.consent_date <= make_date($y, 12, 31) and coalesce(r.denounced_date > make_date($y, 12, 31), true)
                 then 'party'
             when r.denounced_date <= make_date($y, 12, 31) then 'denounced'
             when r.signature_date <= make_date($y, 12, 31) then 'signatory' else 'no action' end,
        case when r.consent_date <= make_date($y, 12, 31) then r.reservations else false end
    from instrument i left join ratification r on r.instrument = i.code and r.country_iso3 = $c
"""
PER_COUNTRY_SQL = """
    with c as (select iso3, name from country where ohchr_region = (select ohchr_region from country where iso3 = $c))
    select c.iso3, c.name,
        (select count(*) from ratification r where r.country_iso3 = c.iso3
            and r.consent_date <= make_date($y1, 12, 31)),
        (select count(*) from tb_report t where t.country_iso3 = c.iso3 and t.due_date <= make_date($y1, 12, 31)
            and (t.submitted_date is null or t.submitted_date > make_date($y1, 12, 31))),
        (select count(*) from sp_visit v where v.country_iso3 = c.iso3 and v.status = 'completed'
            and year(v.start_date) between $y0 and $y1),
        (select count(*) from sp_visit v where v.country_iso3 = c.iso3 and v.status in ('requested', 'no reply')
            and v.request_date <= make_date($y1, 12, 31)),
        (select count(*) from sp_communication m where m.country_iso3 = c.iso3
            and year(m.sent_date) between $y0 and $y1),
        (select count(*) from sp_communication m where m.country_iso3 = c.iso3 and year(m.sent_date) between $y0 and $y1
            and m.replied),
        (select count(*) from recommendation x where x.country_iso3 = c.iso3 and x.mechanism = 'UPR'
            and year(x.rec_date) between $y0 and $y1),
        (select count(*) from recommendation x where x.country_iso3 = c.iso3 and x.mechanism = 'UPR'
            and year(x.rec_date) between $y0 and $y1 and x.response = 'supported'),
        (select coalesce(sum(s.count), 0) from stakeholder_submission s where s.country_iso3 = c.iso3
            and s.year between $y0 and $y1)
    from c
"""
COLUMNS = ["iso3", "name", "ratified", "overdue", "visits", "pending", "comms", "replied", "recs", "supported", "subs"]


def per_country(con, iso3: str, y0: int, y1: int) -> pd.DataFrame:
    """Every country of iso3's OHCHR region with the measures the profile compares."""
    df = pd.DataFrame(rows(con, PER_COUNTRY_SQL, c=iso3, y0=y0, y1=y1), columns=COLUMNS)
    df["reply_rate"] = 100 * df["replied"] / df["comms"].where(df["comms"] > 0)
    df["supported_share"] = 100 * df["supported"] / df["recs"].where(df["recs"] > 0)
    return df.set_index("iso3")


def fmt(v, unit: str = "") -> str:
    if v is None or pd.isna(v):
        return "–"
    if unit == "%":
        return f"{v:.1f}%"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}"


@pytest.fixture(scope="module")
def views(built_db):
    return {case: open_profile({"country": case[0], "year_from": str(case[1]), "year_to": str(case[2])})
            for case in CASES}  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}-{c[2]}")
def test_key_figures_equal_sql(views, con, case):
    iso3, y0, y1 = case
    text = key_figures(views[case])
    statuses = rows(con, STATUS_SQL, c=iso3, y=y1)
    party = sum(s == "party" for _, s, _ in statuses)
    signed = sum(s == "signatory" for _, s, _ in statuses)
    region = per_country(con, iso3, y0, y1)
    me = region.loc[iso3]
    assert re.search(rf"Party to {party} of 18 instruments as of 31 December {y1}\b", text)
    assert (f"signatory to {signed} more" in text) == (signed > 0)
    assert f"median is {fmt(region['ratified'].median())}." in text
    overdue = int(me["overdue"])
    if overdue:
        oldest = one(con, """select min(due_date) from tb_report where country_iso3 = $c
                             and due_date <= make_date($y, 12, 31)
                             and (submitted_date is null or submitted_date > make_date($y, 12, 31))""",
                     c=iso3, y=y1)  # fmt: skip
        assert f"{overdue} treaty-body report{'s' if overdue > 1 else ''} overdue, the oldest due since " \
               f"{oldest.day} {oldest:%B %Y}." in text  # fmt: skip
    else:
        assert "No treaty-body report overdue." in text
    pending = int(me["pending"])
    assert re.search(rf"\b{pending} Special Procedures visit requests? pending", text)
    if pending:
        oldest = one(con, """select min(request_date) from sp_visit where country_iso3 = $c
                             and status in ('requested', 'no reply') and request_date <= make_date($y, 12, 31)""",
                     c=iso3, y=y1)  # fmt: skip
        assert f"the oldest since {oldest.year}" in text
    assert re.search(rf"\b{int(me['visits'])} visits? carried out in {y0}–{y1}", text)
    invited = one(con, "select max(year(extended_date)) from standing_invitation where country_iso3 = $c and "
                       "year(extended_date) <= $y", c=iso3, y=y1)  # fmt: skip
    assert (f"standing invitation since {invited}." if invited else "no standing invitation.") in text
    if me["comms"]:
        assert f"Replied to {int(me['replied'])} of the {int(me['comms'])} communication" in text
        assert f"({fmt(me['reply_rate'], '%')})" in text
    reviews = rows(con, "select cycle, midterm_report from upr_review where country_iso3 = $c and review_year "
                        "between $y0 and $y1 order by cycle", c=iso3, y0=y0, y1=y1)  # fmt: skip
    if reviews:
        assert f"{int(me['recs']):,} recommendation" in text
        assert f"{fmt(me['supported_share'], '%')} supported" in text
        midterm = " and ".join(str(c) for c, m in reviews if m)
        unknown = " and ".join(str(c) for c, m in reviews if m is None)  # the public reviews do not say
        reports = ([f"mid-term report for cycle {midterm}"] if midterm else []) + (
            [f"mid-term report not known for cycle {unknown}"] if unknown else []
        )
        assert ("; ".join(reports) + "." if reports else "no mid-term report.") in text
    reservations = [r for _, s, r in statuses if s == "party"]
    if reservations and all(r is None for r in reservations):  # the bundled status does not give them
        assert ", reservations not known;" in text
    eas = [e for (e,) in rows(con, "select distinct ea_code from ea_target where country_iso3 = $c", c=iso3)]
    for ea in eas:
        assert re.search(rf"target country of [A-Z0-9, and]*\b{ea}\b", text)
    if eas:
        targets = frame(views[case], "EA", "Expected accomplishment", "Target (Management Plan)")
        n = len(rows(con, "select 1 from ea_target where country_iso3 = $c", c=iso3))
        met = int((targets["Met?"] == "yes").sum())
        assert f"; {met} of its {n} target{'s' if n > 1 else ''} met in {y1}." in text


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}-{c[2]}")
def test_regional_comparison_equals_sql(views, con, case):
    iso3, y0, y1 = case
    shown = frame(views[case], "Measure", "This country").set_index("Measure")
    region = per_country(con, iso3, y0, y1)
    measures = {
        "Instruments ratified (of 18)": ("ratified", ""), "Treaty-body reports overdue": ("overdue", ""),
        "Special Procedures visits carried out": ("visits", ""), "Visit requests pending": ("pending", ""),
        "Communications received": ("comms", ""), "Communications replied to": ("reply_rate", "%"),
        "UPR recommendations received": ("recs", ""), "UPR recommendations supported": ("supported_share", "%"),
        "Stakeholder submissions": ("subs", ""),
    }  # fmt: skip
    assert list(shown.index) == list(measures)
    for label, (column, unit) in measures.items():
        values = region[column].dropna().astype(float)
        mine = region.loc[iso3, column]
        row = shown.loc[label]
        assert row["This country"] == fmt(mine, unit), label
        assert row["Regional median"] == fmt(values.median(), unit), label
        assert (row["Regional minimum"], row["Regional maximum"]) == (fmt(values.min(), unit), fmt(values.max(), unit))
        if not pd.isna(mine):
            assert row["Rank in region (1 = highest)"] == f"{int((values > mine).sum()) + 1} of {len(values)}", label


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}-{c[2]}")
def test_ratification_table_and_charts_equal_sql(views, con, case):
    iso3, y0, y1 = case
    at = views[case]
    table = frame(at, "Code", "Instrument").set_index("Code")
    statuses = rows(con, STATUS_SQL, c=iso3, y=y1)
    assert len(table) == 18
    assert {code: (status, None if res is None else bool(res)) for code, status, res in statuses} == {
        code: (r["Status"], None if pd.isna(r["Reservations"]) else bool(r["Reservations"]))
        for code, r in table.iterrows()
    }
    consent = dict(rows(con, "select instrument, consent_date from ratification where country_iso3 = $c "
                             "and consent_date <= make_date($y, 12, 31)", c=iso3, y=y1))  # fmt: skip
    shown = {k: v.date() for k, v in table["Ratified / acceded"].dropna().items()}
    assert shown == consent
    figs = charts(at)
    pie = figs["profile_ratification_status_chart"]["data"][0]
    assert dict(zip(pie["labels"], pie["values"])) == {
        s.capitalize(): sum(x == s for _, x, _ in statuses) for s in ("party", "signatory", "no action")
    }
    region = per_country(con, iso3, y0, y1).sort_values(["ratified", "name"], ascending=[False, True])
    bar = figs["profile_region_ratification_chart"]["data"][0]
    assert bar["x"] == list(region["name"]) and bar["y"] == list(region["ratified"].astype(float))
    colours = dict(zip(bar["x"], bar["marker"]["color"]))
    name = one(con, "select name from country where iso3 = $c", c=iso3)
    assert colours[name] != colours[next(n for n in bar["x"] if n != name)]  # the country stands out
    regional_map = figs["profile_region_map"]["data"][0]
    assert dict(zip(regional_map["locations"], regional_map["z"])) == region["ratified"].astype(float).to_dict()


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}-{c[2]}")
def test_treaty_body_table_and_chart_equal_sql(views, con, case):
    iso3, _, y1 = case
    expected = rows(con, """
        select body,
            count(*) filter (where submitted_date <= make_date($y, 12, 31) and submitted_date <= due_date),
            count(*) filter (where submitted_date <= make_date($y, 12, 31) and submitted_date > due_date),
            count(*) filter (where due_date <= make_date($y, 12, 31)
                             and (submitted_date is null or submitted_date > make_date($y, 12, 31)))
        from tb_report where country_iso3 = $c and (due_date <= make_date($y, 12, 31)
                                                    or submitted_date <= make_date($y, 12, 31))
        group by body""", c=iso3, y=y1)  # fmt: skip
    at = views[case]
    table = frame(at, "Treaty body", "Submitted on time")
    assert {tuple(r) for r in table[["Treaty body", "Submitted on time", "Submitted late", "Overdue"]].values} == set(
        expected
    )
    fig = charts(at)["profile_tb_reports_chart"]["data"]
    for trace, i in zip(fig, [1, 2, 3]):
        got = dict(zip(trace["y"], trace["x"]))
        assert got == {r[0]: float(r[i]) for r in expected}, trace["name"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}-{c[2]}")
def test_mechanism_charts_equal_sql(views, con, case):
    iso3, y0, y1 = case
    figs = charts(views[case])
    comms = dict(((y, (n, r)) for y, n, r in rows(con, """
        select year(sent_date), count(*), count(*) filter (where replied) from sp_communication
        where country_iso3 = $c and year(sent_date) between $y0 and $y1 group by 1""",
        c=iso3, y0=y0, y1=y1)))  # fmt: skip
    sent, replied = figs["profile_communications_chart"]["data"]
    assert sent["x"] == [str(y) for y in range(y0, y1 + 1)]
    assert sent["y"] == [float(comms.get(y, (0, 0))[0]) for y in range(y0, y1 + 1)]
    assert replied["y"] == [float(comms.get(y, (0, 0))[1]) for y in range(y0, y1 + 1)]

    cycles = rows(con, """
        select u.cycle, count(r.id) filter (where r.response = 'supported'),
            count(r.id) filter (where r.response = 'noted')
        from upr_review u left join recommendation r on r.country_iso3 = u.country_iso3 and r.cycle = u.cycle
            and r.mechanism = 'UPR' and year(r.rec_date) between $y0 and $y1
        where u.country_iso3 = $c and u.review_year between $y0 and $y1 group by 1 order by 1""",
        c=iso3, y0=y0, y1=y1)  # fmt: skip
    supported, noted, _ = figs["profile_upr_cycles_chart"]["data"]
    assert [int(x.split()[1]) for x in supported["x"]] == [c for c, _, _ in cycles]
    assert supported["y"] == [float(s) for _, s, _ in cycles] and noted["y"] == [float(n) for _, _, n in cycles]

    themes = rows(con, """
        select theme, count(*), count(*) filter (where response = 'supported') from (
            select unnest(themes) as theme, response from recommendation
            where country_iso3 = $c and mechanism = 'UPR' and year(rec_date) between $y0 and $y1)
        group by theme order by 2 desc, theme limit 10""", c=iso3, y0=y0, y1=y1)  # fmt: skip
    by_theme = figs["profile_upr_themes_chart"]["data"]
    assert by_theme[0]["y"] == [t for t, _, _ in themes]
    assert by_theme[0]["x"] == [float(s) for _, _, s in themes]
    assert [sum(v) for v in zip(*(t["x"] for t in by_theme))] == [float(n) for _, n, _ in themes]

    implementation = {m: (f, p, n, u) for m, f, p, n, u in rows(con, """
        select mechanism, count(*) filter (where implementation = 'fully implemented'),
            count(*) filter (where implementation = 'partially implemented'),
            count(*) filter (where implementation = 'not implemented'), count(*) filter (where implementation is null)
        from recommendation where country_iso3 = $c and year(rec_date) between $y0 and $y1 group by 1""",
        c=iso3, y0=y0, y1=y1)}  # fmt: skip
    traces = figs["profile_implementation_chart"]["data"]
    for i, trace in enumerate(traces):
        assert dict(zip(trace["y"], trace["x"])) == {m: float(v[i]) for m, v in implementation.items()}

    subs = {(y, t): n for y, t, n in rows(con, """
        select year, submitter_type, sum(count) from stakeholder_submission
        where country_iso3 = $c and year between $y0 and $y1 group by all""", c=iso3, y0=y0, y1=y1)}  # fmt: skip
    traces = figs["profile_submissions_chart"]["data"]
    for trace, kind in zip(traces, ["NHRI", "national NGO", "coalition", "international NGO"]):
        assert trace["y"] == [float(subs.get((y, kind), 0)) for y in range(y0, y1 + 1)], kind


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}-{c[1]}-{c[2]}")
def test_targets_demo_share_and_tables_equal_sql(views, con, case):
    iso3, y0, y1 = case
    at = views[case]
    targets = frame(at, "EA", "Expected accomplishment", "Target (Management Plan)")
    expected = rows(con, "select ea_code, target_kind, instruments from ea_target where country_iso3 = $c", c=iso3)
    assert sorted(targets["EA"]) == sorted(e for e, _, _ in expected)
    for ea, kind, instruments in expected:
        if ea == "EA2" and kind.startswith("ratify_") and kind != "ratify_optional_protocols":
            party = one(con, "select count(*) from ratification where country_iso3 = $c "
                             "and list_contains($i, instrument) and consent_date <= make_date($y, 12, 31)",
                        c=iso3, i=instruments, y=y1)  # fmt: skip
            met = targets.loc[targets["EA"] == "EA2", "Met?"].tolist()
            assert ("yes" if party else "no") in met
    assert set(targets["Met?"]) <= {"yes", "no", "unknown", "no data", "n/a", "not assessed"}
    assert "not assessed" not in set(targets["Met?"])

    demo, total = (one(con, f"""select count(*) {where} from (
        select source from ratification where country_iso3 = $c
        union all select source from tb_report where country_iso3 = $c and year(due_date) between $y0 and $y1
        union all select source from sp_visit where country_iso3 = $c
            and year(coalesce(start_date, request_date)) between $y0 and $y1
        union all select source from standing_invitation where country_iso3 = $c
        union all select source from sp_communication where country_iso3 = $c and year(sent_date) between $y0 and $y1
        union all select source from upr_review where country_iso3 = $c and review_year between $y0 and $y1
        union all select source from recommendation where country_iso3 = $c and year(rec_date) between $y0 and $y1
        union all select source from national_mechanism where country_iso3 = $c
        union all select source from stakeholder_submission where country_iso3 = $c and year between $y0 and $y1
        union all select source from unct_engagement where country_iso3 = $c and year between $y0 and $y1
        union all select source from hra_deployment where (country_iso3 = $c or country_iso3 is null)
            and year(start_date) <= $y1 and (end_date is null or year(end_date) >= $y0)
        union all select source from nhri where country_iso3 = $c
        union all select source from story where country_iso3 = $c and year between $y0 and $y1)""",
        c=iso3, y0=y0, y1=y1)
        for where in ("filter (where source = 'demo')", ""))  # fmt: skip
    banner = at.warning[0].value
    share = 100 * demo / total
    assert f"· demo {'<1' if share < 1 else f'{share:.0f}'}% (" in banner and banner.startswith("**Real public data ")

    visits = frame(at, "Mandate", "Mandate kind", "Status")
    expected_visits = one(con, """select count(*) from sp_visit where country_iso3 = $c and (
        (status = 'completed' and year(start_date) between $y0 and $y1)
        or (status <> 'completed' and request_date <= make_date($y1, 12, 31)))""", c=iso3, y0=y0, y1=y1)  # fmt: skip
    assert len(visits) == expected_visits
    assert int(visits["Pending"].sum()) == int(per_country(con, iso3, y0, y1).loc[iso3, "pending"])


def test_the_years_change_the_figures(views):
    assert key_figures(views[("AGO", 2008, 2017)]) != key_figures(views[("AGO", 2010, 2013)])


# ------------------------------------------------------------------ seed facts


@pytest.mark.parametrize(
    "iso3, table, column, value, seed",
    [
        ("LBR", ("Year", "Mechanism", "Activity"), "Activity", "human rights working group", "seed:000"),
        ("MDA", ("From", "To", "Funding"), "From", pd.Timestamp("2008-01-01"), "seed:002"),
        ("TZA", ("Year", "Mechanism", "Activity"), "Activity", "follow-up plan", "seed:001"),
    ],
)
def test_seed_facts_appear_with_their_seed(built_db, con, iso3, table, column, value, seed):
    at = open_profile({"country": iso3})
    df = frame(at, *table)
    assert seed in set(df.loc[df[column] == value, "Source"]), df
    expected = rows(con, "select source from unct_engagement where country_iso3 = $c and source = $s "
                         "union all select source from hra_deployment where country_iso3 = $c and source = $s",
                    c=iso3, s=seed)  # fmt: skip
    assert expected, f"the built database has no {seed} row for {iso3}"
    stories = [shown_text(i.value) for i in at.info]
    story_seeds = [s for (s,) in rows(con, "select source from story where country_iso3 = $c", c=iso3)]
    assert len(stories) == len(story_seeds)
    for s in story_seeds:
        assert any(f"Source: {s}" in text for text in stories)
    sources = frame(at, "Source", "Kind", "Rows in view")
    assert seed in set(sources["Code"]) and f"{labels.seed_title(seed)} (source document)" in set(sources["Source"])


def test_report_flags_the_source_does_not_give_read_unknown(built_db, tmp_path):
    """Terman's review years say nothing of the reports: the profile says "unknown", never "no"."""
    db = tmp_path / "hrdash.duckdb"
    shutil.copy(built_db, db)
    [(plan, _)] = driver.import_paths(db, [ROOT / "tests/fixtures/import/upr-years.csv"], imported_by="test")
    with duckdb.connect(str(db), read_only=True) as con:
        p = profile.load(brief.runner(con), "DZA", 2008, 2026)
        demo = con.execute("select cycle, review_year, national_report, midterm_report from upr_review "
                           "where country_iso3 = 'DZA' and source = 'demo'").fetchall()  # fmt: skip
    assert all(c > 2 for c, *_ in demo)  # cycles 1 and 2: superseded by the import
    yes_no = {True: "yes", False: "no"}
    got = p.frames["upr_cycles"][["cycle", "review_year", "national_report", "midterm_report", "source"]]
    assert [tuple(r) for r in got.itertuples(index=False)] == [
        (1, 2008, "unknown", "unknown", plan.tag), (2, 2012, "unknown", "unknown", plan.tag),
        *[(c, y, yes_no[n], yes_no[m], "demo") for c, y, n, m in demo],
    ]  # fmt: skip
    figures = " ".join(profile.key_figures(p))
    assert "mid-term report not known for cycle 1 and 2." in figures and "no mid-term report" not in figures
    labels = ["Cycle 1 (2008)", "Cycle 2 (2012)", *[f"Cycle {c} ({y})" for c, y, *_ in demo]]
    assert brief.upr_cycles(p)["cycle_label"].tolist() == labels


def test_moldova_key_figures_name_its_adviser(built_db):
    assert "Human Rights Adviser deployed since 2008 (source: seed:002)." in key_figures(
        open_profile({"country": "MDA"})
    )


# ------------------------------------------------------------------ choosing the country


@pytest.mark.parametrize("given", ["LBR", "lbr", "Liberia", "liberia"])
def test_the_url_chooses_the_country_by_code_or_name(built_db, given):
    at = open_profile({"country": given})
    assert at.selectbox(key="profile_country").value == "LBR"
    assert at.title[0].value == "Country profile: Liberia"


def test_an_unknown_country_in_the_url_is_said_and_another_shown(built_db):
    at = open_profile({"country": "Atlantis"})
    assert any("Atlantis" in w.value for w in at.warning)
    assert at.title[0].value == "Country profile: Afghanistan"


def test_the_sidebar_filters_choose_the_default_country(built_db):
    at = open_profile({"region": "Americas"})
    assert at.selectbox(key="profile_country").value == "ATG"  # Antigua and Barbuda, the first by name


def test_choosing_a_country_updates_the_page_and_the_url(built_db, con):
    at = open_profile({"country": "LBR"})
    at.selectbox(key="profile_country").select("KEN").run()
    assert at.title[0].value == "Country profile: Kenya"
    assert at.query_params["country"] in ("KEN", ["KEN"])
    party = one(
        con, "select count(*) from ratification where country_iso3 = 'KEN' and consent_date <= date '2026-12-31'"
    )
    assert f"Party to {party} of 18" in key_figures(at)


# ------------------------------------------------------------------ print view and presentation mode


def test_print_view_hides_the_sidebar_and_breaks_pages(built_db):
    at = open_profile({"country": "LBR", "print": "1"})
    css = " ".join(h.proto.body for h in at.get("html"))
    assert '[data-testid="stSidebar"]' in css and "display: none" in css
    assert "break-before: page" in css
    assert at.toggle(key="profile_print_toggle").value is True
    assert len(at.get("plotly_chart")) == 9  # everything is still there, in one column
    # Tables are printed in full as HTML (st.dataframe is a canvas that prints only the rows in view); the chart
    # data tables (in expanders) and the map's "Click a country" are not drawn at all.
    assert len(at.dataframe) == 0  # not one table left that would print only its rows in view
    tables = [h.proto.body for h in at.get("html") if h.proto.body.startswith('<table class="hr-print-table"')]
    # comparison, ratification, reports, visits, UPR, UNCT, targets, then the sources (the HRA section says in words
    # that Liberia has no deployment in the data)
    assert len(tables) == 8 and "<th>Rows in view</th>" in tables[-1]
    codes = list(pd.read_csv(ROOT / "data/reference/instrument.csv")["code"])
    ratification = next(t for t in tables if "<th>Instrument</th>" in t)
    assert sorted(re.findall(r"<tr><td[^>]*>([^<]*)</td>", ratification)) == sorted(codes) and len(codes) == 18
    assert not [c.value for c in at.caption if "Click a country" in c.value]


def shown_header(at) -> str:
    """Return the first header as it reads on screen (markdown escapes removed)."""
    return at.header[0].value.replace("\\", "")


def test_presentation_mode_shows_one_chart_at_a_time(built_db):
    at = open_profile({"country": "LBR", "present": "1"})
    assert shown_header(at) == "Liberia: key figures" and not at.get("plotly_chart")
    # the banner is hidden in presentation mode: every slide says the demo share instead, the banner's figures
    banner = open_profile({"country": "LBR"}).warning[0].value
    shares = banner.split("**")[1].rstrip(".")
    captions = [c.value for c in at.caption if "Demo data: " in c.value]
    assert len(captions) == 1 and captions[0].startswith(f"**{shares}. Demo data: ")
    at.button(key="profile_next").click().run()  # the brief's steps: the regional comparison (a table), then charts
    assert shown_header(at).startswith("Liberia compared with the Africa region") and not at.get("plotly_chart")
    assert "Rank in region (1 = highest)" in at.dataframe[0].value.columns
    at.button(key="profile_next").click().run()
    first = shown_header(at)
    assert first.startswith("Instruments ratified as of 31 December 2026") and len(at.get("plotly_chart")) == 1
    at.button(key="profile_next").click().run()
    assert shown_header(at).startswith("Status of the 18 instruments") and len(at.get("plotly_chart")) == 1
    at.button(key="profile_prev").click().run()
    assert shown_header(at) == first
    css = " ".join(h.proto.body for h in at.get("html"))
    assert css.count("display: none") and "font-size: 1.6rem" in css
    at.button(key="profile_exit").click().run()
    assert presenting.PRESENT not in at.query_params and len(at.get("plotly_chart")) == 9


def test_show_data_opens_on_demand_with_the_chart_numbers(built_db, con):
    at = open_profile({"country": "LBR"})
    assert not any(list(d.value.columns) == ["Year", "Communications", "Replied"] for d in at.dataframe)
    at.session_state["profile_communications_show"] = True
    at.run()
    table = frame(at, "Year", "Communications", "Replied")
    sent = dict(rows(con, "select year(sent_date), count(*) from sp_communication "
                          "where country_iso3 = 'LBR' group by 1"))  # fmt: skip
    assert list(table["Communications"]) == [sent.get(y, 0) for y in range(2008, 2027)]


# ------------------------------------------------------------------ pure helpers


def test_a_map_click_names_the_country():
    from types import SimpleNamespace

    from hrdash.profile.data import country_from_selection

    assert country_from_selection({"points": [{"curve_number": 0, "location": "KEN", "z": 12}]}) == "KEN"
    assert country_from_selection(SimpleNamespace(points=[{"location": "ury"}])) == "URY"
    assert country_from_selection({"points": [{"x": 3, "y": 4}]}) is None  # a bar, not a country
    assert country_from_selection({"points": []}) is None and country_from_selection(None) is None


def test_countries_resolve_by_code_or_name():
    from hrdash.profile.data import default_country, resolve_country

    options = pd.DataFrame({"iso3": ["CIV", "LBR"], "name": ["Côte d'Ivoire", "Liberia"], "selected": [False, True]})
    assert [resolve_country(v, options) for v in ["LBR", " lbr ", "liberia", "CÔTE D'IVOIRE", "Mars", "", None]] == [
        "LBR", "LBR", "LBR", "CIV", None, None, None,
    ]  # fmt: skip
    assert default_country(options) == "LBR"
    assert default_country(options.assign(selected=False)) == "CIV"


@pytest.mark.parametrize("iso3", ["LBR", "TUV"])  # Tuvalu: a country with little data, empty charts
def test_every_figure_is_a_valid_plotly_figure(con, iso3):
    import plotly.graph_objects as go

    from hrdash.figures import profile as figures
    from hrdash.profile import brief
    from hrdash.profile import data as profile

    p = profile.load(brief.runner(con), iso3, 2008, 2017)
    for key, chart in brief.charts(p).items():
        checked = figures.figure(chart.figure)  # plotly validates every property
        assert isinstance(checked, go.Figure) and checked.to_dict()["data"], key
        assert figures.figure(chart.figure, validate=False).to_dict() == chart.figure
    go.Figure(figures.region_map_dict(p.region, iso3, "instruments_ratified", "Instruments ratified"))


def test_every_year_frames_cut_to_the_years_even_when_empty():
    from hrdash.profile import years as profile_years

    comms = pd.DataFrame({"year": [2009, 2011], "communications": [3, 4], "replied": [1, 2],
                          "urgent_appeals": [0, 1], "joint": [2, 3]})  # fmt: skip
    cut = profile_years.SLICERS["communications"](comms, 2010, 2012)
    assert cut.to_dict("list") == {"year": [2010, 2011, 2012], "communications": [0, 4, 0], "replied": [0, 2, 0],
                                   "urgent_appeals": [0, 1, 0], "joint": [0, 3, 0]}  # fmt: skip
    themes = pd.DataFrame({"theme": ["b", "a", "b"], "year": [2010, 2010, 2011], "supported": [1, 2, 3],
                           "noted": [0, 0, 1], "pending": [0, 0, 0], "recommendations": [1, 2, 4]})  # fmt: skip
    top = profile_years.upr_themes(themes, 2010, 2011)
    assert top[["theme", "recommendations", "supported"]].values.tolist() == [["b", 5, 4], ["a", 2, 2]]
    assert profile_years.upr_themes(themes.iloc[0:0], 2010, 2011).empty
    hra = pd.DataFrame({"start_date": pd.to_datetime(["2005-01-01", "2012-06-01", "2016-01-01"]),
                        "end_date": pd.to_datetime(["2009-12-31", None, None])})  # fmt: skip
    assert profile_years.hra(hra, 2010, 2014)["start_date"].dt.year.tolist() == [2012]
    info = {"standing_invitation_date": pd.Timestamp("2015-03-01"), "standing_invitation_source": "demo"}
    assert profile_years.country(info, 2014)["standing_invitation_date"] is None
    assert profile_years.country(info, 2015) == info


VISITS_SQL = """
    select m.title as mandate, v.status, v.request_date,
           case when v.status <> 'completed' then round(date_diff('day', v.request_date, make_date($y1, 12, 31))
                / 365.25, 1) end as open_years
    from sp_visit v join sp_mandate m on m.code = v.mandate_code
    where v.country_iso3 = $c and ((v.status = 'completed' and year(v.start_date) between $y0 and $y1)
                                   or (v.status <> 'completed' and v.request_date <= make_date($y1, 12, 31)))
    order by all"""
REVIEWS_SQL = """
    select r.cycle, r.review_year,
           count(x.response) filter (where year(x.rec_date) between $y0 and $y1) as recommendations,
           count(x.response) filter (where year(x.rec_date) between $y0 and $y1 and x.response = 'supported')
               as supported
    from upr_review r
    left join recommendation x on x.country_iso3 = r.country_iso3 and x.cycle = r.cycle and x.mechanism = 'UPR'
    where r.country_iso3 = $c and r.review_year between $y0 and $y1
    group by all order by all"""


@pytest.mark.parametrize("iso3", ["KEN", "BRA", "LBR", "AGO"])
def test_visits_and_upr_reviews_cut_to_the_years_equal_sql(con, iso3):
    """The page (and so its export) cuts visits and UPR reviews from every-year results; SQL on the tables agrees."""
    from hrdash.profile import brief
    from hrdash.profile import data as profile

    compared = 0
    for year_from, year_to in [(2008, 2017), (2010, 2013), (2012, 2012), (2014, 2017)]:
        p = profile.load(brief.runner(con), iso3, year_from, year_to)
        params = {"c": iso3, "y0": year_from, "y1": year_to}
        visits = p.frames["sp_visits"][["mandate", "status", "request_date", "open_years"]]
        want = con.sql(VISITS_SQL, params=params).df()
        got = visits.sort_values(list(visits.columns), na_position="last").reset_index(drop=True)
        pd.testing.assert_frame_equal(got, want, check_dtype=False)
        reviews = p.frames["upr_cycles"][["cycle", "review_year", "recommendations", "supported"]]
        pd.testing.assert_frame_equal(reviews, con.sql(REVIEWS_SQL, params=params).df(), check_dtype=False)
        compared += len(reviews) + len(visits)
    assert compared >= 4  # rows were compared, not only empty frames
