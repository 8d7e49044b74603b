"""Figures of the country profile: one builder per chart, a DataFrame in, a plotly figure dict out.

The same dicts make the page's charts and, through `exports.deck.item` (the one figure-to-slide converter),
the brief's slides: what a slide shows is read from the figure (per-point colours, series names, values).
The profile draws nine figures on every rerun, so the page wraps the dicts with `figure(d, validate=False)`
and gets a `base.Prebuilt` figure, which hands Streamlit the finished dict (plotly's object model costs
about 15 ms a figure with validation, 5 ms without). The tests build every figure with validation on, so a
wrong property still fails there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from ..exports.pptx import cell_text
from ..model.text import plot
from . import colours
from .base import colour_bar
from .base import figure as build
from .colours import HIGHLIGHT, OKABE_ITO

COLOURS = OKABE_ITO
# Patterns as well as colours, so stacked series read in greyscale and for colour-blind readers.
PATTERNS = ["", "/", ".", "x", "\\", "+", "-", "|"]


@dataclass(frozen=True)
class Shape:
    """What one chart plots: its kind (column, bar, line, pie), the category column, the series columns."""

    kind: str
    x: str
    ys: tuple[str, ...]
    stacked: bool = False
    unit: str = ""  # the value axis title: what is counted


CHARTS = {
    "region_ratification": Shape("column", "name", ("instruments_ratified",), unit="Instruments ratified (of 18)"),
    "ratification_status": Shape("pie", "status", ("instruments",)),
    "tb_reports": Shape("bar", "body", ("submitted_on_time", "submitted_late", "overdue"), True, "Reports"),
    "communications": Shape("column", "year", ("communications", "replied"), unit="Communications"),
    "upr_cycles": Shape("column", "cycle_label", ("supported", "noted", "pending"), True, "Recommendations"),
    "upr_themes": Shape("bar", "theme", ("supported", "noted", "pending"), True, "Recommendations"),
    "implementation": Shape(
        "bar",
        "mechanism",
        ("fully_implemented", "partially_implemented", "not_implemented", "status_unknown"),
        stacked=True,
        unit="Recommendations",
    ),  # fmt: skip
    "submissions": Shape(
        "column", "year", ("nhri", "national_ngo", "coalition", "international_ngo"), True, "Submissions"
    ),
}


def plotted(key: str, df: pd.DataFrame) -> pd.DataFrame:
    """Return the columns of `df` that chart `key` plots (categories first): its "Show data" table."""
    shape = CHARTS[key]
    return df[[shape.x, *shape.ys]]


def _labels(values: pd.Series) -> list[str]:
    """Text printed on each mark (blank for zero, so stacked bars stay readable)."""
    out = []
    for v in values:
        if pd.isna(v) or v == 0:
            out.append("")
        else:
            out.append(f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}")
    return out


def _colour(column: str, i: int) -> str:
    # A status (overdue, noted, pending, party…) has its one colour on every page and slide; other series by order.
    return colours.status(column) or COLOURS[i % len(COLOURS)]


def _pattern(i: int, column: str = "") -> dict[str, Any]:
    # Light hatching over the series colour: the series differ without colour, the labels stay legible.
    shape = colours.pattern(column) if colours.status(column) else PATTERNS[i % len(PATTERNS)]
    return {"shape": shape, "fillmode": "overlay", "fgcolor": "rgba(255,255,255,0.55)", "size": 7, "solidity": 0.25}


def _values(series: pd.Series) -> list[Any]:
    # Counts stay integers (the slide made from the figure then writes them as whole numbers).
    whole = pd.api.types.is_integer_dtype(series.dtype)
    return [None if pd.isna(v) else (int(v) if whole else float(v)) for v in series]


def _chart(shape: Shape, df: pd.DataFrame, labels: Mapping[str, str], highlight: str | None = None) -> dict[str, Any]:
    """Return the figure dict of one chart shape over `df`, values printed on the marks."""
    raw = [cell_text(v) for v in df[shape.x]]
    categories = [plot(c) for c in raw]  # country names, themes...: data, shown as text
    traces: list[dict[str, Any]] = []
    if shape.kind == "pie":
        column = shape.ys[0]
        traces.append(
            {"type": "pie", "labels": categories, "values": _values(df[column]),
             "marker": {"colors": [_colour(c, i) for i, c in enumerate(raw)]},
             "textinfo": "label+value+percent", "textposition": "inside", "sort": False,
             "name": labels.get(column, column)}
        )  # fmt: skip
    for i, column in enumerate(shape.ys if shape.kind != "pie" else []):
        colour = _colour(column, i)
        name = labels.get(column, column)  # our own words
        if shape.kind == "line":
            traces.append(
                {"type": "scatter", "x": categories, "y": _values(df[column]), "name": name,
                 "mode": "lines+markers+text", "text": _labels(df[column]), "textposition": "top center",
                 "line": {"color": colour}}
            )  # fmt: skip
            continue
        painted: str | list[str] = colour
        if highlight is not None and i == 0:
            painted = [HIGHLIGHT if c == highlight else colour for c in raw]
        horizontal = shape.kind == "bar"
        values = _values(df[column])
        traces.append(
            {"type": "bar", "x": values if horizontal else categories, "y": categories if horizontal else values,
             "orientation": "h" if horizontal else "v", "name": name, "text": _labels(df[column]),
             "textposition": "inside" if shape.stacked else "outside", "cliponaxis": False,
             "marker": {"color": painted, "pattern": _pattern(i, column) if shape.stacked else {"shape": ""}}}
        )  # fmt: skip
    n = len(categories)
    # The largest bar (or stack): plain Python over the values already listed, cheaper than pandas here.
    columns = [[v or 0 for v in _values(df[c])] for c in shape.ys]
    top = max((sum(row) if shape.stacked else max(row)) for row in zip(*columns)) if n else 0
    layout: dict[str, Any] = {
        "barmode": "stack" if shape.stacked else "group",
        "height": max(260, 26 * n + 90) if shape.kind == "bar" else 360,
        "margin": {"l": 0, "r": 10, "t": 30, "b": 0},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "traceorder": "normal"},
        "showlegend": len(shape.ys) > 1 or shape.kind == "pie",
    }
    # Counts: no half reports or half visits on a short axis.
    value_axis = {"dtick": 1} if shape.kind != "pie" and 0 < top <= 6 else {}
    if shape.unit:
        value_axis["title"] = {"text": shape.unit}
    if shape.kind == "bar":
        layout["yaxis"] = {"autorange": "reversed", "type": "category"}  # first row on top, as in the table
        layout["xaxis"] = value_axis
    elif shape.kind in ("column", "line"):
        layout["xaxis"] = {"type": "category"}
        layout["yaxis"] = value_axis
    return {"data": traces, "layout": layout}


def region_ratification(ranking: pd.DataFrame, labels: Mapping[str, str], country: str) -> dict[str, Any]:
    """Return the region's countries by instruments ratified as columns, `country` in the highlight colour."""
    return _chart(CHARTS["region_ratification"], ranking, labels, highlight=country)


