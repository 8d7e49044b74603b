"""The menu: the registry's pages as links in the sidebar, drawn by the app rather than by st.navigation.

Streamlit's own sidebar menu fails WCAG checks (axe-core: a <ul> whose children are <div>s, <li>s outside a
list), and its markup cannot be fixed from the app; so st.navigation gets position="hidden" and the menu is drawn
here with st.page_link: one link per page, under its section's name, in the registry's order.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from . import pages


def routes() -> dict[str, list[st.Page]]:
    """Return the st.Page of every page by menu section (for st.navigation), plus the hidden /overview route.

    Streamlit serves the default page at "/" only, yet reserves its url_path, so a link to /overview found no
    page: the default page reserves an internal path instead, and /overview is a hidden page running the same view.
    """
    out = {
        section: [
            st.Page(p.view, title=p.title, icon=p.icon, url_path=f"{p.url_path}-home" if p.default else p.url_path,
                    default=p.default)
            for p in in_section
        ]
        for section, in_section in pages.sections().items()
    }  # fmt: skip
    out[""] = [
        st.Page(pages.OVERVIEW.view, title=pages.OVERVIEW.title, url_path=pages.OVERVIEW.url_path, visibility="hidden")
    ]
    return out


def menu(routes: Mapping[str, list[st.Page]]) -> None:
    """Draw the menu in the sidebar: each section's name, then a link to each of its pages."""
    with st.sidebar.container(key="hr_menu"):
        for section, links in routes.items():
            if not section:  # the hidden /overview route
                continue
            st.markdown(f"**{section}**")
            for link in links:
                st.page_link(link, label=link.title, icon=link.icon)
