"""Figures of the Civil society (EA7) page, built from the rows of its named queries.

Numbers are printed on the marks and categories also differ by hatching or symbol, so the charts read
without telling colours apart (colours from Okabe & Ito's colour-blind-safe palette).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..model import labels
from ..model.text import plot_frame
from . import colours
from .base import LEGEND_TOP, figure, values
from .colours import NO_DATA_GREY, OKABE_ITO

SUBMITTER_TYPES = ["NHRI", "national NGO", "coalition", "international NGO"]
PATTERNS = {"NHRI": "", "national NGO": "/", "coalition": ".", "international NGO": "x"}
COLOURS = dict(zip(SUBMITTER_TYPES, OKABE_ITO))
STATUS_COLOURS = {s: colours.status(s) for s in ("A", "B", "C", "none", "no data")}


def _sums(df: pd.DataFrame, keys: list[str], value: str) -> dict[tuple, int]:
    """Return {key tuple: sum of `value`} in one pass over the rows (cheaper than a pandas groupby here)."""
    out: dict[tuple, int] = {}
    for row in zip(*(values(df[c]) for c in [*keys, value])):
        out[row[:-1]] = out.get(row[:-1], 0) + row[-1]
    return out


def totals_by_type(df: pd.DataFrame) -> dict[str, int]:
    """Return the submissions per submitter type (every type, zeros included) of `cso_submissions_by_year_type`."""
    sums = _sums(df, ["submitter_type"], "submissions")
    return {kind: int(sums.get((kind,), 0)) for kind in SUBMITTER_TYPES}


def _stacked_by_type(sums: dict[tuple, int], y_title: str, height: int, categorical: bool) -> go.Figure:
    """Stacked bars from {(x, submitter type): submissions}, each segment labelled, the total on top."""
    xs = sorted({x for x, _ in sums})
    data = []
    for kind in SUBMITTER_TYPES:
        points = [(x, sums[(x, kind)]) for x in xs if (x, kind) in sums]
        if not points:
            continue
        ys = [y for _, y in points]
        data.append(
            {"type": "bar", "x": [x for x, _ in points], "y": ys, "name": kind,
             "marker": {"color": COLOURS[kind], "pattern": {"shape": PATTERNS[kind]}},
             "text": ys, "textposition": "inside", "insidetextanchor": "middle",
             "hovertemplate": f"{kind}, %{{x}}: %{{y}} submissions<extra></extra>"}
        )  # fmt: skip
    totals = [sum(v for (x2, _), v in sums.items() if x2 == x) for x in xs]
    data.append(
        {"type": "scatter", "x": xs, "y": totals, "mode": "text", "text": totals, "textposition": "top center",
         "showlegend": False, "hoverinfo": "skip"}
    )  # fmt: skip
    return figure(
        data, {"height": height, "barmode": "stack", "legend": LEGEND_TOP, "yaxis": {"title": {"text": y_title}},
               "xaxis": {"type": "category"} if categorical else {"dtick": 1}},
    )  # fmt: skip


def submissions_by_year(df: pd.DataFrame) -> go.Figure:
    """Return stacked bars of submissions per year by submitter type, UPR and treaty bodies together
    (`cso_submissions_by_year_type` rows), with the year's total on top."""
    return _stacked_by_type(_sums(df, ["year", "submitter_type"], "submissions"), "Submissions", 380, False)


def upr_by_cycle(df: pd.DataFrame) -> go.Figure:
    """Return stacked bars of UPR submissions per cycle by submitter type (`cso_upr_submissions_by_cycle_type`)."""
    sums = {(f"Cycle {c}", t): v for (c, t), v in _sums(df, ["cycle", "submitter_type"], "submissions").items()}
    return _stacked_by_type(sums, "UPR submissions", 320, True)


