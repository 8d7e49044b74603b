"""Human Rights Mechanisms Dashboard: the router. Only this file calls st.navigation."""

import streamlit as st

from hrdash.app import ui

# An emoji icon is drawn in the page (a data: URL); a :material/...: one is fetched from fonts.gstatic.com.
st.set_page_config(page_title="Human Rights Mechanisms Dashboard", page_icon="🌐", layout="wide")

PAGES = {
    "Dashboard": [
        st.Page("views/overview.py", title="Overview", icon=":material/dashboard:", url_path="overview", default=True),
        st.Page(
            "views/expected_accomplishments.py", title="Expected accomplishments", icon=":material/flag:", url_path="ea"
        ),
        st.Page("views/country_profile.py", title="Country profile", icon=":material/location_on:", url_path="country"),
    ],
    "Mechanisms": [
        st.Page("views/ratification.py", title="Ratification (EA2)", icon=":material/draw:", url_path="ratification"),
        st.Page(
            "views/treaty_bodies.py",
            title="Treaty bodies (EA6)",
            icon=":material/description:",
            url_path="treaty-bodies",
        ),
        st.Page(
            "views/special_procedures.py",
            title="Special Procedures",
            icon=":material/travel_explore:",
            url_path="special-procedures",
        ),
        st.Page("views/upr.py", title="UPR", icon=":material/autorenew:", url_path="upr"),
        st.Page(
            "views/civil_society.py", title="Civil society (EA7)", icon=":material/groups:", url_path="civil-society"
        ),
        st.Page(
            "views/unct_engagement.py", title="UNCT engagement (EA11)", icon=":material/apartment:", url_path="unct"
        ),
    ],
    "Data": [
        st.Page("views/data.py", title="Data", icon=":material/database:", url_path="data"),
    ],
}

page = st.navigation(PAGES)
st.session_state["filters"] = ui.sidebar_filters()
ui.begin_page(page.title)
page.run()
