"""Every page, every tab, read as a manager reads it: no "None" or "nan", no seed document by number, no country by
its ISO3 code alone — under the default filters and for one country (issue 14).

One AppTest run per page and tab (the tabs of a page are found on its first run); the checks are in
tests/helpers/words.py and are tested here on a page made to fail them.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from hrdash.app import pages
from tests.helpers.apptest import open_app
from tests.helpers.words import defects

# The URL key of each page's tabs (a page drawing every tab at once, like the Data page, needs none).
TAB_KEYS = {
    pages.EXPECTED_ACCOMPLISHMENTS.view: "ea_view", pages.RATIFICATION.view: "ratification_view",
    pages.TREATY_BODIES.view: "tb_view", pages.SPECIAL_PROCEDURES.view: "sp_view", pages.UPR.view: "upr_view",
    pages.CIVIL_SOCIETY.view: "cso_view", pages.UNCT.view: "unct_view",
}  # fmt: skip
ONE_COUNTRY = {"countries": "Nepal", "year_from": "2010", "year_to": "2016"}


def walk(page: pages.Page, params: dict[str, str]) -> dict[str, list[str]]:
    """Return {page / tab: its defects} for every tab of `page` opened with `params`."""
    at = open_app(params, page=page.view)
    found = {f"{page.title} / first tab": defects(at)}
    key = TAB_KEYS.get(page.view)
    labels = [t.label for t in at.tabs] if key else []
    assert not key or len(labels) >= 2, f"{page.title}: no tabs found under {key}"
    for label in labels[1:]:
        found[f"{page.title} / {label}"] = defects(open_app({**params, key: label}, page=page.view))
    return found


@pytest.mark.parametrize("page", pages.PAGES, ids=lambda p: p.url_path)
def test_every_tab_speaks_a_managers_words(built_db, page):
    found = walk(page, {})
    assert {where: d for where, d in found.items() if d} == {}
    assert len(found) >= (2 if page.view in TAB_KEYS else 1)


@pytest.mark.parametrize("page", pages.PAGES, ids=lambda p: p.url_path)
def test_one_country_in_words(built_db, page):
    at = open_app(ONE_COUNTRY, page=page.view)
    assert defects(at) == []
    # The filters' caption names the country (the Data page and the Overview write it at the top).
    if page in (pages.OVERVIEW, pages.DATA):
        assert any("Countries: Nepal" in c.value for c in at.caption)


def test_the_checks_catch_each_kind_of_defect(built_db):
    """A page with one defect of each kind: each is reported, with where it is."""
    script = """
import pandas as pd
import streamlit as st
st.caption("Countries: NPL. Baseline: None.")
st.caption("Countries: Nepal (NPL).")
st.header("2013 as seed 004 reports it")
st.dataframe(pd.DataFrame({"Recommended by": ["SGP; ARG", "Kenya"], "Value": [None, "nan"],
                           "ISO3": ["NPL", "KEN"], "source": ["seed:004", "demo"]}), key="t")
st.selectbox("Choose", ["NPL", "Kenya"])
"""
    at = AppTest.from_string(script).run()
    found = defects(at)
    assert any("['NPL']" in d and "caption" in d for d in found)
    assert not any("Nepal (NPL)" in d for d in found)  # the name beside the code is fine
    assert any("'None'" in d and "Baseline" in d for d in found)
    assert any("seed by number" in d and "header" in d for d in found)
    assert any("Recommended by: 'SGP; ARG'" in d for d in found)
    assert any("Value: a missing value shown as 'None'" in d for d in found)
    assert any("Value: 'nan'" in d for d in found)
    assert any("'NPL' names a country by code only" in d for d in found)
    assert not any("ISO3" in d or "/ source" in d for d in found)  # code columns keep their codes
    assert len(found) == 7, found


def test_ea_values_read_as_the_one_number_format_and_say_how_in_words(built_db):
    import json

    from hrdash.model import indicators, labels, text

    at = open_app({"ea_view": "Values per country and year", "ea": "EA2"}, page=pages.EXPECTED_ACCOMPLISHMENTS.view)
    ind = indicators.get("EA2.1")
    table = next(d for d in at.dataframe if f"{ind.name} ({ind.unit})" in d.value.columns)
    config = json.loads(table.proto.columns)[f"{ind.name} ({ind.unit})"]["type_config"]
    assert config == {"type": "number", "format": text.printf("share")} and text.printf("share") == "%.1f%%"
    assert (table.value[f"{ind.name} ({ind.unit})"] % 1 != 0).any()  # there are fractions to format (44.44…)
    assert not any("queries/" in c.value or ".sql" in c.value for c in at.caption)
    [how] = [e for e in at.expander if e.label == "How it is computed"]
    assert how.markdown[0].value == text.md(labels.how_computed(ind))
