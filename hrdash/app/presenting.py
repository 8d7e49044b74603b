"""Print view and presentation mode for any page: URL switches (?print=1, ?present=1), CSS, one chart at a time.

Every page drawn in a frame (frame.open) gets both with no code of its own: the toggles sit under the banner,
and in presentation mode the charts the page drew (Frame.chart) are shown one at a time at its end while the
rest of the page is hidden (PRESENT_ONLY_CSS). A page that knows its slides before drawing (the Country
profile) adopts both itself, in four steps:

    with st.container(key=presenting.CONTROLS_KEY):      # hidden in print view and presentation mode
        mode = presenting.controls("ratification")       # the two toggles; "normal", "print" or "present"
    presenting.style(mode)                                # the mode's CSS and its way back (outside the controls)
    if mode == presenting.PRESENT:
        presenting.present([presenting.Slide(title, fig, caption), ...], key="ratification")
        st.stop()                                         # one chart at a time, Previous / Next
    ... draw the page as usual; wrap each section in `with printing.section("name"):` so print breaks pages

The print view itself (its stylesheet, its way back, tables in full) is hrdash/app/printing.py.

The modes live in the URL so a print view or a presentation can be shared or bookmarked. The
widgets Streamlit binds to the URL store "true"/"false"; we read "1", "true" and "yes" ourselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from hrdash.exports import steps
from hrdash.exports.pptx import Item
from hrdash.figures.base import PLOTLY_CONFIG
from hrdash.model.text import md

from . import printing

PRINT, PRESENT = "print", "present"
MODES = (PRINT, PRESENT)
CONTROLS_KEY = "hr_controls"  # the container of a page's controls: hidden in print view and presentation
TRUE = {"1", "true", "yes", "on"}
PRESENT_FONT = 20
PRESENT_CHART_KEY = "hr_present_chart"  # the container of a step's chart or table: the height the window leaves it
STEP_KEY = "hr_present_step"  # the container of one step
FIRST_HEIGHT = 400  # px: a chart's height before plotly has measured its container (fits 720 px less RESERVED_REM)
RESERVED_REM = 19.5  # what a step needs besides its chart: buttons, title, caption, demo note, gaps (16 px rem)

_HIDE_CHROME = f"""
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
.st-key-{CONTROLS_KEY}, [data-testid="stDownloadButton"] {{ display: none !important; }}
"""

PRESENT_CSS = f"""<style>
{_HIDE_CHROME}
[data-testid="stMainBlockContainer"] {{ max-width: 100%; padding: 1.5rem 3rem 1rem 3rem; }}
[data-testid="stMain"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMain"] [data-testid="stMarkdownContainer"] li {{ font-size: 1.6rem; line-height: 1.45; }}
[data-testid="stMain"] [data-testid="stCaptionContainer"] p {{ font-size: 1.15rem; }}
[data-testid="stMain"] h1 {{ font-size: 2.6rem; }}
[data-testid="stMain"] h2 {{ font-size: 2.1rem; }}
.st-key-hr_present_nav button p {{ font-size: 1.2rem; }}
/* Sized to the window (a projector at 1280×720 or 1920×1080): the chart (or table) of a step is the window's height
   less what the buttons, a title of up to two lines and a caption and demo note of up to four lines need, so nothing
   falls below the screen; plotly fills that height (autosize). */
.st-key-{STEP_KEY} h2 {{ font-size: 2rem; padding: 0.1rem 0; }}
.st-key-{STEP_KEY} [data-testid="stCaptionContainer"] p {{ font-size: 1.1rem !important; line-height: 1.3; margin: 0; }}
.st-key-{PRESENT_CHART_KEY} {{ height: calc(100vh - {RESERVED_REM}rem) !important; flex: none !important; }}
.st-key-{PRESENT_CHART_KEY} > *, .st-key-{PRESENT_CHART_KEY} [data-testid="stPlotlyChart"],
.st-key-{PRESENT_CHART_KEY} [data-testid="stDataFrame"] {{ height: 100% !important; min-height: 0; }}
</style>"""


# A page that draws itself before it knows its charts (frame.open): in presentation mode everything in
# the main area is hidden except the container the charts are presented in.
PRESENTER_KEY = "hr_presenter"
PRESENT_ONLY_CSS = f"""<style>
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] > *:not(:has(.st-key-{PRESENTER_KEY})) {{
  display: none !important;
}}
</style>"""


@dataclass
class Slide:
    """One step of a presentation: a title and a plotly figure, or markdown text when there is no figure.

    Title, caption and text are markdown: values from the data in them go through text.md.
    """

    title: str
    figure: go.Figure | dict | None = None
    caption: str = ""
    text: str = ""
    table: pd.DataFrame | None = None


def slides_of(items: Sequence[tuple[Item, Any]]) -> list[Slide]:
    """Return the presentation's steps of a deck's items (with their figures): one per slide that shows data, in
    the deck's order (exports/steps.py), titles and captions as markdown."""
    out = []
    for step in steps.steps(items):
        text = "\n".join(f"- {md(b)}" for b in step.bullets)
        out.append(Slide(md(step.title) or "Chart", step.figure, md(step.caption), text, step.table))
    return out


