"""Data: what is in the data and where it comes from (for managers), adding data (import, update), history,
templates, downloads, and one click further the technical reference (tables, columns, formats)."""

import streamlit as st

from hrdash.app import data_import, data_page, frame, pages

PAGE = pages.DATA.title

filters = st.session_state["filters"]
st.title(PAGE)
st.caption(
    "What the dashboard's figures are made of, where they come from, how fresh they are, and how to add real data. "
    f"Filters (for the banner and the sources at the bottom): {filters.caption()}."
)
page = frame.open(PAGE, filters)

overview, imports, history, templates, downloads, technical = st.tabs(
    ["What is in the data", "Add data", "Import history", "Templates", "Download", "Technical reference"]
)
with overview:
    data_page.overview()
with imports:
    data_import.import_section()
with history:
    data_page.history()
with templates:
    data_page.template_downloads()
with downloads:
    data_page.database_downloads()
with technical:
    st.caption(
        "For the data team: the database's tables and columns, their types and allowed values, the file formats "
        "the import reads and how it maps their terms, and the rules that recognise instruments in a text."
    )
    data_page.technical_sources()
    data_page.data_dictionary()

page.close()
