"""The Expected accomplishments page through AppTest: each EA's statement, its indicators' latest and baseline values
equal to an independent sum over the indicator's SQL (two filter settings), its target table equal to the rules'
SQL, the per-country values, the links to the detail pages, and the Overview tiles linking here."""

from __future__ import annotations

import pandas as pd
import pytest

from hrdash.app import pages as registry
from hrdash.db import query
from hrdash.model import indicators, targets
from hrdash.model.filters import Filters
from hrdash.model.text import shown as shown_text
from tests.helpers.apptest import open_app, runner
from tests.helpers.ea6_rule import ea6_expected

PAGE = "views/expected_accomplishments.py"
ALL = Filters(2008, 2026)  # the default years: every year with data
AFRICA = Filters(2010, 2015, region="Africa")
AFRICA_URL = {"region": "Africa", "year_from": "2010", "year_to": "2015"}


def expected_value(con, ind: indicators.Indicator, filters: Filters, year: int) -> str:
    """The indicator over the selected countries in `year`, as the page writes it: summed straight from its SQL."""
    lo, hi = indicators.query_years(ind, filters.year_from, filters.year_to)
    sql, params = query.bind(ind.query, {**filters.for_query(query.parameters(ind.query)), "year_from": lo,
                                         "year_to": hi})  # fmt: skip
    num, den, unknown = con.execute(
        f"select sum(numerator), sum(denominator), count(*) filter (numerator is null) from ({sql}) "
        f"where year = {int(year)}",
        params,
    ).fetchone()  # the year is an int from the test, not user input
    if unknown:  # one country's figure not known (reservations): the total is not known either
        value = None
    elif ind.kind == "count":
        value = num
    elif not den:
        value = None
    else:
        value = (100.0 if ind.kind == "share" else 1.0) * num / den
    return ind.fmt(None if value is None else float(value))


def shown(at) -> dict[str, str]:
    """Return {indicator code: value} of the indicator metrics on screen."""
    return {m.label.split(" · ")[0]: m.value for m in at.metric if " · " in m.label}


def baselines(at) -> dict[str, str]:
    """Return {indicator code: baseline text} from the captions under the metrics, in the metrics' order."""
    codes = [m.label.split(" · ")[0] for m in at.metric if " · " in m.label]
    texts = [c.value for c in at.caption if c.value.startswith(f"{indicators.BASELINE_YEAR} baseline: ")]
    return {code: text.split(" · ")[0].removeprefix("2013 baseline: ") for code, text in zip(codes, texts)}


TARGETS_TAB = {"ea_view": "Target countries"}


@pytest.fixture(scope="module")
def pages(built_db):
    """The page for every EA (indicators tab), and for the EAs with targets under a second filter setting."""
    views = {(ea, "all"): open_app({"ea": ea}, page=PAGE) for ea in indicators.EA_CODES}
    for ea in ("EA2", "EA6", "EA7", "EA11"):
        views[(ea, "africa")] = open_app({**AFRICA_URL, "ea": ea}, page=PAGE)
    return views


@pytest.fixture(scope="module")
def target_pages(built_db):
    """The target-countries tab of every EA, and of the EAs with targets under a second filter setting."""
    views = {(ea, "all"): open_app({"ea": ea, **TARGETS_TAB}, page=PAGE) for ea in indicators.EA_CODES}
    for ea in targets.EAS_WITH_TARGETS:
        views[(ea, "africa")] = open_app({**AFRICA_URL, "ea": ea, **TARGETS_TAB}, page=PAGE)
    return views


@pytest.mark.parametrize("ea", indicators.EA_CODES)
def test_each_ea_shows_its_seed_statement_and_indicators(pages, con, ea):
    at = pages[(ea, "all")]
    assert at.segmented_control(key="ea").value == ea
    short, statement = con.execute("select short_name, statement from ea where code = $c", {"c": ea}).fetchone()
    assert shown_text(at.header[0].value) == f"{ea} · {short}"
    assert any(statement.split(" ▶ ")[0] in shown_text(m.value) for m in at.markdown)
    want = {i.code: expected_value(con, i, ALL, 2026) for i in indicators.for_ea(ea)}
    assert shown(at) == want
    assert baselines(at) == {i.code: expected_value(con, i, ALL, 2013) for i in indicators.for_ea(ea)}


@pytest.mark.parametrize("ea", ["EA2", "EA6", "EA7", "EA11"])
def test_the_filters_change_the_indicators_as_sql_says(pages, con, ea):
    at = pages[(ea, "africa")]
    assert at.selectbox(key="region").value == "Africa"
    want = {i.code: expected_value(con, i, AFRICA, 2015) for i in indicators.for_ea(ea)}
    assert shown(at) == want
    assert baselines(at) == {i.code: expected_value(con, i, AFRICA, 2013) for i in indicators.for_ea(ea)}
    assert shown(at) != shown(pages[(ea, "all")])


def test_targets_of_the_seed_are_read_against_the_data(pages, con):
    captions = " ".join(c.value for c in pages[("EA6", "all")].caption)
    value = expected_value(con, indicators.get("EA6.1"), ALL, 2017)  # the target keeps its year: 2017
    assert f"Target: target 71 (2017); value 2017: {value} — {'met' if int(value) >= 71 else 'not met'}." in captions
    captions = " ".join(c.value for c in pages[("EA11", "all")].caption)
    assert "Target: target 20 (2012–2013); total 2012–2013:" in captions
    assert captions.count(f"Target: {indicators.NO_TARGET}") == len(indicators.for_ea("EA11")) - 1


