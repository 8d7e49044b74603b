"""Figures of the country profile: a chart spec (the same one the slide deck uses) in, a plotly figure out.

The builders write the figure as a plain dict. The profile draws nine figures on every rerun, so the page
asks for `validate=False` and gets a `base.Prebuilt` figure, which hands Streamlit the finished dict
(plotly's object model costs about 15 ms a figure with validation, 5 ms without). The tests build every
figure with validation on, so a wrong property still fails there.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from ..exports.pptx import ChartSpec, cell_text
from ..model.text import plot
from .base import figure as build
from .colours import HIGHLIGHT, OKABE_ITO

COLOURS = OKABE_ITO
# Patterns as well as colours, so stacked series read in greyscale and for colour-blind readers.
PATTERNS = ["", "/", ".", "x", "\\", "+", "-", "|"]


def _labels(values: pd.Series) -> list[str]:
    """Text printed on each mark (blank for zero, so stacked bars stay readable)."""
    out = []
    for v in values:
        if pd.isna(v) or v == 0:
            out.append("")
        else:
            out.append(f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}")
    return out


def _pattern(i: int) -> dict[str, Any]:
    # Light hatching over the series colour: the series differ without colour, the labels stay legible.
    shape = PATTERNS[i % len(PATTERNS)]
    return {"shape": shape, "fillmode": "overlay", "fgcolor": "rgba(255,255,255,0.55)", "size": 7, "solidity": 0.25}


def _wrap(fig: dict[str, Any], validate: bool) -> go.Figure:
    return build(fig["data"], fig["layout"], validate=validate, prebuilt=not validate)


def _values(series: pd.Series) -> list[Any]:
    return [None if pd.isna(v) else float(v) for v in series]


def figure_dict(spec: ChartSpec, height: int | None = None) -> dict[str, Any]:
    """Return the plotly figure of a chart spec as a dict, values printed on the marks."""
    df = spec.data
    raw = [cell_text(v) for v in df[spec.x]]
    categories = [plot(c) for c in raw]  # country names, themes...: data, shown as text
    traces: list[dict[str, Any]] = []
    if spec.kind == "pie":
        column = spec.ys[0]
        traces.append(
            {"type": "pie", "labels": categories, "values": _values(df[column]), "marker": {"colors": COLOURS},
             "textinfo": "label+value+percent", "textposition": "inside", "sort": False, "name": spec.label(column)}
        )  # fmt: skip
    for i, column in enumerate(spec.ys if spec.kind != "pie" else []):
        colour = COLOURS[i % len(COLOURS)]
        if spec.kind == "line":
            traces.append(
                {"type": "scatter", "x": categories, "y": _values(df[column]), "name": spec.label(column),
                 "mode": "lines+markers+text", "text": _labels(df[column]), "textposition": "top center",
                 "line": {"color": colour}}
            )  # fmt: skip
            continue
        colours: str | list[str] = colour
        if spec.highlight is not None and i == 0:
            colours = [HIGHLIGHT if c == spec.highlight else colour for c in raw]
        horizontal = spec.kind == "bar"
        values = _values(df[column])
        traces.append(
            {"type": "bar", "x": values if horizontal else categories, "y": categories if horizontal else values,
             "orientation": "h" if horizontal else "v", "name": spec.label(column), "text": _labels(df[column]),
             "textposition": "inside" if spec.stacked else "outside", "cliponaxis": False,
             "marker": {"color": colours, "pattern": _pattern(i) if spec.stacked else {"shape": ""}}}
        )  # fmt: skip
    n = len(categories)
    values = spec.data[list(spec.ys)].fillna(0)
    top = float((values.sum(axis=1) if spec.stacked else values.max(axis=1)).max()) if n else 0.0
    layout: dict[str, Any] = {
        "barmode": "stack" if spec.stacked else "group",
        "height": height or (max(260, 26 * n + 90) if spec.kind == "bar" else 360),
        "margin": {"l": 0, "r": 10, "t": 30, "b": 0},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "traceorder": "normal"},
        "showlegend": len(spec.ys) > 1 or spec.kind == "pie",
    }
    # Counts: no half reports or half visits on a short axis.
    value_axis = {"dtick": 1} if spec.kind != "pie" and 0 < top <= 6 else {}
    if spec.kind == "bar":
        layout["yaxis"] = {"autorange": "reversed", "type": "category"}  # first row on top, as in the table
        layout["xaxis"] = value_axis
    elif spec.kind in ("column", "line"):
        layout["xaxis"] = {"type": "category"}
        layout["yaxis"] = value_axis
    return {"data": traces, "layout": layout}


def figure(spec: ChartSpec, height: int | None = None, validate: bool = True) -> go.Figure:
    """Return the plotly figure of a chart spec (validate=False skips plotly's slow validation)."""
    return _wrap(figure_dict(spec, height), validate)


def region_map_dict(region: pd.DataFrame, iso3: str, value: str, label: str, height: int = 380) -> dict[str, Any]:
    """Return a choropleth of `value` for the countries of one region as a dict, the chosen country outlined."""
    chosen = region[region["iso3"] == iso3]
    return {
        "data": [
            {"type": "choropleth", "locations": list(region["iso3"]), "z": _values(region[value]),
             "text": [plot(n) for n in region["name"]], "locationmode": "ISO-3", "colorscale": "Viridis",
             "marker": {"line": {"color": "white", "width": 0.5}}, "colorbar": {"title": {"text": label}},
             "hovertemplate": "%{text}: %{z:,.0f}<br>(click to open its profile)<extra></extra>"},
            {"type": "choropleth", "locations": list(chosen["iso3"]), "z": [0] * len(chosen), "locationmode": "ISO-3",
             "showscale": False, "colorscale": [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
             "marker": {"line": {"color": HIGHLIGHT, "width": 3}}, "hoverinfo": "skip"},
        ],
        "layout": {
            "geo": {"fitbounds": "locations", "showframe": False, "showcoastlines": False, "showcountries": True,
                    "projection": {"type": "natural earth"}},
            "margin": {"l": 0, "r": 0, "t": 0, "b": 0}, "height": height, "clickmode": "event+select",
        },
    }  # fmt: skip


def region_map(
    region: pd.DataFrame, iso3: str, value: str, label: str, height: int = 380, validate: bool = True
) -> go.Figure:
    """Return the regional choropleth; clicking a country selects it (the page then opens its profile)."""
    return _wrap(region_map_dict(region, iso3, value, label, height), validate)
