"""A page's plotly charts as slide items: native PowerPoint charts from the figures' own traces.

Every page draws its charts through the page frame (`Frame.chart` / `Frame.plotly_chart`, hrdash/app/frame.py),
which notes them for the page's slide deck; the Country profile's brief is made from its figures the same way (the
one converter of charts to slides). This module turns each into a `pptx.ChartSpec` from what the figure shows (so
the slide equals the chart; names come back from plotly text with text.unplot): the plotted numbers (whole numbers
stay integers), the series names, per-point bar colours (a highlighted country), the category axis title as the
category header (blank without one), a pie's labels and name. Bars (vertical, horizontal, stacked), lines, pies, and
maps (a table of the largest values). A figure of another kind (a heatmap, a timeline...) becomes a table of its
"Show data" frame."""

from __future__ import annotations

import base64
import re
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


def _hex(colour: Any) -> str | None:
    """Return a plotly colour as PowerPoint's "RRGGBB" ("#rgb", "#rrggbb", "rgb()", "rgba()"), else None."""
    if not isinstance(colour, str):
        return None  # a number on a colour scale: the series' colour
    text = colour.strip().lower()
    if re.fullmatch(r"#[0-9a-f]{3}", text):
        return "".join(c * 2 for c in text[1:]).upper()
    if re.fullmatch(r"#[0-9a-f]{6}", text):
        return text[1:].upper()
    match = re.fullmatch(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(,[^)]*)?\)", text)
    if match:
        return "".join(f"{min(int(v), 255):02X}" for v in match.groups()[:3])
    return None


def _point_colours(trace: dict[str, Any], key: str = "color") -> list[str | None] | None:
    """Return a trace's per-point marker colours as "RRGGBB" (None where not a colour), or None if it has one."""
    given = (trace.get("marker") or {}).get(key)
    if given is None or isinstance(given, str):
        return None
    colours = [_hex(c) for c in _values(given)]
    return colours if any(colours) else None


def _trace_colour(trace: dict[str, Any], n: int) -> list[str | None] | None:
    """Return a trace's one colour (its bars', or its line's) for each of its `n` points, or None without one: the
    slide then paints the series as the page does (a status keeps its colour, figures/colours.STATUS)."""
    colour = _hex((trace.get("marker") or {}).get("color")) or _hex((trace.get("line") or {}).get("color"))
    return [colour] * n if colour else None


def _series(
    traces: list[dict[str, Any]], horizontal: bool
) -> tuple[list[Any], dict[str, list[Any]], dict[str, list[str | None]]]:
    """Return the categories (in order of first appearance), one list of values per trace and the traces'
    per-point colours, aligned to the categories."""
    cat_key, val_key = ("y", "x") if horizontal else ("x", "y")
    categories: list[Any] = []
    seen: set[Any] = set()
    columns: dict[str, dict[Any, Any]] = {}
    painted: dict[str, dict[Any, str | None]] = {}
    for i, t in enumerate(traces):
        cats, vals = _texts(t.get(cat_key)), _values(t.get(val_key))
        name = unplot(str(t.get("name") or (VALUE if len(traces) == 1 else f"series {i + 1}")))
        while name in columns:
            name += " "
        columns[name] = dict(zip(cats, vals))
        colours = _point_colours(t) or _trace_colour(t, len(cats))
        if colours is not None:
            painted[name] = dict(zip(cats, colours))
        for c in cats:
            if c not in seen:
                seen.add(c)
                categories.append(c)
    values = {n: [m.get(c) for c in categories] for n, m in columns.items()}
    return categories, values, {n: [m.get(c) for c in categories] for n, m in painted.items()}


