"""The sections of the Country profile page, each drawn from the cached profile view (views/country_profile.py).

Charts whose numbers are already in a table next to them get no extra "Show data" table; the
others get one like `Frame.chart`'s. Tables of named queries get `widgets.export_buttons` (CSV / Excel).
Every value from the data reaches markdown through `md` (names, sources, story texts: text, not markdown).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pandas as pd
import streamlit as st

from ..figures import base as charts
from ..model import labels
from ..model.filters import Filters
from ..model.text import md
from ..profile import brief
from ..profile import data as profile
from . import pages, presenting, printing, profile_ui, widgets
from .profile_ui import View

PAGE = pages.COUNTRY_PROFILE.title
LABELS = brief.LABELS
YES = {True: "yes", False: "no"}


def _title(view: View, key: str) -> None:
    chart = view.charts[key]
    st.markdown(f"**{md(chart.title)}**")
    if chart.caption:
        st.caption(md(chart.caption))


def _chart(view: View, key: str, *, numbers_in_table: bool = False) -> None:
    """Draw a chart and, unless a table next to it holds its numbers, a "Show data" table of them.

    What Frame.chart draws, but the table is made only once the expander is opened (Streamlit's
    stateful expander): the profile has many charts, and each table costs every rerun otherwise.
    """
    _title(view, key)
    st.plotly_chart(view.figures[key], config=charts.PLOTLY_CONFIG, key=f"profile_{key}_chart")
    if numbers_in_table or printing.active():
        return
    shown = st.expander("Show data", key=f"profile_{key}_show", on_change="rerun")
    if shown.open:
        with shown:
            data = view.charts[key].data.rename(columns=LABELS)
            st.dataframe(data, hide_index=True, key=f"profile_{key}_chart_data", placeholder="")


def _table(name: str, filters: Filters, view: View, title: str, key: str, empty: str) -> None:
    """Draw a section's table (what widgets.table draws, from the cached view) with CSV / Excel export of its rows."""
    shown, config = view.tables[key]
    if shown.empty:
        st.caption(empty)
        return
    printing.dataframe(
        shown, hide_index=True, key=f"profile_{key}", width="stretch", column_config=config, placeholder=""
    )
    widgets.export_buttons(name, filters, page=PAGE, title=f"{title}, {view.p.name}", labels=LABELS,
                           key=f"profile_{key}", frame=partial(profile.export_frame, view.p, key))  # fmt: skip


def heading(view: View) -> None:
    """Draw the page title and what the figures cover."""
    p, c = view.p, view.p.country
    flags = [f for f, on in [("least developed country", c["ldc"]), ("small island developing State", c["sids"])] if on]
    st.title(f"Country profile: {md(p.name)}")
    st.caption(
        md(" · ".join([c["official_name"], f"OHCHR region {c['ohchr_region']}", c["m49_subregion"], *flags]))
        + f". Counts cover {p.years}; statuses are as of 31 December {p.year_to} (sidebar years). The sidebar's "
        "region, country and EA filters only choose the country the page opens on."
    )


def key_figures(view: View) -> None:
    """Draw the key figures in plain sentences."""
    st.subheader("Key figures")
    st.markdown("\n".join(f"- {md(s)}" for s in view.key_figures))


def region(view: View, filters: Filters) -> None:
    p = view.p
    st.header(f"Compared with {md(p.country['ohchr_region'])}")
    st.caption(
        f"{md(p.name)} against the {len(p.region)} countries of its OHCHR region, {p.years} (statuses as of "
        f"31 December {p.year_to}). Rank 1 = the highest value in the region."
    )
    printing.dataframe(
        view.comparison.rename(columns=LABELS), hide_index=True, key="profile_comparison", placeholder=""
    )
    _chart(view, "region_ratification")
    if not printing.active():
        st.caption("Click a country on the map to open its profile.")
    st.plotly_chart(view.region_map, config=charts.PLOTLY_CONFIG, key=profile_ui.MAP_KEY,
                    on_select=profile_ui.select_on_click, selection_mode="points")  # fmt: skip


def ratification(view: View, filters: Filters) -> None:
    st.header("Ratification of the 18 instruments")
    left, right = st.columns([1, 2])
    with left:
        _chart(view, "ratification_status", numbers_in_table=True)
    with right:
        missing = view.not_ratified
        st.markdown(f"**Not yet a party to ({len(missing)}):** " + (md(", ".join(missing)) or "none"))
        st.markdown("**With reservations:** " + md(profile.reservations_text(view.p.frames["ratification"])))
    _table("profile_ratification", filters, view, "Ratification status", "ratification", "No instruments.")


def treaty_bodies(view: View, filters: Filters) -> None:
    st.header("Treaty-body reporting")
    _chart(view, "tb_reports", numbers_in_table=True)
    _table("profile_tb_reports", filters, view, "Treaty-body reports", "tb_reports", "No report due in the data.")


