"""Expected accomplishments: each EA's statement, indicators (baseline, latest, target, trend), target countries."""

import streamlit as st

from hrdash.app import frame, pages, widgets
from hrdash.app.data import run
from hrdash.figures import ea as fig
from hrdash.model import indicators, labels, targets
from hrdash.model.text import md

PAGE = pages.EXPECTED_ACCOMPLISHMENTS.title

filters = st.session_state["filters"]
st.title(PAGE)
st.caption(
    f"{labels.MANAGEMENT_PLAN}, thematic strategy 'Strengthening international human rights mechanisms': "
    "each expected accomplishment (EA), its indicators and its target countries. "
    f"Filters: {filters.caption()}."
)
page = frame.open(PAGE, filters)
eas = run("ea_options").set_index("code")
code = st.segmented_control(
    "Expected accomplishment", list(eas.index), default="EA2", required=True, key="ea", bind="query-params",
    help=" · ".join(f"{c}: {md(r.short_name)}" for c, r in eas.iterrows()),
)  # fmt: skip
ea = eas.loc[code]
st.header(f"{code} · {md(ea['short_name'])}")
st.markdown(f"> {md(ea['statement'])}")
st.caption(f"Statement of the expected accomplishment in the {labels.MANAGEMENT_PLAN}.")

inds = indicators.for_ea(code)
indicators_tab, targets_tab, values_tab = st.tabs(
    ["Indicators", "Target countries", "Values per country and year"], key="ea_view", bind="query-params"
)
with indicators_tab:
    if widgets.tab_runs(indicators_tab, "Indicators"):
        st.subheader("Indicators")
        series = []
        for ind in inds:
            year_from, year_to = indicators.query_years(ind, filters.year_from, filters.year_to)
            series.append((ind, indicators.by_year(ind, run(ind.query, filters, year_from=year_from, year_to=year_to))))
        scope = (
            "all countries (global)" if all(i.global_only for i in inds) else "the countries selected in the sidebar"
        )
        st.caption(
            f"Each indicator over {scope}: its value in {filters.year_to} (latest), the change from the "
            f"{indicators.BASELINE_YEAR} baseline, and the 2017 target where the Management Plan gives one. "
            f"Filters: {filters.caption()}."
        )
        cols = st.columns(2)
        for i, (ind, yearly) in enumerate(series):
            p = indicators.progress(ind, yearly, filters.year_to)
            with cols[i % 2].container(border=True):
                st.metric(
                    f"{ind.code} · {ind.name}", ind.fmt(p.latest), delta=p.change_text,
                    delta_color="normal" if ind.direction == "higher" else "inverse",
                    help=f"{ind.definition} Unit: {ind.unit}.",
                )  # fmt: skip
                st.caption(p.caption)
                st.page_link(ind.page, label=f"Detail: {pages.title(ind.page)}", icon=":material/arrow_forward:")
        data = fig.trend_data(series, filters.year_from, filters.year_to)
        st.caption(
            f"Trend per year, {data['year'].min()}–{data['year'].max()}"
            f" (the {indicators.BASELINE_YEAR} baseline always shown, open diamond; targets as stars or shaded spans). "
            f"Filters: {filters.caption()}."
        )
        page.chart(
            fig.trends(data, inds), data,
            title=f"{code} · {ea['short_name']}: indicators per year", key=f"ea_trend_{code}",
            labels=labels.glossary({"code": "Indicator", "indicator": "Name"}),
        )  # fmt: skip

with targets_tab:
    if widgets.tab_runs(targets_tab, "Target countries"):
        if code not in targets.EAS_WITH_TARGETS:
            st.info(targets.NO_TARGET_COUNTRIES, icon=":material/info:")
        else:
            table = targets.table_for(code, filters.year_to)
            met = None
            if table.filterable:
                met = st.selectbox(
                    "Show targets", table.met_values, index=None, key="target_met", bind="query-params",
                    placeholder="All targets", format_func=lambda v: {"yes": "Met", "no": "Not met"}.get(v, v),
                )  # fmt: skip
                table = targets.table_for(code, filters.year_to, met)
            status = run(table.query, filters, **table.params)
            done = targets.summary(status["met"], table.met_values)
            for col, (value, n) in zip(st.columns(len(done)), done.items()):
                col.metric({"yes": "Met", "no": "Not met"}.get(value, value.capitalize()), n, border=True)
            with st.expander("How 'met' is decided"):
                for kind, rule in table.rules.items():
                    st.markdown(f"- `{kind}` — {rule}")
            when = targets.windows_text(filters.year_to) if table.filterable else f"as of the end of {filters.year_to}"
            st.caption(
                f"The {code} target countries of the {labels.MANAGEMENT_PLAN} in this selection ({len(status)} "
                f"targets, {met or 'all'}), "
                f"each with its target and whether it is met ({when}). Filters: {filters.caption()}."
            )
            widgets.table(
                table.query, filters, page=PAGE, title=f"{code} targets", key=f"ea_targets_{code}",
                labels=targets.LABELS, slides=page, **table.params,
            )  # fmt: skip
with values_tab:
    if widgets.tab_runs(values_tab, "Values per country and year"):
        chosen = st.selectbox(
            "Indicator", [i.code for i in inds], key="ea_indicator", bind="query-params",
            format_func=lambda c: f"{c} · {indicators.get(c).name}",
        )  # fmt: skip
        ind = indicators.get(chosen)
        year_from, year_to = indicators.query_years(ind, filters.year_from, filters.year_to)
        st.caption(
            f"{ind.code} per country and year, {year_from}–{year_to}: {md(labels.in_words(ind.definition))} "
            f"Filters: {filters.caption()}."
        )
        with st.expander("How it is computed"):
            st.markdown(md(labels.how_computed(ind)))
        value = f"{ind.name} ({ind.unit})"
        widgets.table(
            ind.query, filters, page=PAGE, title=f"{ind.code} {ind.name}", key=f"ea_values_{chosen}",
            year_from=year_from, year_to=year_to, labels=labels.glossary({"value": value}), kinds={value: ind.kind},
        )  # fmt: skip

page.close()