def _frame(at, column: str) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if column in d.value.columns)


@pytest.mark.parametrize("ea", ["EA2", "EA6", "EA7", "EA11"])
@pytest.mark.parametrize("setting, filters", [("all", ALL), ("africa", AFRICA)])
def test_target_countries_table_equals_the_rules_sql(target_pages, con, ea, setting, filters):
    at = target_pages[(ea, setting)]
    want = targets.status(runner(con), ea, filters)
    table = _frame(at, "Target kind")
    assert list(zip(table["ISO3"], table["Target kind"], table["Met"])) == list(
        zip(want["iso3"], want["target_kind"], want["met"])
    )
    counts = {m.label: m.value for m in at.metric if " · " not in m.label}
    assert counts["Met"] == str((want["met"] == "yes").sum())
    assert counts["Not met"] == str((want["met"] == "no").sum())


@pytest.mark.parametrize("setting, filters", [("all", ALL), ("africa", AFRICA)])
def test_ea6_engagement_targets_equal_the_tests_own_sql(target_pages, con, setting, filters):
    """The sp_engagement rows against the rule written in the test (tests/helpers/ea6_rule.py), not the macro."""
    table = _frame(target_pages[("EA6", setting)], "Target kind")
    table = table[table["Target kind"] == "sp_engagement"]
    want = ea6_expected(con, filters.region, filters.year_to)
    assert dict(zip(table["ISO3"], table["Met"])) == {w["iso3"]: w["met"] for w in want}

    def p(v):
        return "n/a" if v is None else f"{v:.0f}%"

    for w, detail in zip(sorted(want, key=lambda w: w["name"]), table["Detail"]):
        assert detail.endswith(
            f"visit requests accepted: {p(w['visits'][0])} → {p(w['visits'][2])}; "
            f"communications replied to: {p(w['comms'][0])} → {p(w['comms'][2])}"
        )
        assert ("(issued after the baseline)" in detail) == w["inv"][2]


@pytest.mark.parametrize("ea", ["EA8", "EA9", "EA10"])
def test_eas_without_target_countries_say_so(target_pages, ea):
    assert any(i.value == targets.NO_TARGET_COUNTRIES for i in target_pages[(ea, "all")].info)


def test_status_filter_from_the_url(built_db, con):
    at = open_app({"ea": "EA6", "target_met": "no data", **TARGETS_TAB}, page=PAGE)
    table = _frame(at, "Target kind")
    assert set(table["Met"]) == {"no data"}
    assert len(table) == len(targets.status(runner(con), "EA6", ALL, met="no data"))
    assert "national_action_plan" in set(table["Target kind"])


def test_values_per_country_equal_the_indicator_sql(built_db, con):
    at = open_app(
        {"ea": "EA7", "ea_view": "Values per country and year", "ea_indicator": "EA7.2 · Diversity of submitters",
         "region": "Americas"},
        page=PAGE,
    )  # fmt: skip
    assert at.selectbox(key="ea_indicator").value == "EA7.2"
    ind = indicators.get("EA7.2")
    want = query.run(con, ind.query, {"region": "Americas", "countries": [], "target_ea": None, "year_from": 2008,
                                      "year_to": 2026})  # fmt: skip
    table = _frame(at, "ISO3")
    assert table["ISO3"].tolist() == want["country_iso3"].tolist()
    assert table["Numerator"].tolist() == want["numerator"].tolist()


def test_every_indicator_links_to_its_detail_page(pages):
    for ea in indicators.EA_CODES:
        links = [p.proto for p in pages[(ea, "all")].main.get("page_link")]  # not the menu's, in the sidebar
        want = [registry.title(i.page) for i in indicators.for_ea(ea)]
        assert sorted(p.label.removeprefix("Detail: ") for p in links) == sorted(want)  # AppTest reads column by column


def test_trend_chart_data_is_the_indicators_per_year(pages, con):
    at = pages[("EA11", "all")]
    data = _frame(at, "Shown as")
    hra = data[data["Indicator"] == "EA11.4"].set_index("Year")["Shown as"]
    assert hra.loc[2011] == expected_value(con, indicators.get("EA11.4"), ALL, 2011)


def test_overview_tiles_link_to_their_ea(built_db):
    at = open_app({"region": "Africa"})
    links = {p.proto.label: p.proto for p in at.get("page_link")}
    for ea in indicators.EA_CODES:
        link = links[f"{ea} indicators and targets"]
        assert link.page == "ea" and link.query_string == f"region=Africa&ea={ea}"


def test_trend_figure_is_valid_plotly_with_baselines_and_targets(con):
    """The builder skips plotly's validation for speed: validate its output here, once."""
    import plotly.graph_objects as go

    from hrdash.figures import ea as fig

    for ea in indicators.EA_CODES:
        inds = indicators.for_ea(ea)
        series = [
            (i, indicators.by_year(i, query.run(con, i.query, {**ALL.for_query(query.parameters(i.query))})))
            for i in inds
        ]
        data = fig.trend_data(series, 2008, 2017)
        figure = fig.trends(data, inds)
        go.Figure(figure.to_dict())  # raises on any invalid property
        lines = [t for t in figure.data if t.name in {i.code for i in inds}]
        assert [t.name for t in lines] == [i.code for i in inds]
        assert all(list(t.x) == list(range(2008, 2018)) for t in lines)
    target = [t for t in figure.data if t.name == "target"]  # EA11: a total over years is a shaded span
    assert not target and any("target: 20 in 2012–2013" in a.text for a in figure.layout.annotations)
