"""The one glossary's names (countries, EAs, source documents, values) and the Data page's summary in words."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from hrdash.model import coverage, indicators, labels, provenance, text
from hrdash.model.filters import Filters
from tests.helpers.paths import ROOT


def test_country_names_are_the_reference_tables():
    with (ROOT / "data" / "reference" / "country.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert labels.country_names() == {r["iso3"]: r["name"] for r in rows} and len(rows) == 196
    assert labels.country("NPL") == "Nepal" and labels.country("XXX") == "XXX"
    assert labels.country_list("SGP; ARG; ATG") == "Singapore; Argentina; Antigua and Barbuda"
    assert labels.country_list(None) == ""
    assert labels.countries(["NPL", "KEN", "UGA"], most=2) == "Nepal, Kenya and 1 more"


def test_the_filters_name_countries_and_eas():
    f = Filters(year_from=2010, year_to=2016, countries=("KEN", "NPL"), target_ea="EA6")
    assert f.describe() == [
        ("Years", "2010–2016"), ("Countries", "Kenya, Nepal"),
        ("Only target countries of", "EA6 — State engagement with the mechanisms"),
    ]  # fmt: skip
    assert text.shown(f.caption()) == (
        "Years: 2010–2016; Countries: Kenya, Nepal; "
        "Only target countries of: EA6 — State engagement with the mechanisms"
    )
    assert f.params()["countries"] == ["KEN", "NPL"]  # the SQL still gets codes


def test_every_ea_has_a_name_and_every_seed_a_title():
    with (ROOT / "data" / "reference" / "ea.csv").open(encoding="utf-8") as f:
        codes = [r["code"] for r in csv.DictReader(f)]
    assert set(labels.EA_NAMES) == set(codes)
    assert labels.ea("EA11") == "EA11 — UN Country Team engagement with the mechanisms"
    assert labels.seed_title("seed:004") == labels.seed_title("004") == "OHCHR Management Plan 2014–2017"
    assert labels.in_words("a target of seed 004; Seed 002's plan; source seed:000") == (
        "a target of OHCHR Management Plan 2014–2017; "
        "UNDG strategy for the deployment of Human Rights Advisers (January 2012)'s plan; "
        "source Terms of Reference of the UNCT Liberia Human Rights Working Group"
    )
    assert provenance.label("seed:004") == "OHCHR Management Plan 2014–2017 (source document)"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [("no action", "No action"), ("party", "Party"), ("signatory", "Signatory"), ("upr", "UPR"), (None, ""),
     (float("nan"), ""), ("UPR", "UPR"), ("treaty bodies", "Treaty bodies")],
)  # fmt: skip
def test_values_read_in_sentence_case(raw, shown):
    assert labels.value(raw) == shown


def test_a_display_frame_names_documents_but_keeps_provenance_columns():
    df = pd.DataFrame({"Description": ["year of seed 002", None], "Source": ["seed:002", "demo"], "n": [1, 2]})
    out = labels.in_words_frame(df)
    assert out["Description"].tolist()[0] == f"year of {labels.HRA_STRATEGY}" and out["Description"].isna()[1]
    assert out["Source"].tolist() == ["seed:002", "demo"] and df["Description"][0] == "year of seed 002"
    untouched = pd.DataFrame({"a": ["x"]})
    assert labels.in_words_frame(untouched) is untouched


def test_printf_reads_as_number():
    for kind, value, shown in [("share", 44.4444, "44.4%"), ("mean", 2.345, "2.35"), ("figure", 12.5, "12.5")]:
        assert text.number(value, kind) == shown
        assert (text.printf(kind).replace("%,", "%") % value) == shown


def test_how_an_indicator_is_computed_has_no_paths_or_seed_numbers():
    for ind in indicators.INDICATORS:
        words = labels.how_computed(ind)
        assert "queries/" not in words and ".sql" not in words and "seed 0" not in words.lower(), ind.code
        assert ind.query in words  # named once, for the data team


def test_coverage_per_area_in_words():
    counts = pd.DataFrame(
        {"table_name": ["ratification", "recommendation", "recommendation", "tb_report"],
         "demo": [False, False, True, True], "rows": [3528, 20473, 147493, 2997],
         "first_year": [1966, 2008, 2008, 1974], "last_year": [2026, 2011, 2026, 2026],
         "sources": ["public:untc-2026-02-03", "public:upr-info-2015, seed:004", "demo", "demo"]}
    )  # fmt: skip
    areas = coverage.areas(counts).set_index("Area")
    assert areas.loc["Ratification of the 18 instruments"].tolist() == [
        "3,528",
        "1966–2026",
        "3,528 (100.0%)",
        "none",
        "UN Treaty Collection, status as of 3 Feb 2026",
    ]
    assert areas.loc["UPR recommendations"].tolist() == [
        "167,966",
        "2008–2026",
        "20,473 (12.2%)",
        "147,493",
        "UPR Info database, cycle 1 sessions 1–9 (2015 export); OHCHR Management Plan 2014–2017",
    ]
    assert (
        areas.loc["Reports to the treaty bodies", "Where the real rows come from"] == "no public source yet: demo only"
    )
    assert coverage.summary(counts) == (
        "174,491 rows of facts, 24,001 of them real (13.8%). Still demo only (no public source bundled yet): "
        "Reports to the treaty bodies."
    )


def test_deck_cells_leave_blanks_blank():
    from hrdash.exports import pptx

    assert [pptx.cell_text(v) for v in (None, float("nan"), "None", "nan", "none", 44.4444)] == [
        "", "", "", "", "none", "44.4"
    ]  # fmt: skip
