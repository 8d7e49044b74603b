"""Universal Periodic Review (EA6, EA11): recommendations, responses, themes, recommending States, implementation,
from recommendation to ratification, UNCT engagement, and a full-text search of the recommendations."""

import streamlit as st

from hrdash.app import frame, pages, printing, widgets
from hrdash.app.data import run
from hrdash.figures import upr
from hrdash.figures.base import level
from hrdash.model import provenance, recognition, search

PAGE = pages.UPR.title
VIEWS = [
    "Cycles and responses", "Themes", "Recommending States", "Implementation and reports", "To ratification",
    "UNCT engagement (EA11)", "Search",
]  # fmt: skip
RESPONSES = ["supported", "noted", "pending"]
PAGE_SIZES = [25, 50, 100, 200]
PREVIEW = 300
L = upr.LABELS
COUNTRY_COLUMNS = ["name", "iso3", "ohchr_region", "total", *RESPONSES, *(f"{r}_share" for r in RESPONSES)]
TABLE_CONFIG = {
    L["review_date"]: st.column_config.DateColumn(format="YYYY-MM-DD"),
    L["consent_date"]: st.column_config.DateColumn(format="YYYY-MM-DD"),
    L["text"]: st.column_config.TextColumn(width="large"),
}

filters = st.session_state["filters"]
st.title("Universal Periodic Review")
st.caption(
    "Recommendations to the States under review and what became of them — EA6 (State engagement) and EA11 "
    f"(UNCT engagement). Years are those of the review. Filters: {filters.caption()}."
)
page = frame.open(PAGE, filters)
years = f"{filters.year_from}–{filters.year_to}"


def cycles_view() -> None:
    data = run("upr_recommendations_by_response", filters)
    by_cycle = level(data, "cycle")
    for col, (label, value) in zip(st.columns(4), upr.totals(by_cycle)):
        col.metric(label, value, border=True)
    st.subheader("Recommendations per session")
    sessions = level(data, "session")
    st.caption(f"UPR recommendations per working-group session, by cycle. {filters.caption()}. "
               + upr.without_session(sessions))  # fmt: skip
    page.chart(
        upr.per_session(sessions), sessions, title="UPR recommendations per session", key="upr_per_session", labels=L
    )
    st.subheader("Supported, noted and pending, per cycle")
    page.chart(
        upr.response_shares(by_cycle, "cycle", "Cycle "),
        by_cycle,
        title="Supported, noted and pending, per cycle",
        key="upr_response_cycle",
        labels=L,
    )
    st.subheader("Per OHCHR region")
    st.caption(f"Share of the recommendations to the region's States, {years}.")
    by_region = level(data, "region")
    page.chart(
        upr.response_shares(by_region, "ohchr_region"),
        by_region,
        title="Supported, noted and pending, per OHCHR region",
        key="upr_response_region",
        labels=L,
    )
    st.subheader("Per country")
    by_country = level(data, "country")[COUNTRY_COLUMNS].rename(columns=L)
    printing.dataframe(by_country, hide_index=True, key="upr_response_country", placeholder="")
    widgets.export_buttons("upr_responses_by_country", filters, page=PAGE, title="UPR recommendations per country",
                      labels=L, key="upr_response_country_export")  # fmt: skip


def themes_view() -> None:
    themes = run("upr_themes_by_response", filters)
    st.subheader("Most frequent themes")
    st.caption(
        f"The 15 themes with most recommendations, {years}, and the share of each theme's recommendations "
        f"that were supported (of those with a response). {filters.caption()}."
    )
    page.chart(upr.themes(themes), themes, title="Most frequent themes", key="upr_themes", labels=L)
    st.subheader("What the recommendations ask: UPR Info's action categories")
    categories = run("upr_recommendations_by_action_category", filters)
    st.caption(
        "Recommendations by UPR Info's action category — 1 minimal action (directed at other States, or asking for "
        "assistance or information), 2 continuing action, 3 considering change, 4 general action, 5 specific "
        "action — and the State's response. Only recommendations whose source gives the category: the bundled "
        f"cycle-1 facts of sessions 1–9 and imported UPR Info exports. {filters.caption()}."
    )
    page.chart(
        upr.action_categories(categories), categories, title="UPR recommendations by action category",
        key="upr_action_category", labels=L,
    )  # fmt: skip


