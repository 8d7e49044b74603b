"""Treaty bodies (EA6): overdue reports, timeliness, reviews per year, national mechanisms for reporting."""

import streamlit as st

from hrdash.app import frame, pages, widgets
from hrdash.app.data import run
from hrdash.figures import treaty_bodies as figs
from hrdash.model import labels
from hrdash.model.text import md

PAGE = pages.TREATY_BODIES.title

# A figure is built once per distinct data and handed back as the same object (nothing mutates it),
# so a rerun with unchanged filters only serialises it.
figure = st.cache_resource(max_entries=64, show_spinner=False)

filters = st.session_state["filters"]
whole_world = not (filters.region or filters.countries or filters.target_ea)
st.title("Treaty bodies: State reporting and national mechanisms (EA6)")
st.caption(
    "EA6: States engage with the mechanisms — timely reports to the treaty bodies and standing national "
    f"mechanisms for reporting and follow-up ({labels.MANAGEMENT_PLAN}). "
    f"Filters: {filters.caption()}."
)
page = frame.open(PAGE, filters)

names = dict(run("tb_bodies").itertuples(index=False))
chosen = st.multiselect(
    "Treaty bodies", list(names), key="bodies", bind="query-params", placeholder="All nine treaty bodies",
    help="Limits the reporting charts (not the national mechanisms) to these bodies. "
    + "; ".join(f"{md(k)}: {md(v)}" for k, v in names.items()),
)  # fmt: skip
as_of_row = run("tb_as_of", filters).iloc[0]
as_of = as_of_row["as_of"].date()
as_of_text = f"{as_of:%-d %B %Y} " + (
    "(the end of the selected years)"
    if as_of_row["basis"] == "year_end"
    else "(the latest date in the treaty-body data)"
)
where = filters.caption() + (f"; treaty bodies: {md(', '.join(chosen))}" if chosen else "")
# The export's About sheet lists the global filters; the table title carries the page's own choices.
of_bodies = f" ({', '.join(chosen)})" if chosen else ""


def overdue() -> None:
    st.header(f"Overdue reports on {as_of_text}")
    by_body = run("tb_overdue_by_body", filters, as_of=as_of, bodies=chosen)
    by_country = run("tb_overdue_by_country", filters, as_of=as_of, bodies=chosen)
    with_overdue = int((by_country["overdue_reports"] > 0).sum())
    st.caption(
        f"Reports due on or before {as_of_text} and not submitted by then, whatever year they fell due: "
        f"{int(by_body['overdue_reports'].sum())} reports from {with_overdue} of the {len(by_country)} selected "
        f"countries. Filters: {where}."
    )
    st.subheader("Per country")
    page.chart(
        figure(figs.overdue_map)(by_country), by_country[["iso3", "name", "ohchr_region", "overdue_reports"]],
        title=f"Overdue reports on {as_of_text}, per country", key="tb_overdue_map",
        labels=labels.glossary(),
    )  # fmt: skip
    st.subheader("Per treaty body")
    page.chart(
        figure(figs.overdue_by_body)(by_body), by_body,
        title=f"Overdue reports on {as_of_text}, per treaty body", key="tb_overdue_body",
        labels=labels.glossary(),
    )  # fmt: skip
    st.subheader("Countries ranked by overdue reports")
    st.caption(
        f"Most overdue reports first; the oldest report's due date and how long it is overdue. Filters: {where}."
    )
    widgets.table(
        "tb_overdue_by_country", filters, page=PAGE, title=f"Overdue reports per country on {as_of}{of_bodies}",
        key="tb_overdue_countries", as_of=as_of, bodies=chosen, slides=page,
        labels=labels.glossary(),
    )  # fmt: skip
    # Lazy: the list (hundreds of rows) is only queried and drawn while the expander is open (in the URL).
    every = st.expander(f"Every overdue report, one row each ({int(by_body['overdue_reports'].sum())})",
                        key="overdue_list", bind="query-params")  # fmt: skip
    if every.open:
        with every:
            st.caption(f"Reports due and not submitted on {as_of_text}; longest overdue first. Filters: {where}.")
            widgets.table(
                "tb_overdue_reports", filters, page=PAGE, title=f"Overdue reports on {as_of}{of_bodies}",
                key="tb_overdue_reports", as_of=as_of, bodies=chosen,
                labels=labels.glossary({"id": "Report id"}),
            )  # fmt: skip


TIMELINESS_LABELS = labels.glossary(
    {"year": "Year due", "region": "OHCHR region", "not_submitted": f"Not submitted by {as_of}"}
)


def timeliness() -> None:
    st.header("Timeliness of State reports")
    st.caption(
        f"Reports that fell due in {filters.year_from}–{filters.year_to} (and by {as_of_text}): the share "
        "submitted by the due date (reports not yet submitted count as not on time), and the median delay — "
        "submission minus due date, negative when early — of those submitted. Recent years have many reports "
        f"not yet submitted, so their median delay is low. Filters: {where}."
    )
    for by, name, key, per in [
        ("year", "tb_timeliness_by_year", "tb_timeliness_year", "per year the reports fell due"),
        ("region", "tb_timeliness_by_region", "tb_timeliness_region", "per OHCHR region"),
    ]:
        df = run(name, filters, as_of=as_of, bodies=chosen)
        st.subheader(per[0].upper() + per[1:])
        page.chart(
            figure(figs.timeliness)(df, by), df, title=f"Timeliness of State reports, {per}",
            key=key, labels=TIMELINESS_LABELS,
        )  # fmt: skip


