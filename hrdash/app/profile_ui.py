"""Choosing the profile's country: a searchable select box, the URL (?country=LBR or a name), a map click.

The maps of the other pages open a country's profile when clicked (`widgets.plotly_chart`); the profile's
own map changes the country in place (`select_on_click`).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from ..exports import pptx as slides
from ..figures import profile as figures
from ..model import targets
from ..model.filters import Filters
from ..model.text import md
from ..paths import default_db
from ..profile import brief
from ..profile import data as profile
from . import data, widgets

QUERY_THREADS = 4

URL_PARAM = widgets.PROFILE_URL_PARAM
WIDGET = "profile_country"
MEMO = "_profile_country_chosen"  # survives page switches (widget state does not)
MAP_KEY = "profile_region_map"  # the profile's own clickable map
URL_SHOWN = 80  # characters of an unknown ?country= value repeated in the warning


def _on_choose() -> None:
    st.query_params[URL_PARAM] = st.session_state[WIDGET]


def choose_country(options: pd.DataFrame, container: Any = st) -> str:
    """Draw the country select box, in sync with ?country= (ISO3 code or name), and return the ISO3 code.

    Precedence: a country in the URL that differs from the last one chosen (a shared link, a map
    click), then the select box, then the last one chosen in this session, then the first country
    the global filters select. The URL is written only when the user chooses (in the select box's
    callback, or the map's): a link with ?country=Liberia keeps its words.
    """
    names = dict(zip(options["iso3"], options["name"]))
    raw = st.query_params.get(URL_PARAM)
    from_url = profile.resolve_country(raw, options)
    if raw and from_url is None:  # the URL's words, shown as text (a link can carry anything)
        words = raw if len(raw) <= URL_SHOWN else raw[:URL_SHOWN] + "…"
        st.warning(f"No country is called or coded “{md(words)}” (the link's `?country=`); choose one below.")
    memo = st.session_state.get(MEMO)
    if from_url and from_url != memo:
        st.session_state[WIDGET] = from_url
    elif st.session_state.get(WIDGET) not in names:
        st.session_state[WIDGET] = memo if memo in names else profile.default_country(options)
    chosen = container.selectbox(
        "Country", list(names), format_func=names.get, key=WIDGET, on_change=_on_choose,
        help="Type to search. The link of this page keeps the country (?country=ISO3); a click on the regional "
        "map below opens another country.",
    )  # fmt: skip
    st.session_state[MEMO] = chosen
    return chosen


def select_on_click() -> None:
    """on_select callback of the profile's own map (key MAP_KEY): open the clicked country's profile."""
    iso3 = profile.country_from_selection(st.session_state[MAP_KEY].selection)
    if iso3:
        st.session_state[WIDGET] = iso3
        st.query_params[URL_PARAM] = iso3


@dataclass(frozen=True)
class View:
    """Everything the profile page draws for one country and range of years (read-only, shared)."""

    p: profile.Profile
    charts: dict[str, brief.Chart]  # titles, captions, the figures' dicts (the deck's slides) and their data
    figures: dict[str, go.Figure]
    region_map: go.Figure
    key_figures: list[str]
    comparison: pd.DataFrame
    targets: pd.DataFrame
    not_ratified: list[str]
    reply_rate: str
    built_at: str
    tables: dict[str, tuple[pd.DataFrame, dict[str, Any]]]  # frame key -> (table as shown, column config)

    def deck(self) -> slides.Deck:
        """Return the slide deck of this profile (made when the download button is clicked)."""
        return brief.deck(self.p, built_at=self.built_at, source_files=data.source_files())


TABLES = ("ratification", "tb_reports", "sp_visits", "upr_cycles", "unct", "hra")


def _shown(df: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Return a table with human column names, and the column config that shows its dates without a time."""
    shown = df.rename(columns=brief.LABELS)
    dates = [c for c, t in shown.dtypes.items() if pd.api.types.is_datetime64_any_dtype(t)]
    return shown, {c: st.column_config.DateColumn(format="YYYY-MM-DD") for c in dates}


@st.cache_resource(max_entries=8, show_spinner=False)
def _every_country(db: str, version: str, year_from: int, year_to: int) -> dict[str, pd.DataFrame]:
    # Every profile query for every country at once, kept per range of years: choosing another
    # country then needs no query. cache_resource (no copy on each use; the frames are only read),
    # keyed by the database's path, build and imports, so a rebuild or an import refreshes it.
    with data.threads(QUERY_THREADS) as pmap:
        run = lambda name, params: data.run_frozen(name, **params)  # noqa: E731
        return profile.fetch(run, None, year_from, year_to, targets.EAS_WITH_TARGETS, pmap)


def _one_country(iso3: str, year_from: int, year_to: int) -> profile.Profile:
    with data.threads(QUERY_THREADS) as pmap:
        return profile.load(lambda name, params: data.run_frozen(name, **params), iso3, year_from, year_to, pmap)


@st.cache_resource(max_entries=32, show_spinner=False)
def _view(db: str, version: str, built_at: str, iso3: str, year_from: int, year_to: int, every: bool) -> View:
    # cache_resource, not cache_data: plotly figures are slow to build and slower to unpickle
    # (plotly re-validates every property); the View is never mutated.
    if every:
        p = profile.assemble(iso3, year_from, year_to, _every_country(db, version, year_from, year_to))
    else:
        p = _one_country(iso3, year_from, year_to)
    made = brief.charts(p)
    return View(
        p=p,
        charts=made,
        figures={k: figures.figure(c.figure, validate=False) for k, c in made.items()},
        region_map=figures.region_map(p.region, iso3, "instruments_ratified", "Instruments ratified", validate=False),
        key_figures=profile.key_figures(p),
        comparison=brief.comparison_table(p),
        targets=p.targets,
        not_ratified=profile.not_ratified(p),
        reply_rate=profile.fmt_number(p.measures["reply_rate"], "%"),
        built_at=built_at,
        tables={key: _shown(p.frames[key]) for key in TABLES},
    )


@st.cache_resource(show_spinner=False)
def _countries_viewed() -> dict[tuple, set[str]]:
    return {}


def view(iso3: str, year_from: int, year_to: int) -> View:
    """Return the profile's data, figures and charts for a country and years (cached across reruns).

    The first country shown for a range of years is fetched alone (the quickest first view after a
    change of years); from the second one on, every query is asked once for all countries and kept,
    so that browsing from country to country needs no query at all.
    """
    row = data.run("profile_data_version").iloc[0]
    db, version, built_at = str(default_db()), repr(tuple(row)), str(row["built_at"] or "")
    viewed = _countries_viewed().setdefault((db, version, year_from, year_to), set())
    viewed.add(iso3)
    return _view(db, version, built_at, iso3, year_from, year_to, len(viewed) > 1)


# "1": prepare the profile in the background after every page. Off by default: on a shared server it doubles the
# work of every filter change (bench/load_bench.py), and the profile draws within its target without it.
PREPARE_ENV = "HRDASH_PREPARE_PROFILE"
PREPARED_KEPT = 256


@st.cache_resource(show_spinner=False)
def _preparing() -> dict[tuple, threading.Thread]:
    return {}


def prepare(filters: Filters) -> threading.Thread | None:
    """Start computing, in a background thread, the profile a visit would open on with these filters (the first
    country they select); return the thread, or None when it was started before or is turned off.

    The first visit of the Country profile otherwise waits for its queries (16 on 4 threads, about a second):
    app.py calls this after the page is drawn, so the view is ready, or on its way, by the time the user clicks.
    The result goes into the same cache the page reads (`view`); a page that asks for it meanwhile waits for the
    thread instead of computing it twice (st.cache_resource's lock per key). Once per database, years and country.
    """
    if os.environ.get(PREPARE_ENV, "0") != "1":
        return None
    row = data.run("profile_data_version").iloc[0]
    iso3 = profile.default_country(data.run("profile_country_options", filters))
    key = (str(default_db()), repr(tuple(row)), iso3, filters.year_from, filters.year_to)
    started = _preparing()
    if key in started:
        return None
    if len(started) >= PREPARED_KEPT:  # a long-running server: forget the finished ones (the cache keeps the views)
        for done in [k for k, t in started.items() if not t.is_alive()]:
            del started[done]
    thread = threading.Thread(target=view, args=(iso3, filters.year_from, filters.year_to), daemon=True,
                              name=f"hrdash-prepare-profile-{iso3}")  # fmt: skip
    add_script_run_ctx(thread, get_script_run_ctx())  # the st.cache_* calls want the session's context
    started[key] = thread
    thread.start()
    return thread
