"""Figures of the UNCT engagement (EA11) page, built from the rows of its named queries.

Numbers are printed on the marks and categories also differ by symbol, dash or hatching, so the charts
read without telling colours apart (colours from Okabe & Ito's colour-blind-safe palette).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from ..model import labels
from ..model.text import plot_frame
from . import colours
from .base import GEO, LEGEND_TOP, MAP_MARGIN, figure, values
from .colours import NO_DATA_GREY, OKABE_ITO

ACTIVITIES = [
    "UNCT submission", "support to a visit", "follow-up plan", "joint programme", "recommendations in UNDAF",
    "human rights working group",
]  # fmt: skip
PATTERNS = ["", "/", ".", "x", "-", "+"]
IN_POST, NOT_IN_POST = "HRA in post on the date", "HRA in the selected years, not on the date"
SEED_PLAN_KEYS = {
    "hra_deployed_2011_06_30": "hras_on_2011_06_30",
    "hra_new_planned_2012_13": "new_hras_2012_13",
    "hra_regional_planned_2012_13": "regional_2012_13",
}


def _ms(d: date | pd.Timestamp) -> str:
    return pd.Timestamp(d).strftime("%Y-%m-%d")


def plan_from_seed(seed_figures: pd.DataFrame) -> dict[str, float]:
    """Return the seed 002 figures `hra_over_time` marks, from `unct_hra_seed_figures` rows."""
    return {
        SEED_PLAN_KEYS[k]: float(v) for k, v in zip(seed_figures["key"], seed_figures["value"]) if k in SEED_PLAN_KEYS
    }


def _records(df: pd.DataFrame, columns: list[str]) -> list[dict]:
    """Return the rows as dicts of JSON-ready values (one pass; cheaper than pandas per group)."""
    return [dict(zip(columns, row)) for row in zip(*(values(df[c]) for c in columns))]


def seed_quote(seed_figures: pd.DataFrame, key: str) -> str:
    """Return the sentence a seed figure comes from, quoted with its source (`unct_hra_seed_figures` rows)."""
    for k, sentence, source in zip(seed_figures["key"], seed_figures["sentence"], seed_figures["source"]):
        if k == key:
            return f"{labels.in_words(source)}: “{sentence}”"
    return f"(no seed figure {key!r} in the data)"


def hra_map(df: pd.DataFrame) -> go.Figure:
    """Return a world map of the countries with an HRA (`unct_hra_deployment_by_country` rows): in post on the chosen
    date, or only at other times of the selected years. Each country also carries its ISO3 code and a filled (in
    post) or open (not) circle, and the legend counts the countries, so the map reads without colour."""
    df = plot_frame(df)
    rows = _records(df, ["iso3", "country", "status", "deployments", "first_start", "funding", "source",
                         "in_post_on_date"])  # fmt: skip
    data = []
    for value, label, colour, symbol in [
        (True, IN_POST, colours.status("in post"), "circle"),
        (False, NOT_IN_POST, colours.status("not in post"), "circle-open"),
    ]:  # fmt: skip
        part = [r for r in rows if bool(r["in_post_on_date"]) == value]
        iso3 = [r["iso3"] for r in part]
        hover = [
            f"{r['country']}: {r['status']}<br>{r['deployments']} deployment(s) since {str(r['first_start'])[:10]}; "
            f"funding: {r['funding']}<br>source: {r['source']}"
            for r in part
        ]
        data.append(
            {"type": "choropleth", "locations": iso3, "z": [1] * len(part), "locationmode": "ISO-3",
             "colorscale": [[0, colour], [1, colour]], "showscale": False, "showlegend": True,
             "name": f"{label} ({len(part)})", "text": hover, "hovertemplate": "%{text}<extra></extra>",
             "marker": {"line": {"color": "white", "width": 0.4}}}
        )  # fmt: skip
        data.append(
            {"type": "scattergeo", "locations": iso3, "locationmode": "ISO-3", "mode": "markers+text", "text": iso3,
             "textposition": "top center", "textfont": {"size": 9}, "showlegend": False, "hoverinfo": "skip",
             "marker": {"symbol": symbol, "size": 7, "color": "black", "line": {"width": 1.5}}}
        )  # fmt: skip
    legend = {"orientation": "h", "yanchor": "bottom", "y": -0.08, "xanchor": "center", "x": 0.5}
    return figure(data, {"geo": GEO, "height": 430, "margin": MAP_MARGIN, "legend": legend})


def _bar_marker(colour: str, hatched: bool) -> dict:
    # Hatched bars keep a white ground so their black labels stay readable.
    if not hatched:
        return {"color": colour}
    return {"color": "white", "line": {"color": colour, "width": 1},
            "pattern": {"shape": "/", "fgcolor": colour, "bgcolor": "white", "solidity": 0.3}}  # fmt: skip


def hra_timeline(df: pd.DataFrame, on_date: date) -> go.Figure:
    """Return one bar per deployment (`unct_hra_deployments` rows) from start to end, labelled with its funding;
    deployments with no end date in the data are hatched and run to the end of the selected years."""
    df = plot_frame(df)
    rows = _records(df, ["country", "start_date", "end_date", "end_shown", "funding", "source"])
    data = []
    for i, funding in enumerate(sorted({r["funding"] for r in rows})):
        for is_open in (False, True):
            part = [r for r in rows if r["funding"] == funding and (r["end_date"] is None) == is_open]
            if not part:
                continue
            starts = [pd.Timestamp(r["start_date"]) for r in part]
            ends = [pd.Timestamp(r["end_shown"]) for r in part]
            data.append(
                {"type": "bar", "orientation": "h", "y": [r["country"] for r in part],
                 "x": [(e - b).days * 86_400_000 for b, e in zip(starts, ends)],  # ms, plotly's date unit
                 "base": [b.strftime("%Y-%m-%d") for b in starts],
                 "name": funding + (" (no end date)" if is_open else ""), "legendgroup": funding,
                 "text": [funding] * len(part), "textposition": "inside", "insidetextanchor": "start",
                 "marker": _bar_marker(OKABE_ITO[i % len(OKABE_ITO)], is_open),
                 "insidetextfont": {"color": "black" if is_open else "white"},
                 "customdata": [[b.strftime("%Y-%m-%d"), "no end date in the data" if is_open else
                                 f"ended {str(r['end_date'])[:10]}", r["source"]] for b, r in zip(starts, part)],
                 "hovertemplate": "%{y}: from %{customdata[0]}, %{customdata[1]}<br>funding " + funding
                 + "; source %{customdata[2]}<extra></extra>"}
            )  # fmt: skip
    order = list(dict.fromkeys(r["country"] for r in rows))
    return figure(
        data,
        {"height": max(260, 22 * len(order) + 80), "barmode": "overlay", "legend": LEGEND_TOP,
         "xaxis": {"type": "date", "title": {"text": "Deployment"}},
         "yaxis": {"categoryorder": "array", "categoryarray": order[::-1]},
         "shapes": [{"type": "line", "xref": "x", "yref": "paper", "x0": _ms(on_date), "x1": _ms(on_date), "y0": 0,
                     "y1": 1, "line": {"dash": "dash", "color": "black"}}],
         "annotations": [{"x": _ms(on_date), "y": 1, "yref": "paper", "text": f"{on_date:%d %b %Y}",
                          "showarrow": False, "yanchor": "bottom"}]},
    )  # fmt: skip


def hra_over_time(df: pd.DataFrame, plan: dict[str, float], on_date: date, on_date_count: int) -> go.Figure:
    """Return HRAs in post at each month end (`unct_hra_in_post_by_month` rows), the deployments started since 2012
    against seed 002's plan for 2012–2013, and the count on the chosen date.

    `plan` holds the seed figures (`plan_from_seed`): `hras_on_2011_06_30` (18), `new_hras_2012_13` (20) and
    `regional_2012_13` (4).
    """
    x = values(df["month_end"])
    last = len(df) - 1
    data = []
    for col, name, colour, dash, symbol in [
        ("hras_in_post", "HRAs in post (with UNCTs)", OKABE_ITO[0], "solid", "circle"),
        ("new_hras_since_2012", "New HRAs deployed since 1 Jan 2012", OKABE_ITO[1], "dash", "square"),
        ("regional_in_post", "Regional advisers in post", OKABE_ITO[2], "dot", "diamond"),
    ]:
        ys = values(df[col])
        data.append(
            {"type": "scatter", "x": x, "y": ys, "name": name, "mode": "lines+markers+text",
             "line": {"color": colour, "dash": dash, "shape": "hv"},
             "marker": {"symbol": symbol, "size": [7 if k == last else 0 for k in range(len(ys))], "color": colour},
             "text": [str(v) if k == last else "" for k, v in enumerate(ys)], "textposition": "middle right",
             "hovertemplate": f"{name}, %{{x|%d %b %Y}}: %{{y}}<extra></extra>"}
        )  # fmt: skip
    annotations = []
    for key, label, colour, anchor in [
        ("new_hras_2012_13", "plan: {v:g} new HRAs by end 2013 (UNDG HRA strategy, 2012)", OKABE_ITO[1], "top"),
        ("regional_2012_13", "plan: up to {v:g} regional advisers (UNDG HRA strategy, 2012)", OKABE_ITO[2], "bottom"),
    ]:
        if key in plan:
            v, text = plan[key], label.format(v=plan[key])
            data.append(
                {"type": "scatter", "x": ["2012-01-01", "2013-12-31"], "y": [v, v], "mode": "lines+markers",
                 "line": {"color": colour, "dash": "longdash", "width": 1},
                 "marker": {"symbol": "star", "size": [0, 11], "color": colour}, "name": text, "showlegend": False,
                 "hovertemplate": text + "<extra></extra>"}
            )  # fmt: skip
            # To the right of the star, where the lines leave room (below the HRAs, above the regional advisers).
            annotations.append(
                {"x": "2014-01-31", "y": v, "text": "★ " + text, "xanchor": "left", "yanchor": anchor,
                 "showarrow": False, "font": {"color": colour, "size": 11}}
            )  # fmt: skip
    if "hras_on_2011_06_30" in plan:
        v = plan["hras_on_2011_06_30"]
        data.append(
            {"type": "scatter", "x": ["2011-06-30"], "y": [v], "mode": "markers+text", "showlegend": False,
             "name": "HRA strategy (2012)", "marker": {"symbol": "x", "size": 11, "color": "black"},
             "text": [f"HRA strategy, 2012: {v:g}"], "textposition": "top left",
             "hovertemplate": "HRA strategy (2012): %{y} HRAs on 30 June 2011<extra></extra>"}
        )  # fmt: skip
    data.append(
        {"type": "scatter", "x": [_ms(on_date)], "y": [on_date_count], "mode": "markers+text", "showlegend": False,
         "name": "On the date", "marker": {"symbol": "circle-open", "size": 13, "color": "black", "line": {"width": 2}},
         "text": [f"{on_date_count} on {on_date:%d %b %Y}"], "textposition": "bottom right",
         "hovertemplate": "%{y} in post on %{x|%d %b %Y}<extra></extra>"}
    )  # fmt: skip
    return figure(
        data,
        {"height": 400, "yaxis": {"title": {"text": "Advisers"}, "rangemode": "tozero"}, "xaxis": {"type": "date"},
         "legend": LEGEND_TOP, "annotations": annotations,
         "shapes": [{"type": "line", "xref": "x", "yref": "paper", "x0": _ms(on_date), "x1": _ms(on_date), "y0": 0,
                     "y1": 1, "line": {"dash": "dash", "color": NO_DATA_GREY}}]},
    )  # fmt: skip


def engagement_by_year(df: pd.DataFrame) -> go.Figure:
    """Return stacked bars of UNCT engagement activities per year and activity (`unct_engagement_by_year_activity`
    rows), each segment labelled with its count and hatched by activity, the year's total on top."""
    data = []
    for i, activity in enumerate(ACTIVITIES):
        rows = df[df["activity"] == activity]
        if rows.empty:
            continue
        data.append(
            {"type": "bar", "x": values(rows["year"]), "y": values(rows["activities"]), "name": activity,
             "marker": {"color": OKABE_ITO[i % len(OKABE_ITO)], "pattern": {"shape": PATTERNS[i % len(PATTERNS)]}},
             "text": values(rows["activities"]), "textposition": "inside", "insidetextanchor": "middle",
             "customdata": values(rows["countries"]),
             "hovertemplate": f"{activity}, %{{x}}: %{{y}} activities in %{{customdata}} countries<extra></extra>"}
        )  # fmt: skip
    totals = df.groupby("year", as_index=False)["activities"].sum()
    data.append(
        {"type": "scatter", "x": values(totals["year"]), "y": values(totals["activities"]), "mode": "text",
         "text": values(totals["activities"]), "textposition": "top center", "showlegend": False, "hoverinfo": "skip"}
    )  # fmt: skip
    return figure(
        data, {"height": 380, "barmode": "stack", "yaxis": {"title": {"text": "Activities"}}, "xaxis": {"dtick": 1},
               "legend": LEGEND_TOP},
    )  # fmt: skip


# Human column names of the page's tables and of its charts' data.
LABELS = labels.glossary(
    {"end_date": "End", "recommendations": "UPR recommendations", "start_date": "Start", "text": "Story"}
)