def states_view() -> None:
    data = run("upr_recommending_states", filters)
    states = level(data, "state")
    st.subheader("Who recommends most")
    st.caption(
        f"The 20 States that made most recommendations to the selected countries, {years}, and how the "
        "recommendations were received (supported share of those with a response). Joint recommendations "
        f"count for each co-author. {filters.caption()}."
    )
    page.chart(
        upr.recommending_states(states), states, title="Who recommends most", key="upr_recommending_states", labels=L
    )
    flows = level(data, "flow")
    st.subheader("From recommending region to reviewed region")
    page.chart(upr.flow(flows), flows, title="From recommending region to reviewed region", key="upr_flow", labels=L)


def implementation_view() -> None:
    status = run("upr_implementation_by_cycle", filters)
    st.subheader("Implementation, where the data have it")
    st.caption(f"Status of the recommendations with a known implementation status, per cycle. {filters.caption()}.")
    page.chart(
        upr.implementation(status),
        status,
        title="Implementation, where the data have it",
        key="upr_implementation",
        labels=L,
    )
    reports = run("upr_reports_by_cycle", filters)
    st.subheader("National and mid-term reports")
    st.caption(
        f"Reviews held {years}, with a national report, and States that submitted a mid-term report. Only reports "
        "known to have been submitted count: reviews from sources that do not say are under “not known” in the data."
    )
    page.chart(upr.reports(reports), reports, title="National and mid-term reports", key="upr_reports", labels=L)


def ratification_view() -> None:
    rules = recognition.sql_params()
    outcomes = run("upr_ratification_outcomes", filters, **rules)
    st.subheader("From recommendation to ratification")
    st.caption(
        "UPR recommendations that ask the State to sign, ratify or accede to one of the 18 instruments "
        "(recognised from the text), by response, and whether the State then became a party: the share that did "
        "(of those made to States not yet party) and the median time from the review. A recommendation naming "
        f"several instruments counts for each. Reviews {years}. {filters.caption()}."
    )
    cols = st.columns(4)
    for col, (label, value) in zip(cols, upr.ratification_totals(level(outcomes, "all"))):
        col.metric(label, value, border=True)
    per_instrument = level(outcomes, "instrument")
    page.chart(
        upr.ratification_by_instrument(per_instrument),
        per_instrument,
        title="From recommendation to ratification, per instrument",
        key="upr_rat_instrument",
        labels=L,
    )
    for column, (lvl, by, key, heading, title) in zip(st.columns(2), [
        ("region", "ohchr_region", "upr_rat_region", "Per OHCHR region",
         "From recommendation to ratification, per OHCHR region"),
        ("response", "response", "upr_rat_response", "Supported or noted: did it make a difference?",
         "From recommendation to ratification: supported or noted"),
    ]):  # fmt: skip
        with column:
            shares = level(outcomes, lvl)
            st.markdown(f"**{heading}**")
            page.chart(upr.ratification_share(shares, by), shares, title=title, key=key, labels=L)
    st.markdown(f"**The recommendations** (latest {PREVIEW}; the downloads hold every one)")
    preview = provenance.with_text_note(run("upr_ratification_requests", filters, limit=PREVIEW, **rules))
    if (preview["text"] == provenance.NO_TEXT).any():
        st.caption(
            "The bundled cycle-1 recommendations have no text here: their instruments were recognised from the "
            f"text when the public facts were derived. {provenance.TEXT_NOT_BUNDLED}"
        )
    printing.dataframe(
        preview.rename(columns=L), hide_index=True, key="upr_rat_list", column_config=TABLE_CONFIG, placeholder=""
    )
    widgets.export_buttons(
        "upr_ratification_requests", filters, page=PAGE, title="UPR recommendations to join an instrument",
        labels=L, key="upr_rat_list_export", limit=None, **rules,
    )  # fmt: skip
    with st.expander("How instruments are recognised in the text (the rules, in order of precedence)"):
        st.caption(
            "A recommendation asks to join if it uses a verb of ratifying, acceding, signing, adhering or becoming "
            "party; the instruments are the first rule (in this order) matching at each place in the text, so "
            "“Optional Protocol to the Convention against Torture” is OP-CAT and not also CAT."
        )
        printing.dataframe(recognition.rules_table(), hide_index=True, key="upr_rules", width="stretch", placeholder="")


