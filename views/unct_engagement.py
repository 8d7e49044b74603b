"""UNCT engagement (EA11): Human Rights Advisers, UNCT engagement with the mechanisms, seed stories, EA11 targets."""

from datetime import date

import streamlit as st

from hrdash.app import frame, pages, widgets
from hrdash.app.data import run
from hrdash.figures import unct as fig
from hrdash.model import labels, targets
from hrdash.model.text import md

PAGE = pages.UNCT.title
SEED_DATE = date(2011, 6, 30)  # seed 002: "18 HRAs deployed as of 30 June 2011"

filters = st.session_state["filters"]
st.title(PAGE)
st.caption(
    "Enhanced systematic engagement by UN Country Teams with the international human rights mechanisms (EA11, "
    f"{labels.MANAGEMENT_PLAN}), and the Human Rights Advisers (HRAs) who support them. Filters: {filters.caption()}."
)
page = frame.open(PAGE, filters)
years = f"{filters.year_from}–{filters.year_to}"

hra_tab, deployments_tab, engagement_tab, stories_tab, targets_tab = st.tabs(
    ["Human Rights Advisers", "HRA deployments", "Engagement with the mechanisms", "Stories",
     "EA11 targets and coverage"], key="unct_view", bind="query-params",
)  # fmt: skip

with hra_tab:
    if widgets.tab_runs(hra_tab, "Human Rights Advisers"):
        on_date = st.date_input(
            "Count the HRAs in post on", value=SEED_DATE, min_value=date(2000, 1, 1), max_value=date(2030, 12, 31),
            key="hra_date", bind="query-params", format="YYYY-MM-DD",
            help="Seed 002 counts 18 HRAs deployed as of 30 June 2011: that date is the default.",
        )  # fmt: skip
        on = run("unct_hra_count_on_date", filters, on_date=on_date).iloc[0]
        seed = run("unct_hra_seed_figures")
        c1, c2, c3, c4 = st.columns(4)
        c1.metric(f"HRAs in post on {on_date:%d %b %Y}", int(on["total"]), border=True,
                  help="Advisers with the UNCTs of the selected countries, plus regional advisers.")  # fmt: skip
        c2.metric("With UN Country Teams", int(on["country_advisers"]), border=True)
        c3.metric("Regional advisers", int(on["regional_advisers"]), border=True,
                  help="Counted only when no country list and no EA target filter is set.")  # fmt: skip
        c4.metric("Countries with an HRA", int(on["countries"]), border=True)
        st.caption(md(fig.seed_quote(seed, "hra_deployed_2011_06_30")))

        st.subheader("HRAs over time, against the 2012–2013 plan")
        by_month = run("unct_hra_in_post_by_month", filters)
        st.caption(
            f"Advisers in post at the end of each month, {years}, and deployments started since 1 January 2012 "
            f"against the plan for 2012–2013 of the {labels.HRA_STRATEGY}  (20 new HRAs by the end of 2013; up to "
            "4 regional advisers). "
            f"Filters: {filters.caption()}."
        )
        page.chart(
            fig.hra_over_time(by_month, fig.plan_from_seed(seed), on_date, int(on["total"])), by_month,
            title="HRAs over time, against the 2012–2013 plan", key="unct_hra_over_time",
            labels=fig.LABELS,
        )  # fmt: skip

        st.subheader("Where HRAs are and were")
        by_country = run("unct_hra_deployment_by_country", filters, on_date=on_date)
        st.caption(
            f"{len(by_country)} countries with an HRA deployment in {years}: filled circle = in post on "
            f"{on_date:%d %b %Y}, open circle = only at other times. Filters: {filters.caption()}."
        )
        page.chart(
            fig.hra_map(by_country), by_country, title="Where HRAs are and were", key="unct_hra_map",
            labels=fig.LABELS,
        )  # fmt: skip

with deployments_tab:
    if widgets.tab_runs(deployments_tab, "HRA deployments"):
        st.subheader("Deployments: start, end, funding")
        deployments = run("unct_hra_deployments", filters)
        st.caption(
            f"{len(deployments)} deployments overlapping {years}, one bar each, labelled with the funding; hatched "
            "bars have no end date in the data (still in post, or the source does not say) and run to the end of "
            f"the selected years. Dashed line: 30 June 2011, the date the {labels.HRA_STRATEGY} counts 18 HRAs on. "
            f"Filters: {filters.caption()}."
        )
        page.chart(
            fig.hra_timeline(deployments, SEED_DATE),
            deployments[["country", "start_date", "end_date", "funding", "source"]],
            title="HRA deployments: start, end, funding", key="unct_hra_timeline",
            labels=fig.LABELS,
        )  # fmt: skip
        widgets.table(
            "unct_hra_deployments", filters, page=PAGE, title="HRA deployments", key="unct_hra_deployments",
            labels={**fig.LABELS, "country": "Country (or regional adviser)"},
        )  # fmt: skip