def _numbers(values: list[Any]) -> Any:
    """Return a series' values as numbers: integers stay integers (nullable where a category has no value)."""
    given = [v for v in values if v is not None and not (isinstance(v, float) and v != v)]  # not None, not NaN
    if all(isinstance(v, int | np.integer) and not isinstance(v, bool) for v in given):
        if len(given) == len(values):
            return np.array(values, dtype="int64")
        return pd.array(values, dtype="Int64")
    if all(isinstance(v, float | int | np.number) for v in given):
        return np.array([np.nan if v is None else v for v in values], dtype="float64")
    return pd.to_numeric(pd.Series(values, dtype=object), errors="coerce")  # text in a numeric trace: NaN


def _frame(x: str, categories: list[Any], series: dict[str, list[Any]]) -> pd.DataFrame:
    return pd.DataFrame({x: categories, **{name: _numbers(values) for name, values in series.items()}})


def _axis_title(layout: dict[str, Any], axis: str) -> str:
    """Return an axis's title as text ("" without one; plotly gives it as a dict or, in old figures, a string)."""
    title = (layout.get(axis) or {}).get("title")
    text = title.get("text") if isinstance(title, dict) else title
    return unplot(str(text)) if text is not None else ""


def _category_title(categories: list[Any]) -> str:
    """Return the category axis title a figure left out: "Year" for years, else none."""
    years = [c for c in categories if str(c).isdigit() and 1900 <= int(str(c)) <= 2100]
    return "Year" if categories and len(years) == len(categories) else ""


def _subplot_titles(layout: dict[str, Any]) -> str:
    """Return the titles of a figure's subplots (annotations placed on the paper), " · " between them."""
    notes = [a for a in layout.get("annotations") or [] if a.get("xref") == "paper" and a.get("yref") == "paper"]
    return " · ".join(unplot(str(a.get("text") or "")) for a in notes if a.get("text"))


def _value_title(series: dict[str, list[Any]]) -> str:
    """Return the value axis title a figure left out: the series' name when there is one series."""
    names = [n for n in series if n != VALUE]
    return names[0].strip() if len(series) == 1 and names else ""


def _is_percent(axis: Mapping[str, Any], values: pd.DataFrame) -> bool:
    """Return True if a value axis shows percentages (a "%" suffix or title) and no value is above 100."""
    title = axis.get("title")
    text = str((title.get("text") if isinstance(title, dict) else title) or "")
    marked = axis.get("ticksuffix") == "%" or "%" in text or "percent" in text.lower()
    top = pd.to_numeric(values.stack(), errors="coerce").max() if values.size else 0
    return bool(marked and (pd.isna(top) or top <= 100))


MOST_ROWS, FIRST_ROWS = 30, 15  # a chart drawn as a table: longer than MOST rows, its first FIRST rows on a slide


LONG_TEXT = 60  # characters: a column whose texts are longer (a seed's sentence) stays in the dashboard


def short_columns(spec: TableSpec) -> TableSpec:
    """Return a key table without its long free-text columns (median text over LONG_TEXT characters), naming
    them in the caption: a slide shows figures and short labels, the dashboard the full text."""
    df = spec.data
    long = [
        c for c in df.columns
        if df[c].dtype == object and len(df) and df[c].dropna().astype(str).str.len().median() > LONG_TEXT
    ]  # fmt: skip
    if not long or len(long) == len(df.columns):
        return spec
    names = ", ".join(str(spec.labels.get(c, c)) for c in long)
    note = f"Not on the slide: {names} (in the dashboard)."
    return TableSpec(spec.title, df.drop(columns=long), spec.labels, " ".join(filter(None, [spec.caption, note])))


