"""The app's global CSS: what the theme (.streamlit/config.toml) cannot set, drawn once per run by app.py."""

from __future__ import annotations

import streamlit as st

from .layout import NARROW_CSS

# Inline code inside a caption is drawn in the code colour faded like the caption (2.7:1 on white); it takes the
# caption's own colour instead (4.9:1 with the theme's text colour, WCAG AA).
CSS = """<style>
[data-testid="stCaptionContainer"] code { color: inherit !important; }
</style>"""


def apply() -> None:
    """Add the app's global CSS to the page: the accessibility fixes above and the phone layout (layout.py)."""
    st.html(CSS + NARROW_CSS)
