"""Figures of the Treaty bodies (EA6) page, built from the rows of its named queries.

Numbers are printed on the marks so every chart reads without colour; colours come from Okabe &
Ito's colour-blind-safe palette, with patterns where bars are grouped. Figures are assembled at
once from dicts (charts.assemble), which plotly validates far faster.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..model.text import plot_frame
from . import colours
from .base import LEGEND_TOP, MAP_HEIGHT, MARGIN, SCALE_MAP_MARGIN, WORLD_GEO, colour_bar, figure, plain
from .colours import OKABE_ITO, SEQUENTIAL

# Okabe & Ito's colours, then two that stay distinct from them (grey, and Paul Tol's indigo).
BODY_COLOURS = dict(
    zip(["CAT", "CCPR", "CED", "CEDAW", "CERD", "CESCR", "CMW", "CRC", "CRPD"], [*OKABE_ITO[:7], "#999999", "#332288"])
)


def _title(text: str) -> dict:
    return {"title": {"text": text}}


def overdue_by_body(df: pd.DataFrame) -> go.Figure:
    """Return horizontal bars of overdue reports per treaty body, labelled "n (m countries)", "n (one per country)"
    where every report is another country's (never "79 (79 countries)": a number says it once), or "0"."""
    df = plot_frame(df)
    n, countries = df["overdue_reports"], df["countries"]
    where = np.where(n == countries, " (one per country)", " (" + countries.astype(str) + " countries)")
    label = n.astype(str) + np.where(n == 0, "", where)
    bars = {
        "type": "bar", **plain(x=df["overdue_reports"], y=df["body"], text=label, customdata=df["body_name"]),
        "orientation": "h", "textposition": "outside", "cliponaxis": False,
        "marker": {"color": colours.status("overdue")},
        "hovertemplate": "%{customdata}: %{text}<extra></extra>",
    }  # fmt: skip
    top = float(df["overdue_reports"].max()) if len(df) else 1.0
    return figure(
        [bars],
        {"height": max(160, 60 + 30 * len(df)), "yaxis": {"autorange": "reversed"},
         "xaxis": {**_title("Overdue reports"), "range": [0, max(top, 1) * 1.45]}},
        validate=True,
    )  # fmt: skip


def overdue_map(df: pd.DataFrame) -> go.Figure:
    """Return the world map of overdue reports per country (`tb_overdue_by_country` rows)."""
    df = plot_frame(df)
    choropleth = {
        "type": "choropleth", **plain(locations=df["iso3"], z=df["overdue_reports"].astype(float), text=df["name"]),
        "locationmode": "ISO-3", "colorscale": SEQUENTIAL, "marker": {"line": {"color": "white", "width": 0.4}},
        "colorbar": {**colour_bar("Overdue reports"), **({"dtick": 1} if df["overdue_reports"].max() <= 10 else {})},
        "hovertemplate": "%{text}: %{z:,.0f} overdue<extra></extra>",
    }  # fmt: skip
    return figure([choropleth], {"geo": WORLD_GEO, "margin": SCALE_MAP_MARGIN, "height": MAP_HEIGHT}, validate=True)


