"""The indicators of hrdash/model/indicators.py: each one's query on hand-made rows (given/expect), the catalogue,
how values add up over countries, baselines and targets, and the Overview's scorecard built from them."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd
import pytest

from hrdash.app import pages
from hrdash.db import query
from hrdash.model import indicators, scorecard
from hrdash.model.filters import Filters
from hrdash.paths import QUERIES
from tests.helpers.apptest import runner

TWO = {"region": None, "countries": ["KEN", "UGA"], "target_ea": None, "year_from": 2012, "year_to": 2014}
NA = None  # a share with nothing to share


@dataclass
class Case:
    """Rows to insert, and the (country, year, numerator, denominator, value) rows the query must return."""

    given: list[str]
    expect: list[tuple]
    params: dict = field(default_factory=lambda: dict(TWO))


def _ratify(*rows: str) -> str:
    return (
        "insert into ratification (country_iso3, instrument, signature_date, consent_date, consent_type, reservations,"
        " source) values " + ", ".join(rows)
    )


COMMS = (
    "insert into sp_communication (id, sent_date, country_iso3, mandates, type, joint, replied, reply_date, source) "
    "values ('c1', '2012-01-10', 'KEN', ['sr_torture'], 'urgent appeal', false, true, '2012-02-01', 'demo'), "
    "('c2', '2012-05-01', 'KEN', ['sr_torture', 'sr_executions'], 'allegation letter', true, false, null, 'demo'), "
    "('c3', '2014-03-01', 'KEN', ['sr_torture'], 'other letter', false, false, null, 'demo'), "
    "('c4', '2013-06-06', 'UGA', ['sr_torture', 'sr_executions'], 'urgent appeal', true, true, '2013-07-01', 'demo')"
)
UNCT = [
    "delete from unct_engagement",
    "insert into unct_engagement (id, country_iso3, year, mechanism, activity, source) values "
    "('u1', 'KEN', 2012, 'UPR', 'UNCT submission', 'demo'), "
    "('u2', 'KEN', 2012, 'treaty bodies', 'UNCT submission', 'demo'), "
    "('u3', 'KEN', 2013, 'UPR', 'follow-up plan', 'demo'), "
    "('u4', 'UGA', 2014, 'all mechanisms', 'joint programme', 'demo'), "
    "('u5', 'KEN', 2011, 'UPR', 'UNCT submission', 'demo')",
]  # fmt: skip
HRAS = [
    "delete from hra_deployment",
    "insert into hra_deployment (id, country_iso3, region, start_date, end_date, funding, source) values "
    "('h1', 'KEN', null, '2011-01-01', '2012-06-30', 'OHCHR', 'demo'), "
    "('h2', 'KEN', null, '2013-07-01', null, 'UNDG-HRM', 'demo'), "
    "('h3', 'UGA', null, '2012-06-30', null, 'Action 2', 'demo'), "
    "('h4', null, 'Africa', '2012-01-01', null, 'UNDG-HRM', 'demo')",
]  # fmt: skip
NORMS = [
    "delete from normative_output",
    "insert into normative_output (id, body, kind, date, title, source) values "
    "('n1', 'CCPR', 'general comment', '2012-03-01', 'GC', 'demo'), "
    "('n2', 'sr_torture', 'thematic report', '2012-06-01', 'TR', 'demo'), "
    "('n3', 'HRC', 'new standard', '2014-01-01', 'NS', 'demo'), "
    "('n4', 'CEDAW', 'general recommendation', '2011-12-31', 'GR', 'demo')",
]  # fmt: skip
YEARS = {"year_from": 2012, "year_to": 2014}
TB_REPORT = (
    "insert into tb_report (id, country_iso3, instrument, body, report_no, due_date, submitted_date, source) values "
)


def _rows(kenya: list, uganda: list, den: list | None = None, den_uga: list | None = None) -> list[tuple]:
    """Expected rows for KEN and UGA over 2012-2014 from numerators (and denominators; None = a count)."""
    out = []
    for iso3, nums, dens in [("KEN", kenya, den), ("UGA", uganda, den_uga)]:
        for k, year in enumerate((2012, 2013, 2014)):
            d = dens[k] if dens is not None else None
            out.append((iso3, year, nums[k], d))
    return out


CASES: dict[str, Case] = {
    "EA2.1": Case(
        [_ratify("('KEN', 'CERD', null, '2012-05-01', 'ratification', false, 'demo')",
                 "('KEN', 'CAT', null, '2013-12-31', 'ratification', false, 'demo')",
                 "('KEN', 'CCPR', null, '2014-01-01', 'accession', false, 'demo')",
                 "('UGA', 'CERD', null, '2010-01-01', 'ratification', false, 'demo')",
                 "('UGA', 'CAT', '2011-01-01', null, null, false, 'demo')")],
        _rows([1, 2, 3], [1, 1, 1], [18] * 3, [18] * 3),
    ),
    "EA2.2": Case(
        [_ratify("('KEN', 'CCPR-OP1', null, '2013-06-01', 'ratification', false, 'demo')",
                 "('KEN', 'CAT-OP', null, '2015-01-01', 'ratification', false, 'demo')",
                 "('KEN', 'CERD', null, '2012-01-01', 'ratification', false, 'demo')",
                 "('UGA', 'CRC-OP-AC', null, '2012-02-02', 'accession', false, 'demo')")],
        _rows([0, 1, 1], [1, 1, 1], [9] * 3, [9] * 3),
    ),
    "EA2.3": Case(
        [_ratify("('KEN', 'CERD', null, '2012-03-01', 'ratification', false, 'demo')",
                 "('KEN', 'CCPR', null, '2012-07-01', 'ratification', false, 'demo')",
                 "('KEN', 'CAT', null, '2014-01-01', 'ratification', false, 'demo')",
                 "('UGA', 'CRC', null, '2013-12-31', 'ratification', false, 'demo')")],
        _rows([2, 0, 1], [0, 1, 0]),
    ),
    "EA2.4": Case(
        [_ratify("('KEN', 'CEDAW', null, '2012-02-01', 'ratification', true, 'demo')",
                 "('KEN', 'CRC', null, '2013-02-01', 'ratification', false, 'demo')",
                 "('UGA', 'CAT', null, '2014-06-01', 'accession', true, 'demo')")],
        _rows([1, 1, 1], [0, 0, 1]),
    ),
    "EA6.1": Case(
        ["insert into national_mechanism values ('KEN', '2013-12-31', 'ministerial', true, false, false, 'demo')"],
        _rows([0, 1, 1], [0, 0, 0]),
    ),
    "EA6.2": Case(
        [TB_REPORT +
         "('r1', 'KEN', 'CERD', 'CERD', 1, '2012-03-01', '2012-03-01', 'demo'), "
         "('r2', 'KEN', 'CERD', 'CERD', 2, '2012-09-01', '2012-10-01', 'demo'), "
         "('r3', 'KEN', 'CAT', 'CAT', 1, '2013-01-01', null, 'demo'), "
         "('r4', 'UGA', 'CRC', 'CRC', 1, '2014-05-01', '2014-04-01', 'demo')"],
        _rows([1, 0, 0], [0, 0, 1], [2, 1, 0], [0, 0, 1]),
    ),
    "EA6.3": Case(
        [TB_REPORT +
         "('r1', 'KEN', 'CERD', 'CERD', 1, '2011-06-01', '2013-02-01', 'demo'), "
         "('r2', 'KEN', 'CAT', 'CAT', 1, '2013-05-01', null, 'demo'), "
         "('r3', 'UGA', 'CRC', 'CRC', 1, '2014-12-31', '2015-01-10', 'demo')"],
        _rows([1, 1, 1], [0, 0, 1]),
    ),
    "EA6.4": Case(
        ["insert into standing_invitation values ('KEN', '2013-07-01', 'demo')"],
        _rows([0, 1, 1], [0, 0, 0]),
    ),
    "EA6.5": Case(
        ["insert into sp_visit (id, country_iso3, mandate_code, request_date, status, start_date, end_date, source) "
         "values ('v1', 'KEN', 'sr_torture', '2012-02-01', 'accepted', null, null, 'demo'), "
         "('v2', 'KEN', 'sr_torture', '2012-05-01', 'no reply', null, null, 'demo'), "
         "('v3', 'KEN', 'sr_torture', '2012-06-01', 'requested', null, null, 'demo'), "
         "('v4', 'KEN', 'sr_executions', '2013-03-01', 'completed', '2013-09-01', '2013-09-10', 'demo'), "
         "('v5', 'UGA', 'sr_torture', '2014-01-01', 'postponed', null, null, 'demo')"],
        _rows([1, 1, 0], [0, 0, 0], [2, 1, 0], [0, 0, 1]),
    ),
    "EA6.6": Case([COMMS], _rows([1, 0, 0], [0, 1, 0], [2, 0, 1], [0, 1, 0])),
    "EA7.1": Case(
        ["insert into stakeholder_submission values "
         "('KEN', 'UPR', 2012, 2, 'NHRI', 2, 'demo'), ('KEN', 'UPR', 2012, 2, 'national NGO', 5, 'demo'), "
         "('KEN', 'treaty bodies', 2012, null, 'coalition', 1, 'demo'), "
         "('KEN', 'treaty bodies', 2014, null, 'international NGO', 3, 'demo'), "
         "('UGA', 'UPR', 2013, 2, 'national NGO', 0, 'demo')"],
        _rows([8, 0, 3], [0, 0, 0]),
    ),
    "EA7.3": Case(
        ["insert into nhri values ('KEN', 'KNCHR', 'A', 2013, 'demo'), ('UGA', 'UHRC', 'B', 2010, 'demo')"],
        _rows([0, 1, 1], [0, 0, 0]),
    ),
    "EA8.1": Case(NORMS, [(None, 2012, 2, None), (None, 2013, 0, None), (None, 2014, 1, None)], dict(YEARS)),
    "EA8.2": Case(NORMS, [(None, 2012, 1, None), (None, 2013, 0, None), (None, 2014, 0, None)], dict(YEARS)),
    "EA9.1": Case([COMMS], _rows([1, 0, 0], [0, 1, 0], [2, 0, 1], [0, 1, 0])),
    "EA10.1": Case([COMMS], _rows([1, 0, 0], [0, 1, 0])),
    "EA10.2": Case([COMMS], _rows([1, 0, 0], [0, 1, 0], [1, 0, 0], [0, 1, 0])),
    "EA11.1": Case(UNCT, _rows([1, 1, 0], [0, 0, 1])),
    "EA11.2": Case(UNCT, _rows([2, 1, 0], [0, 0, 1])),
    "EA11.3": Case(UNCT, _rows([0, 1, 0], [0, 0, 1])),
    "EA11.4": Case(HRAS, _rows([1, 0, 1], [1, 1, 1])),
    "EA11.5": Case(HRAS, _rows([0, 1, 0], [1, 0, 0])),
}  # fmt: skip
# Diversity (EA7.2) has a denominator of 1 only in a year with submissions: its own expected rows.
CASES["EA7.2"] = Case(CASES["EA7.1"].given, _rows([3, 0, 1], [0, 0, 0], [1, 0, 1], [0, 0, 0]))


def _expected_value(ind: indicators.Indicator, num: int, den: int | None) -> float | None:
    if ind.kind == "count":
        return float(num)
    if not den:
        return None
    return (100.0 if ind.kind == "share" else 1.0) * num / den


def test_every_indicator_has_a_given_expect_case():
    assert sorted(CASES) == sorted(i.code for i in indicators.INDICATORS)


@pytest.mark.parametrize("code", sorted(CASES))
def test_indicator_query_on_hand_made_rows(empty_db, code):
    ind = indicators.get(code)
    case = CASES[code]
    for sql in case.given:
        empty_db.execute(sql)
    df = query.run(empty_db, ind.query, case.params)
    assert list(df.columns) == ["country_iso3", "country", "year", "numerator", "denominator", "value"]
    got = [
        (None if pd.isna(r.country_iso3) else r.country_iso3, int(r.year), int(r.numerator),
         None if pd.isna(r.denominator) else int(r.denominator))
        for r in df.itertuples()
    ]  # fmt: skip
    assert got == case.expect
    for r, (_, _, num, den) in zip(df.itertuples(), case.expect):
        want = _expected_value(ind, num, den)
        assert (pd.isna(r.value) and want is None) or r.value == pytest.approx(want), (r, want)


def test_indicators_follow_the_country_filters(empty_db):
    empty_db.execute(CASES["EA6.1"].given[0])
    ind = indicators.get("EA6.1")
    africa = query.run(empty_db, ind.query, {**TWO, "countries": [], "region": "Africa"})
    n_africa = empty_db.execute("select count(*) from country where ohchr_region = 'Africa'").fetchone()[0]
    assert len(africa) == 3 * n_africa and africa["numerator"].sum() == 2  # Kenya in 2013 and 2014
    targets = query.run(empty_db, ind.query, {**TWO, "countries": [], "target_ea": "EA11"})
    assert set(targets["country_iso3"]) == {
        r[0] for r in empty_db.execute("select country_iso3 from ea_target where ea_code = 'EA11'").fetchall()
    }
    assert targets["numerator"].sum() == 0  # Kenya is no EA11 target


# ---------------------------------------------------------------- the definitions


def test_every_indicator_query_exists_and_takes_the_filters():
    for ind in indicators.INDICATORS:
        assert (QUERIES / f"{ind.query}.sql").exists(), ind.query
        expected = {"year_from", "year_to"} | (set() if ind.global_only else {"region", "countries", "target_ea"})
        assert query.parameters(ind.query) == expected, ind.code
        assert f"Indicator {ind.code} " in (QUERIES / f"{ind.query}.sql").read_text(), "header names the indicator"


def test_each_indicator_is_defined_once():
    codes = [i.code for i in indicators.INDICATORS]
    assert len(codes) == len(set(codes))
    assert len({i.query for i in indicators.INDICATORS}) == len(codes)
    assert {i.ea for i in indicators.INDICATORS} == set(indicators.EA_CODES)


def test_catalogue_lists_every_indicator_with_its_definition():
    cat = indicators.catalogue()
    assert list(cat.columns[:8]) == ["code", "ea", "name", "definition", "unit", "direction", "query", "source"]
    assert list(cat["code"]) == [i.code for i in indicators.INDICATORS]
    assert cat["definition"].str.len().min() > 40
    row = cat.set_index("code").loc["EA6.1"]
    assert row["query"] == "queries/indicator_national_mechanism.sql" and row["direction"] == "Higher is better"
    assert "71 countries" in row["target"]
    assert cat.set_index("code").loc["EA6.3", "direction"] == "Lower is better"


def test_only_the_seeds_targets_are_given():
    with_target = {i.code: (i.target, i.target_years, i.target_is_total) for i in indicators.INDICATORS if i.target}
    assert with_target == {"EA6.1": (71, (2017, 2017), False), "EA11.5": (20, (2012, 2013), True)}
    assert all(i.target_text == indicators.NO_TARGET for i in indicators.INDICATORS if i.target is None)


def test_every_indicator_links_to_a_registered_page():
    registered = {p.view for p in pages.PAGES}
    for ind in indicators.INDICATORS:
        assert ind.page in registered


# ---------------------------------------------------------------- adding up, baseline, targets


def _rows_frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["country_iso3", "year", "numerator", "denominator"])


def test_by_year_adds_counts_shares_and_means_over_countries():
    rows = _rows_frame([("A", 2013, 1, 2), ("B", 2013, 3, 4), ("A", 2014, 0, 0), ("B", 2014, 0, 0)])
    share = indicators.by_year(indicators.get("EA6.2"), rows)
    assert share["value"].iloc[0] == pytest.approx(100 * 4 / 6) and math.isnan(share["value"].iloc[1])
    mean = indicators.by_year(indicators.get("EA7.2"), rows)
    assert mean["value"].iloc[0] == pytest.approx(4 / 6)
    counts = _rows_frame([("A", 2013, 1, None), ("B", 2013, 1, None), ("A", 2014, 0, None)])
    count = indicators.by_year(indicators.get("EA6.1"), counts)
    assert list(count["value"]) == [2.0, 0.0] and count["denominator"].isna().all()


def _yearly(values: dict[int, float]) -> pd.DataFrame:
    return pd.DataFrame({"year": list(values), "value": list(values.values())})


def test_progress_reads_baseline_latest_and_a_level_target():
    p = indicators.progress(indicators.get("EA6.1"), _yearly({2013: 53, 2016: 70, 2017: 75}), 2017)
    assert (p.baseline, p.latest, p.change_text) == (53, 75, "+22 vs 2013")
    assert p.target_status == "target 71 (2017); value 2017: 75 — met"
    p = indicators.progress(indicators.get("EA6.1"), _yearly({2013: 53, 2016: 70}), 2016)
    assert p.target_status == "target 71 (2017): no data for 2017 under these filters"


def test_progress_reads_a_total_target_over_years():
    ind = indicators.get("EA11.5")
    p = indicators.progress(ind, _yearly({2012: 9, 2013: 8, 2017: 1}), 2017)
    assert p.target_progress == 17 and p.target_status.endswith("total 2012–2013: 17 — not met")
    assert indicators.query_years(ind, 2014, 2017) == (2012, 2017)


def test_progress_of_a_lower_is_better_share_and_no_target():
    p = indicators.progress(indicators.get("EA6.3"), _yearly({2013: 10, 2015: 7}), 2015)
    assert p.improving is True and p.change_text == "-3 vs 2013" and p.target_status == indicators.NO_TARGET
    share = indicators.progress(indicators.get("EA9.1"), _yearly({2013: 84.0, 2017: 80.5}), 2017)
    assert share.change_text == "-3.5 pts vs 2013" and share.improving is False
    assert indicators.get("EA9.1").fmt(80.5) == "80.5%" and indicators.get("EA7.2").fmt(2.5) == "2.50"


# ---------------------------------------------------------------- the built database


def test_the_scorecard_tiles_are_each_eas_first_indicator_on_given_rows():
    """Each tile reads its EA's first indicator: the query it runs, the years, the value, baseline and change."""
    asked = []

    def run(name, filters, year_from, year_to):
        asked.append((name, year_from, year_to))
        ind = next(i for i in indicators.INDICATORS if i.query == name)
        share = ind.kind == "share"  # two countries: 2013 → 4/18 + 5/18 = 25.0%; 2020 → 9/18 + 9/18 = 50.0%
        rows = [("KEN", 2013, 4, 5), ("UGA", 2013, 5, 7), ("KEN", 2020, 9, 9), ("UGA", 2020, 9, 8)]
        return pd.DataFrame([{"country_iso3": c, "year": y, "numerator": a, "denominator": 18 if share else None,
                              "value": 100 * a / 18 if share else b} for c, y, a, b in rows])  # fmt: skip

    tiles = scorecard.tiles(run, Filters(2015, 2020))
    assert [(t.ea_code, t.indicator) for t in tiles] == [
        ("EA2", "Ratification rate of the 18 instruments"),
        ("EA6", "Countries with a national mechanism for reporting and follow-up"),
        ("EA7", "Stakeholder submissions to the UPR and treaty bodies"), ("EA8", "Normative outputs of the mechanisms"),
        ("EA9", "Joint Special Procedures communications"), ("EA10", "Urgent appeals sent"),
        ("EA11", "Countries whose UNCT engaged with the mechanisms"),
    ]  # fmt: skip
    assert asked[0] == ("indicator_ratification_rate", 2013, 2020)  # widened to the 2013 baseline
    assert [(t.value_text, t.baseline_text, t.delta_text) for t in tiles[:2]] == [
        ("50.0%", "25.0%", "+25.0 pts vs 2013"),
        ("18", "9", "+9 vs 2013"),
    ]  # counts add the numerators
    assert tiles[0].unit == "%" and tiles[1].unit == "countries"
    none = scorecard.tiles(lambda *a, **k: run(*a, **k).iloc[:0], Filters(2015, 2020))[0]
    assert (none.value_text, none.baseline_text, none.delta_text) == ("n/a", "n/a", None)


