"""Streamlit glue shared by every page: cached connection and queries, filters, banners."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from . import db, presenting, query
from . import provenance as prov  # ui.provenance() draws it
from .exports import tables as export
from .filters import OHCHR_REGIONS, Filters
from .importers import service
from .importers.gate import GATE
from .paths import default_db
from .profile import data as profile
from .text import md

ALL_REGIONS = "All regions"
PROFILE_PAGE = "views/country_profile.py"
PROFILE_URL_PARAM = "country"
# The charts a page draws in this script run, its title, and the place at its top for its slide deck.
PAGE_CHARTS, PAGE_TITLE, SLIDES_SLOT = "_page_charts", "_page_title", "_page_slides_slot"
PRESENTER = "_page_presenter"  # in presentation mode: where the page's charts are shown one at a time


@st.cache_resource(show_spinner="Preparing the database (first start only)…")
def _connect(path: str) -> duckdb.DuckDBPyConnection:
    db.ensure_built(Path(path), progress=lambda m: None)
    return duckdb.connect(path, read_only=True)


def connection() -> duckdb.DuckDBPyConnection:
    """Return the app's read-only connection to $HRDASH_DB, building the database first if needed."""
    return _connect(str(default_db()))


def _query(path: str, name: str, params: tuple[tuple[str, Any], ...]) -> pd.DataFrame:
    with GATE.shared():  # waits while an import holds the database (write_connection)
        return query.run(_connect(path), name, {k: list(v) if isinstance(v, tuple) else v for k, v in params})


