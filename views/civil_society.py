"""Civil society (EA7): stakeholder submissions to the UPR and treaty bodies, their diversity, NHRIs, EA7 targets."""

import streamlit as st

from hrdash.app import frame, pages, widgets
from hrdash.app.data import run
from hrdash.figures import civil_society as fig
from hrdash.model import labels, targets

PAGE = pages.CIVIL_SOCIETY.title

filters = st.session_state["filters"]
st.title(PAGE)
st.caption(
    "Increased number and diversity of rights-holders, and of national human rights institutions (NHRIs) and civil "
    f"society actors acting on their behalf, making use of the mechanisms (EA7, {labels.MANAGEMENT_PLAN}). "
    f"Filters: {filters.caption()}."
)
page = frame.open(PAGE, filters)
years = f"{filters.year_from}–{filters.year_to}"

submissions_tab, diversity_tab, nhri_tab, targets_tab = st.tabs(
    ["Stakeholder submissions", "Cycles and diversity", "NHRIs", "EA7 target countries"], key="cso_view",
    bind="query-params",
)  # fmt: skip

with submissions_tab:
    if widgets.tab_runs(submissions_tab, "Stakeholder submissions"):
        by_year = run("cso_submissions_by_year_type", filters)
        types = fig.totals_by_type(by_year)
        cols = st.columns(5)
        cols[0].metric(f"Submissions {years}", f"{sum(types.values()):,}", border=True)
        for col, (kind, n) in zip(cols[1:], types.items()):
            col.metric(kind, f"{n:,}", border=True)
        st.subheader("Submissions per year, by submitter type")
        st.caption(
            f"Submissions by NHRIs and civil society to the UPR and the treaty bodies about the selected countries, "
            f"{years}, by submitter type (UPR and treaty bodies together). Filters: {filters.caption()}."
        )
        page.chart(
            fig.submissions_by_year(by_year), by_year,
            title="Stakeholder submissions per year, by submitter type", key="cso_by_year",
            labels=fig.LABELS,
        )  # fmt: skip
        st.subheader("Per country and review")
        st.caption(
            f"Submissions per country, mechanism and review year (with the UPR cycle), by submitter type, and the "
            f"number of distinct submitter types, {years}. Filters: {filters.caption()}."
        )
        widgets.table(
            "cso_submissions_by_country_cycle", filters, page=PAGE, title="Stakeholder submissions per country, cycle",
            key="cso_by_country_cycle",
            labels=fig.LABELS,
        )  # fmt: skip

with diversity_tab:
    if widgets.tab_runs(diversity_tab, "Cycles and diversity"):
        left, right = st.columns(2)
        with left:
            st.subheader("UPR submissions per cycle")
            by_cycle = run("cso_upr_submissions_by_cycle_type", filters)
            st.caption(f"UPR reviews held in {years}, by cycle and submitter type. Filters: {filters.caption()}.")
            page.chart(
                fig.upr_by_cycle(by_cycle), by_cycle, title="UPR submissions per cycle", key="cso_upr_by_cycle",
                labels=fig.LABELS,
            )  # fmt: skip
        with right:
            st.subheader("Diversity of submitters")
            by_diversity = run("cso_reviews_by_diversity", filters)
            st.caption(
                f"Reviews in {years} (a UPR review, or a year of treaty-body reviews of a country) by how many of the "
                f"4 submitter types made a submission to them. Filters: {filters.caption()}."
            )
            page.chart(
                fig.diversity(by_diversity), by_diversity, title="Diversity of submitters", key="cso_diversity",
                labels=fig.LABELS,
            )  # fmt: skip

with nhri_tab:
    if widgets.tab_runs(nhri_tab, "NHRIs"):
        by_status = run("cso_nhri_by_status", filters)
        st.subheader("NHRIs by accreditation status")
        st.caption(
            "National human rights institutions of the selected countries by their latest accreditation status "
            f"(Paris Principles), where the data have one; 'no data' counts the countries without. "
            f"Filters: {filters.caption()}."
        )
        page.chart(
            fig.nhri_status(by_status), by_status, title="NHRIs by accreditation status", key="cso_nhri_status",
            labels={**fig.LABELS, "status": "Status"},
        )  # fmt: skip
        widgets.table(
            "cso_nhri_by_country", filters, page=PAGE, title="NHRIs and their accreditation", key="cso_nhris",
            labels=fig.LABELS,
        )  # fmt: skip

with targets_tab:
    if widgets.tab_runs(targets_tab, "EA7 target countries"):
        st.subheader("EA7 target countries: submissions now vs the 2013 baseline")
        met = st.selectbox(
            "Show targets", targets.MET_VALUES["EA7"], index=None, key="cso_target_met", bind="query-params",
            placeholder="All targets", format_func={"yes": "Met", "no": "Not met"}.get,
        )  # fmt: skip
        table = targets.table_for("EA7", filters.year_to, met)
        window = targets.windows(filters.year_to)
        status = run(table.query, filters, **table.params)
        done = targets.summary(status["met"], table.met_values)
        c1, c2 = st.columns(2)
        c1.metric("Targets met", done["yes"], border=True)
        c2.metric("Targets not met", done["no"], border=True)
        st.caption(
            f"The {labels.MANAGEMENT_PLAN} names {len(status)} countries in this selection where OHCHR expects "
            "more use of the mechanisms "
            f"by civil society by 2017. {table.rules['civil_society_engagement']} "
            f"({targets.windows_text(filters.year_to)}). Filters: {filters.caption()}."
        )
        base_label = f"{window['base_from']}–{window['base_to']}"
        now_label = f"{window['now_from']}–{window['now_to']}"
        page.chart(
            fig.targets_now_vs_baseline(status, base_label, now_label),
            status[["country", "baseline_value", "now_value", "met"]],
            title="EA7 target countries: submissions now vs the 2013 baseline", key="cso_targets_chart",
            labels=labels.glossary(
                {"baseline_value": f"Submissions {base_label}", "now_value": f"Submissions {now_label}"}
            ),
        )  # fmt: skip
        widgets.table(
            table.query, filters, page=PAGE, title="EA7 targets", key="cso_ea7_targets", labels=targets.LABELS,
            slides=page, **table.params,
        )  # fmt: skip

page.close()