def timeliness(df: pd.DataFrame, by: str) -> go.Figure:
    """Return two panels per `by` value (year or region): % of reports submitted on time, median delay (days).

    Years read left to right; regions top to bottom. Each bar carries its value; the hover adds how
    many reports fell due.
    """
    df = plot_frame(df)
    share_text = df["share_on_time"].map(lambda v: "–" if pd.isna(v) else f"{v:.0f}%")
    delays = df["median_delay_days"].astype(float)
    delay_text = delays.map(lambda v: "–" if pd.isna(v) else f"{v:,.0f} d")
    of_due = "of " + df["reports_due"].astype(str) + " reports due"
    horizontal = by != "year"
    cat = df[by].astype(str)
    low = min(0.0, float(delays.min())) if delays.notna().any() else 0.0
    high = max(1.0, float(delays.max())) if delays.notna().any() else 1.0
    value_axes = [
        {"range": [0, 125 if horizontal else 115], "ticksuffix": "%", "tickvals": [0, 25, 50, 75, 100]},
        {"range": [low * 1.3, high * (1.4 if horizontal else 1.15)]},
    ]
    gap = 0.12 if horizontal else 0.06
    domains = [[0, 0.5 - gap / 2], [0.5 + gap / 2, 1]]
    data = []
    on_time, late = colours.status("submitted on time"), colours.WARM  # a delay: lateness, warm
    for i, (values, text, colour) in enumerate([(df["share_on_time"], share_text, on_time),
                                                 (delays, delay_text, late)]):  # fmt: skip
        xy = plain(x=values, y=cat) if horizontal else plain(x=cat, y=values)
        data.append(
            {"type": "bar", **xy, **plain(text=text, customdata=of_due), "xaxis": f"x{i + 1 if i else ''}",
             "yaxis": f"y{i + 1 if i else ''}", "orientation": "h" if horizontal else "v", "textposition": "outside",
             "cliponaxis": False, "constraintext": "none", "marker": {"color": colour}, "showlegend": False,
             "hovertemplate": "%{text} (%{customdata})<extra></extra>"}
        )  # fmt: skip
    if horizontal:
        axes = {
            "xaxis": {"domain": domains[0], **value_axes[0]}, "xaxis2": {"domain": domains[1], **value_axes[1]},
            "yaxis": {"autorange": "reversed"},
            "yaxis2": {"anchor": "x2", "autorange": "reversed", "showticklabels": False},
        }  # fmt: skip
        height = 110 + 40 * len(df)
    else:
        axes = {
            "xaxis": {"domain": domains[0], "type": "category"}, "xaxis2": {"domain": domains[1], "type": "category"},
            "yaxis": value_axes[0], "yaxis2": {"anchor": "x2", **value_axes[1]},
        }  # fmt: skip
        height = 340
    titles = ["Submitted by the due date (% of reports due)", "Median delay of submitted reports (days)"]
    annotations = [
        {"text": t, "x": sum(d) / 2, "y": 1.0, "xref": "paper", "yref": "paper", "xanchor": "center",
         "yanchor": "bottom", "showarrow": False, "font": {"size": 13}}
        for t, d in zip(titles, domains)
    ]  # fmt: skip
    return figure(
        data, {"margin": {**MARGIN, "t": 40}, "height": height, "annotations": annotations, **axes}, validate=True
    )


def reviews_by_year(df: pd.DataFrame, reference: float | None = None) -> go.Figure:
    """Return stacked bars of State reports reviewed per year and treaty body, segments and totals labelled.

    The legend lists the bodies in stacking order (top first). `reference` adds a dashed line at that
    many reviews a year (the seed's "about 120"), named in the legend.
    """
    df = plot_frame(df)
    data = []
    for body, rows in df.groupby("body", sort=False):
        labels = np.where(rows["reviews"] >= 5, rows["reviews"].astype(str), "")  # small segments: no room
        data.append(
            {"type": "bar", **plain(x=rows["year"], y=rows["reviews"], text=labels), "name": str(body),
             "marker": {"color": BODY_COLOURS.get(str(body), "#777777")}, "textposition": "inside",
             "insidetextanchor": "middle", "textfont": {"size": 10},
             "hovertemplate": f"{body}, %{{x}}: %{{y}} reports reviewed<extra></extra>"}
        )  # fmt: skip
    totals = df.groupby("year", as_index=False)["reviews"].sum()
    data.append(
        {"type": "scatter", **plain(x=totals["year"], y=totals["reviews"], text=totals["reviews"]), "mode": "text",
         "textposition": "top center", "showlegend": False, "hoverinfo": "skip"}
    )  # fmt: skip
    if reference is not None:
        data.append(
            {"type": "scatter", "x": totals["year"].tolist(), "y": [reference] * len(totals), "mode": "lines",
             "line": {"color": "#444444", "dash": "dash"}, "name": f"Management Plan: about {reference:.0f} a year",
             "hoverinfo": "skip"}
        )  # fmt: skip
    top = max(float(totals["reviews"].max()) if len(totals) else 0, reference or 0, 1)
    return figure(
        data,
        {"height": 420, "barmode": "stack", "xaxis": {"dtick": 1},
         "yaxis": {**_title("State reports reviewed"), "range": [0, top * 1.12]},
         "legend": {**_title("Treaty body"), "traceorder": "reversed"}},
        validate=True,
    )  # fmt: skip


