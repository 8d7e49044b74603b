"""The query layer: named queries, bound parameters, clear errors."""

from __future__ import annotations

import re

import pytest

from hrdash.db import query
from hrdash.model.filters import Filters
from hrdash.paths import QUERIES

ALL = Filters(year_from=2008, year_to=2026)


def test_parameters_are_found_outside_comments_and_strings():
    assert query.parameters("indicators_by_country") == {"region", "countries", "target_ea", "year_from", "year_to"}
    assert query.parameters("unct_hra_count_on_date") == {"region", "countries", "target_ea", "on_date"}
    assert query.parameters("build_info") == frozenset()


def test_hostile_value_is_treated_as_data(con):
    before = con.execute("select count(*) from recommendation").fetchone()
    hostile = "Africa'; DROP TABLE recommendation; --"
    df = query.run(con, "indicators_by_country", {**ALL.params(), "region": hostile})
    assert df.empty  # no region has that name
    df = query.run(con, "indicators_by_country", {**ALL.params(), "countries": ["KEN'); DROP TABLE country; --"]})
    assert df.empty
    assert con.execute("select count(*) from recommendation").fetchone() == before
    assert con.execute("select count(*) from country").fetchone() == (196,)


def test_filters_select_the_right_countries(con):
    df = query.run(con, "indicators_by_country", Filters(2008, 2017, region="Africa").params())
    expected = con.execute("select count(*) from country where ohchr_region = 'Africa'").fetchone()[0]
    assert len(df) == expected and set(df["ohchr_region"]) == {"Africa"}
    df = query.run(con, "indicators_by_country", Filters(2008, 2017, countries=("KEN", "UGA")).params())
    assert sorted(df["iso3"]) == ["KEN", "UGA"]
    df = query.run(con, "indicators_by_country", Filters(2008, 2017, target_ea="EA11").params())
    targets = {r[0] for r in con.execute("select country_iso3 from ea_target where ea_code = 'EA11'").fetchall()}
    assert set(df["iso3"]) == targets


def test_missing_parameter_is_named(con):
    with pytest.raises(query.QueryError, match="needs parameter.*year_to"):
        query.run(con, "indicators_by_country", {k: v for k, v in ALL.params().items() if k != "year_to"})


def test_unknown_parameter_is_named(con):
    with pytest.raises(query.QueryError, match="has no parameter.*colour"):
        query.run(con, "build_info", {"colour": "red"})


def test_unknown_query_is_named_with_suggestions(con):
    with pytest.raises(query.QueryError, match=r"unknown query 'indicator_by_country'.*indicators_by_country"):
        query.run(con, "indicator_by_country", {})
    with pytest.raises(query.QueryError, match="unknown query"):
        query.run(con, "../hrdash/schema", {})


def test_every_query_file_has_a_header_naming_its_grain():
    for path in QUERIES.glob("*.sql"):
        lines = path.read_text().splitlines()
        assert lines[0].startswith("--"), path.name
        header = [line for line in lines[: next(i for i, s in enumerate(lines) if not s.startswith("--"))]]
        assert any(re.search(r"grain", line, re.I) for line in header), f"{path.name}: say the grain in the header"


def test_every_filter_only_query_runs_with_the_default_filters(con):
    """Queries that take only global-filter parameters return rows on the default data."""
    filter_only = [n for n in query.available() if query.parameters(n) <= set(ALL.params())]
    assert len(filter_only) > 20
    for name in filter_only:
        df = query.run(con, name, ALL.for_query(query.parameters(name)))
        if name == "import_files":  # the default data have no imports (tests/pages/test_data_page.py imports one)
            assert len(df) == 0 and list(df.columns) == ["source", "file_name", "id"]
            continue
        assert len(df) > 0, name
