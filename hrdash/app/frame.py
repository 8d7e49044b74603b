"""The frame of a page: the demo banner, the print and presentation toggles, the charts it draws, its sources.

    page = frame.open("Ratification (EA2)", filters)   # banner, toggles, a place for the deck button
    page.chart(fig, df, key="ratification_map", title="Status of CAT", labels={...})
    page.close()                                       # sources; the deck of the charts drawn; presentation

The frame holds what the page drew (its charts, in order), so `close` can offer them as slides and, in
presentation mode, show them one at a time while the rest of the page is hidden (presenting.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import streamlit as st

from ..exports import pptx as slides
from ..model import provenance as prov
from ..model.filters import Filters
from ..model.text import md
from . import deck, presenting, printing, widgets
from .data import build_info, run, source_files


def page_key(title: str) -> str:
    """Return a key for a page from its title ("Special Procedures" -> "special_procedures")."""
    return "".join(c if c.isalnum() else "_" for c in title.lower()).strip("_")


PREPARE = "_prepare"  # session key suffix: the manager asked for the whole page's slides (one run)


@dataclass
class Frame:
    """A page being drawn: its title and filters, the rows in view by source, and the charts and key tables shown
    so far (every tab's when `whole`: the deck was asked for, or presentation mode is on)."""

    title: str
    filters: Filters
    counts: pd.DataFrame  # rows in view by source (query rows_by_source)
    mode: str  # presenting.PRINT, presenting.PRESENT or "normal"
    slot: Any  # the place under the banner for the deck button, filled by close()
    presenter: Any = None  # in presentation mode: the container the charts are shown in, one at a time
    shown: list[deck.Shown] = field(default_factory=list)
    whole: bool = False  # every tab runs (hidden but the open one) so the deck and presentation have them all

    @property
    def key(self) -> str:
        """Return the page's key (widget keys of its toggles, its presentation and its deck)."""
        return page_key(self.title)

    @property
    def charts(self) -> list[deck.Drawn]:
        """Return the charts drawn so far: (title, figure, data, labels)."""
        return [(s.title, s.figure, s.data, s.labels) for s in self.shown if s.figure is not None]

    def plotly_chart(
        self, fig: Any, *, key: str, title: str = "", data: pd.DataFrame | None = None, labels: dict | None = None
    ) -> None:
        """Draw a plotly figure and note it for the page's slides (`title`: its slide's; `data`, `labels`: the table
        a slide shows when the figure has no PowerPoint chart type); a map opens the profile of a country clicked."""
        self.shown.append(deck.Shown(title, fig, data, labels, widgets.current_tab()))
        widgets.plotly_chart(fig, key=key)

    def chart(self, fig: Any, data: pd.DataFrame, *, key: str, labels: dict | None = None, title: str = "") -> None:
        """Draw a plotly figure (noted for the slides) and, under it, a "Show data" table of the numbers it plots."""
        self.plotly_chart(fig, key=key, title=title, data=data, labels=labels)
        widgets.show_data(data, key=key, labels=labels)

    def table(
        self, data: pd.DataFrame, *, title: str, labels: Mapping[str, str] | None = None, caption: str = ""
    ) -> None:
        """Note a small key table (targets, overdue reports, regions) for the page's slides and presentation; the
        page draws it as usual. Row-level records tables are not for slides."""
        self.shown.append(deck.Shown(title, None, data, labels, widgets.current_tab(), caption))

    def close(self) -> None:
        """Draw the sources of the rows in view, then offer the charts and key tables as slides (or present them)."""
        sources(self.counts)
        items = deck.page_items(self.shown)
        if self.presenter is not None:
            with self.presenter:
                presenting.present(presenting.slides_of(items), self.key, note=slides.demo_sentence(self.counts))
        title, filters, counts, whole = self.title, self.filters, self.counts, self.whole
        if not whole and widgets.has_tabs():
            self.slot.button(
                "Prepare slides of the whole page", key=f"{self.key}_prepare_button", icon=":material/slideshow:",
                on_click=_prepare, args=(self.key,),
                help="Runs every tab of the page (a few seconds) and offers its charts and key tables as a deck.",
            )  # fmt: skip
            return
        if not items:
            return
        built_at, files = build_info().get("built_at", ""), source_files()
        tail = _sources_slides(_by_source(counts), tuple(files.items()), built_at)
        n = slides.slide_count(item for item, _ in items) - 1 + tail  # the sources: one slide or more
        what = "the whole page" if whole else "this page"
        label = f"Slides of {what} ({n} slides, .pptx)"
        make = lambda: deck.page_deck(title, filters, items, counts, built_at, files, whole)  # noqa: E731 (on click)
        st.session_state[deck.PAGE_DECK_KEY] = make  # the deck the button makes (the last page's; read by tests)
        deck.download(make, key=f"page_{self.key}", container=self.slot, label=label)


def _prepare(key: str) -> None:
    st.session_state[key + PREPARE] = True


def open(title: str, filters: Filters) -> Frame:
    """Draw the top of a page (demo banner, a place for its deck, the print and presentation toggles) and return
    its frame.

    In presentation mode the page is drawn as usual but hidden, and `Frame.close` shows its charts one at a time.
    When the manager asked for the whole page's slides, or in presentation mode, every tab runs (widgets.lazy_tabs:
    the ones not open in a hidden container), so the deck and the presentation have all of them.
    """
    counts = run("rows_by_source", filters)
    demo_warning(counts)
    with st.container(key=presenting.CONTROLS_KEY):
        left, toggles = st.columns([2, 3], vertical_alignment="center")
        deck_column, pdf_column = left.columns([3, 2], vertical_alignment="center")
        slot = deck_column.empty()
        printing.pdf_button(title, slides.demo_sentence(counts), key=page_key(title), container=pdf_column)
        with toggles:
            mode = presenting.controls(page_key(title))
    presenting.style(mode)
    presenter = None
    if mode == presenting.PRESENT:
        st.html(presenting.PRESENT_ONLY_CSS)
        presenter = st.container(key=presenting.PRESENTER_KEY)
    whole = mode == presenting.PRESENT or bool(st.session_state.pop(page_key(title) + PREPARE, False))
    widgets.every_tab(whole)
    return Frame(title, filters, counts, mode, slot, presenter, whole=whole)


def demo_warning(counts: pd.DataFrame) -> None:
    """Say how much of the rows counted by source (`rows_by_source`'s columns) is real and which parts are demo.

    A warning when any row is demo data ("Real public data 62% · demo 38% (Special Procedures, …)"); otherwise a
    note that the whole view is real.
    """
    sentence = prov.share_sentence(counts)
    if prov.shares(counts)["demo"]:
        st.warning(
            f"**{sentence}.** Demo rows are generated illustrative data, not real figures; the sources below say "
            "which rows are real (public data, facts from OHCHR and UNDG documents, imported files).",
            icon="⚠️",
        )
    else:
        st.success(sentence, icon="✅")


def sources(counts: pd.DataFrame) -> None:
    """Draw the sources of the rows in view, with readable names, and the build date."""
    info = build_info()
    st.subheader("Where these figures come from")
    st.caption(
        "Real: public data bundled with the dashboard (UN Treaty Collection, UPR calendar and cycle-1 "
        "recommendations), facts stated in OHCHR and UNDG documents, curated reference data and files imported on "
        "the Data page. Demo: generated illustrative data, not real. "
        f"Database built {md(info.get('built_at', 'unknown'))} (demo scale {md(info.get('scale', '?'))})."
    )
    printing.dataframe(sources_table(counts), hide_index=True, key="provenance", placeholder="")


def sources_table(counts: pd.DataFrame) -> pd.DataFrame:
    """Return the sources table of a view: readable source, kind, rows in view ("91,353") and their share ("99.97%",
    never a rounded "100.0%"), source tag."""
    return _sources_table(_by_source(counts), tuple(source_files().items()))


Counts = tuple[tuple[str, str, int], ...]  # rows_by_source as a cache key: (table_name, source, rows) each


def _by_source(counts: pd.DataFrame) -> Counts:
    return tuple(counts[["table_name", "source", "rows"]].itertuples(index=False, name=None))


# Every page draws its sources and counts its slides on every run: both are kept per distinct rows by source.
@st.cache_data(max_entries=512, show_spinner=False)
def _sources_table(by_source: Counts, files: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    counts = pd.DataFrame(list(by_source), columns=["table_name", "source", "rows"])
    table = prov.by_source(counts, dict(files))
    return table.rename(columns={"Rows": "Rows in view", "Share": "Share of rows", "source": "Code"})


@st.cache_data(max_entries=512, show_spinner=False)
def _sources_slides(
    by_source: tuple[tuple[str, str, int], ...], files: tuple[tuple[str, str], ...], built_at: str
) -> int:
    counts = pd.DataFrame(list(by_source), columns=["table_name", "source", "rows"])
    return slides.sources_slides(counts, dict(files), built_at)
