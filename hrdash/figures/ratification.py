"""Figures of the Ratification (EA2) page, built from the rows of its named queries.

Every figure carries its numbers as text on the marks (or symbols in the status grid), so it reads
without telling colours apart; colours come from Okabe & Ito's colour-blind-safe palette. Figures
are assembled at once from dicts (charts.assemble), which plotly validates far faster.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..model.text import plot, plot_frame
from . import colours
from .base import category_map, figure, plain
from .colours import OKABE_ITO, SEQUENTIAL

STATUS_COLOURS = {s: colours.status(s) for s in ("party", "signatory", "denounced", "no action")}
STATUS_SYMBOLS = {"party": "●", "signatory": "○", "denounced": "×", "no action": "·"}
# The country grid marks one status of each pair that colour alone could confuse: ○ signatory (sky blue, beside
# party's blue) and × denounced (vermillion, beside no action's orange). Every symbol is an SVG text the
# browser lays out: one in each of 196 × 18 cells took ~2 s to draw (bench/browser_speed.py), empty cells cost nothing.
GRID_SYMBOLS = {"party": "", "signatory": "○", "denounced": "×", "no action": ""}
STATUS_CODE = {"no action": 0, "denounced": 1, "signatory": 2, "party": 3}
MARKERS = ["circle", "square", "diamond", "triangle-up", "x", "star", "cross", "triangle-down"]
DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"]
MATRIX_SORTS = {
    "name": "Country name",
    "most": "Most instruments ratified first",
    "fewest": "Fewest instruments ratified first",
    "region": "OHCHR region, then name",
}


def _dates(s: pd.Series) -> pd.Series:
    return pd.to_datetime(s).dt.strftime("%Y-%m-%d").fillna("—")


def _years(s: pd.Series) -> pd.Series:
    return pd.to_datetime(s).dt.year.astype("Int64").astype(str)


def _reserved(df: pd.DataFrame) -> np.ndarray:
    """Return True where a row's reservations are known to be made (False where not, or not known)."""
    return df["reservations"].astype("boolean").fillna(False).to_numpy(dtype=bool)


def _hover(df: pd.DataFrame, instrument: pd.Series | str) -> pd.Series:
    """Return "<country> — <instrument>: <status>", the dates and any reservations, one string per row."""
    return (
        df["name"] + " — " + instrument + ": " + df["status"]
        + "<br>signed " + _dates(df["signature_date"]) + "; consent " + _dates(df["consent_date"])
        + np.where(df["consent_type"].notna(), " (" + df["consent_type"].fillna("") + ")", "")
        + np.where(_reserved(df), "<br>with reservations", "")
        + np.where((df["status"] == "party") & df["reservations"].isna(), "<br>reservations not known", "")
    )  # fmt: skip


def status_map(df: pd.DataFrame, instrument: str) -> go.Figure:
    """Return the world map of one instrument's status per country (`ratification_status_by_country` rows)."""
    return category_map(df, "status", STATUS_COLOURS, hover=_hover(plot_frame(df), plot(instrument)))


def parties_over_time(df: pd.DataFrame) -> go.Figure:
    """Return lines of the number of States parties per year, one per instrument.

    Each line has its own marker and dash, and its legend entry gives the last year's number, so the
    chart reads without colour; the legend lists the lines from the highest to the lowest.
    """
    df = plot_frame(df)
    last_year = df["year"].max()
    latest = df[df["year"] == last_year].set_index("short_name")["parties"].sort_values(ascending=False)
    data = []
    for i, name in enumerate(latest.index):
        rows = df[df["short_name"] == name]
        data.append(
            {"type": "scatter", **plain(x=rows["year"], y=rows["parties"]), "mode": "lines+markers",
             "name": f"{name}: {latest[name]} in {last_year}",
             "line": {"color": OKABE_ITO[i % len(OKABE_ITO)], "dash": DASHES[i % len(DASHES)]},
             "marker": {"symbol": MARKERS[i % len(MARKERS)]},
             "hovertemplate": f"{name}, %{{x}}: %{{y}} States parties<extra></extra>"}
        )  # fmt: skip
    top = float(df["parties"].max()) if len(df) else 1.0
    return figure(
        data,
        {"height": 380, "xaxis": {"dtick": 1}, "legend": {"title": {"text": "Instrument: parties"}},
         "yaxis": {"title": {"text": "States parties (end of year)"}, "range": [0, max(top, 1) * 1.08]}},
        validate=True,
    )  # fmt: skip


