"""Slide decks in the app: the "Download slides (.pptx)" button (the deck is built on click), the deck of what a
page showed (its charts and key tables, every tab's: hrdash/exports/deck.py turns each figure into a slide) and
the organisation's slide template kept in the session (sidebar "Slide template")."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from hrdash.exports import deck as figure_slides
from hrdash.exports import pptx as slides
from hrdash.exports import template as templates
from hrdash.importers.limits import Budget
from hrdash.importers.model import Refused
from hrdash.importers.zipparts import check_archive
from hrdash.model.filters import Filters
from hrdash.model.text import md

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
LABEL = "Download slides (.pptx)"
PAGE_DECK_KEY = "hr_page_deck"  # session: the function that makes the deck of the page drawn last
TEMPLATE_KEY = "hr_slide_template"  # session: (file name, bytes) of the organisation's template, or absent

# A chart a page drew: its slide title, the plotly figure, the numbers it plots and their column labels.
Drawn = tuple[str, Any, pd.DataFrame | None, Mapping[str, str] | None]


@dataclass(frozen=True)
class Shown:
    """A chart or key table a page showed, for its deck and presentation: the figure (None for a table), the
    numbers, their column labels, the tab it is on ("" outside tabs) and its caption."""

    title: str
    figure: Any
    data: pd.DataFrame | None
    labels: Mapping[str, str] | None
    tab: str = ""
    caption: str = ""


def template_bytes() -> bytes | None:
    """Return the slide template chosen in this session (bytes of a .pptx / .potx), or None."""
    chosen = st.session_state.get(TEMPLATE_KEY)
    return chosen[1] if chosen else None


def download(
    deck: slides.Deck | Callable[[], slides.Deck], *, key: str, container: Any = st, label: str = LABEL
) -> None:
    """Draw a download button for a deck spec, or a function returning one; the .pptx is made only on click, on
    the session's slide template if one was chosen."""
    chosen = template_bytes()
    container.download_button(
        label, data=lambda: slides.build(deck() if callable(deck) else deck, chosen), file_name=f"{key}.pptx",
        mime=PPTX_MIME, key=f"{key}_pptx",
        on_click="ignore", icon=":material/slideshow:",
        help="A PowerPoint deck: editable native charts, the key tables, a source line on every slide and a "
        "sources slide with the demo share.",
    )  # fmt: skip


def page_items(shown: Sequence[Shown]) -> list[tuple[slides.Item, Any]]:
    """Return the slide items of what a page showed, with their figures, in order: each tab's first slide titled
    with the tab ("Reservations: States parties with reservations")."""
    out: list[tuple[slides.Item, Any]] = []
    last_tab = None
    for s in shown:
        title = s.title or "Chart"
        if s.tab and s.tab != last_tab and not title.strip().lower().startswith(s.tab.strip().lower()):
            title = f"{s.tab}: {title}"
        last_tab = s.tab
        if s.figure is not None:
            item = figure_slides.item(s.figure, title, s.data, s.labels, caption=s.caption)
        else:
            table = slides.TableSpec(title, s.data.reset_index(drop=True), dict(s.labels or {}), s.caption)
            item = figure_slides.first_rows(figure_slides.short_columns(table))
        out.append((item, s.figure))
    return out


def page_deck(
    title: str,
    filters: Filters,
    items: Sequence[tuple[slides.Item, Any]],
    sources: pd.DataFrame,
    built_at: str = "",
    source_files: Mapping[str, str] | None = None,
    whole: bool = True,
) -> slides.Deck:
    """Return the deck of a page: its charts and key tables (every tab's when `whole`), sources."""
    scope = "every tab of this page" if whole else "this page"
    return slides.Deck(
        title=title,
        subtitle=f"Human Rights Mechanisms Dashboard: the charts and key tables of {scope}",
        filters=filters.describe(),
        sources=sources,
        items=[item for item, _ in items],
        built_at=built_at,
        source_files=dict(source_files or {}),
    )


def charts_deck(
    title: str,
    filters: Filters,
    charts: Sequence[Drawn],
    sources: pd.DataFrame,
    built_at: str = "",
    source_files: Mapping[str, str] | None = None,
) -> slides.Deck:
    """Return the deck of the charts a page drew: one slide each (title, figure, its data, labels)."""
    shown = [Shown(name, fig, data, labels) for name, fig, data, labels in charts]
    return page_deck(title, filters, page_items(shown), sources, built_at, source_files, whole=False)


def check_template_file(data: bytes) -> None:
    """Refuse (importers.model.Refused) an uploaded template too large, unpacking past the import's limit, or with
    active content (macros, ActiveX): the import's own checks, made before python-pptx parses any of it."""
    budget = Budget()
    if len(data) > budget.limits.max_mb * 1e6:
        raise Refused(f"the slide template is {len(data) / 1e6:,.1f} MB, over the {budget.limits.max_mb:g} MB limit")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            check_archive(zf, "slide template", budget)
    except zipfile.BadZipFile:
        raise Refused("the slide template is not a PowerPoint presentation or template (.pptx or .potx)") from None


def template_upload(container: Any = st) -> None:
    """Draw the "Slide template" upload (a .pptx or .potx): kept in the session, every deck then uses its layouts,
    theme, fonts and slide size; a file that is not a presentation is refused with the reason."""
    with container.expander("Slide template", icon=":material/palette:"):
        up = st.file_uploader(
            "Your organisation's PowerPoint template (.pptx or .potx)", type=["pptx", "potx"], key="hr_template_file",
            help="Every slide deck then uses its slide layouts, theme, fonts and slide size.",
        )  # fmt: skip
        if up is not None:
            data = up.getvalue()
            try:
                check_template_file(data)  # the import's checks (size, unpacked size, active content) before any parser
                w, h = templates.check(data)
            except (templates.TemplateError, Refused) as e:
                st.error(f"{md(up.name)}: {md(str(e))}")  # a file name is plain text, never markdown
                st.session_state.pop(TEMPLATE_KEY, None)
            else:
                st.session_state[TEMPLATE_KEY] = (up.name, data)
                st.caption(f"Decks use **{md(up.name)}** ({w / 914400:.2f} × {h / 914400:.2f} in slides).")
        elif TEMPLATE_KEY in st.session_state:
            st.session_state.pop(TEMPLATE_KEY, None)