def diversity(df: pd.DataFrame) -> go.Figure:
    """Return bars of reviews by the number of distinct submitter types, one group per mechanism
    (`cso_reviews_by_diversity` rows), each bar labelled with its count."""
    rows = list(zip(values(df["mechanism"]), values(df["submitter_types"]), values(df["reviews"])))
    data = []
    for i, (mechanism, pattern) in enumerate([("UPR", ""), ("treaty bodies", "/")]):
        part = [(n, r) for m, n, r in rows if m == mechanism]
        data.append(
            {"type": "bar", "x": [f"{n} of 4" for n, _ in part], "y": [r for _, r in part], "name": mechanism,
             "marker": {"color": OKABE_ITO[i], "pattern": {"shape": pattern}}, "text": [r for _, r in part],
             "textposition": "outside", "cliponaxis": False,
             "hovertemplate": f"{mechanism}: %{{y}} reviews with %{{x}} submitter types<extra></extra>"}
        )  # fmt: skip
    return figure(
        data, {"height": 320, "barmode": "group", "legend": LEGEND_TOP,
               "xaxis": {"title": {"text": "Distinct submitter types"}}, "yaxis": {"title": {"text": "Reviews"}}},
    )  # fmt: skip


def nhri_status(df: pd.DataFrame) -> go.Figure:
    """Return one bar per accreditation status with its number of countries (`cso_nhri_by_status` rows)."""
    df = plot_frame(df)
    labels = [f"{s}<br>({m})" for s, m in zip(df["status"], df["meaning"])]
    data = [
        {"type": "bar", "x": labels, "y": values(df["countries"]), "text": values(df["countries"]),
         "textposition": "outside", "cliponaxis": False,
         "marker": {"color": [STATUS_COLOURS.get(s, NO_DATA_GREY) for s in df["status"]]},
         "hovertemplate": "%{x}: %{y} countries<extra></extra>"}
    ]  # fmt: skip
    return figure(data, {"height": 320, "showlegend": False, "yaxis": {"title": {"text": "Countries"}}})


def targets_now_vs_baseline(df: pd.DataFrame, baseline_label: str, now_label: str) -> go.Figure:
    """Return, per EA7 target country (`ea7_target_status` rows), its submissions in the baseline years (open
    circle) and now (filled circle) joined by a line — solid where the target is met, dotted where not — with
    the figures printed beside the markers."""
    df = plot_frame(df)
    rows = df.sort_values(["now_value", "country"])
    data = []
    for met, colour, dash, name in [("yes", colours.status("met"), "solid", "more submissions: met"),
                                    ("no", colours.status("not met"), "dot", "not more: not met")]:  # fmt: skip
        part = rows[rows["met"] == met]
        xs, ys = [], []
        for b, n, c in zip(values(part["baseline_value"]), values(part["now_value"]), part["country"]):
            xs += [b, n, None]
            ys += [c, c, None]
        data.append(
            {"type": "scatter", "x": xs, "y": ys, "mode": "lines", "name": name, "hoverinfo": "skip",
             "line": {"color": colour, "width": 2, "dash": dash}}
        )  # fmt: skip
    for col, label, symbol, position in [
        ("baseline_value", baseline_label, "circle-open", "middle left"),
        ("now_value", now_label, "circle", "middle right"),
    ]:
        data.append(
            {"type": "scatter", "x": values(rows[col]), "y": values(rows["country"]), "mode": "markers+text",
             "name": label, "text": [f"{v:.0f}" for v in rows[col]], "textposition": position, "cliponaxis": False,
             "marker": {"symbol": symbol, "size": 9, "color": "black", "line": {"width": 1.5}},
             "hovertemplate": f"%{{y}}, {label}: %{{x}} submissions<extra></extra>"}
        )  # fmt: skip
    return figure(
        data, {"height": max(300, 18 * len(rows) + 90), "legend": LEGEND_TOP,
               "xaxis": {"title": {"text": "Stakeholder submissions"}},
               "yaxis": {"categoryorder": "array", "categoryarray": values(rows["country"])}},
    )  # fmt: skip


# Human column names of the page's tables and of its charts' data.
LABELS = labels.glossary({"status": "Accreditation status", "total": "Total"})
