"""Human Rights Mechanisms Dashboard: the router. Only this file calls st.navigation."""

import streamlit as st

from hrdash import ui

st.set_page_config(page_title="Human Rights Mechanisms Dashboard", page_icon="🇺🇳", layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon="🏠", url_path="overview", default=True),
]

page = st.navigation(PAGES)
st.session_state["filters"] = ui.sidebar_filters()
page.run()
