"""Special Procedures (EA6, EA9, EA10): visits, standing invitations, visit requests, communications, EA6 targets."""

import streamlit as st

from hrdash.app import frame, pages, printing, widgets
from hrdash.app.data import run
from hrdash.figures import special_procedures as sp
from hrdash.figures.base import level
from hrdash.model import labels, targets
from hrdash.model.indicators import BASELINE_YEAR
from hrdash.model.text import md

PAGE, L = pages.SPECIAL_PROCEDURES.title, sp.LABELS
VIEWS = ["Visits", "Standing invitations", "Visit requests", "Communications", "EA6 target countries", "Tables"]
PREVIEW = 500  # rows a list shows on screen; its downloads have them all
DATES = {L[c]: st.column_config.DateColumn(format="YYYY-MM-DD") for c in sp.DATE_COLUMNS}

filters = st.session_state["filters"]
years = f"{filters.year_from}–{filters.year_to}"
st.title(PAGE)
st.caption(
    "Country visits, standing invitations, visit requests and communications of the Human Rights Council's "
    f"Special Procedures — EA6 (State engagement), EA9 (joint communications), EA10 (urgent appeals). "
    f"Filters: {filters.caption()}."
)
page = frame.open(PAGE, filters)

st.subheader(f"Key figures, {filters.year_to}")
st.caption(f"For the selected countries; the change is against the {BASELINE_YEAR} baseline of the Management Plan.")
cols = st.columns(4)
key_figures = run("sp_key_figures_by_year", filters)
for i, (label, value, delta) in enumerate(sp.key_figures(key_figures, filters.year_to)):
    cols[i % 4].metric(label, value, delta=delta, delta_color="off", border=True)

st.subheader(f"2013 as the {labels.MANAGEMENT_PLAN} reports it")
seed = run("sp_seed_figures_2013")
printing.dataframe(sp.seed_table(key_figures, seed), hide_index=True, key="sp_seed_2013", placeholder="")
st.caption(
    "Computed from the data for the selected countries in 2013, beside the global figures of the "
    f"{labels.MANAGEMENT_PLAN}: "
    f"“{md(seed['sentence'].iloc[0])}” They agree when no country filter is set."
)


def visits_view() -> None:
    st.subheader("Country visits per year")
    st.caption(f"Completed visits by the year they began, by kind of mandate. {filters.caption()}.")
    visits = run("sp_visits_by_region_year", filters)
    by_region, by_country = level(visits, "region_year"), level(visits, "country")
    fig, per_year = sp.visits_per_year(by_region)
    page.chart(fig, per_year, title="Country visits per year", key="sp_visits_per_year", labels=L)
    st.subheader("Where the mandates went")
    st.caption(f"Completed visits per country, {years}.")
    page.chart(sp.visits_map(by_country), by_country, title="Where the mandates went", key="sp_visits_map", labels=L)
    st.subheader("Visits per OHCHR region")
    st.caption(f"Completed visits per region and year. {filters.caption()}.")
    page.chart(
        sp.visits_by_region(by_region), by_region, title="Visits per OHCHR region", key="sp_visits_by_region", labels=L
    )


def invitations_view() -> None:
    st.subheader("Standing invitations over time")
    st.caption(f"Selected countries with a standing invitation at the end of each year. {filters.caption()}.")
    df = run("sp_standing_invitations_by_year", filters)
    page.chart(
        sp.invitations_over_time(df),
        df,
        title="Standing invitations over time",
        key="sp_invitations_per_year",
        labels=L,
    )
    st.subheader(f"Standing invitations at the end of {filters.year_to}")
    df = run("sp_standing_invitation_by_country", filters)
    page.chart(
        sp.invitations_map(df),
        df,
        title=f"Standing invitations at the end of {filters.year_to}",
        key="sp_invitations_map",
        labels=L,
    )
    missing = sp.without_invitation(df)
    st.markdown(f"**Without a standing invitation at the end of {filters.year_to}: {len(missing)} countries.**")
    st.caption(md(", ".join(missing)) if missing else "Every selected country has one.")


def requests_view() -> None:
    st.subheader("Pending visit requests")
    st.caption(
        f"Requests made up to the end of {filters.year_to} not yet accepted (awaiting an answer, no reply, "
        "postponed), with the age of the oldest at that date: the backlog to raise with a government. The 20 "
        f"largest backlogs; the data and downloads have every country. {filters.caption()}."
    )
    df = run("sp_pending_requests_by_country", filters)
    page.chart(sp.pending_requests(df), df, title="Pending visit requests", key="sp_pending_requests", labels=L)
    widgets.export_buttons("sp_pending_requests_by_country", filters, page=PAGE, title="Pending visit requests",
                      labels=L, key="sp_pending_export")  # fmt: skip
    st.subheader("Acceptance of visit requests")
    st.caption(
        f"Requests made {years}: share of those answered that were accepted (accepted or visit completed); "
        "requests still awaiting an answer are left out."
    )
    df = run("sp_acceptance_rate_by_region", filters)
    page.chart(
        sp.acceptance_by_region(df), df, title="Acceptance of visit requests", key="sp_acceptance_by_region", labels=L
    )
    st.markdown("**Per country**")
    widgets.table("sp_acceptance_rate_by_country", filters, page=PAGE, title="Acceptance of visit requests per country",
             labels=L, key="sp_acceptance_by_country")  # fmt: skip


