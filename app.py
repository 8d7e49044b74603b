"""Human Rights Mechanisms Dashboard: the router. Only this file calls st.navigation."""

import streamlit as st

from hrdash import ui

st.set_page_config(page_title="Human Rights Mechanisms Dashboard", page_icon="🇺🇳", layout="wide")

PAGES = {
    "Dashboard": [
        st.Page("pages/overview.py", title="Overview", icon="🏠", url_path="overview", default=True),
    ],
    "Mechanisms": [
        st.Page("pages/ratification.py", title="Ratification (EA2)", icon="✍️", url_path="ratification"),
        st.Page("pages/treaty_bodies.py", title="Treaty bodies (EA6)", icon="📑", url_path="treaty-bodies"),
        st.Page("pages/special_procedures.py", title="Special Procedures", icon="🔎", url_path="special-procedures"),
        st.Page("pages/upr.py", title="UPR", icon="🔁", url_path="upr"),
    ],
    "Data": [
        st.Page("pages/data.py", title="Data", icon="🗄️", url_path="data"),
    ],
}

page = st.navigation(PAGES)
st.session_state["filters"] = ui.sidebar_filters()
page.run()
