"""Widgets every page uses: tables with CSV / Excel export, plotly charts (a map opens a country's profile)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st

from ..db import query
from ..exports import tables as export
from ..figures.base import PLOTLY_CONFIG
from ..model import labels as glossary
from ..model import text
from ..model.filters import Filters
from ..model.text import md
from ..profile import data as profile
from . import pages, printing
from .data import build_info, query_params, run, source_files, with_reader

PROFILE_URL_PARAM = "country"  # ?country=LBR opens the Country profile on Liberia


def export_buttons(
    name: str,
    filters: Filters,
    *,
    page: str,
    title: str,
    labels: dict[str, str],
    key: str,
    frame: Callable[[], pd.DataFrame] | None = None,
    **params: Any,
) -> None:
    """Draw CSV and Excel download buttons for query `name`, generated from DuckDB on click.

    `frame`: a function returning the rows to export instead, as the page already holds them (the Country
    profile's tables); called on click.
    """
    info = export.ExportInfo(
        page=page,
        table=title,
        filters=filters.describe(),
        build_date=build_info().get("built_at", ""),
        source_files=source_files(),
        view_sources=run("rows_by_source", filters).groupby("source")["rows"].sum().astype(int).to_dict(),
    )
    if frame is not None:
        csv_bytes = partial(_of_rows, export.frame_csv_bytes, frame, labels)
        xlsx_bytes = partial(_of_rows, export.frame_xlsx_bytes, frame, labels, info)
    else:
        sql, bound = query.bind(name, query_params(name, filters, params))
        csv_bytes = partial(with_reader, export.csv_bytes, sql, bound, labels)
        xlsx_bytes = partial(with_reader, export.xlsx_bytes, sql, bound, labels, info)
    c1, c2, _ = st.columns([1, 1, 4])
    c1.download_button(
        "⬇ CSV", data=csv_bytes, file_name=f"{key}.csv",
        mime="text/csv", key=f"{key}_csv", on_click="ignore", help=f"{md(title)}: every row under the current filters",
    )  # fmt: skip
    c2.download_button(
        "⬇ Excel", data=xlsx_bytes, file_name=f"{key}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"{key}_xlsx",
        on_click="ignore", help="With an 'About' sheet: filters, sources, build date",
    )  # fmt: skip


def _of_rows(fn: Callable[..., Any], rows: Callable[[], pd.DataFrame], *args: Any) -> Any:
    return fn(rows(), *args)


def date_columns(df: pd.DataFrame) -> dict[str, Any]:
    """Return column settings that show date-only datetime columns (DuckDB DATEs) without a time of day."""
    out = {}
    for name in df.columns[[pd.api.types.is_datetime64_any_dtype(t) for t in df.dtypes]]:
        values = df[name].dropna()
        if (values == values.dt.normalize()).all():
            out[name] = st.column_config.DateColumn(format="YYYY-MM-DD")
    return out


def number_columns(df: pd.DataFrame, kinds: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Return column settings that show numbers as `text.number` does: a column of `kinds` ({column: "share", …})
    in its kind, other fractional columns with one decimal (never 44.4444)."""
    out = {}
    for name in df.columns[[pd.api.types.is_float_dtype(t) for t in df.dtypes]]:
        kind = (kinds or {}).get(name)
        if kind is None and (df[name].dropna() % 1 == 0).all():
            continue
        out[name] = st.column_config.NumberColumn(format=text.printf(kind or "figure"))
    return out


def table(
    name: str,
    filters: Filters,
    *,
    page: str,
    title: str,
    labels: dict[str, str],
    key: str,
    kinds: Mapping[str, str] | None = None,
    slides: Any = None,
    **params: Any,
) -> pd.DataFrame:
    """Draw the result of query `name` as a table with human column names and export buttons; return the result.

    `kinds`: {shown column: "share" / "mean" / "count"}, how its numbers read (`text.number`). `slides`: the page's
    frame, to put this key table (targets, overdue reports; small) in the page's deck and presentation too."""
    df = run(name, filters, **params)
    if slides is not None:
        slides.table(df, title=title, labels=labels)
    shown = glossary.in_words_frame(df.rename(columns=labels))
    config = {**date_columns(shown), **number_columns(shown, kinds)}
    printing.dataframe(shown, hide_index=True, key=key, width="stretch", column_config=config, placeholder="")
    export_buttons(name, filters, page=page, title=title, labels=labels, key=key, **params)
    return df


def show_data(data: pd.DataFrame, *, key: str, labels: dict[str, str] | None = None) -> None:
    """Draw a "Show data" expander with the numbers a chart plots, under human column names (none in print view:
    the chart is on the paper, and an expander is a control)."""
    if printing.active():
        return
    with st.expander("Show data"):
        shown = glossary.in_words_frame(data.rename(columns=labels or {}))
        config = {**date_columns(shown), **number_columns(shown)}
        st.dataframe(shown, hide_index=True, key=f"{key}_data", column_config=config, placeholder="")


def is_map(fig: Any) -> bool:
    """Return True if a plotly figure (object or dict) draws countries (a choropleth)."""
    traces = fig.get("data", []) if isinstance(fig, dict) else getattr(fig, "data", [])
    return any((t.get("type") if isinstance(t, dict) else getattr(t, "type", None)) == "choropleth" for t in traces)


def open_profile_on_click(event: Any) -> None:
    """Open the Country profile of the country clicked on a map drawn with on_select="rerun"."""
    iso3 = profile.country_from_selection(getattr(event, "selection", None))
    if iso3:
        st.switch_page(pages.COUNTRY_PROFILE.view, query_params={PROFILE_URL_PARAM: iso3})


def plotly_chart(fig: Any, *, key: str) -> None:
    """Draw a plotly figure; a map also opens the profile of the country clicked."""
    if is_map(fig):
        event = st.plotly_chart(fig, config=PLOTLY_CONFIG, key=key, on_select="rerun", selection_mode="points")
        if not printing.active():
            st.caption("Click a country to open its profile.")
        open_profile_on_click(event)
    else:
        st.plotly_chart(fig, config=PLOTLY_CONFIG, key=key)


_TABS = "hr_tabs"  # session: this run's tab state {"every": run all tabs, "seen": a page drew tabs, "tab": current}


def every_tab(on: bool) -> None:
    """Say whether this run's tabs all run (the page's deck or presentation needs them all); called by the page
    frame at the top of every run."""
    st.session_state[_TABS] = {"every": on, "seen": False, "tab": ""}


def current_tab() -> str:
    """Return the label of the tab being drawn ("" outside tabs)."""
    return st.session_state.get(_TABS, {}).get("tab", "")


def has_tabs() -> bool:
    """Return True if this run drew tabs that run only when open."""
    return bool(st.session_state.get(_TABS, {}).get("seen"))


def tab_runs(tab: Any, label: str) -> bool:
    """Return True if a tab's content runs in this run: the open tab, or every tab when the deck or presentation
    needs them all (a tab not open is not on screen, so drawing into it changes nothing the manager sees; its
    widgets keep their URL or default values). Notes the tab's label for the slides' titles."""
    state = st.session_state.setdefault(_TABS, {"every": False, "seen": False, "tab": ""})
    state["seen"], state["tab"] = True, label
    return bool(tab.open or state["every"])


def lazy_tabs(sections: Mapping[str, Callable[[], None]], *, key: str, flat: bool | None = None) -> None:
    """Draw tabs kept in the URL (?<key>=<label>) and run only the open tab's function (every tab's when the page's
    deck or presentation needs them all: `every_tab`).

    Only the open tab runs its queries and builds its figures, and a shared link opens the same tab. With `flat`
    (by default: in print view) there are no tabs: every section is drawn, one after the other under its label as
    a small heading, each from the second on starting a printed page.
    """
    if printing.active() if flat is None else flat:
        for i, (label, draw) in enumerate(sections.items()):
            with printing.section(f"{key}_{i}") if i else st.container():
                st.subheader(md(label))  # a small heading: the section's own header follows it
                draw()
        return
    for (label, draw), tab in zip(sections.items(), st.tabs(list(sections), key=key, bind="query-params")):
        if tab_runs(tab, label):
            with tab:
                draw()
    st.session_state[_TABS]["tab"] = ""