def comms_view() -> None:
    st.subheader("Communications per year")
    st.caption(f"Communications sent by the mandates, by type. {filters.caption()}.")
    df = run("sp_communications_by_year", filters)
    page.chart(sp.communications_per_year(df), df, title="Communications per year", key="sp_comms_per_year", labels=L)
    st.subheader("Joint communications (EA9) and replies (EA6)")
    st.caption("Share of each year's communications sent jointly by two or more mandates, and replied to.")
    page.chart(
        sp.joint_and_reply_shares(df),
        df,
        title="Joint communications (EA9) and replies (EA6)",
        key="sp_comms_shares",
        labels=L,
    )
    df = run("sp_communications_by_country", filters)
    left, right = st.columns(2)
    left.subheader("Reply rate (EA6)")
    left.caption(f"The 20 countries receiving most communications, {years}.")
    right.subheader("Most urgent appeals (EA10)")
    right.caption(f"Early warning: the 15 countries receiving most urgent appeals, {years}.")
    with left:
        page.chart(sp.reply_rates(df), df, title="Reply rate (EA6)", key="sp_reply_rates", labels=L)
    with right:
        page.chart(sp.urgent_appeals(df), df, title="Most urgent appeals (EA10)", key="sp_urgent_appeals", labels=L)
    widgets.export_buttons("sp_communications_by_country", filters, page=PAGE, title="Communications per country",
                      labels=L, key="sp_comms_by_country_export")  # fmt: skip


def targets_view() -> None:
    w = targets.windows(filters.year_to)
    baseline, current = f"{w['base_from']}–{w['base_to']}", f"{w['now_from']}–{w['now_to']}"
    df = run("sp_engagement_targets", filters, **w)
    st.subheader("EA6 target countries: engagement with the Special Procedures")
    st.caption(
        f"The {labels.MANAGEMENT_PLAN} names these countries to “improve their engagement with special "
        "procedures, either through "
        "the issuing of standing invitations, the acceptance of their requests for visits or the response to "
        f"their communications”. Each measure in the baseline years {baseline} (the Management Plan's baseline "
        f"is {BASELINE_YEAR}) and in the last four selected years {current}: standing invitation extended by "
        "31 December of the last year (“new”: extended after the baseline years); share of the visit requests "
        "made in the years and answered that were accepted; share of the communications sent in the years that "
        "were replied to. Four years, not one, because a country receives few requests and communications a year. "
        "Met: a standing invitation issued after the baseline, or a higher share accepted, or a higher share "
        "replied to, than in the baseline years (a share with nothing to share in the baseline years, “none”, "
        "cannot be compared) — the same rule and figures as the Expected accomplishments page. "
        f"{len(df)} target countries among the selected ones."
    )
    cols = st.columns(4)
    for col, (label, value, context) in zip(cols, sp.engagement_summary(df, baseline, current)):
        col.metric(label, value, delta=context, delta_color="off", delta_arrow="off")
    table = sp.engagement_table(df, baseline, current)
    printing.dataframe(table, hide_index=True, key="sp_targets", height=38 + 35 * len(table), placeholder="")
    widgets.export_buttons("sp_engagement_targets", filters, page=PAGE, title="EA6 targets: Special Procedures",
                      labels=sp.engagement_labels(baseline, current), key="sp_targets_export", **w)  # fmt: skip


def tables_view() -> None:
    st.subheader("Visits and visit requests")
    st.caption(f"The latest {PREVIEW} dated {years} (visit start or request date); the downloads hold all.")
    df = run("sp_visit_list", filters, limit=PREVIEW)
    printing.dataframe(df.rename(columns=L), hide_index=True, key="sp_visit_list", column_config=DATES, placeholder="")
    widgets.export_buttons("sp_visit_list", filters, page=PAGE, title="Visits and visit requests", labels=L,
                      key="sp_visit_list_export", limit=None)  # fmt: skip
    st.subheader("Communications")
    st.caption(f"The latest {PREVIEW} communications sent {years}; the downloads hold all.")
    df = run("sp_communication_list", filters, limit=PREVIEW)
    printing.dataframe(df.rename(columns=L), hide_index=True, key="sp_comm_list", column_config=DATES, placeholder="")
    widgets.export_buttons("sp_communication_list", filters, page=PAGE, title="Communications", labels=L,
                      key="sp_comm_list_export", limit=None)  # fmt: skip


# One function per view; only the open tab's runs (tabs bound to the URL run lazily).
views = [visits_view, invitations_view, requests_view, comms_view, targets_view, tables_view]
widgets.lazy_tabs(dict(zip(VIEWS, views)), key="sp_view")

page.close()