def new_ratifications(df: pd.DataFrame) -> go.Figure:
    """Return stacked bars of new ratifications per year: core treaties and (hatched) optional protocols."""
    data = []
    for kind, label, colour, pattern in [
        ("core", "Core treaties", OKABE_ITO[0], ""),
        ("optional_protocol", "Optional protocols", OKABE_ITO[1], "/"),
    ]:
        rows = df[df["kind"] == kind]
        data.append(
            {"type": "bar", **plain(x=rows["year"], y=rows["new_ratifications"], text=rows["new_ratifications"]),
             "name": label, "marker": {"color": colour, "pattern": {"shape": pattern}}, "textposition": "inside",
             "insidetextanchor": "middle", "hovertemplate": f"{label}, %{{x}}: %{{y}} new<extra></extra>"}
        )  # fmt: skip
    totals = df.groupby("year", as_index=False)["new_ratifications"].sum()
    data.append(
        {"type": "scatter", **plain(x=totals["year"], y=totals["new_ratifications"], text=totals["new_ratifications"]),
         "mode": "text", "textposition": "top center", "showlegend": False, "hoverinfo": "skip"}
    )  # fmt: skip
    return figure(
        data,
        {"height": 340, "barmode": "stack", "xaxis": {"dtick": 1},
         "yaxis": {"title": {"text": "New ratifications and accessions"}}},
        validate=True,
    )  # fmt: skip


def rate_heatmap(df: pd.DataFrame, order: list[str]) -> go.Figure:
    """Return the region × instrument heatmap of ratification rates (%), the rate printed in each cell.

    `order` lists the instruments' short names in axis order.
    """
    df, order = plot_frame(df), [plot(o) for o in order]
    regions = list(dict.fromkeys(df["region"]))
    z = df.pivot(index="region", columns="short_name", values="rate")
    z = z.reindex(index=regions, columns=[c for c in order if c in z.columns])
    parties = df.pivot(index="region", columns="short_name", values="parties").reindex_like(z)
    countries = df.pivot(index="region", columns="short_name", values="countries").reindex_like(z)
    heat = {
        "type": "heatmap", "z": z.to_numpy(), "x": list(z.columns), "y": regions, "zmin": 0, "zmax": 100,
        "colorscale": SEQUENTIAL, "text": z.map(lambda v: f"{v:.0f}%").to_numpy(), "texttemplate": "%{text}",
        "textfont": {"size": 11}, "xgap": 1, "ygap": 1,
        "customdata": (parties.astype(int).astype(str) + " of " + countries.astype(int).astype(str)).to_numpy(),
        "hovertemplate": "%{y} — %{x}: %{z:.1f}% (%{customdata} countries)<extra></extra>",
        "colorbar": {"title": {"text": "% parties"}, "ticksuffix": "%"},
    }  # fmt: skip
    return figure(
        [heat],
        {"height": 90 + 34 * len(regions), "xaxis": {"side": "top", "tickangle": -45},
         "yaxis": {"autorange": "reversed"}},
        validate=True,
    )  # fmt: skip


def rate_bars(df: pd.DataFrame, category: str, note: str | None = None) -> go.Figure:
    """Return horizontal bars of `rate` per `category`, lowest at the top, labelled "rate% (parties of total)".

    `note` names a column whose text is appended to each label (e.g. new parties in the period).
    """
    df = plot_frame(df)
    total = df["countries"] * df.get("instruments", 1)
    label = df["rate"].map(lambda v: f"{v:.1f}%") + " (" + df["parties"].astype(str) + " of " + total.astype(str) + ")"
    if note:
        label = label + df[note]
    bars = {
        "type": "bar", **plain(x=df["rate"], y=df[category], text=label), "orientation": "h",
        "textposition": "outside", "cliponaxis": False, "marker": {"color": OKABE_ITO[0]},
        "hovertemplate": "%{y}: %{text}<extra></extra>",
    }  # fmt: skip
    return figure(
        [bars],
        {"height": 80 + 24 * len(df), "yaxis": {"autorange": "reversed"},
         "xaxis": {"range": [0, 160 if note else 135], "title": {"text": "% of States parties"}, "ticksuffix": "%",
                   "tickvals": [0, 25, 50, 75, 100]}},
        validate=True,
    )  # fmt: skip


def reservations_bars(df: pd.DataFrame) -> go.Figure:
    """Return horizontal bars of States parties with reservations per instrument, labelled "n of parties".

    Instruments whose parties' reservations are not known (with_reservations empty) have no bar: see
    `reservations_note` for the sentence that says so.
    """
    df = plot_frame(df[df["with_reservations"].fillna(0) > 0])
    label = df["with_reservations"].astype(str) + " of " + df["parties"].astype(str) + " parties"
    bars = {
        "type": "bar", **plain(x=df["with_reservations"], y=df["short_name"], text=label), "orientation": "h",
        "textposition": "outside", "cliponaxis": False, "marker": {"color": OKABE_ITO[5]},
        "hovertemplate": "%{y}: %{text}<extra></extra>",
    }  # fmt: skip
    top = float(df["with_reservations"].max()) if len(df) else 1.0
    return figure(
        [bars],
        {"height": 60 + 24 * len(df), "yaxis": {"autorange": "reversed"},
         "xaxis": {"range": [0, top * 1.45], "title": {"text": "States parties with reservations"}}},
        validate=True,
    )  # fmt: skip


