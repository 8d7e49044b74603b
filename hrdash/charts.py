"""Pure figure builders: a DataFrame in, a plotly figure out (no Streamlit calls)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

# Served by Streamlit from static/ (enableStaticServing), so maps draw without internet.
TOPOJSON_URL = "/app/static/topojson/"
PLOTLY_CONFIG = {"topojsonURL": TOPOJSON_URL, "displaylogo": False}
SEQUENTIAL = "Viridis"  # perceptually uniform and colour-blind safe


def world_map(df: pd.DataFrame, value: str, label: str) -> go.Figure:
    """Return a choropleth of `value` per country (`iso3`, `name` columns), labelled `label`."""
    fig = go.Figure(
        go.Choropleth(
            locations=df["iso3"],
            z=df[value].astype(float),
            text=df["name"],
            locationmode="ISO-3",
            colorscale=SEQUENTIAL,
            marker_line_color="white",
            marker_line_width=0.4,
            colorbar_title_text=label,
            hovertemplate="%{text}: %{z:,.0f}<extra></extra>",
        )
    )
    fig.update_geos(showframe=False, showcoastlines=False, projection_type="natural earth", showcountries=True)
    fig.update_layout(margin=dict(l=0, r=0, t=10, b=0), height=430)
    return fig


def trend_line(df: pd.DataFrame, label: str) -> go.Figure:
    """Return a small line chart of `value` per `year`, with the values printed on the points."""
    fig = go.Figure(
        go.Scatter(
            x=df["year"], y=df["value"], mode="lines+markers+text", text=[f"{v:,.0f}" for v in df["value"]],
            textposition="top center", name=label,
        )
    )  # fmt: skip
    fig.update_layout(margin=dict(l=0, r=0, t=10, b=0), height=220, yaxis_title=label, xaxis_dtick=1)
    return fig
