"""Figures of the Expected accomplishments page (issue 6).

The trend of every indicator of one EA is drawn with its 2013 baseline and, where a seed gives one, its
target; values are printed on the points and the baseline and target are marked by symbols and words, so
the charts read without colour. Built as plain dicts with `base.figure` (see figures/base.py).
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from ..model.indicators import BASELINE_YEAR, Indicator
from .base import MARGIN, figure, values
from .colours import OKABE_ITO

ROW_HEIGHT = 260


def trend_data(series: list[tuple[Indicator, pd.DataFrame]], year_from: int, year_to: int) -> pd.DataFrame:
    """Return the long table the trend chart plots: one row per indicator × year in the shown years.

    `series` pairs each indicator with its `indicators.by_year` rows. The shown years are the selected
    ones, widened to include the 2013 baseline.
    """
    lo, hi = min(year_from, BASELINE_YEAR), max(year_to, BASELINE_YEAR)
    out: dict[str, list] = {c: [] for c in ("code", "indicator", "unit", "year", "value", "shown", "numerator",
                                               "denominator")}  # fmt: skip
    for ind, rows in series:
        for year, num, den, value in zip(*(values(rows[c]) for c in ("year", "numerator", "denominator", "value"))):
            if lo <= year <= hi:
                for col, v in zip(out, (ind.code, ind.name, ind.unit, year, value, ind.fmt(value), num, den)):
                    out[col].append(v)
    return pd.DataFrame(out)


def _axes(k: int, rows: int, cols: int) -> tuple[str, str, dict, dict]:
    """Return the trace axis names and the x/y axis layouts of small multiple number `k` (0-based)."""
    r, c = divmod(k, cols)
    gap_x, gap_y = 0.08, 0.45 / rows if rows > 1 else 0.0
    width, height = (1 - gap_x * (cols - 1)) / cols, (1 - gap_y * (rows - 1)) / rows
    x0, y1 = c * (width + gap_x), 1 - r * (height + gap_y)
    n = "" if k == 0 else str(k + 1)
    xaxis = {"domain": [round(max(x0, 0), 6), round(min(x0 + width, 1), 6)], "anchor": f"y{n}", "dtick": 1}
    yaxis = {"domain": [round(max(y1 - height, 0), 6), round(min(y1, 1), 6)], "anchor": f"x{n}", "rangemode": "tozero"}
    return f"x{n}", f"y{n}", xaxis, yaxis


def trends(data: pd.DataFrame, indicators: list[Indicator]) -> go.Figure:
    """Return small multiples, one per indicator, of its value per year (`trend_data` rows): values printed on the
    points, the 2013 baseline as an open diamond, and the seed's target where there is one (a star and a dashed
    line for a level to reach; a shaded span with its words for a total over years)."""
    cols = 2 if len(indicators) > 1 else 1
    rows = max(1, math.ceil(len(indicators) / cols))
    columns = {c: values(data[c]) for c in ("code", "year", "value", "shown")}
    points = list(zip(columns["code"], columns["year"], columns["value"], columns["shown"]))
    traces: list[dict[str, Any]] = []
    layout: dict[str, Any] = {"height": ROW_HEIGHT * rows + 40, "showlegend": False, "annotations": [], "shapes": []}
    for k, ind in enumerate(indicators):
        xa, ya, xaxis, yaxis = _axes(k, rows, cols)
        layout["xaxis" + xa[1:]], layout["yaxis" + ya[1:]] = xaxis, yaxis
        layout["annotations"].append(
            {"text": f"<b>{ind.code}</b> {ind.name} ({ind.unit})", "xref": "paper", "yref": "paper", "showarrow": False,
             "x": xaxis["domain"][0], "y": yaxis["domain"][1], "xanchor": "left", "yanchor": "bottom",
             "font": {"size": 12}}
        )  # fmt: skip
        mine = [p for p in points if p[0] == ind.code]
        xs, ys, shown = [p[1] for p in mine], [p[2] for p in mine], [p[3] for p in mine]
        base = [(y, s) for x, y, s in zip(xs, ys, shown) if x == BASELINE_YEAR and y is not None]
        # The baseline year's value is printed by the baseline marker, above it: printed by the line, over a small
        # point, the large diamond drawn on top hid it.
        text = ["" if base and x == BASELINE_YEAR else s for x, s in zip(xs, shown)]
        traces.append(
            {"type": "scatter", "x": xs, "y": ys, "xaxis": xa, "yaxis": ya,
             "mode": "lines+markers+text", "text": text, "textposition": "top center", "customdata": shown,
             "textfont": {"size": 10}, "line": {"color": OKABE_ITO[0]}, "marker": {"size": 6}, "name": ind.code,
             "cliponaxis": False, "hovertemplate": f"{ind.code}, %{{x}}: %{{customdata}}<extra></extra>"}
        )  # fmt: skip
        if base:
            traces.append(
                {"type": "scatter", "x": [BASELINE_YEAR], "y": [base[0][0]], "xaxis": xa, "yaxis": ya,
                 "mode": "markers+text", "name": f"{BASELINE_YEAR} baseline", "text": [base[0][1]],
                 "textposition": "top center", "textfont": {"size": 10}, "cliponaxis": False,
                 "marker": {"symbol": "diamond-open", "size": 14, "color": "black", "line": {"width": 2}},
                 "hovertemplate": f"{BASELINE_YEAR} baseline: %{{text}}<extra></extra>"}
            )  # fmt: skip
        # Room for the labels: half a year and more beyond the first and last points (the last label was cut at the
        # plot's edge), and above the highest point or target (labels sit over the points).
        years = [x for x, y in zip(xs, ys) if y is not None]
        if years:
            xaxis["range"] = [min(years) - 0.8, max(years) + 0.8]
            level = [ind.target] if ind.target is not None and not ind.target_is_total else []  # a line to reach
            top = max([y for y in ys if y is not None] + level)
            yaxis["range"] = [0, top * 1.18 if top > 0 else 1]
        _target(traces, layout, ind, min(xs, default=ind.target_years[1]), xa, ya)
    return figure(traces, {"margin": MARGIN, **layout})


def _target(traces: list, layout: dict, ind: Indicator, first: int, xa: str, ya: str) -> None:
    if ind.target is None:
        return
    lo, hi = ind.target_years
    if ind.target_is_total:
        layout["shapes"].append(
            {"type": "rect", "xref": xa, "yref": f"{ya} domain", "x0": lo - 0.5, "x1": hi + 0.5, "y0": 0, "y1": 1,
             "fillcolor": OKABE_ITO[1], "opacity": 0.15, "line": {"width": 0}}
        )  # fmt: skip
        layout["annotations"].append(
            {"text": f"target: {ind.fmt(ind.target)} in {lo}–{hi} (total)", "xref": xa, "yref": f"{ya} domain",
             "x": lo - 0.5, "y": 0.98, "xanchor": "left", "yanchor": "top", "showarrow": False, "font": {"size": 10}}
        )  # fmt: skip
        return
    traces.append(
        {"type": "scatter", "x": [first, hi], "y": [ind.target, ind.target], "xaxis": xa, "yaxis": ya,
         "mode": "lines+markers+text", "line": {"color": OKABE_ITO[5], "dash": "dash", "width": 1},
         "marker": {"symbol": "star", "size": [0, 12], "color": OKABE_ITO[5]},
         "text": ["", f"target {ind.fmt(ind.target)} by {hi}"], "textposition": "top left", "name": "target",
         "hovertemplate": f"target: {ind.fmt(ind.target)} by {hi}<extra></extra>"}
    )  # fmt: skip