def ratification_status(counts: pd.DataFrame, labels: Mapping[str, str]) -> dict[str, Any]:
    """Return the pie of the instruments per ratification status."""
    return _chart(CHARTS["ratification_status"], counts, labels)


def tb_reports(df: pd.DataFrame, labels: Mapping[str, str]) -> dict[str, Any]:
    """Return the treaty-body reports per body as stacked bars (on time, late, overdue)."""
    return _chart(CHARTS["tb_reports"], df, labels)


def communications(df: pd.DataFrame, labels: Mapping[str, str]) -> dict[str, Any]:
    """Return the Special Procedures communications and replies per year as grouped columns."""
    return _chart(CHARTS["communications"], df, labels)


def upr_cycles(df: pd.DataFrame, labels: Mapping[str, str]) -> dict[str, Any]:
    """Return the UPR recommendations per cycle by response as stacked columns."""
    return _chart(CHARTS["upr_cycles"], df, labels)


def upr_themes(df: pd.DataFrame, labels: Mapping[str, str]) -> dict[str, Any]:
    """Return the themes with most UPR recommendations by response as stacked bars."""
    return _chart(CHARTS["upr_themes"], df, labels)


def implementation(df: pd.DataFrame, labels: Mapping[str, str]) -> dict[str, Any]:
    """Return the recommendations per mechanism by implementation status as stacked bars."""
    return _chart(CHARTS["implementation"], df, labels)


def submissions(df: pd.DataFrame, labels: Mapping[str, str]) -> dict[str, Any]:
    """Return the stakeholder submissions per year by submitter as stacked columns."""
    return _chart(CHARTS["submissions"], df, labels)


def figure(fig: dict[str, Any], validate: bool = True) -> go.Figure:
    """Return a figure dict of this module as a figure (validate=False: a Prebuilt, without plotly's validation)."""
    return build(fig["data"], fig["layout"], validate=validate, prebuilt=not validate)


def region_map_dict(region: pd.DataFrame, iso3: str, value: str, label: str, height: int = 380) -> dict[str, Any]:
    """Return a choropleth of `value` for the countries of one region as a dict, the chosen country outlined."""
    chosen = region[region["iso3"] == iso3]
    return {
        "data": [
            {"type": "choropleth", "locations": list(region["iso3"]), "z": _values(region[value]),
             "text": [plot(n) for n in region["name"]], "locationmode": "ISO-3", "colorscale": "Viridis",
             "marker": {"line": {"color": "white", "width": 0.5}}, "colorbar": colour_bar(label),
             "hovertemplate": "%{text}: %{z:,.0f}<br>(click to open its profile)<extra></extra>"},
            {"type": "choropleth", "locations": list(chosen["iso3"]), "z": [0] * len(chosen), "locationmode": "ISO-3",
             "showscale": False, "colorscale": [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
             "marker": {"line": {"color": HIGHLIGHT, "width": 3}}, "hoverinfo": "skip"},
        ],
        "layout": {
            "geo": {"fitbounds": "locations", "showframe": False, "showcoastlines": False, "showcountries": True,
                    "projection": {"type": "natural earth"}},
            "margin": {"l": 0, "r": 0, "t": 0, "b": 60}, "height": height, "clickmode": "event+select",
        },
    }  # fmt: skip


def region_map(
    region: pd.DataFrame, iso3: str, value: str, label: str, height: int = 380, validate: bool = True
) -> go.Figure:
    """Return the regional choropleth; clicking a country selects it (the page then opens its profile)."""
    return figure(region_map_dict(region, iso3, value, label, height), validate)
