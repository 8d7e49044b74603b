"""Full-text search of UPR recommendations: what the box means, the bound SQL, hostile input, pagination."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from hrdash.db import query
from hrdash.model import search

ALL = {"region": None, "countries": [], "target_ea": None, "year_from": 2008, "year_to": 2017}
INJECTION = "'; DROP TABLE recommendation; --"
TEXTS = {
    "r1": "Abolish the death penalty and establish a moratorium.",
    "r2": "Consider the PENALTY of death as a last resort.",  # same words, other order and case
    "r3": "Ensure that 100% of children attend primary school.",
    "r4": "Ensure that 100 of the children attend school.",  # '%' as a wildcard would match this
    "r5": "Publish the under_18 statistics.",
    "r6": "Publish the underX18 statistics.",  # '_' as a wildcard would match this
    "r7": "Protect the \"human rights defenders\" and O'Brien's family.",
    "r8": f"A text that quotes {INJECTION} verbatim.",
    "r9": "Abolish the death penalty.",  # noted, other theme, other country
}


def test_terms_split_words_and_quoted_phrases():
    assert search.terms('  Torture "Death   PENALTY" torture ') == ["torture", "death penalty"]
    assert search.terms("“human rights” defenders") == ["human rights", "defenders"]
    assert search.terms(INJECTION) == ["';", "drop", "table", "recommendation;", "--"]
    assert search.terms('"unclosed phrase') == ['"unclosed', "phrase"]
    assert search.terms(None) == [] and search.terms("   ") == []
    many = " ".join(f"w{i}" for i in range(11))
    assert search.terms(many) == [f"w{i}" for i in range(search.MAX_TERMS)]
    assert search.dropped(many) == 11 - search.MAX_TERMS and search.dropped("a b") == 0


def test_pages():
    assert [search.pages(n, 25) for n in (0, 1, 25, 26, 1000)] == [1, 1, 1, 2, 40]


@pytest.fixture()
def small(empty_db):
    """The schema with the nine recommendations above (r9 to another country, noted and another theme)."""
    rows = pd.DataFrame(
        {
            "id": list(TEXTS), "country_iso3": ["KEN"] * 8 + ["CHL"], "mechanism": "UPR",
            "rec_date": date(2012, 5, 1), "text": list(TEXTS.values()),
            "themes": [["death penalty"]] * 8 + [["justice"]], "cycle": 2,
            "response": ["supported"] * 8 + ["noted"], "source": "demo",
        }
    )  # fmt: skip
    with empty_db.cursor() as cur:
        cur.register("rows", rows)
        cur.execute(f"insert into recommendation ({', '.join(rows.columns)}) select * from rows")
    return empty_db


def found(con, box: str, theme: str | None = None, response: str | None = None, **filters) -> list[str]:
    """Return the ids the download finds, checking the page's totals and its first page agree with them."""
    params = {**ALL, **filters, "words": search.terms(box), "theme": theme, "response": response}
    ids = query.run(con, "upr_search_results", params)["id"].tolist()
    page = query.run(con, "upr_search_page", {**params, "limit": 3, "offset": 0})
    assert page["matches"].iloc[0] == len(ids) == page[["supported", "noted", "pending"]].iloc[0].sum()
    assert page["id"].dropna().tolist() == ids[:3]
    return sorted(ids)


def test_every_word_any_order_any_case(small):
    assert found(small, "death penalty") == ["r1", "r2", "r9"]
    assert found(small, "PENALTY Death") == ["r1", "r2", "r9"]
    assert found(small, '"death penalty"') == ["r1", "r9"]  # a phrase keeps its word order
    assert found(small, "death moratorium") == ["r1"]
    assert found(small, "") == sorted(TEXTS)


def test_search_combines_with_theme_response_and_the_global_filters(small):
    assert found(small, "death", theme="death penalty") == ["r1", "r2"]
    assert found(small, "death", response="noted") == ["r9"]
    assert found(small, "death", region="Americas") == ["r9"]
    assert found(small, "death", countries=["KEN"]) == ["r1", "r2"]
    assert found(small, "death", year_from=2013) == []


def test_quotes_percent_underscore_and_sql_are_plain_text(small):
    assert found(small, "100%") == ["r3"]
    assert found(small, "under_18") == ["r5"]
    assert found(small, '"human rights defenders"') == ["r7"]  # the quotes delimit a phrase ...
    assert found(small, "defenders\" O'Brien's") == ["r7"]  # ... and are plain characters inside a word
    assert found(small, "o'brien's") == ["r7"]
    assert found(small, INJECTION) == ["r8"]
    assert found(small, f'"{INJECTION}"') == ["r8"]
    with small.cursor() as cur:
        assert cur.execute("select count(*) from recommendation").fetchone()[0] == len(TEXTS)


def test_counts_on_the_built_database_equal_an_independent_scan(con):
    def independent(words: list[str], region: str | None, year_from: int, year_to: int) -> int:
        like = " and ".join("strpos(lower(r.text), ?) > 0" for _ in words)
        sql = (
            "select count(*) from recommendation r join country c on c.iso3 = r.country_iso3 "
            "where r.mechanism = 'UPR' and extract(year from r.rec_date) between ? and ? "
            f"and (? is null or c.ohchr_region = ?) and {like}"
        )
        return con.execute(sql, [year_from, year_to, region, region, *words]).fetchone()[0]

    for region, year_from, year_to in [(None, 2008, 2017), ("Africa", 2010, 2013)]:
        filters = {"region": region, "year_from": year_from, "year_to": year_to}
        params = {**ALL, **filters, "theme": None, "response": None}
        for box, words in [("torture investigate", ["torture", "investigate"]), ("INVESTIGATE Torture", None)]:
            page = {**params, "words": search.terms(box), "limit": 1, "offset": 0}
            got = query.run(con, "upr_search_page", page).iloc[0]["matches"]
            assert got == independent(words or ["torture", "investigate"], region, year_from, year_to) > 0


def test_pages_together_are_every_match_newest_first(con):
    params = {**ALL, "region": "Africa", "words": ["journalists"], "theme": None, "response": "supported"}
    everything = query.run(con, "upr_search_results", params)
    pages = [query.run(con, "upr_search_page", {**params, "limit": 100, "offset": o}) for o in range(0, 1000, 100)]
    joined = pd.concat([p.dropna(subset=["id"]) for p in pages], ignore_index=True)
    assert 100 < len(everything) < 1000 and (joined["matches"] == len(everything)).all()
    assert joined["id"].tolist() == everything["id"].tolist()
    shown = joined.drop(columns=["matches", "supported", "noted", "pending"])
    pd.testing.assert_frame_equal(shown, everything, check_dtype=False)  # a page's rows are the download's
    assert everything["review_date"].is_monotonic_decreasing
    assert everything["text"].str.lower().str.contains("journalists").all()
    assert (everything["response"] == "supported").all()
