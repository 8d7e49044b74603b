"""Human Rights Mechanisms Dashboard: the router. Only this file calls st.navigation; the pages are in
hrdash/app/pages.py."""

import streamlit as st

from hrdash.app import pages, sidebar

# An emoji icon is drawn in the page (a data: URL); a :material/...: one is fetched from fonts.gstatic.com.
st.set_page_config(page_title="Human Rights Mechanisms Dashboard", page_icon="🌐", layout="wide")

# Links made before every page's tabs were `<prefix>_view` still open the tab they name.
for old, new in pages.OLD_URL_KEYS.items():
    if old in st.query_params:
        st.query_params[new] = st.query_params.pop(old)

page = st.navigation(
    {
        section: [
            st.Page(p.view, title=p.title, icon=p.icon, url_path=p.url_path, default=p.default) for p in in_section
        ]
        for section, in_section in pages.sections().items()
    }
)
st.session_state["filters"] = sidebar.filters()
page.run()
