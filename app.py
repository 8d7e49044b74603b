"""Human Rights Mechanisms Dashboard: the router. Only this file calls st.navigation; the pages are in
hrdash/app/pages.py."""

import streamlit as st

from hrdash.app import deck, navigation, pages, profile_ui, sidebar, style

# An emoji icon is drawn in the page (a data: URL); a :material/...: one is fetched from fonts.gstatic.com.
st.set_page_config(page_title="Human Rights Mechanisms Dashboard", page_icon="🌐", layout="wide")
style.apply()  # the global CSS: accessibility fixes, phones (maps keep their size in a scroller)

# Links made before every page's tabs were `<prefix>_view` still open the tab they name.
for old, new in pages.OLD_URL_KEYS.items():
    if old in st.query_params:
        st.query_params[new] = st.query_params.pop(old)

routes = navigation.routes()
page = st.navigation(routes, position="hidden")  # the menu is drawn by navigation.menu (accessible markup)
navigation.menu(routes)
st.session_state["filters"] = sidebar.filters()
deck.template_upload(st.sidebar)  # the organisation's slide template, kept in the session for every deck
page.run()
profile_ui.prepare(st.session_state["filters"])  # the Country profile's first view, made while this page is read
