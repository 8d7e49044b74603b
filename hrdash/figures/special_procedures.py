"""Figures of the Special Procedures page, built from the rows of its named queries (no Streamlit calls).

Every bar carries its number as text and series differ by hatching as well as colour (Okabe & Ito's
colour-blind-safe palette), so the charts read in greyscale and on a projector. Figures are written as
plotly specs and wrapped without plotly's per-property validation, which costs more than the rest of a
page run; tests/pages/test_special_procedures.py validates every builder's output instead.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..model import labels
from ..model.text import plot_frame
from . import colours
from .base import LEGEND_ABOVE, SCALE_MAP_MARGIN, axis, colour_bar, figure, marker, pct
from .colours import OKABE_ITO, SEQUENTIAL

KIND_STYLE = {"thematic": ("Thematic mandates", OKABE_ITO[0], ""), "country": ("Country mandates", OKABE_ITO[1], "/")}
TYPE_STYLE = {
    "urgent_appeals": ("Urgent appeals", OKABE_ITO[5], ""),
    "allegation_letters": ("Allegation letters", OKABE_ITO[0], "/"),
    "other_letters": ("Other letters", OKABE_ITO[4], "."),
}
PENDING_STYLE = {
    k: (label, colours.status(k), colours.pattern(k))
    for k, label in [("requested", "Requested, awaiting an answer"), ("no_reply", "No reply"),
                     ("postponed", "Postponed")]
}  # fmt: skip
BLUES = [[0.0, "#eff3ff"], [0.5, "#6baed6"], [1.0, "#08519c"]]  # light = few; plotly.js reverses the named "Blues"
INVITATION_COLOURS = {s: colours.status(s) for s in ("standing invitation", "none")}
KEY_FIGURES = [
    ("visits", "Country visits", "{:,.0f}"),
    ("countries_visited", "Countries visited", "{:,.0f}"),
    ("communications", "Communications", "{:,.0f}"),
    ("states", "States written to", "{:,.0f}"),
    ("joint_share", "Sent jointly (EA9)", "{:.0f}%"),
    ("reply_rate", "Replied to (EA6)", "{:.0f}%"),
    ("urgent_appeals", "Urgent appeals (EA10)", "{:,.0f}"),
    ("standing_invitations", "Standing invitations", "{:,.0f}"),
]
DATE_COLUMNS = ["request_date", "start_date", "end_date", "sent_date", "reply_date"]
LABELS = labels.glossary({"countries": "Countries in view", "name_in_seed": "Named in the Management Plan as"})


def _list(s: pd.Series) -> list:
    return [None if pd.isna(v) else v for v in s.tolist()]


def _bar(x: list, y: list, name: str, colour: str, pattern: str = "", **kw) -> dict:
    return {"type": "bar", "x": x, "y": y, "name": name, "marker": marker(colour, pattern), **kw}


def _hbar(y: list, x: list, name: str, colour: str, pattern: str = "", **kw) -> dict:
    return {"type": "bar", "orientation": "h", "y": y, "x": x, "name": name, "marker": marker(colour, pattern), **kw}


def _labels(x: list, y: list, text: list[str], position: str, horizontal: bool = False) -> dict:
    xy = {"y": x, "x": y} if horizontal else {"x": x, "y": y}
    return {"type": "scatter", "mode": "text", **xy, "text": text, "textposition": position, "showlegend": False,
            "hoverinfo": "skip", "name": "Total"}  # fmt: skip


def choropleth_layout(height: int = 430) -> dict:
    """Return the layout of a world map pinned to Greenwich (Streamlit's plotly.js recentres it otherwise)."""
    return {
        "height": height, "margin": {"l": 0, "r": 0, "t": 10, "b": 0},
        "geo": {"showframe": False, "showcoastlines": False, "showcountries": True,
                "projection": {"type": "natural earth", "rotation": {"lon": 0}}, "center": {"lon": 0}},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": -0.08, "xanchor": "center", "x": 0.5},
    }  # fmt: skip


def visits_per_year(df: pd.DataFrame) -> tuple[go.Figure, pd.DataFrame]:
    """Return stacked bars of completed visits per year by mandate kind (each segment and total labelled) and
    the per-year numbers they plot, from `sp_visits_by_region_year` rows."""
    cols = ["thematic", "country_mandate", "visits", "countries_visited"]
    sums: dict[int, list[int]] = {}
    for year, *values in zip(df["year"].tolist(), *(df[c].tolist() for c in cols)):
        sums[year] = [a + b for a, b in zip(sums.get(year, [0] * len(cols)), values)]
    per_year = pd.DataFrame([[y, *v] for y, v in sorted(sums.items())], columns=["year", *cols])
    years = per_year["year"].tolist()
    data = [
        _bar(years, per_year[col].tolist(), label, colour, pattern, text=per_year[col].tolist(),
             textposition="inside", insidetextanchor="middle", textangle=0,
             hovertemplate=f"{label}, %{{x}}: %{{y}} visits<extra></extra>")
        for col, (label, colour, pattern) in [("thematic", KIND_STYLE["thematic"]),
                                              ("country_mandate", KIND_STYLE["country"])]
    ]  # fmt: skip
    totals = per_year["visits"].tolist()
    data.append(_labels(years, totals, [f"<b>{v}</b>" for v in totals], "top center"))
    top = float(max(totals)) if totals else 1.0
    layout = {"height": 360, "barmode": "stack", "xaxis": {"dtick": 1}, "yaxis": axis("Visits", range=[0, top * 1.15])}
    return figure(data, layout, legend=LEGEND_ABOVE), per_year


def visits_map(df: pd.DataFrame) -> go.Figure:
    """Return the world map of completed visits per country (`sp_visits_by_country` rows)."""
    df = plot_frame(df)
    trace = {
        "type": "choropleth", "locations": df["iso3"].tolist(), "z": [float(v) for v in df["visits"]],
        "text": df["name"].tolist(), "locationmode": "ISO-3", "colorscale": SEQUENTIAL,
        "marker": {"line": {"color": "white", "width": 0.4}}, "colorbar": colour_bar("Visits"),
        "hovertemplate": "%{text}: %{z:,.0f} visits<extra></extra>",
    }  # fmt: skip
    return figure([trace], {**choropleth_layout(), "margin": SCALE_MAP_MARGIN}, legend=LEGEND_ABOVE)


def visits_by_region(df: pd.DataFrame) -> go.Figure:
    """Return a region × year grid of completed visits (rows ordered region, year), every cell printed."""
    df = plot_frame(df)
    regions = list(dict.fromkeys(df["ohchr_region"]))
    years = [str(y) for y in dict.fromkeys(df["year"])]
    values = df["visits"].tolist()
    z = [values[i * len(years) : (i + 1) * len(years)] for i in range(len(regions))][::-1]
    trace = {
        "type": "heatmap", "z": z, "x": years, "y": regions[::-1], "colorscale": BLUES, "showscale": False,
        "text": z, "texttemplate": "%{text}", "hovertemplate": "%{y}, %{x}: %{z} visits<extra></extra>",
    }  # fmt: skip
    return figure(
        [trace], {"height": 70 + 45 * max(1, len(regions)), "xaxis": {"type": "category"}}, legend=LEGEND_ABOVE
    )


def invitations_over_time(df: pd.DataFrame) -> go.Figure:
    """Return bars of the countries with a standing invitation at the end of each year ("n of N" labels)."""
    trace = _bar(
        df["year"].tolist(), df["with_invitation"].tolist(), "With a standing invitation",
        INVITATION_COLOURS["standing invitation"],
        text=[f"{n} of {t}" for n, t in zip(df["with_invitation"], df["countries"])], textposition="outside",
        customdata=df["new_invitations"].tolist(),
        hovertemplate="End of %{x}: %{y} countries (%{customdata} new in the year)<extra></extra>",
    )  # fmt: skip
    top = float(df["countries"].max()) if len(df) else 1.0
    return figure(
        [trace],
        {"height": 340, "xaxis": {"dtick": 1}, "yaxis": axis("Countries", range=[0, top * 1.1])},
        legend=LEGEND_ABOVE,
    )


def invitations_map(df: pd.DataFrame) -> go.Figure:
    """Return the world map of which countries have a standing invitation, one legend entry per status."""
    df = plot_frame(df)
    since = ["" if pd.isna(d) else f" since {pd.Timestamp(d):%Y-%m-%d}" for d in df["extended_date"]]
    hover = [f"{n}: {s}{d}" for n, s, d in zip(df["name"], df["status"], since)]
    data = []
    for status, colour in INVITATION_COLOURS.items():
        rows = [i for i, s in enumerate(df["status"]) if s == status]
        data.append({
            "type": "choropleth", "locations": [df["iso3"].iat[i] for i in rows], "z": [1] * len(rows),
            "text": [hover[i] for i in rows], "locationmode": "ISO-3", "colorscale": [[0, colour], [1, colour]],
            "showscale": False, "showlegend": True, "name": f"{status} ({len(rows)})",
            "marker": {"line": {"color": "white", "width": 0.4}}, "hovertemplate": "%{text}<extra></extra>",
        })  # fmt: skip
    return figure(data, choropleth_layout(), legend=LEGEND_ABOVE)


def pending_requests(df: pd.DataFrame, top: int = 20) -> go.Figure:
    """Return stacked bars of the `top` largest backlogs (rows in query order), labelled with the oldest's age."""
    df = plot_frame(df)
    rows = df.head(top).iloc[::-1]
    names = rows["name"].tolist()
    data = [
        _hbar(names, rows[col].tolist(), label, colour, pattern, text=[v or None for v in rows[col]],
              textposition="inside", insidetextanchor="middle", textangle=0,
              hovertemplate=f"%{{y}}: %{{x}} {label.lower()}<extra></extra>")
        for col, (label, colour, pattern) in PENDING_STYLE.items()
    ]  # fmt: skip
    text = [f" {n} · oldest {a:.1f} y" for n, a in zip(rows["not_yet_accepted"], rows["oldest_age_years"])]
    data.append(_labels(names, rows["not_yet_accepted"].tolist(), text, "middle right", horizontal=True))
    right = float(rows["not_yet_accepted"].max()) * 1.6 if len(rows) else 1.0
    return figure(data, {"height": 120 + 24 * len(rows), "barmode": "stack",
                         "xaxis": axis("Requests not yet accepted", range=[0, right])},
                         legend=LEGEND_ABOVE)  # fmt: skip


def acceptance_by_region(df: pd.DataFrame) -> go.Figure:
    """Return horizontal bars of the acceptance rate of visit requests per region, labelled "x% (a of b)"."""
    df = plot_frame(df)
    rows = df.iloc[::-1]
    text = [f"{pct(r)} ({a} of {n})" for r, a, n in zip(rows["acceptance_rate"], rows["accepted"], rows["answered"])]
    trace = _hbar(
        rows["ohchr_region"].tolist(), _list(rows["acceptance_rate"]), "Acceptance rate", OKABE_ITO[0], text=text,
        textposition="outside", hovertemplate="%{y}: %{x:.1f}% of answered requests accepted<extra></extra>",
    )  # fmt: skip
    return figure([trace], {"height": 100 + 40 * len(rows),
                            "xaxis": axis("% of answered requests accepted", range=[0, 118])},
                            legend=LEGEND_ABOVE)  # fmt: skip


def communications_per_year(df: pd.DataFrame) -> go.Figure:
    """Return stacked bars of communications per year by type (`sp_communications_by_year`), all labelled."""
    years = df["year"].tolist()
    data = [
        _bar(years, df[col].tolist(), label, colour, pattern, text=df[col].tolist(), textposition="inside",
             insidetextanchor="middle", textangle=0, hovertemplate=f"{label}, %{{x}}: %{{y}}<extra></extra>")
        for col, (label, colour, pattern) in TYPE_STYLE.items()
    ]  # fmt: skip
    data.append(
        _labels(years, df["communications"].tolist(), [f"<b>{v:,}</b>" for v in df["communications"]], "top center")
    )
    top = float(df["communications"].max()) if len(df) else 1.0
    return figure(data, {"height": 380, "barmode": "stack", "xaxis": {"dtick": 1},
                         "yaxis": axis("Communications", range=[0, top * 1.12])}, legend=LEGEND_ABOVE)  # fmt: skip


def joint_and_reply_shares(df: pd.DataFrame) -> go.Figure:
    """Return two labelled lines per year: share of communications sent jointly (EA9) and replied to (EA6)."""
    data = []
    for col, label, colour, dash, symbol, where in [
        ("joint_share", "Sent jointly by two or more mandates (EA9)", OKABE_ITO[0], "solid", "circle", "top center"),
        ("reply_rate", "Replied to by the State (EA6)", OKABE_ITO[2], "dash", "square", "bottom center"),
    ]:
        data.append({
            "type": "scatter", "x": df["year"].tolist(), "y": _list(df[col]), "name": label,
            "mode": "lines+markers+text", "textposition": where, "text": [pct(v) for v in df[col]],
            "line": {"color": colour, "dash": dash}, "marker": {"symbol": symbol, "size": 8},
            "hovertemplate": f"{label}, %{{x}}: %{{y:.1f}}%<extra></extra>",
        })  # fmt: skip
    return figure(
        data,
        {"height": 300, "xaxis": {"dtick": 1}, "yaxis": axis("% of communications", range=[0, 105])},
        legend=LEGEND_ABOVE,
    )


def reply_rates(df: pd.DataFrame, top: int = 20) -> go.Figure:
    """Return the reply rate of the `top` countries receiving most communications (rows in query order)."""
    df = plot_frame(df)
    rows = df.head(top).iloc[::-1]
    trace = _hbar(
        rows["name"].tolist(), _list(rows["reply_rate"]), "Reply rate", OKABE_ITO[2], textposition="outside",
        text=[f"{pct(r)} of {n}" for r, n in zip(rows["reply_rate"], rows["communications"])],
        hovertemplate="%{y}: replied to %{x:.1f}% of communications<extra></extra>",
    )  # fmt: skip
    return figure([trace], {"height": 120 + 24 * len(rows),
                            "xaxis": axis("% of communications replied to", range=[0, 118])},
                            legend=LEGEND_ABOVE)  # fmt: skip


def urgent_appeals(df: pd.DataFrame, top: int = 15) -> go.Figure:
    """Return horizontal bars of the `top` countries receiving most urgent appeals (EA10 early warning)."""
    df = plot_frame(df)
    rows = df[df["urgent_appeals"] > 0].sort_values(["urgent_appeals", "name"], ascending=[False, True]).head(top)
    rows = rows.iloc[::-1]
    trace = _hbar(
        rows["name"].tolist(), rows["urgent_appeals"].tolist(), "Urgent appeals", OKABE_ITO[5],
        text=rows["urgent_appeals"].tolist(), textposition="outside",
        hovertemplate="%{y}: %{x} urgent appeals<extra></extra>",
    )  # fmt: skip
    right = float(rows["urgent_appeals"].max()) * 1.15 if len(rows) else 1.0
    return figure(
        [trace],
        {"height": 120 + 24 * len(rows), "xaxis": axis("Urgent appeals", range=[0, right])},
        legend=LEGEND_ABOVE,
    )


def seed_table(key_figures: pd.DataFrame, seed: pd.DataFrame) -> pd.DataFrame:
    """Return the 2013 seed check as text: each figure of the data in 2013 (`sp_key_figures_by_year` rows) next to
    the seed's (`sp_seed_figures_2013` rows), and whether they agree."""
    row = key_figures[key_figures["year"] == 2013]

    def fmt(key: str, v: float) -> str:
        return "n/a" if v is None or pd.isna(v) else f"{100 * v:.0f}%" if key.endswith("share_2013") else f"{v:,.0f}"

    data = [
        fmt(k, row[c].iat[0] / per if len(row) else None)
        for k, c, per in zip(seed["key"], seed["data_column"], seed["data_per_seed_unit"])
    ]
    values = [fmt(k, v) for k, v in zip(seed["key"], seed["seed_value"])]
    return pd.DataFrame(
        {"Figure (2013)": seed["figure"], "In this data": data, "OHCHR Management Plan (global)": values,
         "Same": ["✓" if a == b else "≠" for a, b in zip(data, values)]}
    )  # fmt: skip


def engagement_table(df: pd.DataFrame, baseline: str, current: str) -> pd.DataFrame:
    """Return the EA6 target countries' met and three measures as "baseline → current years" text, one column each.

    `df` is `sp_engagement_targets` rows; `baseline` and `current` name the two windows (e.g. "2010–2013").
    """

    def yes_no(has: bool) -> str:
        return "yes" if has else "no"

    def rate(v: float | None, n: int) -> str:
        return f"{pct(v)} of {n}" if n else "none"

    def pair(a: str, n: str, b: str, m: str) -> list[str]:
        return [f"{rate(w, x)} → {rate(y, z)}" for w, x, y, z in zip(df[a], df[n], df[b], df[m])]

    span = f"{baseline} → {current}"
    return pd.DataFrame(
        {
            "Country": [n if n == s else f"{n} (seed: {s})" for n, s in zip(df["name"], df["name_in_seed"])],
            "Met": df["met"].tolist(),
            f"Standing invitation, end of {span}": [
                f"{yes_no(a)} → {yes_no(b)}" + (" (new)" if new else "")
                for a, b, new in zip(df["invitation_base"], df["invitation_now"], df["newly_invited"])
            ],
            f"Visit requests accepted, {span}": pair(
                "acceptance_base", "requests_answered_base", "acceptance_now", "requests_answered_now"
            ),
            f"Communications replied to, {span}": pair(
                "reply_rate_base", "communications_base", "reply_rate_now", "communications_now"
            ),
        }
    )


def engagement_labels(baseline: str, current: str) -> dict[str, str]:
    """Return the words of the `sp_engagement_targets` columns with the two windows' years, for its downloads."""
    return {**LABELS,
        "invitation_base": f"Standing invitation, end of {baseline}",
        "invitation_now": f"Standing invitation, end of {current}",
        "newly_invited": f"Standing invitation extended after {baseline}",
        "requests_answered_base": f"Requests answered, {baseline}", "acceptance_base": f"Accepted, {baseline} (%)",
        "requests_answered_now": f"Requests answered, {current}", "acceptance_now": f"Accepted, {current} (%)",
        "communications_base": f"Communications, {baseline}", "reply_rate_base": f"Replied, {baseline} (%)",
        "communications_now": f"Communications, {current}", "reply_rate_now": f"Replied, {current} (%)",
    }  # fmt: skip


def engagement_summary(df: pd.DataFrame, baseline: str, current: str) -> list[tuple[str, str, str]]:
    """Return (label, value in the current years, its context) tiles summing up the EA6 target countries.

    The context is the value in the baseline years, or for "Target met" how many have no data.
    """

    def mean(col: str) -> str:
        return pct(df[col].mean())

    n = len(df)
    return [
        ("Target met", f"{int((df['met'] == 'yes').sum())} of {n}",
         f"{int((df['met'] == 'no data').sum())} with no data"),
        (f"With a standing invitation, end of {current}", f"{int(df['invitation_now'].sum())} of {n}",
         f"{int(df['invitation_base'].sum())} of {n} in {baseline}"),
        (f"Visit requests accepted, {current} (mean)", mean("acceptance_now"),
         f"{mean('acceptance_base')} in {baseline}"),
        (f"Replies, {current} (mean)", mean("reply_rate_now"), f"{mean('reply_rate_base')} in {baseline}"),
    ]  # fmt: skip


def key_figures(df: pd.DataFrame, year: int, baseline: int = 2013) -> list[tuple[str, str, str | None]]:
    """Return (label, value in `year`, change since `baseline` or None) per key figure (`sp_key_figures_by_year`)."""
    rows = {int(r["year"]): r for r in df.to_dict("records")}
    now_row, base_row = rows.get(year, {}), rows.get(baseline, {})
    out = []
    for col, label, fmt in KEY_FIGURES:
        now, base = now_row.get(col), base_row.get(col)
        value = "n/a" if now is None or pd.isna(now) else fmt.format(now)
        delta = None
        if year != baseline and now is not None and base is not None and not (pd.isna(now) or pd.isna(base)):
            delta = f"{now - base:+,.0f}{' pts' if fmt.endswith('%') else ''} vs {baseline}"
        out.append((label, value, delta))
    return out


def without_invitation(df: pd.DataFrame) -> list[str]:
    """Return the names of the countries without a standing invitation (`sp_standing_invitation_by_country` rows)."""
    return sorted(df.loc[df["status"] == "none", "name"])
