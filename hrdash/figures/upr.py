"""Figures of the UPR page, built from the rows of its named queries (no Streamlit calls).

Responses look the same here as on every page and slide (colours.STATUS: supported blue, plain; noted vermillion,
hatched; pending orange, crossed) and every bar prints its number. Figures are plotly specs
wrapped without validation (see figures/base.py); tests validate every builder's output.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..model import labels, provenance
from ..model.text import plot_frame
from . import colours
from .base import LEGEND_ABOVE, axis, figure, marker, pct
from .colours import OKABE_ITO

RESPONSES = ["supported", "noted", "pending"]
RESPONSE_STYLE = {r: (r.capitalize(), colours.status(r), colours.pattern(r)) for r in RESPONSES}
IMPLEMENTATION_STYLE = {
    s: (s.capitalize(), colours.status(s), colours.pattern(s))
    for s in ("fully implemented", "partially implemented", "not implemented")
}
CYCLE_PATTERNS = ["", "/", ".", "x"]
LABELS = labels.glossary({
    "cycle": "Cycle", "instrument": "Instrument code", "consent_date": "Became party on", "consent_type": "How",
})  # fmt: skip


def _values(s: pd.Series) -> list:
    return [None if pd.isna(v) else v for v in s.tolist()]


def _response_bars(names: list, rows: pd.DataFrame, values: str = "", text: str = "count", **kw) -> list[dict]:
    """Return one horizontal bar trace per response: `values` "" = counts, "_share" = shares, labelled by `text`."""
    out = []
    for r in RESPONSES:
        label, colour, pattern = RESPONSE_STYLE[r]
        x = rows[r + values].tolist()
        if text == "share":
            labels = [f"{v:.0f}%" if v >= 3 else "" for v in x]
        elif text == "count":
            labels = [f"{v:,}" if v else "" for v in x] if r != "pending" else None
        else:
            labels = None
        out.append({
            "type": "bar", "orientation": "h", "y": names, "x": x, "name": label, "marker": marker(colour, pattern),
            "text": labels, "textposition": "inside", "insidetextanchor": "middle", "textangle": 0,
            "customdata": rows[r].tolist(), "hovertemplate": f"%{{y}}: %{{customdata:,}} {r}<extra></extra>", **kw,
        })  # fmt: skip
    return out


def _side_labels(names: list, x: list, text: list[str]) -> dict:
    return {"type": "scatter", "mode": "text", "y": names, "x": x, "text": text, "textposition": "middle right",
            "showlegend": False, "hoverinfo": "skip", "name": "Total"}  # fmt: skip


def totals(by_cycle: pd.DataFrame) -> list[tuple[str, str]]:
    """Return (label, value) tiles from the cycle rows: recommendations in all, supported / noted / pending shares."""
    total = int(by_cycle["total"].sum())
    out = [("Recommendations", f"{total:,}")]
    for r in RESPONSES:
        out.append((RESPONSE_STYLE[r][0], f"{100.0 * int(by_cycle[r].sum()) / total:.1f}%" if total else "n/a"))
    return out


def without_session(df: pd.DataFrame) -> str:
    """Return a sentence on the recommendations of reviews known only by their year (session rows with no session),
    which the per-session chart cannot place, or "" when there are none."""
    rows = df[df["session"].isna()]
    if not len(rows):
        return ""
    cycles = " and ".join(str(int(c)) for c in rows["cycle"])
    return (
        f"{int(rows['total'].sum()):,} recommendations of cycle {cycles} are not in the chart: their reviews are "
        "known only by their year (the bundled review calendar has no session for them), so they have no session."
    )


# UPR Info's action categories (its database's scale): what a recommendation asks the State to do, from 1 (directed
# at other States, or asking for assistance or information) to 5 (a specific action).
ACTION_CATEGORIES = {
    1: "1 · minimal action", 2: "2 · continuing action", 3: "3 · considering change", 4: "4 · general action",
    5: "5 · specific action",
}  # fmt: skip


def action_categories(df: pd.DataFrame) -> go.Figure:
    """Return stacked horizontal bars of the responses per UPR Info action category (upr_recommendations_by_
    action_category rows), the total and supported share beside each."""
    rows = df.iloc[::-1]
    names = [ACTION_CATEGORIES.get(int(c), str(c)) for c in rows["action_category"]]
    data = _response_bars(names, rows, text="count")
    text = [f" {n:,} · {pct(s)} supported" for n, s in zip(rows["total"], rows["supported_share"])]
    data.append(_side_labels(names, rows["total"].tolist(), text))
    right = float(rows["total"].max()) * 1.5 if len(rows) else 1.0
    return figure(data, {"height": 120 + 38 * len(rows), "barmode": "stack",
                         "xaxis": axis("Recommendations", range=[0, right])}, legend=LEGEND_ABOVE)  # fmt: skip


def per_session(df: pd.DataFrame) -> go.Figure:
    """Return bars of recommendations per working-group session (session rows), hatched by cycle, labelled.

    Recommendations without a session (reviews known only by their year) have no bar: see `without_session`.
    """
    df = plot_frame(df[df["session"].notna()])
    data = []
    for i, cycle in enumerate(dict.fromkeys(df["cycle"])):
        rows = df[df["cycle"] == cycle]
        data.append({
            "type": "bar", "x": rows["session"].tolist(), "y": rows["total"].tolist(), "name": f"Cycle {cycle}",
            "marker": marker(OKABE_ITO[i % len(OKABE_ITO)], CYCLE_PATTERNS[i % len(CYCLE_PATTERNS)]),
            "text": [f"{v:,}" for v in rows["total"]], "textposition": "outside", "textangle": -90,
            "hovertemplate": f"Cycle {cycle}, session %{{x}}: %{{y:,}} recommendations<extra></extra>",
        })  # fmt: skip
    top = float(df["total"].max()) if len(df) else 1.0
    return figure(data, {"height": 380, "xaxis": axis("Working-group session", dtick=1),
                         "yaxis": axis("Recommendations", range=[0, top * 1.25])}, legend=LEGEND_ABOVE)  # fmt: skip


def response_shares(df: pd.DataFrame, by: str, prefix: str = "") -> go.Figure:
    """Return 100% stacked horizontal bars of the responses per `by` (cycle or region rows), with % labels."""
    df = plot_frame(df)
    rows = df.iloc[::-1]
    names = [f"{prefix}{v}" for v in rows[by]]
    data = _response_bars(names, rows, "_share", "share")
    data.append(_side_labels(names, [100] * len(rows), [f" {t:,}" for t in rows["total"]]))
    return figure(data, {"height": 110 + 38 * len(rows), "barmode": "stack",
                         "xaxis": axis("% of recommendations", range=[0, 112])}, legend=LEGEND_ABOVE)  # fmt: skip


def themes(df: pd.DataFrame, top: int = 15) -> go.Figure:
    """Return horizontal bars of the `top` themes (rows in query order), labelled with their supported share."""
    df = plot_frame(df)
    rows = df.head(top).iloc[::-1]
    trace = {
        "type": "bar", "orientation": "h", "y": rows["theme"].tolist(), "x": rows["recommendations"].tolist(),
        "name": "Recommendations", "marker": marker(OKABE_ITO[0]), "textposition": "outside",
        "text": [f"{n:,} · {pct(s)} supported" for n, s in zip(rows["recommendations"], rows["supported_share"])],
        "customdata": _values(rows["supported_share"]),
        "hovertemplate": "%{y}: %{x:,} recommendations, %{customdata:.1f}% supported<extra></extra>",
    }  # fmt: skip
    right = float(rows["recommendations"].max()) * 1.45 if len(rows) else 1.0
    return figure(
        [trace],
        {"height": 120 + 26 * len(rows), "xaxis": axis("Recommendations", range=[0, right])},
        legend=LEGEND_ABOVE,
    )


def recommending_states(df: pd.DataFrame, top: int = 20) -> go.Figure:
    """Return stacked bars of the responses to the `top` recommending States (rows in query order), with the
    supported share."""
    df = plot_frame(df)
    rows = df.head(top).iloc[::-1]
    names = rows["recommender"].tolist()
    data = _response_bars(names, rows)
    text = [f" {n:,} · {pct(s)} supported" for n, s in zip(rows["recommendations"], rows["supported_share"])]
    data.append(_side_labels(names, rows["recommendations"].tolist(), text))
    right = float(rows["recommendations"].max()) * 1.5 if len(rows) else 1.0
    return figure(data, {"height": 120 + 24 * len(rows), "barmode": "stack",
                         "xaxis": axis("Recommendations", range=[0, right])}, legend=LEGEND_ABOVE)  # fmt: skip


def _tint(hex_colour: str, alpha: float = 0.35) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def flow(df: pd.DataFrame) -> go.Figure:
    """Return a flow (Sankey) chart from recommending region (left) to reviewed region (right), nodes labelled."""
    df = plot_frame(df)
    left = sorted(df["recommender_region"].unique())
    right = sorted(df["reviewed_region"].unique())
    made = df.groupby("recommender_region")["recommendations"].sum()
    received = df.groupby("reviewed_region")["recommendations"].sum()
    colours = [OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(left))]
    trace = {
        "type": "sankey", "valueformat": ",",
        "node": {"label": [f"{r}: {made[r]:,} made" for r in left] + [f"{r}: {received[r]:,} received" for r in right],
                 "pad": 12, "color": colours + ["#BBBBBB"] * len(right)},
        "link": {"source": [left.index(v) for v in df["recommender_region"]],
                 "target": [len(left) + right.index(v) for v in df["reviewed_region"]],
                 "value": df["recommendations"].tolist(),
                 "color": [_tint(colours[left.index(v)]) for v in df["recommender_region"]],
                 "hovertemplate": "%{source.label} → %{target.label}: %{value:,}<extra></extra>"},
    }  # fmt: skip
    return figure([trace], {"height": 420}, legend=LEGEND_ABOVE)


def implementation(df: pd.DataFrame) -> go.Figure:
    """Return 100% stacked bars of the known implementation statuses per cycle, labelled with shares and coverage."""
    cycles = sorted({int(c) for c, s in zip(df["cycle"], df["implementation"]) if s != "unknown"}, reverse=True)
    count = {(int(c), s): int(n) for c, s, n in zip(df["cycle"], df["implementation"], df["recommendations"])}
    total = {c: sum(n for (k, _), n in count.items() if k == c) for c in cycles}
    known = {c: total[c] - count.get((c, "unknown"), 0) for c in cycles}
    names = [f"Cycle {c}" for c in cycles]
    data = []
    for status, (label, colour, pattern) in IMPLEMENTATION_STYLE.items():
        n = [count.get((c, status), 0) for c in cycles]
        share = [100.0 * v / known[c] for v, c in zip(n, cycles)]
        data.append({
            "type": "bar", "orientation": "h", "y": names, "x": share, "name": label, "marker": marker(colour, pattern),
            "text": [f"{s:.0f}%" for s in share], "textposition": "inside", "customdata": n,
            "hovertemplate": f"%{{y}}: %{{customdata:,}} {status} (%{{x:.1f}}%)<extra></extra>",
        })  # fmt: skip
    coverage = [f" status known for {known[c]:,} of {total[c]:,}" for c in cycles]
    data.append(_side_labels(names, [100] * len(cycles), coverage))
    return figure(data, {"height": 110 + 45 * len(cycles), "barmode": "stack",
                         "xaxis": axis("% of recommendations with a known status", range=[0, 150])},
                         legend=LEGEND_ABOVE)  # fmt: skip


def reports(df: pd.DataFrame) -> go.Figure:
    """Return grouped bars per cycle: reviews, national reports and mid-term reports, each labelled."""
    cycles = [f"Cycle {c}" for c in df["cycle"]]
    series = [("reviews", "Reviews", ""), ("national_reports", "National reports", "/")]
    series.append(("midterm_reports", "Mid-term reports", "."))
    data = [
        {"type": "bar", "x": cycles, "y": df[col].tolist(), "name": label, "marker": marker(OKABE_ITO[i], pattern),
         "text": df[col].tolist(), "textposition": "outside",
         "hovertemplate": f"%{{x}}: %{{y}} {label.lower()}<extra></extra>"}
        for i, (col, label, pattern) in enumerate(series)
    ]  # fmt: skip
    top = float(df["reviews"].max()) if len(df) else 1.0
    return figure(
        data, {"height": 340, "barmode": "group", "yaxis": axis("States", range=[0, top * 1.2])}, legend=LEGEND_ABOVE
    )


def ratification_by_instrument(df: pd.DataFrame) -> go.Figure:
    """Return stacked bars of join-requests per instrument by response, labelled with the share that led to joining."""
    df = plot_frame(df)
    rows = df.sort_values(["recommendations", "instrument"], ascending=[False, True]).iloc[::-1]
    names = rows["instrument_name"].tolist()
    data = _response_bars(names, rows)
    text = [
        f" {n:,} · {pct(s)} led to ratification" + (f" (median {m:.1f} y)" if pd.notna(m) else "")
        for n, s, m in zip(rows["recommendations"], rows["share_became_party"], rows["median_years_to_party"])
    ]
    data.append(_side_labels(names, rows["recommendations"].tolist(), text))
    right = float(rows["recommendations"].max()) * 2.1 if len(rows) else 1.0
    return figure(data, {"height": 120 + 26 * len(rows), "barmode": "stack",
                         "xaxis": axis("Recommendations asking to join", range=[0, right])},
                         legend=LEGEND_ABOVE)  # fmt: skip


def ratification_share(df: pd.DataFrame, by: str) -> go.Figure:
    """Return bars of the share of join-requests that led to ratification per `by` (region or response), labelled."""
    df = plot_frame(df)
    rows = df.sort_values(by, ascending=False)
    text = [
        f"{pct(s)} of {b + n:,}" + (f" · median {m:.1f} y" if pd.notna(m) else "")
        for s, b, n, m in zip(
            rows["share_became_party"], rows["became_party"], rows["not_party"], rows["median_years_to_party"]
        )
    ]
    trace = {
        "type": "bar", "orientation": "h", "y": rows[by].astype(str).tolist(), "name": "Led to ratification",
        "x": [0 if pd.isna(v) else v for v in rows["share_became_party"]], "text": text, "textposition": "outside",
        "marker": marker(OKABE_ITO[2]), "hovertemplate": "%{y}: %{x:.1f}% led to ratification<extra></extra>",
    }  # fmt: skip
    top = float(rows["share_became_party"].max()) if rows["share_became_party"].notna().any() else 10.0
    return figure([trace], {"height": 100 + 40 * len(rows),
                            "xaxis": axis("% that led to ratification", range=[0, max(top, 1.0) * 2])},
                            legend=LEGEND_ABOVE)  # fmt: skip


def ratification_totals(all_row: pd.DataFrame) -> list[tuple[str, str]]:
    """Return (label, value) tiles of the 'all' row of `upr_ratification_outcomes`."""
    if all_row.empty:
        return [("Asking to join (× instrument)", "0"), ("Became a party", "0"), ("Led to ratification", "—"),
                ("Median time to party", "—")]  # fmt: skip
    r = all_row.iloc[0]
    median = r["median_years_to_party"]
    return [
        ("Asking to join (× instrument)", f"{int(r['recommendations']):,}"),
        ("Became a party", f"{int(r['became_party']):,}"),
        ("Led to ratification", pct(r["share_became_party"])),
        ("Median time to party", "—" if pd.isna(median) else f"{median:.1f} years"),
    ]


SEARCH_COUNTS = ["matches", "supported", "noted", "pending"]


def search_page(df: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame]:
    """Return the totals and the recommendations of one `upr_search_page` result (NO_TEXT where none is bundled)."""
    rows = df[df["id"].notna()].drop(columns=SEARCH_COUNTS).reset_index(drop=True)
    if "recommended_by" in rows:  # the recommending States by name, as a manager reads them
        rows["recommended_by"] = [labels.country_list(v) for v in rows["recommended_by"]]
    return df[SEARCH_COUNTS].iloc[0], provenance.with_text_note(rows)


def search_summary(found: pd.Series, page_no: int, pages: int) -> str:
    """Return the line above the search results: matches by response and which page is shown."""
    n = int(found["matches"])
    if n == 0:
        return "**No recommendation matches.**"
    parts = ", ".join(f"{int(found[r]):,} {r}" for r in RESPONSES if int(found[r]))
    return f"**{n:,} matching recommendations** ({parts}) — page {page_no} of {pages:,}."