def special_procedures(view: View, filters: Filters) -> None:
    p, c, m = view.p, view.p.country, view.p.measures
    st.header("Special Procedures")
    invited = c["standing_invitation_date"]
    pending = int(m["requests_pending"])
    lines = [
        "Standing invitation: "
        + (f"**since {pd.Timestamp(invited).date()}** (source: {md(c['standing_invitation_source'])})"
           if pd.notna(invited) else "**none**"),
        f"Visits carried out in {p.years}: **{int(m['visits_completed'])}**",
        f"Visit requests pending (requested or no reply): **{pending}**"
        + (f", the oldest since {pd.Timestamp(m['oldest_pending']).date()}" if pending else ""),
        f"Communications received in {p.years}: **{int(m['communications'])}**, replied to: "
        f"**{int(m['communications_replied'])}** ({view.reply_rate})",
    ]  # fmt: skip
    st.markdown("\n".join(f"- {line}" for line in lines))
    _chart(view, "communications")
    _table("profile_sp_visits", filters, view, "Special Procedures visits and open requests", "sp_visits",
           "No visit or request in these years.")  # fmt: skip


def upr(view: View, filters: Filters) -> None:
    st.header("Universal Periodic Review")
    _table("profile_upr_cycles", filters, view, "UPR reviews", "upr_cycles", "No UPR review in these years.")
    _chart(view, "upr_cycles", numbers_in_table=True)
    _chart(view, "upr_themes")
    _chart(view, "implementation")


def civil_society(view: View, filters: Filters) -> None:
    c = view.p.country
    st.header("Civil society and the NHRI")
    if pd.notna(c["nhri_name"]):
        st.markdown(
            f"National human rights institution: **{md(c['nhri_name'])}**, accreditation status "
            f"**{md(c['nhri_status'])}** since {int(c['nhri_year'])} (source: {md(c['nhri_source'])})."
        )
    else:
        st.markdown("National human rights institution: **none recorded**.")
    _chart(view, "submissions")


def unct(view: View, filters: Filters) -> None:
    p = view.p
    st.header("UN Country Team and Human Rights Advisers")
    st.caption(
        f"What the UNCT did with the mechanisms, {p.years}. Facts from the source documents name the document as "
        "their source."
    )
    _table("profile_unct_engagement", filters, view, "UNCT engagement", "unct", "No UNCT engagement recorded.")
    st.markdown(f"**Human Rights Adviser deployments overlapping {p.years}**")
    _table("profile_hra_deployments", filters, view, "HRA deployments", "hra", "No HRA deployment recorded.")
    for story in p.frames["stories"].itertuples():
        text = f"**{story.year} · {md(story.mechanism)}.** {md(story.text)}\n\n*Source: {md(story.source)}*"
        st.info(text, icon=":material/push_pin:")


def national_mechanism(view: View, filters: Filters) -> None:
    c = view.p.country
    st.header("National mechanism for reporting and follow-up")
    if pd.isna(c["mechanism_established"]):
        st.markdown("No standing national mechanism for reporting and follow-up is recorded.")
        return
    st.markdown(
        f"Established **{pd.Timestamp(c['mechanism_established']).date()}**, type **{md(c['mechanism_type'])}**; "
        f"NHRI takes part: **{YES[bool(c['mechanism_nhri'])]}**; civil society takes part: "
        f"**{YES[bool(c['mechanism_cso'])]}**; tracking tool for recommendations: "
        f"**{YES[bool(c['mechanism_tracking_tool'])]}** (source: {md(c['mechanism_source'])})."
    )


def targets(view: View, filters: Filters) -> None:
    p = view.p
    st.header(f"Targets of the {labels.MANAGEMENT_PLAN}")
    st.caption(
        f"Every target of the {labels.MANAGEMENT_PLAN}'s expected accomplishments that names {md(p.name)}, and "
        "whether it is met in "
        f"{p.year_to} by the target rules of the Ratification and Expected accomplishments pages."
    )
    columns = ["ea_code", "ea_name", "target", "met", "detail", "source", "sentence"]
    printing.dataframe(
        view.targets[columns].rename(columns={**LABELS, "sentence": "Sentence of the Management Plan"}),
        hide_index=True, key="profile_targets",
        placeholder="",
    )  # fmt: skip


SECTIONS: dict[str, Callable[[View, Filters], None]] = {
    "region": region,
    "ratification": ratification,
    "treaty_bodies": treaty_bodies,
    "special_procedures": special_procedures,
    "upr": upr,
    "civil_society": civil_society,
    "unct": unct,
    "national_mechanism": national_mechanism,
    "targets": targets,
}


def draw(view: View, filters: Filters) -> None:
    """Draw every section, each in its own print page."""
    for name, section in SECTIONS.items():
        with printing.section(name):
            section(view, filters)


def slides(view: View) -> list[presenting.Slide]:
    """Return the presentation: one step per slide of the country's brief that shows data (key figures, tables,
    charts drawn from the page's figures), in the brief's order."""
    figures = {c.title: view.figures[k] for k, c in view.charts.items()}
    items = brief.deck(view.p, built_at=view.built_at).items
    return presenting.slides_of([(item, figures.get(item.title)) for item in items])
