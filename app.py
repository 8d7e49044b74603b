"""Human Rights Mechanisms Dashboard: the router. Only this file calls st.navigation."""

import streamlit as st

from hrdash import ui

st.set_page_config(page_title="Human Rights Mechanisms Dashboard", page_icon="🇺🇳", layout="wide")

PAGES = {
    "Dashboard": [
        st.Page("pages/overview.py", title="Overview", icon="🏠", url_path="overview", default=True),
        st.Page("pages/expected_accomplishments.py", title="Expected accomplishments", icon="🎯", url_path="ea"),
        st.Page("pages/country_profile.py", title="Country profile", icon="📍", url_path="country"),
    ],
    "Mechanisms": [
        st.Page("pages/ratification.py", title="Ratification (EA2)", icon="✍️", url_path="ratification"),
        st.Page("pages/treaty_bodies.py", title="Treaty bodies (EA6)", icon="📑", url_path="treaty-bodies"),
        st.Page("pages/special_procedures.py", title="Special Procedures", icon="🔎", url_path="special-procedures"),
        st.Page("pages/upr.py", title="UPR", icon="🔁", url_path="upr"),
        st.Page("pages/civil_society.py", title="Civil society (EA7)", icon="🤝", url_path="civil-society"),
        st.Page("pages/unct_engagement.py", title="UNCT engagement (EA11)", icon="🏢", url_path="unct"),
    ],
    "Data": [
        st.Page("pages/data.py", title="Data", icon="🗄️", url_path="data"),
    ],
}

page = st.navigation(PAGES)
st.session_state["filters"] = ui.sidebar_filters()
page.run()
