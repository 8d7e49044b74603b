"""Data: sources and freshness, import of files, import history, data dictionary, templates, downloads."""

import streamlit as st

from hrdash.app import data_page as page
from hrdash.app import ui

filters = st.session_state["filters"]
st.title("Data")
st.caption(
    "Where the dashboard's data comes from, how to load real data (files from the UN Treaty Collection, UPR Info, "
    "the Universal Human Rights Index, or our own templates), and the whole database for download. "
    f"Filters (for the banner and the sources at the bottom): {filters.caption()}."
)
counts = ui.demo_banner(filters)

sources, imports, history, dictionary, templates, downloads = st.tabs(
    ["Sources", "Import", "History", "Dictionary", "Templates", "Download"]
)
with sources:
    page.sources()
with imports:
    page.import_section()
with history:
    page.history()
with dictionary:
    page.data_dictionary()
with templates:
    page.template_downloads()
with downloads:
    page.database_downloads()

ui.provenance(counts)
