"""A page's plotly charts as slide items: native PowerPoint charts from the figures' own traces.

Every page draws its charts through `ui.chart` / `ui.plotly_chart`, which note them for the page's slide
deck; this module turns each into a `slides.ChartSpec` from the numbers the figure plots (so the slide
equals the chart; names come back from plotly text with text.unplot): bars (vertical, horizontal,
stacked), lines, pies, and maps (a table of the largest values). A figure of another kind (a heatmap,
a timeline...) becomes a table of its "Show data" frame.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..model.text import unplot
from .pptx import ChartSpec, Item, TableSpec

VALUE = "value"


def figure_dict(fig: Any) -> dict[str, Any]:
    """Return a figure as a plain dict (a plotly Figure, or the dict a page already built)."""
    return fig if isinstance(fig, dict) else fig.to_plotly_json()


def _values(v: Any) -> list[Any]:
    """Return a trace's array as a list (plotly keeps numpy arrays; typed-array dicts are decoded)."""
    if v is None:
        return []
    if isinstance(v, dict) and "bdata" in v:  # plotly's base64 typed array
        array = np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"])
        if "shape" in v:  # a 2-D array (a heatmap's z) gives its shape as "rows, columns"
            array = array.reshape([int(n) for n in str(v["shape"]).split(",")])
        return array.tolist()
    if isinstance(v, np.ndarray | pd.Series | pd.Index):
        return v.tolist()
    return list(v)


def _texts(v: Any) -> list[Any]:
    """Return a trace's array of names (categories, labels) as the text they show, not plotly markup."""
    return [unplot(x) for x in _values(v)]


def _title(layout: dict[str, Any]) -> str:
    title = layout.get("title")
    return unplot(str((title.get("text") if isinstance(title, dict) else title) or ""))


def _series(traces: list[dict[str, Any]], horizontal: bool) -> tuple[list[Any], dict[str, list[Any]]]:
    """Return the categories (in order of first appearance) and one list of values per trace, aligned."""
    cat_key, val_key = ("y", "x") if horizontal else ("x", "y")
    categories: list[Any] = []
    seen: set[Any] = set()
    columns: dict[str, dict[Any, Any]] = {}
    for i, t in enumerate(traces):
        cats, vals = _texts(t.get(cat_key)), _values(t.get(val_key))
        name = unplot(str(t.get("name") or (VALUE if len(traces) == 1 else f"series {i + 1}")))
        while name in columns:
            name += " "
        columns[name] = dict(zip(cats, vals))
        for c in cats:
            if c not in seen:
                seen.add(c)
                categories.append(c)
    return categories, {n: [m.get(c) for c in categories] for n, m in columns.items()}


def _frame(x: str, categories: list[Any], series: dict[str, list[Any]]) -> pd.DataFrame:
    df = pd.DataFrame({x: categories, **series})
    for name in series:
        df[name] = pd.to_numeric(df[name], errors="coerce")
    return df


def item(
    fig: Any, title: str, data: pd.DataFrame | None = None, labels: Mapping[str, str] | None = None, caption: str = ""
) -> Item:
    """Return the slide item of one chart: a native chart where PowerPoint has the type, else a table."""
    d = figure_dict(fig)
    layout = d.get("layout") or {}
    title = title or _title(layout) or "Chart"
    traces = [t for t in d.get("data") or [] if t.get("visible", True) is True]
    kinds = {t.get("type", "scatter") for t in traces}
    if "choropleth" in kinds:  # markers drawn over a map (scattergeo) are left out
        shapes = [t for t in traces if t.get("type") == "choropleth"]
        names = [n for t in shapes for n in (_texts(t.get("text")) or _values(t.get("locations")))]
        frame = _frame("country", names, {VALUE: [v for t in shapes for v in _values(t.get("z"))]})
        frame = frame.drop_duplicates("country").reset_index(drop=True)
        colourbar = unplot(((shapes[0].get("colorbar") or {}).get("title") or {}).get("text") or VALUE)
        return ChartSpec(title, "map", frame, "country", [VALUE], labels={"country": "Country", VALUE: colourbar},
                         caption=caption)  # fmt: skip
    if kinds == {"heatmap"}:  # a table with the heatmap's rows and columns
        t = traces[0]
        rows, columns = _texts(t.get("y")), [str(c) for c in _texts(t.get("x"))]
        z = [_values(r) for r in _values(t.get("z"))]
        frame = pd.DataFrame(z, columns=columns)
        frame.insert(0, " ", rows)
        return TableSpec(title, frame, caption=caption)
    if "bar" in kinds:  # lines and labels drawn over bars (totals, a plan) are left out: one chart type a slide
        traces = [t for t in traces if t.get("type") == "bar"]
        kinds = {"bar"}
    if kinds == {"pie"}:
        t = traces[0]
        frame = _frame("label", _texts(t.get("labels")), {VALUE: _values(t.get("values"))})
        return ChartSpec(title, "pie", frame, "label", [VALUE], caption=caption)
    if kinds == {"bar"} or kinds == {"scatter"}:
        horizontal = kinds == {"bar"} and traces[0].get("orientation") == "h"
        categories, series = _series(traces, horizontal)
        if categories and series:
            axis = (layout.get("yaxis" if horizontal else "xaxis") or {}).get("title") or {}
            x = unplot(str(axis.get("text") if isinstance(axis, dict) else axis)) or "category"
            if x in series:
                x = f"{x} "
            kind = "line" if kinds == {"scatter"} else ("bar" if horizontal else "column")
            stacked = kind != "line" and layout.get("barmode") in ("stack", "relative")
            return ChartSpec(title, kind, _frame(x, categories, series), x, list(series), stacked=stacked,
                             caption=caption)  # fmt: skip
    if data is not None:
        return TableSpec(title, data.reset_index(drop=True), labels=dict(labels or {}), caption=caption)
    return TableSpec(title, pd.DataFrame(), caption=caption)
