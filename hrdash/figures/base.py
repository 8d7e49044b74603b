"""Shared helpers of the figure modules: one way to build a figure, colours, layouts, trace helpers, world maps.

A figure is built at once from plain trace and layout dicts with `figure()`: building one trace by trace
from `go.Scatter(...)` objects with add_* and update_* calls validates every property in Python and costs
tens of milliseconds a chart, and pages draw many. `figure()` skips that validation by default (about 5x
faster); the unit tests validate every builder's output with `go.Figure(fig.to_dict())`, so a misspelt
property still fails a test. Page modules import from here only, never from one another.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..model import labels
from ..model.text import plot_frame
from .colours import SEQUENTIAL

# Served by Streamlit from static/ (enableStaticServing), so maps draw without internet.
TOPOJSON_URL = "/app/static/topojson/"
PLOTLY_CONFIG = {"topojsonURL": TOPOJSON_URL, "displaylogo": False}

MARGIN = {"l": 0, "r": 10, "t": 30, "b": 0}
MAP_MARGIN = {"l": 0, "r": 0, "t": 10, "b": 0}
SCALE_MAP_MARGIN = {"l": 0, "r": 0, "t": 10, "b": 60}  # room for the colour bar under the map
LEGEND_TOP = {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0}
# Above the plot, series in the order drawn (the Special Procedures and UPR pages' default).
LEGEND_ABOVE = {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0, "traceorder": "normal"}
LEGEND_BELOW_MAP = {"orientation": "h", "yanchor": "bottom", "y": -0.08, "xanchor": "center", "x": 0.5}
GEO = {"showframe": False, "showcoastlines": False, "projection": {"type": "natural earth"}, "showcountries": True}
# Streamlit's bundled plotly.js draws a "natural earth" map Pacific-centred and clipped unless the
# rotation is given; the latitude range leaves out Antarctica, which has no data.
WORLD_GEO = {
    "showframe": False, "showcoastlines": False, "showcountries": True, "lataxis": {"range": [-58, 86]},
    "projection": {"type": "natural earth", "rotation": {"lon": 0}},
}  # fmt: skip
MAP_HEIGHT = 430


def colour_bar(title: str) -> dict:
    """Return a map's colour bar: horizontal, under the map on its left (in view on a phone), its title above it.

    Under the map, not beside it: beside it the plotly toolbar (top right) covered its title, and on a phone a
    vertical bar took half the width, leaving the world ~120 px tall."""
    return {
        "title": {"text": title, "side": "top"}, "orientation": "h", "x": 0.02, "xanchor": "left",
        "y": 0, "yanchor": "top", "len": 0.45, "thickness": 12, "outlinewidth": 0,
    }  # fmt: skip


class Prebuilt(go.Figure):
    """A figure whose dict is finished (and tested): st.plotly_chart uses only `to_dict()` of a figure.

    It skips plotly's object model on purpose (no `super().__init__`): only `to_dict()` and
    `to_plotly_json()` work. Use `go.Figure(fig.to_dict())` for a full figure.
    """

    def __init__(self, fig: dict[str, Any]) -> None:  # noqa: D107 - no plotly state at all
        object.__setattr__(self, "_prebuilt", fig)

    def to_dict(self) -> dict[str, Any]:
        return self._prebuilt

    def to_plotly_json(self) -> dict[str, Any]:
        return self._prebuilt


def figure(
    data: list[dict[str, Any]],
    layout: dict[str, Any],
    *,
    legend: dict | None = None,
    validate: bool = False,
    prebuilt: bool = False,
) -> go.Figure:
    """Return a plotly figure of trace and layout dicts, with the page margin (and `legend`) unless the layout
    gives its own.

    `validate=True` has plotly check (and expand, e.g. named colour scales) every property. `prebuilt=True`
    skips plotly's object model as well (a `Prebuilt`, ~5 ms less a figure): for a page that only hands the
    figure to st.plotly_chart and draws many (the Country profile).
    """
    fig = {"data": data, "layout": {"margin": MARGIN, **({"legend": legend} if legend else {}), **layout}}
    return Prebuilt(fig) if prebuilt else go.Figure(fig, _validate=validate)


def values(s: pd.Series | list | np.ndarray) -> list:
    """Return a JSON-ready list: numpy scalars as Python numbers, dates as ISO text, NaN and NaT as None."""
    out = []
    for v in s.tolist() if hasattr(s, "tolist") else list(s):
        if v is None or v is pd.NaT or (isinstance(v, float) and np.isnan(v)):
            out.append(None)
        elif hasattr(v, "isoformat"):
            out.append(v.isoformat())
        elif isinstance(v, np.generic):
            out.append(v.item())
        else:
            out.append(v)
    return out


def plain(**kwargs) -> dict:
    """Return plotly trace arguments with 1-D Series and arrays as lists: plotly validates a list several
    times faster than a pandas Series (2-D arrays stay numpy, which plotly copies without a walk)."""
    return {k: v.tolist() if getattr(v, "ndim", 0) == 1 else v for k, v in kwargs.items()}


def marker(colour: str, pattern: str = "") -> dict:
    """Return a bar marker: a solid colour with white hatching over it, so series differ without colour."""
    return {"color": colour, "pattern": {"shape": pattern, "fillmode": "overlay", "fgcolor": "white", "fgopacity": 0.6}}


def axis(title: str, **kw) -> dict:
    """Return an axis with a title (and any other axis properties)."""
    return {"title": {"text": title}, **kw}


def pct(v: float | None) -> str:
    """Return a percentage as a whole number ("—" when there is none)."""
    return "—" if v is None or pd.isna(v) else f"{v:.0f}%"


# Columns a grouping-sets query leaves empty on the levels they do not belong to; `level` drops them there.
# (Measures are never dropped, even when empty: a level without data keeps its columns.)
LEVEL_KEYS = frozenset({
    "cycle", "session", "ohchr_region", "iso3", "name", "year", "countries_visited", "last_visit",
    "recommender_iso3", "recommender", "recommender_region", "reviewed_region", "instrument", "instrument_name",
    "response",
})  # fmt: skip


def level(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Return the rows of one level of a grouping-sets query (`level` column), without the other levels' keys.

    Queries order rows by level, so a level is one contiguous block: sliced, not masked (cheaper, and the page
    calls this on every run)."""
    levels = df["level"].tolist()
    first = levels.index(name) if name in levels else len(levels)
    last = first + levels.count(name)
    keep = [
        c for c in df.columns[1:]
        if first == last or c not in LEVEL_KEYS or not pd.isna(df[c].to_numpy()[first:last]).all()
    ]  # fmt: skip
    return df.iloc[first:last][keep].reset_index(drop=True)