with engagement_tab:
    if widgets.tab_runs(engagement_tab, "Engagement with the mechanisms"):
        st.subheader("UNCT engagement with the mechanisms per year")
        by_year = run("unct_engagement_by_year_activity", filters)
        st.caption(
            f"UNCT submissions to the UPR and treaty bodies, support to Special Procedures visits, follow-up plans, "
            f"joint programmes, recommendations integrated in the UNDAF and human rights working groups, {years}: "
            f"{int(by_year['activities'].sum()):,} activities. Filters: {filters.caption()}."
        )
        page.chart(
            fig.engagement_by_year(by_year), by_year,
            title="UNCT engagement with the mechanisms per year", key="unct_engagement_by_year",
            labels=fig.LABELS,
        )  # fmt: skip

        st.subheader("Per country")
        st.caption(f"Activities per country and kind, {years}. Filters: {filters.caption()}.")
        widgets.table(
            "unct_engagement_by_country", filters, page=PAGE, title="UNCT engagement per country",
            key="unct_engagement_by_country",
            labels=fig.LABELS,
        )  # fmt: skip

        activity = st.selectbox(
            "Activities of kind", fig.ACTIVITIES, index=None, key="unct_activity", bind="query-params",
            placeholder="All kinds",
        )  # fmt: skip
        st.caption(f"Every recorded activity ({md(activity or 'all kinds')}), {years}. Filters: {filters.caption()}.")
        widgets.table(
            "unct_engagement_activities", filters, page=PAGE, title="UNCT engagement activities",
            key="unct_engagement_activities", activity=activity,
            labels=fig.LABELS,
        )  # fmt: skip

        st.subheader("Human rights working groups")
        model = run("unct_story_working_group_model")
        for r in model.itertuples():
            st.info(
                f"**The model: UNCT {md(r.country)} Human Rights Working Group** ({md(labels.in_words(r.source))}). "
                f"{md(r.text)}",
                icon=":material/groups:",
            )
        groups = run("unct_working_groups", filters)
        st.caption(
            f"{len(groups)} UN Country Teams with a human rights working group (or theme group) recorded by "
            f"{filters.year_to}, facts from OHCHR and UNDG documents first. Filters: {filters.caption()}."
        )
        widgets.table(
            "unct_working_groups", filters, page=PAGE, title="UNCT human rights working groups",
            key="unct_working_groups",
            labels=fig.LABELS,
        )  # fmt: skip

with stories_tab:
    if widgets.tab_runs(stories_tab, "Stories"):
        stories = run("unct_story_list", filters)
        st.caption(
            f"{len(stories)} dated events from OHCHR and UNDG documents, told in words with their source: UNCT "
            f"advocacy, follow-up of visits and UPR reviews, the work of HRAs, {years}. Filters: {filters.caption()}."
        )
        for r in stories.itertuples():
            st.markdown(
                f"**{md(r.country)}, {r.year}** · {md(labels.value(r.mechanism))} · "
                f"{md(labels.in_words(r.source))}  \n{md(r.text)}"
            )
        widgets.table(
            "unct_story_list", filters, page=PAGE, title="Stories", key="unct_stories",
            labels=fig.LABELS,
        )  # fmt: skip

with targets_tab:
    if widgets.tab_runs(targets_tab, "EA11 targets and coverage"):
        st.subheader(f"EA11 target countries ({labels.MANAGEMENT_PLAN})")
        table = targets.table_for("EA11", filters.year_to)
        met = st.selectbox(
            "Show targets", table.met_values, index=None, key="unct_target_met", bind="query-params",
            placeholder="All targets", format_func=lambda v: {"yes": "Met", "no": "Not met"}.get(v, v),
        )  # fmt: skip
        table = targets.table_for("EA11", filters.year_to, met)
        with st.expander("How 'met' is decided"):
            for kind, rule in table.rules.items():
                st.markdown(f"- `{kind}` — {rule}")
        st.caption(
            f"Each target of the {labels.MANAGEMENT_PLAN} and its status: {targets.windows_text(filters.year_to)} "
            f"({md(met or 'all targets')}). Filters: {filters.caption()}."
        )
        widgets.table(
            table.query, filters, page=PAGE, title="EA11 targets", key="unct_ea11_targets", labels=targets.LABELS,
            slides=page, **table.params,
        )  # fmt: skip

        st.subheader("Coverage: UPR recommendations without UNCT follow-up")
        cover = run("unct_coverage_summary", filters).iloc[0]
        c1, c2, c3 = st.columns(3)
        c1.metric("Countries with UPR recommendations", int(cover["countries_with_recommendations"]), border=True)
        c2.metric("… with UNCT engagement on the UPR", int(cover["with_unct_engagement"]), border=True)
        c3.metric("… with none recorded", int(cover["without_unct_engagement"]), border=True)
        st.caption(
            f"Countries that received UPR recommendations in {years} but have no UNCT engagement recorded on the UPR "
            "(a UNCT submission, follow-up plan or other UPR or all-mechanism activity) in those years: where "
            f"follow-up support may be missing. Filters: {filters.caption()}."
        )
        widgets.table(
            "unct_coverage_gaps", filters, page=PAGE, title="UPR recommendations without UNCT engagement",
            key="unct_coverage_gaps",
            labels=fig.LABELS,
        )  # fmt: skip

page.close()