def unct_view() -> None:
    st.subheader("UNCT engagement with the UPR (EA11)")
    st.caption(
        "Per country: the UN Country Team's UPR-related activities (submissions to the review, support to "
        f"follow-up plans) next to the recommendations the country received, {years}. {filters.caption()}."
    )
    widgets.table(
        "upr_unct_engagement_by_country", filters, page=PAGE, title="UNCT engagement with the UPR per country",
        labels=L, key="upr_unct",
    )  # fmt: skip
    st.markdown("**The engagement rows**, each with its country's recommendations in the same years")
    widgets.table(
        "upr_unct_engagement_rows", filters, page=PAGE, title="UNCT engagement rows related to the UPR",
        labels=L, key="upr_unct_rows",
    )  # fmt: skip


def search_view() -> None:
    st.subheader("Search the recommendations")
    box, theme_col, response_col = st.columns([3, 2, 1])
    q = box.text_input(
        "Words or \"phrases\" (all must occur, any order, any case)", key="upr_q", bind="query-params",
        placeholder='e.g. torture investigate, or "death penalty"',
    )  # fmt: skip
    theme = theme_col.selectbox(
        "Theme", run("upr_theme_options")["theme"].tolist(), index=None, key="upr_theme", bind="query-params",
        placeholder="Any theme",
    )  # fmt: skip
    response = response_col.selectbox(
        "Response", RESPONSES, index=None, key="upr_response", bind="query-params", placeholder="Any"
    )
    words = search.terms(q)
    if search.dropped(q):
        st.warning(f"Only the first {search.MAX_TERMS} terms are searched for.")
    params = dict(words=words, theme=theme, response=response)
    if note := provenance.without_text_note(run("upr_recommendations_without_text", filters, theme=theme,
                                            response=response), searching=bool(words)):  # fmt: skip
        st.info(note)
    size_col, page_col, summary_col = st.columns([1, 1, 4])
    size = size_col.selectbox("Rows per page", PAGE_SIZES, key="upr_page_size", bind="query-params")
    asked = int(page_col.number_input("Page", min_value=1, step=1, key="upr_page", bind="query-params"))
    found, rows = upr.search_page(run("upr_search_page", filters, **params, limit=size, offset=(asked - 1) * size))
    pages = search.pages(int(found["matches"]), size)
    if asked > pages:  # past the last page (a new search has fewer matches): show the last one
        found, rows = upr.search_page(run("upr_search_page", filters, **params, limit=size, offset=(pages - 1) * size))
    summary_col.markdown(upr.search_summary(found, min(asked, pages), pages))
    printing.dataframe(
        rows.rename(columns=L), hide_index=True, key="upr_search_results", column_config=TABLE_CONFIG, placeholder=""
    )
    widgets.export_buttons("upr_search_results", filters, page=PAGE, title="UPR recommendations matching the search",
                      labels=L, key="upr_search_export", **params)  # fmt: skip


# One function per view; only the open tab's runs (tabs bound to the URL run lazily).
views = [cycles_view, themes_view, states_view, implementation_view, ratification_view, unct_view, search_view]
widgets.lazy_tabs(dict(zip(VIEWS, views)), key="upr_view")

page.close()
