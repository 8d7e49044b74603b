"""A "Download slides (.pptx)" button any page can add for its charts (the deck is built on click).

    from hrdash import slides_ui
    slides_ui.deck_button(
        "Ratification (EA2)", filters,
        charts=[("Ratifications per year", "column", by_year, "year", ["ratifications"]),
                ("States parties to CAT", "map", by_country, "name", ["parties"])],
        table=("Country × instrument status", matrix),
        key="ratification_deck",
    )

A chart is a `slides.ChartSpec` or a tuple (title, kind, DataFrame, x column, [y columns]); kind is
column, bar, line, pie or map (a map becomes a table of its largest values). The sources slide
counts the rows under the page's filters (query rows_by_source) unless `sources` is given.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from . import presenting, ui
from .exports import deck as figure_slides
from .exports import pptx as slides
from .exports.pptx import ChartSpec, TableSpec
from .filters import Filters
from .text import md

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
LABEL = "Download slides (.pptx)"


def as_chart(chart: ChartSpec | Sequence[Any], labels: Mapping[str, str] | None = None) -> ChartSpec:
    """Return a ChartSpec from a spec or a (title, kind, df, x, ys) tuple."""
    if isinstance(chart, ChartSpec):
        return chart
    title, kind, df, x, ys = chart
    return ChartSpec(title, kind, df, x, list(ys), labels=dict(labels or {}))


def as_table(table: TableSpec | Sequence[Any] | None, labels: Mapping[str, str] | None = None) -> TableSpec | None:
    """Return a TableSpec from a spec or a (title, df) tuple."""
    if table is None or isinstance(table, TableSpec):
        return table
    title, df = table
    return TableSpec(title, df, labels=dict(labels or {}))


def page_deck(
    title: str,
    filters: Filters,
    charts: Sequence[ChartSpec | Sequence[Any]],
    table: TableSpec | Sequence[Any] | None = None,
    *,
    sources: pd.DataFrame,
    built_at: str = "",
    subtitle: str = "",
    labels: Mapping[str, str] | None = None,
    extra: Sequence[slides.Item] = (),
) -> slides.Deck:
    """Return the deck of a page: its charts in order, then its key table and any extra items."""
    items: list[slides.Item] = [as_chart(c, labels) for c in charts]
    key_table = as_table(table, labels)
    if key_table is not None:
        items.append(key_table)
    items += list(extra)
    return slides.Deck(
        title=title,
        subtitle=subtitle or "Human Rights Mechanisms Dashboard",
        filters=filters.describe(),
        sources=sources,
        items=items,
        built_at=built_at,
        source_files=ui.source_files(),
    )


def deck_button(
    title: str,
    filters: Filters,
    charts: Sequence[ChartSpec | Sequence[Any]],
    table: TableSpec | Sequence[Any] | None = None,
    *,
    key: str,
    subtitle: str = "",
    labels: Mapping[str, str] | None = None,
    sources: pd.DataFrame | None = None,
    extra: Sequence[slides.Item] = (),
    container: Any = st,
) -> None:
    """Draw a download button for the page's slide deck; the deck is built only when clicked."""
    if sources is None:
        sources = ui.run("rows_by_source", filters)
    built_at = dict(ui.run("build_info").itertuples(index=False)).get("built_at", "")
    deck = page_deck(
        title, filters, charts, table, sources=sources, built_at=built_at, subtitle=subtitle, labels=labels,
        extra=extra,
    )  # fmt: skip
    download(deck, key=key, container=container)


def download(
    deck: slides.Deck | Callable[[], slides.Deck], *, key: str, container: Any = st, label: str = LABEL
) -> None:
    """Draw a download button for a deck spec, or a function returning one; the .pptx is made only on click."""
    container.download_button(
        label, data=lambda: slides.build(deck() if callable(deck) else deck), file_name=f"{key}.pptx",
        mime=PPTX_MIME, key=f"{key}_pptx",
        on_click="ignore", icon=":material/slideshow:",
        help="A PowerPoint deck: editable native charts, the key tables and a sources slide with the demo share.",
    )  # fmt: skip


def charts_deck(
    title: str,
    filters: Filters,
    charts: Sequence[tuple[str, Any, pd.DataFrame | None, Mapping[str, str] | None]],
    sources: pd.DataFrame,
    built_at: str = "",
) -> slides.Deck:
    """Return the deck of the charts a page drew: one slide each (title, figure, its data, labels)."""
    return slides.Deck(
        title=title,
        subtitle="Human Rights Mechanisms Dashboard: the charts of this page",
        filters=filters.describe(),
        sources=sources,
        items=[figure_slides.item(fig, name, data, labels) for name, fig, data, labels in charts],
        built_at=built_at,
        source_files=ui.source_files(),
    )


def page_slides(sources: pd.DataFrame) -> None:
    """Offer the charts drawn on this page as slides, in the place ui.demo_banner kept at its top; in
    presentation mode, show them one at a time."""
    slot = st.session_state.get(ui.SLIDES_SLOT)
    charts = list(st.session_state.get(ui.PAGE_CHARTS, []))
    presenter = st.session_state.get(ui.PRESENTER)
    if presenter is not None:
        with presenter:
            # a chart's title is plain text (a slide's title too), which may name countries: markdown here
            items = [presenting.Slide(md(title) or "Chart", fig) for title, fig, _, _ in charts]
            presenting.present(items, ui.page_key(), note=slides.demo_sentence(sources))
    if slot is None or not charts:
        return
    title = st.session_state.get(ui.PAGE_TITLE, "Dashboard")
    filters = st.session_state["filters"]
    built_at = dict(ui.run("build_info").itertuples(index=False)).get("built_at", "")
    label = f"Slides of this page's {len(charts)} chart{'s' if len(charts) > 1 else ''} (.pptx)"
    deck = lambda: charts_deck(title, filters, charts, sources, built_at)  # noqa: E731 (built on click)
    download(deck, key=f"page_{ui.page_key()}", container=slot, label=label)
