"""Data: sources and freshness, import of files, import history, data dictionary, templates, downloads."""

import streamlit as st

from hrdash.app import data_import, data_page, frame, pages

PAGE = pages.DATA.title

filters = st.session_state["filters"]
st.title(PAGE)
st.caption(
    "Where the dashboard's data comes from, how to load real data (files from the UN Treaty Collection, UPR Info, "
    "the Universal Human Rights Index, or our own templates), and the whole database for download. "
    f"Filters (for the banner and the sources at the bottom): {filters.caption()}."
)
page = frame.open(PAGE, filters)

sources, imports, history, dictionary, templates, downloads = st.tabs(
    ["Sources", "Import", "History", "Dictionary", "Templates", "Download"]
)
with sources:
    data_page.sources()
with imports:
    data_import.import_section()
with history:
    data_page.history()
with dictionary:
    data_page.data_dictionary()
with templates:
    data_page.template_downloads()
with downloads:
    data_page.database_downloads()

page.close()