def _key(params: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


@st.cache_data(max_entries=512, show_spinner=False)
def _cached(path: str, name: str, params: tuple[tuple[str, Any], ...]) -> pd.DataFrame:
    return _query(path, name, params)


@st.cache_resource(max_entries=256, show_spinner=False)
def _cached_frozen(path: str, name: str, params: tuple[tuple[str, Any], ...]) -> pd.DataFrame:
    return _query(path, name, params)


def run_frozen(name: str, **params: Any) -> pd.DataFrame:
    """Return named query `name` (no filters) from a cache that hands out the same frame every time.

    For callers that only read the frame: st.cache_data copies (unpickles) a result on every use, which
    costs a millisecond or more a frame; the Country profile reads some twenty on every change.
    """
    return _cached_frozen(str(default_db()), name, _key(params))


def _shared(fn: Callable[..., Any], *args: Any) -> Any:
    with GATE.shared():
        return fn(connection(), *args)


def _of_rows(fn: Callable[..., Any], rows: Callable[[], pd.DataFrame], *args: Any) -> Any:
    return fn(rows(), *args)


@contextmanager
def write_connection() -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a read-write connection to the app's database for an import, then drop cached query results.

    DuckDB allows, per process, connections of one configuration only: the cached read-only
    connection is closed first (the gate makes this process's other queries wait), and reopened
    read-only on the next query. Holds the database's import lock meanwhile. Raises
    importers.model.Locked if another process holds the file.
    """
    path = str(default_db())
    with GATE.exclusive():
        _connect(path).close()
        _connect.clear(path)
        with service.import_lock(Path(path)):  # after _connect: a rebuild it starts takes this lock too
            con = service.connect_writer(Path(path))
            try:
                yield con
            finally:
                con.close()
                st.cache_data.clear()
                _cached_frozen.clear()


def _params(name: str, filters: Filters | None, params: dict[str, Any]) -> dict[str, Any]:
    return {**filters.for_query(query.parameters(name)), **params} if filters is not None else params


def run(name: str, filters: Filters | None = None, **params: Any) -> pd.DataFrame:
    """Return named query `name` with the filter parameters it takes plus `params` (cached)."""
    return _cached(str(default_db()), name, _key(_params(name, filters, params)))


def sidebar_filters() -> Filters:
    """Draw the global filters in the sidebar, bound to the URL, and return them.

    The URL holds what the widgets show (region and country names, EA codes, years), so a
    shared link is readable: ?region=Africa&countries=Kenya&year_from=2010&target_ea=EA2.
    """
    countries = run("country_options")
    iso3_of = dict(zip(countries["name"], countries["iso3"]))
    eas = run("ea_options")
    ea_names = {r.code: f"{r.short_name} — {r.target_countries} target countries" for r in eas.itertuples()}
    years = run("data_years").iloc[0]
    year_options = list(range(int(years["first_year"]), int(years["last_year"]) + 1))
    with st.sidebar:
        st.header("Filters")
        region = st.selectbox("OHCHR region", [ALL_REGIONS, *OHCHR_REGIONS], key="region", bind="query-params")
        chosen = st.multiselect(
            "Countries", list(iso3_of), key="countries", bind="query-params", placeholder="All countries"
        )
        c1, c2 = st.columns(2)
        year_from = c1.selectbox("From", year_options, index=0, key="year_from", bind="query-params")
        year_to = c2.selectbox("To", year_options, index=len(year_options) - 1, key="year_to", bind="query-params")
        target = st.selectbox(
            "Only target countries of", list(ea_names), index=None, key="target_ea", bind="query-params",
            placeholder="Any country (no EA filter)",
            help="Countries that OHCHR's Management Plan 2014–2017 (seed 004) names as targets of an expected "
            "accomplishment: " + "; ".join(f"{k}: {md(v)}" for k, v in ea_names.items()),
        )  # fmt: skip
        if target:
            st.caption(f"{md(target)}: {md(ea_names[target])}")
        if year_from > year_to:
            st.warning("'From' is after 'To': the years were swapped.")
            year_from, year_to = year_to, year_from
    return Filters(
        year_from=int(year_from), year_to=int(year_to), region=None if region == ALL_REGIONS else region,
        countries=tuple(sorted(iso3_of[n] for n in chosen)), target_ea=target,
    )  # fmt: skip


def begin_page(title: str) -> None:
    """Start a page's script run (app.py): forget the charts of the last run."""
    st.session_state[PAGE_TITLE] = title
    st.session_state[PAGE_CHARTS] = []
    st.session_state.pop(SLIDES_SLOT, None)
    st.session_state.pop(PRESENTER, None)


def page_key() -> str:
    """Return a key for the page being drawn, from its title (e.g. "special_procedures")."""
    title = st.session_state.get(PAGE_TITLE, "page")
    return "".join(c if c.isalnum() else "_" for c in title.lower()).strip("_")


def demo_banner(filters: Filters) -> pd.DataFrame:
    """Show how much of the view is demo data (a warning when any is) and return the counts.

    Below it: a place for the page's slide deck, which `provenance` fills at the page's end (once every
    chart of the page is drawn), and the print view and presentation mode toggles. In presentation mode
    the page is drawn as usual but hidden, and its charts are shown one at a time at the end.
    """
    counts = run("rows_by_source", filters)
    demo_warning(counts)
    with st.container(key=presenting.CONTROLS_KEY):
        slot, toggles = st.columns([2, 3], vertical_alignment="center")
        st.session_state[SLIDES_SLOT] = slot.empty()
        with toggles:
            mode = presenting.controls(page_key())
    presenting.style(mode)
    if mode == presenting.PRESENT:
        st.html(presenting.PRESENT_ONLY_CSS)
        st.session_state[PRESENTER] = st.container(key=presenting.PRESENTER_KEY)
    return counts


def demo_warning(counts: pd.DataFrame) -> None:
    """Say how much of the rows counted by source (`rows_by_source`'s columns) is real and which parts are demo.

    A warning when any row is demo data ("Real public data 62% · demo 38% (Special Procedures, …)"); otherwise a
    note that the whole view is real.
    """
    sentence = prov.share_sentence(counts)
    if prov.shares(counts)["demo"]:
        st.warning(
            f"**{sentence}.** Demo rows are generated illustrative data, not real figures; the sources below say "
            "which rows are real (public data, seed facts, imported files).",
            icon="⚠️",
        )
    else:
        st.success(sentence, icon="✅")


def source_files() -> dict[str, str]:
    """Return {import source: file name} of the database's imports (for naming sources)."""
    return dict(run("import_files")[["source", "file_name"]].itertuples(index=False))


def provenance(counts: pd.DataFrame) -> None:
    """Draw the sources of the rows in view, with readable names, and the build date."""
    info = dict(run("build_info").itertuples(index=False))
    by_source = provenance_table(counts)
    st.subheader("Where these figures come from")
    st.caption(
        "Real: public data bundled with the dashboard (UN Treaty Collection, UPR calendar and cycle-1 "
        "recommendations), facts stated in seed documents, curated reference data and files imported on the Data "
        "page. Demo: generated illustrative data, not real. "
        f"Database built {md(info.get('built_at', 'unknown'))} (demo scale {md(info.get('scale', '?'))})."
    )
    st.dataframe(by_source, hide_index=True, key="provenance")
    from . import slides_ui  # it uses this module

    slides_ui.page_slides(counts)


def provenance_table(counts: pd.DataFrame) -> pd.DataFrame:
    """Return the sources table of a view: readable source, kind, rows in view (thousands separated), source tag."""
    table = prov.by_source(counts, source_files())
    return table.rename(columns={"Rows": "Rows in view", "source": "Code"})


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
        build_date=dict(run("build_info").values).get("built_at", ""),
        source_files=source_files(),
    )
    if frame is not None:
        csv_bytes = partial(_of_rows, export.frame_csv_bytes, frame, labels)
        xlsx_bytes = partial(_of_rows, export.frame_xlsx_bytes, frame, labels, info)
    else:
        sql, bound = query.bind(name, _params(name, filters, params))
        csv_bytes = partial(_shared, export.csv_bytes, sql, bound, labels)
        xlsx_bytes = partial(_shared, export.xlsx_bytes, sql, bound, labels, info)
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


def _date_columns(df: pd.DataFrame) -> dict[str, Any]:
    """Return column settings that show date-only datetime columns (DuckDB DATEs) without a time of day."""
    out = {}
    for name in df.columns[[pd.api.types.is_datetime64_any_dtype(t) for t in df.dtypes]]:
        values = df[name].dropna()
        if (values == values.dt.normalize()).all():
            out[name] = st.column_config.DateColumn(format="YYYY-MM-DD")
    return out


def table(
    name: str, filters: Filters, *, page: str, title: str, labels: dict[str, str], key: str, **params: Any
) -> pd.DataFrame:
    """Draw the result of query `name` as a table with human column names and export buttons."""
    df = run(name, filters, **params)
    shown = df.rename(columns=labels)
    st.dataframe(shown, hide_index=True, key=key, width="stretch", column_config=_date_columns(shown))
    export_buttons(name, filters, page=page, title=title, labels=labels, key=key, **params)
    return df


def is_map(fig: Any) -> bool:
    """Return True if a plotly figure (object or dict) draws countries (a choropleth)."""
    traces = fig.get("data", []) if isinstance(fig, dict) else getattr(fig, "data", [])
    return any((t.get("type") if isinstance(t, dict) else getattr(t, "type", None)) == "choropleth" for t in traces)


def open_profile_on_click(event: Any) -> None:
    """Open the Country profile of the country clicked on a map drawn with on_select="rerun"."""
    iso3 = profile.country_from_selection(getattr(event, "selection", None))
    if iso3:
        st.switch_page(PROFILE_PAGE, query_params={PROFILE_URL_PARAM: iso3})


def plotly_chart(
    fig: Any,
    *,
    key: str,
    title: str = "",
    data: pd.DataFrame | None = None,
    labels: dict[str, str] | None = None,
) -> None:
    """Draw a plotly figure, noted for the page's slide deck; a map also opens the profile of the country clicked.

    `title` names the chart's slide; `data` (with `labels`) is the table a slide shows when the figure has no
    PowerPoint chart type.
    """
    from .figures.base import PLOTLY_CONFIG

    st.session_state.setdefault(PAGE_CHARTS, []).append((title, fig, data, labels))

    if is_map(fig):
        event = st.plotly_chart(fig, config=PLOTLY_CONFIG, key=key, on_select="rerun", selection_mode="points")
        st.caption("Click a country to open its profile.")
        open_profile_on_click(event)
    else:
        st.plotly_chart(fig, config=PLOTLY_CONFIG, key=key)


def chart(fig: Any, data: pd.DataFrame, *, key: str, labels: dict[str, str] | None = None, title: str = "") -> None:
    """Draw a plotly figure and, under it, a "show data" table of the numbers it plots (`title`: its slide's)."""
    plotly_chart(fig, key=key, title=title, data=data, labels=labels)
    with st.expander("Show data"):
        shown = data.rename(columns=labels or {})
        st.dataframe(shown, hide_index=True, key=f"{key}_data", column_config=_date_columns(shown))
