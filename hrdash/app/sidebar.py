"""The global filters in the sidebar, bound to the URL, read into one typed `Filters`."""

from __future__ import annotations

import streamlit as st

from ..model import labels
from ..model.filters import OHCHR_REGIONS, Filters
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
    # The choice lists each EA by its name, and the URL holds what the choice shows (a bound select box reads its
    # URL value as the option's label); a link with the code alone (?target_ea=EA6, older links) still opens it.
    ea_names = {labels.ea(r.code): r.code for r in eas.itertuples()}
    counts = {labels.ea(r.code): int(r.target_countries) for r in eas.itertuples()}
    shared = st.query_params.get("target_ea")
    if shared in ea_names.values():
        st.session_state["target_ea"] = labels.ea(shared)
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
            placeholder="Any country (no EA filter)",
            help=f"Countries that the {labels.MANAGEMENT_PLAN} names as targets of an expected accomplishment (EA).",
        )  # fmt: skip
        if target:
            st.caption(f"{counts[target]} target countries named in the {labels.MANAGEMENT_PLAN}.")
        if year_from > year_to:
            st.warning("'From' is after 'To': the years were swapped.")
            year_from, year_to = year_to, year_from
    return Filters(
        year_from=int(year_from), year_to=int(year_to), region=None if region == ALL_REGIONS else region,
        countries=tuple(sorted(iso3_of[n] for n in chosen)), target_ea=ea_names.get(target) if target else None,
    )  # fmt: skip