@pytest.mark.parametrize("region", [None, "Africa"])
def test_the_scorecard_equals_independent_sql(con, region):
    """Two tiles on the built database against SQL written here: countries with a national mechanism (EA6) and
    urgent appeals sent (EA10), in 2020 and at the 2013 baseline."""
    tiles = {t.ea_code: t for t in scorecard.tiles(runner(con), Filters(2015, 2020, region=region))}
    where = "" if region is None else "and c.ohchr_region = $region"
    params = {} if region is None else {"region": region}
    mechanisms = con.execute(
        f"""select count(*) filter (where year(m.established) <= 2020),
        count(*) filter (where year(m.established) <= 2013)
        from national_mechanism m join country c on c.iso3 = m.country_iso3 where true {where}""",
        params,
    ).fetchone()
    appeals = con.execute(
        f"""select count(*) filter (where year(s.sent_date) = 2020),
        count(*) filter (where year(s.sent_date) = 2013)
        from sp_communication s join country c on c.iso3 = s.country_iso3
        where s.type = 'urgent appeal' {where}""",
        params,
    ).fetchone()
    assert mechanisms[0] > mechanisms[1] > 0 and appeals[0] > 0
    assert (tiles["EA6"].value_text, tiles["EA6"].baseline_text) == tuple(f"{n:,}" for n in mechanisms)
    assert (tiles["EA10"].value_text, tiles["EA10"].baseline_text) == tuple(f"{n:,}" for n in appeals)