def world_map(df: pd.DataFrame, value: str, label: str) -> go.Figure:
    """Return a choropleth of `value` per country (`iso3`, `name` columns), labelled `label`."""
    df = plot_frame(df)  # names are data: shown as text, never as plotly markup
    trace = {
        "type": "choropleth", **plain(locations=df["iso3"], text=df["name"]), "z": df[value].to_numpy(dtype=float),
        "locationmode": "ISO-3", "colorscale": SEQUENTIAL, "marker": {"line": {"color": "white", "width": 0.4}},
        "colorbar": colour_bar(label), "hovertemplate": "%{text}: %{z:,.0f}<extra></extra>",
    }  # fmt: skip
    return figure([trace], {"geo": WORLD_GEO, "margin": SCALE_MAP_MARGIN, "height": MAP_HEIGHT}, validate=True)


def category_map(
    df: pd.DataFrame, category: str, colours: dict[str, str], hover: pd.Series | None = None, height: int = 430
) -> go.Figure:
    """Return a world map colouring each country (`iso3`, `name`) by `category`, one legend entry per value.

    `colours` gives the categories in legend order and their colours; the legend names each with its
    number of countries, so the map reads without telling the colours apart. `hover` (one string per
    row, plotly text: escape data in it with text.plot) replaces the default hover text "<name>: <category>".
    """
    df = plot_frame(df)
    text = (hover if hover is not None else df["name"] + ": " + df[category].astype(str)).to_numpy()
    iso3, values = df["iso3"].to_numpy(), df[category].to_numpy()
    data = []
    for value, colour in colours.items():
        mask = values == value
        data.append(
            {"type": "choropleth", **plain(locations=iso3[mask], text=text[mask]), "z": [1] * int(mask.sum()),
             "locationmode": "ISO-3", "colorscale": [[0, colour], [1, colour]], "showscale": False,
             "showlegend": True, "name": f"{labels.value(value)} ({int(mask.sum())})",
             "marker": {"line": {"color": "white", "width": 0.4}}, "hovertemplate": "%{text}<extra></extra>"}
        )  # fmt: skip
    layout = {"geo": WORLD_GEO, "margin": MAP_MARGIN, "height": height, "legend": LEGEND_BELOW_MAP}
    return figure(data, layout, validate=True)