def reviews() -> None:
    st.header("State reports reviewed per year")
    seed = run("tb_reviews_seed_figure").iloc[0]  # seed 004: about 120 a year, all countries and bodies
    reference = float(seed["value"]) if whole_world and not chosen else None
    document = md(labels.in_words(seed["source"]))
    st.caption(
        f"State reports reviewed by each treaty body in the selected countries, {filters.year_from}–"
        f"{filters.year_to}, by the date of the review; the number above each bar is the year's total. "
        + (f"The dashed line is the {document}'s figure for all countries ({md(seed['as_of'])}): "
           f"“{md(seed['sentence'])}” "
           if reference else f"The {document}'s {seed['value']:.0f} reviews a year cover all countries and "
           "bodies, so the line is not drawn under these filters. ")
        + f"Filters: {where}."
    )  # fmt: skip
    df = run("tb_reviews_by_year_body", filters, bodies=chosen)
    page.chart(
        figure(figs.reviews_by_year)(df, reference), df, title="State reports reviewed per year", key="tb_reviews",
        labels=labels.glossary({"reviews": "Reports reviewed"}),
    )  # fmt: skip


def mechanisms() -> None:
    st.header("National mechanisms for reporting and follow-up")
    s = run("tb_nmrf_summary", filters).iloc[0]
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(
        "Countries with a mechanism", f"{s['with_mechanism']} of {s['countries']}", border=True,
        help=f"Selected countries with a national mechanism for reporting and follow-up on 31 December "
        f"{filters.year_to}.",
    )  # fmt: skip
    m2.metric(
        "Named countries with one", f"{s['named_targets_with_mechanism']} of {s['named_targets']}", border=True,
        help=f"Countries the {labels.MANAGEMENT_PLAN} names for participatory standing coordination bodies (EA6) "
             "that have a mechanism.",
    )  # fmt: skip
    m3.metric(
        "EA6 target", f"{s['countries_of_engagement_target']} countries", border=True,
        help=f"{labels.MANAGEMENT_PLAN}: “By 2017, OHCHR hopes to have contributed to reinforcing participatory "
             "mechanisms for "
        "reporting and follow-up in 71 countries of engagement.”",
    )  # fmt: skip
    m4.metric(
        "NHRI / civil society take part", f"{s['nhri_participation']} / {s['cso_participation']}", border=True,
        help="Mechanisms in which the national human rights institution / civil society organisations take part.",
    )  # fmt: skip
    st.caption(
        f"The {labels.MANAGEMENT_PLAN} sets a target of {s['countries_of_engagement_target']} countries of "
        "engagement by 2017 and names "
        f"{s['named_targets_all']} of them (the rest are groups such as “countries in South Asia, the Pacific and "
        f"Gulf States”); {s['named_targets']} are in the current selection. Filters: {filters.caption()}."
    )
    by_year = run("tb_nmrf_by_year", filters)
    target = float(s["countries_of_engagement_target"]) if whole_world else None
    st.subheader("Established over time")
    st.caption(
        f"Mechanisms established each year and countries with one on 31 December, {filters.year_from}–"
        f"{filters.year_to}"
        + (f"; dotted line: the target of {target:.0f} countries of engagement" if target else "")
        + f". Filters: {filters.caption()}."
    )  # fmt: skip
    page.chart(
        figure(figs.mechanisms_over_time)(by_year, target), by_year,
        title="National mechanisms for reporting and follow-up, established over time", key="nmrf_over_time",
        labels=labels.glossary(),
    )  # fmt: skip
    st.subheader("Type and participation")
    by_type = run("tb_nmrf_by_type", filters)
    st.caption(
        f"Mechanisms in place on 31 December {filters.year_to} by type, and how many involve the NHRI, civil "
        f"society, or track recommendations with a tool. Filters: {filters.caption()}."
    )
    page.chart(
        figure(figs.mechanisms_by_type)(by_type), by_type,
        title="National mechanisms: type and participation", key="tb_nmrf_by_type",
        labels=labels.glossary(),
    )  # fmt: skip
    st.subheader("Countries with a mechanism or named for one")
    st.caption(
        f"Selected countries with a mechanism on 31 December {filters.year_to}, and the countries of engagement "
        f"the {labels.MANAGEMENT_PLAN} names for a standing coordination body, with or without one. Filters: "
        f"{filters.caption()}."
    )
    widgets.table(
        "tb_nmrf_by_country", filters, page=PAGE, title="National mechanisms for reporting and follow-up",
        key="nmrf_countries",
        labels=labels.glossary(),
    )  # fmt: skip


# Lazy tabs: only the open tab runs its queries and builds its figures; the tab is in the URL
# (?tb_view=Timeliness), so a shared link opens the same view.
SECTIONS = {
    "Overdue reports": overdue,
    "Timeliness": timeliness,
    "Reviews": reviews,
    "National mechanisms": mechanisms,
}
widgets.lazy_tabs(SECTIONS, key="tb_view")

page.close()
