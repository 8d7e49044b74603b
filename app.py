"""Human Rights Mechanisms Dashboard: the router. Only this file calls st.navigation; the pages are in
hrdash/app/pages.py."""

import streamlit as st

from hrdash.app import deck, pages, sidebar

# An emoji icon is drawn in the page (a data: URL); a :material/...: one is fetched from fonts.gstatic.com.
st.set_page_config(page_title="Human Rights Mechanisms Dashboard", page_icon="🌐", layout="wide")

# Links made before every page's tabs were `<prefix>_view` still open the tab they name.
for old, new in pages.OLD_URL_KEYS.items():
    if old in st.query_params:
        st.query_params[new] = st.query_params.pop(old)

# Streamlit serves the default page at "/" only, yet reserves its url_path, so a link to /overview found no page.
# The default page reserves an internal path instead, and /overview is a hidden page running the same view.
page = st.navigation(
    {
        section: [
            st.Page(p.view, title=p.title, icon=p.icon, url_path=f"{p.url_path}-home" if p.default else p.url_path,
                    default=p.default)
            for p in in_section
        ]
        for section, in_section in pages.sections().items()
    }
    | {"": [st.Page(pages.OVERVIEW.view, title=pages.OVERVIEW.title, url_path=pages.OVERVIEW.url_path,
                    visibility="hidden")]}
)  # fmt: skip
st.session_state["filters"] = sidebar.filters()
deck.template_upload(st.sidebar)  # the organisation's slide template, kept in the session for every deck
page.run()