def _flag(name: str) -> bool:
    return str(st.query_params.get(name, "")).strip().lower() in TRUE


def mode() -> str:
    """Return the page's mode from the URL: "present", "print" or "normal" (present wins if both are set)."""
    return PRESENT if _flag(PRESENT) else PRINT if _flag(PRINT) else "normal"


def set_mode(name: str | None) -> None:
    """Switch to a mode (None = normal) by writing the URL; the next run draws it."""
    for m in MODES:
        if m == name:
            st.query_params[m] = "1"
        elif m in st.query_params:
            del st.query_params[m]


def _on_toggle(which: str, key: str) -> None:
    set_mode(which if st.session_state[key] else None)


def controls(key: str) -> str:
    """Draw the "Print view" and "Presentation mode" toggles (kept in the URL) and return the mode.

    Call it inside the page's controls container (`st.container(key=presenting.CONTROLS_KEY)`), which
    both modes hide, then call `style(mode)` outside it: each mode draws its own way back there.
    """
    current = mode()
    c1, c2 = st.columns(2)
    for col, which, label, help_text in [
        (c1, PRINT, "Print view", "One column, no sidebar, a page per section: print or save as PDF from the browser."),
        (c2, PRESENT, "Presentation mode", "Full screen for a projector: large text, one chart at a time."),
    ]:
        widget = f"{key}_{which}_toggle"
        st.session_state[widget] = current == which  # the URL is the truth (exit buttons change it too)
        col.toggle(label, key=widget, on_change=_on_toggle, args=(which, widget), help=help_text)
    return current


def style(current: str) -> None:
    """Inject the CSS of a mode and, in print view, the way back (hidden when printing)."""
    if current == PRINT:
        printing.style()
    elif current == PRESENT:
        st.html(PRESENT_CSS)


def _step(key: str, delta: int, total: int) -> None:
    st.session_state[key] = max(0, min(total - 1, st.session_state.get(key, 0) + delta))


def large(fig: go.Figure | dict) -> go.Figure:
    """Return a copy of a figure for a projector: the height of its container (the window's), large text
    (Streamlit's theme sets small tick fonts: set them too)."""
    big = go.Figure(fig if isinstance(fig, dict) else fig.to_dict())
    # The container's height (the window's, by CSS) is used once plotly has measured it; until then (a page's first
    # draw) FIRST_HEIGHT, which fits a 1280×720 projector.
    big.update_layout(height=FIRST_HEIGHT, autosize=True, font_size=PRESENT_FONT, legend_font_size=PRESENT_FONT)
    return big.update_xaxes(tickfont_size=PRESENT_FONT - 4).update_yaxes(tickfont_size=PRESENT_FONT - 4)


def present(slides: Sequence[Slide], key: str, note: str = "") -> int:
    """Draw one slide (the one in st.session_state[key + "_slide"]) with Previous / Next; return its index.

    `note` is shown under every slide: the page's demo-data sentence, which the hidden banner would say.
    """
    index_key = f"{key}_slide"
    total = len(slides)
    index = max(0, min(total - 1, int(st.session_state.get(index_key, 0))))
    st.session_state[index_key] = index
    with st.container(key=STEP_KEY):
        _nav(key, index_key, index, total)
        if not total:
            st.info("This page has no charts to present.")
            return 0
        slide = slides[index]
        st.header(slide.title)
        if slide.figure is not None:
            with st.container(key=PRESENT_CHART_KEY):
                st.plotly_chart(large(slide.figure), config=PLOTLY_CONFIG, key=f"{key}_present_chart", height="stretch")
        elif slide.table is not None:
            with st.container(key=PRESENT_CHART_KEY):
                st.dataframe(slide.table, hide_index=True, key=f"{key}_present_table", height="stretch")
        if slide.text:
            st.markdown(slide.text)
        if slide.caption:
            st.caption(slide.caption)
        if note:
            st.caption(f"**{note}**")
    return index


def _nav(key: str, index_key: str, index: int, total: int) -> None:
    with st.container(key="hr_present_nav"):
        c1, c2, c3, c4 = st.columns([1.4, 1.2, 5, 1], vertical_alignment="center")
        c1.button("◀ Previous", key=f"{key}_prev", on_click=_step, args=(index_key, -1, total), disabled=index == 0,
                  shortcut="ArrowLeft")  # fmt: skip
        c2.button("Next ▶", key=f"{key}_next", on_click=_step, args=(index_key, 1, total), disabled=index >= total - 1,
                  shortcut="ArrowRight")  # fmt: skip
        c3.markdown(f"**{index + 1} / {total}**" if total else "")
        c4.button("✕ Exit", key=f"{key}_exit", on_click=set_mode, args=(None,), help="Leave presentation mode")