def first_rows(spec: TableSpec) -> TableSpec:
    """Return a table made from a chart, cut to its first rows when a slide could not hold it (a grid of every
    country), saying so in its caption."""
    n = len(spec.data)
    if n <= MOST_ROWS:
        return spec
    note = f"The first {FIRST_ROWS} of {n} rows; the dashboard and its Excel export have them all."
    return TableSpec(spec.title, spec.data.head(FIRST_ROWS), spec.labels, " ".join(filter(None, [spec.caption, note])))


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
        if len(shapes) > 1 and all(t.get("name") for t in shapes):  # a map by category: its legend, counted
            names = [unplot(str(t["name"])) for t in shapes]
            counts = [len(_values(t.get("locations"))) for t in shapes]
            frame = pd.DataFrame({"category": [re.sub(r" \(\d+\)$", "", n) for n in names], "countries": counts})
            note = "A map in the dashboard; here the number of countries of each colour."
            return TableSpec(title, frame, labels={"category": "Status", "countries": "Countries"},
                             caption=" ".join(filter(None, [caption, note])))  # fmt: skip
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
        return first_rows(TableSpec(title, frame, caption=caption))
    lines: list[str] = []
    if "bar" in kinds:  # labels drawn over bars (totals) are left out; a line (a plan, a target) stays, as a line
        over = [t for t in traces if t.get("type") == "scatter" and "lines" in str(t.get("mode", "lines"))]
        traces = [t for t in traces if t.get("type") == "bar"]
        vertical = traces[0].get("orientation") != "h"
        if vertical:
            names = {unplot(str(t.get("name") or "")) for t in traces}
            for t in over:
                name = unplot(str(t.get("name") or "reference line"))
                while name in names:
                    name += " "
                names.add(name)
                lines.append(name)
                traces.append({**t, "name": name})
        kinds = {"bar"}
    if kinds == {"pie"}:
        t = traces[0]
        name = unplot(str(t.get("name") or VALUE))  # the series name PowerPoint shows ("Instruments")
        labels_ = _texts(t.get("labels"))
        frame = _frame("label", labels_, {name: _values(t.get("values"))})
        colours = _point_colours(t, "colors")
        return ChartSpec(title, "pie", frame, "label", [name], caption=caption,
                         colours={name: colours[: len(labels_)]} if colours else {})  # fmt: skip
    if kinds == {"scatter"} and traces and all(isinstance(v, str) for v in _values(traces[0].get("y"))[:1]):
        # points over named rows (a baseline and now per country): the points as horizontal bars, without the
        # lines that join them
        traces = [t for t in traces if "lines" not in str(t.get("mode", "lines"))] or traces
        traces = [{**t, "type": "bar", "orientation": "h"} for t in traces]
        kinds = {"bar"}
    timeline = kinds == {"bar"} and ((layout.get("xaxis") or {}).get("type") == "date" and traces[0].get("base"))
    if timeline and data is not None and len(data.columns):  # bars from a start date to an end date: their table
        return first_rows(TableSpec(title, data.reset_index(drop=True), labels=dict(labels or {}), caption=caption))
    if kinds == {"bar"} or kinds == {"scatter"}:
        horizontal = kinds == {"bar"} and traces[0].get("orientation") == "h"
        categories, series, colours = _series(traces, horizontal)
        if series:  # no categories (nothing under these filters): a slide that says so
            x = _axis_title(layout, "yaxis" if horizontal else "xaxis")  # the category header; blank without one
            while x in series:
                x += " "
            kind = "line" if kinds == {"scatter"} else ("bar" if horizontal else "column")
            stacked = kind != "line" and layout.get("barmode") in ("stack", "relative")
            value_axis = "xaxis" if horizontal else "yaxis"
            frame = _frame(x, categories, series)
            return ChartSpec(title, kind, frame, x, list(series), stacked=stacked, caption=caption, colours=colours,
                             x_title=x.strip() or _category_title(categories),
                             y_title=_axis_title(layout, value_axis) or _subplot_titles(layout) or _value_title(series),
                             percent=_is_percent(layout.get(value_axis) or {}, frame[list(series)]),
                             lines=[n for n in lines if n in series])  # fmt: skip
    if data is not None and len(data.columns):
        return first_rows(TableSpec(title, data.reset_index(drop=True), labels=dict(labels or {}), caption=caption))
    # Nothing to show (no trace, no data): the writer's "no data" slide, not a table without columns.
    return ChartSpec(title, "column", pd.DataFrame({"": [], VALUE: []}), "", [VALUE], caption=caption)