def mechanisms_over_time(df: pd.DataFrame, target: float | None = None) -> go.Figure:
    """Return national mechanisms over time: new ones per year (bars) and countries with one (lines, labelled).

    `target` adds a dotted line at that many countries (the seed's 71 countries of engagement).
    """
    data = [
        {"type": "bar", **plain(x=df["year"], y=df["established"], text=df["established"]),
         "name": "Established that year", "marker": {"color": OKABE_ITO[4]}, "textposition": "outside",
         "hovertemplate": "%{x}: %{y} established<extra></extra>"}
    ]  # fmt: skip
    for column, name, colour, dash, symbol in [
        ("countries_with_mechanism", "Countries with a mechanism", OKABE_ITO[0], "solid", "circle"),
        ("named_targets_with_mechanism", "…of them named EA6 countries of engagement", OKABE_ITO[5], "dash", "square"),
    ]:
        data.append(
            {"type": "scatter", **plain(x=df["year"], y=df[column], text=df[column]), "name": name,
             "mode": "lines+markers+text", "textposition": "top center", "line": {"color": colour, "dash": dash},
             "marker": {"symbol": symbol}, "hovertemplate": f"{name}, %{{x}}: %{{y}}<extra></extra>"}
        )  # fmt: skip
    if target is not None:
        data.append(
            {"type": "scatter", "x": df["year"].tolist(), "y": [target] * len(df), "mode": "lines",
             "line": {"color": "#444444", "dash": "dot"}, "hoverinfo": "skip",
             "name": f"EA6 target: {target:.0f} countries of engagement by 2017"}
        )  # fmt: skip
    top = max(float(df["countries_with_mechanism"].max()) if len(df) else 0, target or 0, 1)
    return figure(
        data,
        {"height": 380, "xaxis": {"dtick": 1}, "legend": LEGEND_TOP,
         "yaxis": {**_title("Countries"), "range": [0, top * 1.15]}},
        validate=True,
    )  # fmt: skip


def mechanisms_by_type(df: pd.DataFrame) -> go.Figure:
    """Return grouped bars per mechanism type: all, with NHRI, with civil society, with a tracking tool."""
    df = plot_frame(df)
    data = [
        {"type": "bar", **plain(x=df["type"], y=df[column], text=df[column]), "name": name,
         "marker": {"color": colour, "pattern": {"shape": pattern}}, "textposition": "outside",
         "hovertemplate": f"%{{x}}: %{{y}} — {name}<extra></extra>"}
        for column, name, colour, pattern in [
            ("mechanisms", "Mechanisms", OKABE_ITO[0], ""),
            ("nhri_participation", "NHRI takes part", OKABE_ITO[1], "/"),
            ("cso_participation", "Civil society takes part", OKABE_ITO[2], "\\"),
            ("tracking_tool", "Has a tracking tool", OKABE_ITO[3], "."),
        ]
    ]  # fmt: skip
    top = float(df["mechanisms"].max()) if len(df) else 1.0
    return figure(
        data,
        {"height": 360, "barmode": "group", "legend": LEGEND_TOP,
         "yaxis": {**_title("Mechanisms"), "range": [0, max(top, 1) * 1.2]}},
        validate=True,
    )  # fmt: skip