def reservations_note(df: pd.DataFrame) -> str:
    """Return a sentence on the parties whose reservations are not known (ratification_reservations_by_instrument
    rows), or "" when every party's are known."""
    unknown = int(df["reservations_not_known"].sum()) if "reservations_not_known" in df else 0
    if not unknown:
        return ""
    parties = int(df["parties"].sum())
    return (
        f"Reservations are not known for {unknown:,} of the {parties:,} State-party pairs shown: the UN Treaty "
        "Collection status the dashboard bundles does not say which States made reservations, so they are neither "
        "counted as reservations nor as none. Import a file that gives them (a canonical ratification table with a "
        "reservations column) to fill them in."
    )


def _matrix_order(df: pd.DataFrame, sort: str) -> list[str]:
    countries = df.drop_duplicates("iso3").set_index("iso3")[["name", "ohchr_region"]]
    countries["parties"] = (df["status"] == "party").groupby(df["iso3"]).sum()
    by = {
        "name": (["name"], [True]),
        "most": (["parties", "name"], [False, True]),
        "fewest": (["parties", "name"], [True, True]),
        "region": (["ohchr_region", "name"], [True, True]),
    }[sort]
    return list(countries.sort_values(by[0], ascending=by[1]).index)


def _grid(df: pd.DataFrame, values: pd.Series, rows: list[str], cols: list[str], fill) -> np.ndarray:
    """Return `values` (aligned with df's rows) as a rows × cols array, `fill` where a pair is missing."""
    wide = values.set_axis(pd.MultiIndex.from_arrays([df["iso3"], df["short_name"]])).unstack()
    return wide.reindex(index=rows, columns=cols).fillna(fill).to_numpy()


def matrix_table(df: pd.DataFrame, order: list[str], sort: str = "name") -> pd.DataFrame:
    """Return the status grid as a table: one row per country, one column per instrument, status in words.

    A party's cell reads "● party 1972" (with " (res.)" when it has reservations), a signatory's
    "○ signed 2001", a State that denounced it "× denounced 1998", no action "·"; `order` lists the instruments'
    short names in column order.
    """
    party = "● party " + _years(df["consent_date"]) + np.where(_reserved(df), " (res.)", "")
    denounced = "× denounced " + _years(df["denounced_date"]) if "denounced_date" in df else "× denounced"
    cell = np.where(df["status"] == "party", party, np.where(df["status"] == "signatory",
                    "○ signed " + _years(df["signature_date"]),
                    np.where(df["status"] == "denounced", denounced, "·")))  # fmt: skip
    rows = _matrix_order(df, sort)
    cols = [c for c in order if c in set(df["short_name"])]
    out = pd.DataFrame(_grid(df, pd.Series(cell, index=df.index), rows, cols, "·"), columns=cols)
    names = df.drop_duplicates("iso3").set_index("iso3")["name"]
    parties = (df["status"] == "party").groupby(df["iso3"]).sum()
    out.insert(0, "ISO3", rows)
    out.insert(1, "Country", names.reindex(rows).to_numpy())
    out.insert(2, "Instruments ratified", parties.reindex(rows).astype(int).to_numpy())
    return out


def status_matrix(df: pd.DataFrame, order: list[str], sort: str = "name") -> go.Figure:
    """Return the country × instrument status grid: a coloured cell per status, dates on hover.

    Party (blue), ○ signatory (sky blue), × denounced (vermillion), no action (orange) — the page's caption is the
    legend (GRID_SYMBOLS: why only two symbols); rows in the `sort` order of MATRIX_SORTS.
    """
    df, order = plot_frame(df), [plot(o) for o in order]
    rows = _matrix_order(df, sort)
    cols = [c for c in order if c in set(df["short_name"])]
    names = df.drop_duplicates("iso3").set_index("iso3")["name"].reindex(rows).to_numpy()
    # One band of the colour scale per status code (0 no action … 3 party), each a quarter of it.
    bands = [STATUS_COLOURS[s] for s in sorted(STATUS_CODE, key=STATUS_CODE.get)]
    scale = [[edge, colour] for i, colour in enumerate(bands) for edge in (i / len(bands), (i + 1) / len(bands))]
    heat = {
        "type": "heatmap", "z": _grid(df, df["status"].map(STATUS_CODE), rows, cols, 0), "x": cols,
        "y": names, "zmin": 0, "zmax": len(bands) - 1, "showscale": False, "xgap": 1, "ygap": 1,
        "colorscale": scale,
        "text": _grid(df, df["status"].map(GRID_SYMBOLS), rows, cols, ""), "texttemplate": "%{text}",
        "textfont": {"size": 12}, "customdata": _grid(df, _hover(df, df["short_name"]), rows, cols, ""),
        "hovertemplate": "%{customdata}<extra></extra>",
    }  # fmt: skip
    return figure(
        [heat],
        {"height": 110 + 18 * len(rows), "plot_bgcolor": "white",
         "xaxis": {"side": "top", "tickangle": -45}, "yaxis": {"autorange": "reversed", "automargin": True}},
        validate=True,
    )  # fmt: skip
