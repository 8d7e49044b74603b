"""Slide decks in the app: the "Download slides (.pptx)" button (the deck is built on click), and the deck of
the charts a page drew (one slide each, from the figure's own traces: hrdash/exports/deck.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from hrdash.exports import deck as figure_slides
from hrdash.exports import pptx as slides
from hrdash.model.filters import Filters

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
LABEL = "Download slides (.pptx)"

# A chart a page drew: its slide title, the plotly figure, the numbers it plots and their column labels.
Drawn = tuple[str, Any, pd.DataFrame | None, Mapping[str, str] | None]


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
    charts: Sequence[Drawn],
    sources: pd.DataFrame,
    built_at: str = "",
    source_files: Mapping[str, str] | None = None,
) -> slides.Deck:
    """Return the deck of the charts a page drew: one slide each (title, figure, its data, labels)."""
    return slides.Deck(
        title=title,
        subtitle="Human Rights Mechanisms Dashboard: the charts of this page",
        filters=filters.describe(),
        sources=sources,
        items=[figure_slides.item(fig, name, data, labels) for name, fig, data, labels in charts],
        built_at=built_at,
        source_files=dict(source_files or {}),
    )
