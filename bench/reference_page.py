"""Reference page for bench/page_speed.py: the smallest page that does what a dashboard page does.

One plotly world choropleth of every country (ISO3 codes from data/reference/country.csv, random
values) and one 200-row st.dataframe. The data are built once per process (st.cache_data, like the
app's cached queries) and never come from the database, so a run costs only what Streamlit and
plotly cost to draw these two elements.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

COUNTRIES = Path(__file__).resolve().parent.parent / "data" / "reference" / "country.csv"


@st.cache_data(show_spinner=False)
def frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(2014)
    countries = pd.read_csv(COUNTRIES, usecols=["iso3", "name"], keep_default_na=False)
    by_country = countries.assign(value=rng.integers(0, 500, len(countries)))
    table = pd.DataFrame(
        {
            "iso3": rng.choice(countries["iso3"], 200),
            "year": rng.integers(2008, 2018, 200),
            "count": rng.integers(0, 1000, 200),
            "share": rng.random(200).round(3),
        }
    )
    return by_country, table


by_country, table = frames()
st.title("Reference page")
fig = go.Figure(
    go.Choropleth(
        locations=by_country["iso3"], z=by_country["value"], text=by_country["name"], locationmode="ISO-3",
        colorscale="Viridis",
    )
)  # fmt: skip
fig.update_geos(showframe=False, showcoastlines=False, projection_type="natural earth")
fig.update_layout(margin=dict(l=0, r=0, t=10, b=0), height=430)
st.plotly_chart(fig, key="reference_map")
st.dataframe(table, hide_index=True, key="reference_table")
