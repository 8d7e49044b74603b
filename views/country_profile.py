"""Country profile: everything about one country on one page — the brief an HRA takes to a UNCT meeting.

Choose the country in the box, by URL (?country=LBR or ?country=Liberia) or by clicking the regional
map. Print view (?print=1) and presentation mode (?present=1) come from hrdash/app/presenting.py; the
sections are drawn by hrdash/app/profile_sections.py from one cached view of the country.
"""

import streamlit as st

from hrdash.app import deck, frame, presenting, printing, profile_sections, profile_ui
from hrdash.app.data import run
from hrdash.exports import pptx as slides

filters = st.session_state["filters"]

with st.container(key=presenting.CONTROLS_KEY):
    c1, c2, c3 = st.columns([1.8, 2.6, 1.4], vertical_alignment="bottom")
    with c1:
        iso3 = profile_ui.choose_country(run("profile_country_options", filters))
    with c2:
        mode = presenting.controls("profile")
    view = profile_ui.view(iso3, filters.year_from, filters.year_to)
    deck.download(view.deck, key=f"country_brief_{iso3}", container=c3)
    printing.pdf_button(
        f"Country profile: {view.p.name}", slides.demo_sentence(view.p.sources), key="profile", container=c3
    )
presenting.style(mode)

if mode == presenting.PRESENT:
    presenting.present(profile_sections.slides(view), key="profile", note=slides.demo_sentence(view.p.sources))
    st.stop()

profile_sections.heading(view)
frame.demo_warning(view.p.sources)  # the profile's rows by source come with its cached view
profile_sections.key_figures(view)
profile_sections.draw(view, filters)
frame.sources(view.p.sources)
