"""The global filters in the sidebar, bound to the URL, read into one typed `Filters`."""

from __future__ import annotations

import streamlit as st

from ..model import labels
from ..model.filters import OHCHR_REGIONS, Filters
from ..model.text import md
from .data import run

ALL_REGIONS = "All regions"


def filters() -> Filters:
    """Draw the global filters in the sidebar, bound to the URL, and return them.

    The URL holds what the widgets show (region and country names, EA codes, years), so a
    shared link is readable: ?region=Africa&countries=Kenya&year_from=2010&target_ea=EA2.
    """
    countries = run("country_options")
    iso3_of = dict(zip(countries["name"], countries["iso3"]))
    eas = run("ea_options")
    # The choice shows the EA's name; the URL keeps its code (?target_ea=EA6), short and stable.
    ea_names = {r.code: f"{labels.ea(r.code)} ({r.target_countries} target countries)" for r in eas.itertuples()}
    years = run("data_years").iloc[0]
    year_options = list(range(int(years["first_year"]), int(years["last_year"]) + 1))
    with st.sidebar:
        st.header("Filters")
        region = st.selectbox("OHCHR region", [ALL_REGIONS, *OHCHR_REGIONS], key="region", bind="query-params")
        chosen = st.multiselect(
            "Countries", list(iso3_of), key="countries", bind="query-params", placeholder="All countries"
        )
        c1, c2 = st.columns(2)
        year_from = c1.selectbox("From", year_options, index=0, key="year_from", bind="query-params")
        year_to = c2.selectbox("To", year_options, index=len(year_options) - 1, key="year_to", bind="query-params")
        target = st.selectbox(
            "Only target countries of", list(ea_names), index=None, key="target_ea", bind="query-params",
            format_func=ea_names.get, placeholder="Any country (no EA filter)",
            help=f"Countries that the {labels.MANAGEMENT_PLAN} names as targets of an expected accomplishment (EA).",
        )  # fmt: skip
        if target:
            st.caption(md(ea_names[target]))
        if year_from > year_to:
            st.warning("'From' is after 'To': the years were swapped.")
            year_from, year_to = year_to, year_from
    return Filters(
        year_from=int(year_from), year_to=int(year_to), region=None if region == ALL_REGIONS else region,
        countries=tuple(sorted(iso3_of[n] for n in chosen)), target_ea=target,
    )  # fmt: skip
